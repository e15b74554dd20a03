/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_cites.c: `chimuc cites DOC`: its options, the cites operation
 * (chimuc/cites.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/cites.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "command.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc cites [--db DIR] [--json] [--limit N] [--offset N] [--count] DOC\n"
	"List what DOC cites; DOC is the path of an indexed file (spelt any way) or\n"
	"the document's own number (\"1600-KH/BDVTW\"). With --json, one object per\n"
	"citation and line: key, text, type, number, symbol, date, relation, issuer,\n"
	"path (null when the cited document is not in the index).\n"
	"\n" CM_PAGE_HELP;

/* Runs the operation and writes its answer: 0 or a CM_E code. */
static int run(cm_index *ix, const char *doc, const cm_page *page, int json)
{
	cm_cites_options o = CM_CITES_OPTIONS_INIT;
	cm_cites_result *r = NULL;
	int rc;

	o.offset = page->offset;
	o.limit = page->count ? 0 : page->limit;
	if ((rc = cm_cites(&r, ix, doc, &o)) < 0)
		return rc;
	if (page->count)
		printf("%zu\n", cm_cites_total(r));
	else
		rc = json ? cm_cites_write_json(stdout, r) : cm_cites_write_text(stdout, r);
	cm_cites_free(r);
	return rc;
}

int cm_cmd_cites(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {CM_PAGE_OPTIONS, {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_page page = CM_PAGE_ALL;
	int c, status, rc;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (cm_page_option(&page, c, optarg, "cites"))
			return CM_EXIT_USAGE;
	if (c < 0)
		return ctx->exit;
	if (argc - optind != 1)
		return cm_cli_usage_error("cites", "give one DOC");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = run(ctx->ix, argv[optind], &page, ctx->json)) < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
