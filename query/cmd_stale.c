/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_stale.c: `chimuc stale`: its options, the stale operation
 * (chimuc/stale.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/stale.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc stale [--db DIR] [--json] [--today YYYY-MM-DD]\n"
	"List the documents still cited after they were replaced, repealed or ended\n"
	"(see 'chimuc status --help'), each with the indexed documents dated later\n"
	"that cite it, newest first.\n"
	"\n"
	"  --today DATE   the day to judge on (default: $CHIMUC_TODAY, else today)\n"
	"\n"
	"With --json, one object per document and line: key, status, since, by,\n"
	"citing [{path, key, date}].\n";

int cm_cmd_stale(cm_cmd_ctx *ctx, int argc, char **argv)
{
	cm_stale_options o = CM_STALE_OPTIONS_INIT;
	cm_stale_result *r = NULL;
	int status, rc;

	if (cm_cli_today_getopt(&o.today, ctx, argc, argv, usage_text) < 0)
		return ctx->exit;
	if (argc != optind)
		return cm_cli_usage_error("stale", "takes no arguments");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	rc = cm_stale(&r, ctx->ix, &o);
	if (rc == 0)
		rc = ctx->json ? cm_stale_write_json(stdout, r) : cm_stale_write_text(stdout, r);
	cm_stale_free(r);
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	return rc == CM_EINVAL ? CM_EXIT_USAGE : rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
