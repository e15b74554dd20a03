/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_dbpath.c: where the index lives: --db, $CHIMUC_DB, XDG, HOME. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "chimuc/dbpath.h"
#include "chimuc/error.h"

typedef struct {
	const char *option, *chimuc_db, *xdg, *home;
	int rc;
	const char *want;
} case_t;

static const case_t cases[] = {
	{"/x/db", "/env/db", "/xdg", "/home/u", 0, "/x/db"},
	{NULL, "/env/db", "/xdg", "/home/u", 0, "/env/db"},
	{"", "/env/db", "/xdg", "/home/u", 0, "/env/db"},
	{NULL, NULL, "/xdg", "/home/u", 0, "/xdg/chimuc/index"},
	{NULL, NULL, "relative", "/home/u", 0, "/home/u/.local/share/chimuc/index"},
	{NULL, NULL, NULL, "/home/u", 0, "/home/u/.local/share/chimuc/index"},
	{NULL, NULL, NULL, NULL, CM_EINVAL, NULL},
};

static void set(const char *name, const char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

Test(dbpath, resolution_order)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const case_t *c = &cases[i];
		char *out = NULL;

		set("CHIMUC_DB", c->chimuc_db);
		set("XDG_DATA_HOME", c->xdg);
		set("HOME", c->home);
		cr_assert_eq(cm_dbpath_resolve(&out, c->option), c->rc, "case %zu", i);
		if (c->want)
			cr_assert_str_eq(out, c->want, "case %zu", i);
		else
			cr_assert_null(out);
		free(out);
	}
}
