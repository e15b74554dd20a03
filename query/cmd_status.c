/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_status.c: `chimuc status REF...`: its options, the status operation
 * (chimuc/status.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/status.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc status [--db DIR] [--json] [--today YYYY-MM-DD] REF...\n"
	"Say whether each REF (\"3080/QĐ-UBND\", \"25-NQ/TW@2013\") is in force, from what\n"
	"the indexed texts say of it: in_force, amended, replaced, repealed, expired,\n"
	"not_yet (in force later) or unknown (not indexed, nothing said of it), with\n"
	"since, and every claim (the document that replaces, repeals, amends or ends\n"
	"it, the part, from when, the document that says so and its sentence).\n"
	"Claims that disagree are all shown as conflicts.\n"
	"\n"
	"  --today DATE   the day to judge on (default: $CHIMUC_TODAY, else today)\n"
	"\n"
	"With --json, one object per REF and line: key, status, since, path, by\n"
	"[{key, id, path, relation, part, date, context, by_path}], conflicts.\n";

int cm_cmd_status(cm_cmd_ctx *ctx, int argc, char **argv)
{
	cm_status_options o = CM_STATUS_OPTIONS_INIT;
	cm_status_result *r = NULL;
	int status, rc;

	if (cm_cli_today_getopt(&o.today, ctx, argc, argv, usage_text) < 0)
		return ctx->exit;
	if (argc - optind < 1)
		return cm_cli_usage_error("status", "give at least one REF");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	rc = cm_status(&r, ctx->ix, (const char *const *)argv + optind, (size_t)(argc - optind),
		       &o);
	if (rc == 0)
		rc = ctx->json ? cm_status_write_json(stdout, r) : cm_status_write_text(stdout, r);
	cm_status_free(r);
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	return rc == CM_EINVAL ? CM_EXIT_USAGE : rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
