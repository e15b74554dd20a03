/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_source.c: reading files: format by content, skip reasons, the size
 * limit at and past its value, FIFOs never block, symbolic links. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/error.h"
#include "chimuc/source.h"

static char dir[256];

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s/source.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(source, .init = setup, .fini = teardown);

static const char *write_file(const char *name, const char *data, size_t len)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

typedef struct {
	const char *name;
	const char *data;
	size_t len;
	int rc;          /* expected result */
	const char *why; /* expected message part, or the expected text */
	size_t invalid;
} case_t;

#define S(x) x, sizeof(x) - 1

static const case_t cases[] = {
	{"plain", S("Nghị quyết số 25-NQ/TW"), 0, "Nghị quyết số 25-NQ/TW", 0},
	{"empty", S(""), CM_EUNSUPPORTED, "empty file", 0},
	{"blank", S(" \t\r\n\n  "), CM_EUNSUPPORTED, "only white space", 0},
	{"nul", S("abc\0def"), CM_EUNSUPPORTED, "binary file", 0},
	{"pdf", S("%PDF-1.7\n..."), CM_EUNSUPPORTED, "cannot open PDF: PDF document is damaged", 0},
	{"zip", S("PK\x03\x04rest"), CM_EUNSUPPORTED, "damaged ZIP", 0},
	{"ole2", S("\xd0\xcf\x11\xe0rest"), CM_EUNSUPPORTED, "unsupported format: OLE2", 0},
	{"invalid", S("d\xc3\xa2n v\xe1\xba\xadn \xff kh\xc3\xa9o"), 0, "dân vận \xef\xbf\xbd khéo",
	 1},
	{"windows-1258", S("d\xe2n v\xe2\xf2n kh\xe9o"), 0, "dân vận khéo", 0},
	{"utf16le",
	 S("\xff\xfe"
	   "d\0\xe2\0n\0"),
	 0, "dân", 0},
};

Test(source, table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const case_t *c = &cases[i];
		const char *path = write_file(c->name, c->data, c->len);
		cm_source *src = NULL;
		int rc = cm_source_load(&src, path, CM_SOURCE_MAX_DEFAULT, 0);

		cr_assert_eq(rc, c->rc, "%s: rc %d, want %d (%s)", c->name, rc, c->rc,
			     cm_error_last());
		if (rc < 0) {
			cr_assert_not_null(strstr(cm_error_last(), c->why), "%s: %s", c->name,
					   cm_error_last());
			cr_assert_null(src);
			continue;
		}
		cr_assert_str_eq(src->text, c->why, "%s", c->name);
		cr_assert_eq(src->invalid, c->invalid, "%s", c->name);
		cr_assert_eq(src->size, c->len);
		cm_source_free(src);
	}
}

Test(source, size_limit_at_and_past)
{
	const char *path = write_file("ten", "0123456789", 10);
	cm_source *src = NULL;

	cr_assert_eq(cm_source_load(&src, path, 10, 0), 0);
	cm_source_free(src);
	src = NULL;
	cr_assert_eq(cm_source_load(&src, path, 9, 0), CM_ELIMIT);
	cr_assert_null(src);
}

Test(source, fifo_does_not_block)
{
	char path[512];
	cm_source *src = NULL;

	snprintf(path, sizeof path, "%s/fifo", dir);
	cr_assert_eq(mkfifo(path, 0600), 0);
	cr_assert_eq(cm_source_load(&src, path, CM_SOURCE_MAX_DEFAULT, 0), CM_EUNSUPPORTED);
	cr_assert_not_null(strstr(cm_error_last(), "not a regular file"));
}

Test(source, symlink_followed_only_on_request)
{
	char link[512];
	const char *target = write_file("target", "dân vận", strlen("dân vận"));
	cm_source *src = NULL;

	snprintf(link, sizeof link, "%s/link", dir);
	cr_assert_eq(symlink(target, link), 0);
	cr_assert_eq(cm_source_load(&src, link, CM_SOURCE_MAX_DEFAULT, 0), CM_EUNSUPPORTED);
	cr_assert_eq(cm_source_load(&src, link, CM_SOURCE_MAX_DEFAULT, 1), 0);
	cr_assert_str_eq(src->text, "dân vận");
	cm_source_free(src);
}

Test(source, missing_and_unreadable)
{
	char path[512];
	cm_source *src = NULL;

	snprintf(path, sizeof path, "%s/none", dir);
	cr_assert_eq(cm_source_load(&src, path, CM_SOURCE_MAX_DEFAULT, 0), CM_ENOTFOUND);
	cr_assert_eq(cm_source_load(&src, dir, CM_SOURCE_MAX_DEFAULT, 0), CM_EUNSUPPORTED);
}
