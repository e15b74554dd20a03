/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_cited_by.c: `chimuc cited-by REF`: its options, the cited-by
 * operation (chimuc/cited_by.h) and one of its writers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/cited_by.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "cli_index.h"
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

int cm_cmd_cited_by(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"type", required_argument, NULL, 't'},
						 {"relation", required_argument, NULL, 'r'},
						 {"depth", required_argument, NULL, 'D'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
	cm_page page = CM_PAGE_ALL;
	cm_index *ix = NULL;
	const char *dbopt = NULL;
	char *dbpath = NULL;
	int c, json = 0, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 't': o.type = optarg; break;
		case 'r': o.relation = optarg; break;
		case 'D':
			if (cm_cli_count(&o.depth, optarg, CM_CITED_BY_DEPTH_MAX) < 0 ||
			    o.depth == 0)
				return cm_cli_usage_error("cited-by",
							  "--depth needs a number from 1 to %d",
							  CM_CITED_BY_DEPTH_MAX);
			break;
		case 'j': json = 1; break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&page, c, optarg, "cited-by"))
				return CM_EXIT_USAGE;
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("cited-by", "unknown option");
		}
	}
	if (argc - optind != 1)
		return cm_cli_usage_error("cited-by", "give one REF, e.g. 25-NQ/TW");
	if ((status = cm_cli_open_index(&ix, &dbpath, dbopt)) >= 0)
		return status;
	rc = run(ix, argv[optind], &o, &page, json);
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	cm_index_free(ix);
	free(dbpath);
	return rc == CM_EINVAL ? CM_EXIT_USAGE : rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
