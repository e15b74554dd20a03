/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_stats.c: `chimuc stats`: the stats operation (chimuc/stats.h) and one
 * of its writers. */
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/stats.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc stats [--db DIR] [--json]\n"
	"Print the number of documents and the size of the index in bytes.\n"
	"With --json: one object with documents, bytes and db.\n";

int cm_cmd_stats(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const cm_cmd_options opts = {"", NULL, usage_text};
	cm_stats_info s;
	int status, rc;

	if (cm_cmd_getopt(ctx, argc, argv, &opts) < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = cm_stats(&s, ctx->ix, NULL)) == 0)
		rc = ctx->json ? cm_stats_write_json(stdout, &s) : cm_stats_write_text(stdout, &s);
	if (rc < 0) {
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "%s", cm_error_last());
		return CM_EXIT_FAIL;
	}
	return CM_EXIT_OK;
}
