/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_top_cited.c: `chimuc top-cited`: its options, the top-cited
 * operation (chimuc/top_cited.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/top_cited.h"
#include "cli.h"
#include "command.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc top-cited [--db DIR] [--json] [--limit N] [--offset N] [--count]\n"
	"List every cited document, most cited first, with the number of documents\n"
	"citing it. With --json, one object per line: key, count, path (null when\n"
	"not in the index).\n"
	"\n" CM_PAGE_HELP;

/* Runs the operation and writes its answer: 0 or a CM_E code. */
static int run(cm_index *ix, const cm_page *page, int json)
{
	cm_top_cited_options o = CM_TOP_CITED_OPTIONS_INIT;
	cm_top_cited_result *r = NULL;
	int rc;

	o.offset = page->offset;
	o.limit = page->count ? 0 : page->limit;
	if ((rc = cm_top_cited(&r, ix, &o)) < 0)
		return rc;
	if (page->count)
		printf("%zu\n", cm_top_cited_total(r));
	else
		rc = json ? cm_top_cited_write_json(stdout, r) : cm_top_cited_write_text(stdout, r);
	cm_top_cited_free(r);
	return rc;
}

int cm_cmd_top_cited(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {CM_PAGE_OPTIONS, {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_page page = CM_PAGE_ALL;
	int c, status, rc;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (cm_page_option(&page, c, optarg, "top-cited"))
			return CM_EXIT_USAGE;
	if (c < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("top-cited", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = run(ctx->ix, &page, ctx->json)) < 0)
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "%s", cm_error_last());
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
