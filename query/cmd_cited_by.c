/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_cited_by.c: `chimuc cited-by REF`: its options, the cited-by
 * operation (chimuc/cited_by.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>

#include "chimuc/cited_by.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "command.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc cited-by [OPTION]... REF\n"
	"List the documents that cite REF (\"25-NQ/TW\", \"Nghị quyết số 25-NQ/TW\",\n"
	"\"25-NQ/TW@2013\" for the one of 2013), each with the citing sentence.\n"
	"\n"
	"  --db DIR        the index\n"
	"  --type T        only citing documents of that type (KH, \"Kế hoạch\", NQ…)\n"
	"  --relation R    only citations whose cue contains R (\"thực hiện\")\n"
	"  --depth N       also the documents citing those, N levels (default 1,\n"
	"                  at most 10); each document is listed once, at its\n"
	"                  smallest depth\n"
	"  --json          one JSON object per citing document and line (nothing\n"
	"                  else): path, title, type, number, date, relation,\n"
	"                  context, key, depth, ambiguous\n" CM_PAGE_HELP
	"  -h, --help      show this help\n"
	"Every citing document is listed, in order of depth then of the index;\n"
	"--count gives the total of a paged listing.\n";

/* Runs the operation and writes its answer: 0 or a CM_E code. */
static int run(cm_index *ix, const char *ref, cm_cited_by_options *o, const cm_page *page, int json)
{
	cm_cited_by_result *r = NULL;
	int rc;

	o->offset = page->offset;
	o->limit = page->count ? 0 : page->limit;
	if ((rc = cm_cited_by(&r, ix, ref, o)) < 0)
		return rc;
	if ((rc = cm_cited_by_write_notes(stderr, CM_PROGRAM, r)) == 0 &&
	    cm_cited_by_total(r) == 0 && !json && !page->count)
		fprintf(stderr, "%s: no document cites %s\n", CM_PROGRAM, ref);
	if (rc == 0 && page->count)
		printf("%zu\n", cm_cited_by_total(r));
	else if (rc == 0)
		rc = json ? cm_cited_by_write_json(stdout, r) : cm_cited_by_write_text(stdout, r);
	cm_cited_by_free(r);
	return rc;
}

int cm_cmd_cited_by(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"type", required_argument, NULL, 't'},
						 {"relation", required_argument, NULL, 'r'},
						 {"depth", required_argument, NULL, 'D'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
	cm_page page = CM_PAGE_ALL;
	int c, status, rc;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 't': o.type = optarg; break;
		case 'r': o.relation = optarg; break;
		case 'D':
			if (cm_cli_count(&o.depth, optarg, CM_CITED_BY_DEPTH_MAX) < 0 ||
			    o.depth == 0)
				return cm_cli_usage_error("cited-by",
							  "--depth needs a number from 1 to %d",
							  CM_CITED_BY_DEPTH_MAX);
			break;
		default:
			if (cm_page_option(&page, c, optarg, "cited-by"))
				return CM_EXIT_USAGE;
			break;
		}
	}
	if (c < 0)
		return ctx->exit;
	if (argc - optind != 1)
		return cm_cli_usage_error("cited-by", "give one REF, e.g. 25-NQ/TW");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	rc = run(ctx->ix, argv[optind], &o, &page, ctx->json);
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	return rc == CM_EINVAL ? CM_EXIT_USAGE : rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
