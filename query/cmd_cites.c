/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_cites.c: `chimuc cites DOC`: its options, the cites operation
 * (chimuc/cites.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/cites.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "cli_index.h"
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

int cm_cmd_cites(int argc, char **argv)
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
			if (cm_page_option(&page, c, optarg, "cites"))
				return CM_EXIT_USAGE;
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("cites", "unknown option");
		}
	}
	if (argc - optind != 1)
		return cm_cli_usage_error("cites", "give one DOC");
	if ((status = cm_cli_open_index(&ix, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = run(ix, argv[optind], &page, json)) < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	cm_index_free(ix);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
