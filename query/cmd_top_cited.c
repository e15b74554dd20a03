/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_top_cited.c: `chimuc top-cited`: its options, the top-cited
 * operation (chimuc/top_cited.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/top_cited.h"
#include "cli.h"
#include "cli_index.h"
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

int cm_cmd_top_cited(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	const char *dbopt = NULL;
	cm_page page = CM_PAGE_ALL;
	cm_index *ix = NULL;
	char *dbpath = NULL;
	int c, json = 0, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'j': json = 1; break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&page, c, optarg, "top-cited"))
				return CM_EXIT_USAGE;
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("top-cited", "unknown option");
		}
	}
	if (optind < argc)
		return cm_cli_usage_error("top-cited", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cli_open_index(&ix, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = run(ix, &page, json)) < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	cm_index_free(ix);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
