/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_check.c: `chimuc check`: its options, the check operation
 * (chimuc/check.h), its problems on standard error and its verdict (or,
 * with --dump, its entries) on standard output. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/check.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc check [--db DIR] [--dump]\n"
	"Check the index: Xapian's consistency check, then every document read back\n"
	"whole and compared with its file where the file is unchanged. Exit 1 on any\n"
	"problem. --dump: print one line per document (path, content hash, number of\n"
	"terms, size of its data), sorted by path, for comparing two indexes.\n";

int cm_cmd_check(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"dump", no_argument, NULL, 'D'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_check_options o = CM_CHECK_OPTIONS_INIT;
	cm_check_result *r = NULL;
	int c, status, rc, ok = 0;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (c == 'D')
			o.entries = 1;
	if (c < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("check", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = cm_check(&r, ctx->ix, &o)) == 0 &&
	    (rc = cm_check_write_problems(stderr, CM_PROGRAM, r)) == 0) {
		ok = cm_check_ok(r);
		rc = o.entries ? cm_check_write_entries(stdout, r) : cm_check_write_text(stdout, r);
	}
	if (rc < 0)
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "%s", cm_error_last());
	cm_check_free(r);
	return rc < 0 || !ok ? CM_EXIT_FAIL : CM_EXIT_OK;
}
