/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_deadlines.c: `chimuc deadlines`: the deadlines and occasions (or with
 * --all every date) of the indexed documents, optionally on a day or in a
 * period, of one actor or recipient, sorted by date or grouped by actor, as
 * text, JSON Lines or iCalendar: its options,
 * the listing of chimuc/deadlines.h and one of its writers. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/deadlines.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "command.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc deadlines [OPTION]...\n"
	"List the deadlines and occasions of the indexed documents, sorted by date,\n"
	"each with its document and the sentence around it.\n"
	"\n"
	"  --db DIR        the index\n"
	"  --on DATE       only that date: 15/10 (that day in every year: occasions\n"
	"                  and deadlines alike), 15/10/2024 or 2024-10-15, 2024-06\n"
	"  --from DATE     only from that day or month on (2024-06-01, 2024-06, 2024)\n"
	"  --to DATE       only up to that day or month\n"
	"  --type T        only documents of that type (KH, \"Kế hoạch\", NQ…)\n"
	"  --actor BODY    only the deadlines that body owes (\"Ban Dân vận\", BDV and\n"
	"                  \"ban dan van\" all match \"Ban Dân vận Tỉnh ủy\")\n"
	"  --recipient BODY  only the deadlines owed to that body (\"Ban Thường vụ\")\n"
	"  --by actor      grouped under the body that owes them, by date in each;\n"
	"                  those without one last\n"
	"  --all           every date mentioned, not only deadlines and occasions\n"
	"  --json          one JSON object per line: path, title, iso, resolved, kind\n"
	"                  (deadline, occasion, date), text, context, occasion,\n"
	"                  recurrence, start, end, actor, task, recipient, channel,\n"
	"                  partners\n"
	"  --ics           an iCalendar (RFC 5545) file with one event per line of the\n"
	"                  list: the task as summary, actor → recipient and the\n"
	"                  sentence as description; day-month occasions recur yearly,\n"
	"                  recurring deadlines by their recurrence\n" CM_PAGE_HELP
	"  -h, --help      show this help\n"
	"Every matching date is listed; --count gives the total of a paged listing.\n";

typedef struct {
	int json, ics;
	cm_page page;
	cm_deadlines_options op;
} options;

static int parse_options(options *o, cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"on", required_argument, NULL, 'o'},
						 {"from", required_argument, NULL, 'f'},
						 {"to", required_argument, NULL, 't'},
						 {"all", no_argument, NULL, 'a'},
						 {"ics", no_argument, NULL, 'i'},
						 {"type", required_argument, NULL, 'T'},
						 {"actor", required_argument, NULL, 'A'},
						 {"recipient", required_argument, NULL, 'R'},
						 {"by", required_argument, NULL, 'B'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	int c;

	*o = (options){.page = CM_PAGE_ALL, .op = CM_DEADLINES_OPTIONS_INIT};
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 'o': o->op.on = optarg; break;
		case 'f': o->op.from = optarg; break;
		case 't': o->op.to = optarg; break;
		case 'a': o->op.all = 1; break;
		case 'i': o->ics = 1; break;
		case 'T': o->op.type = optarg; break;
		case 'A': o->op.actor = optarg; break;
		case 'R': o->op.recipient = optarg; break;
		case 'B':
			if (strcmp(optarg, "actor") != 0)
				return cm_cli_usage_error("deadlines", "--by: 'actor', not '%s'",
							  optarg);
			o->op.by = CM_DEADLINES_BY_ACTOR;
			break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&o->page, c, optarg, "deadlines"))
				return CM_EXIT_USAGE;
			break;
		}
	}
	if (c < 0)
		return ctx->exit;
	o->json = ctx->json;
	if (optind < argc)
		return cm_cli_usage_error("deadlines", "unexpected argument '%s'", argv[optind]);
	if (o->op.on && (o->op.from || o->op.to))
		return cm_cli_usage_error("deadlines", "--on excludes --from and --to");
	if (o->json && o->ics)
		return cm_cli_usage_error("deadlines", "--json and --ics exclude each other");
	o->op.offset = o->page.offset;
	o->op.limit = o->page.limit;
	return -1;
}

static int write_listing(const options *o, const cm_deadlines_result *r)
{
	if (o->page.count) {
		printf("%zu\n", cm_deadlines_total(r));
		return 0;
	}
	if (o->ics)
		return cm_deadlines_write_ics(stdout, r);
	if (o->json)
		return cm_deadlines_write_json(stdout, r);
	return cm_deadlines_write_text(stdout, r);
}

int cm_cmd_deadlines(cm_cmd_ctx *ctx, int argc, char **argv)
{
	options o;
	cm_deadlines_result *r = NULL;
	int status, rc;

	if ((status = parse_options(&o, ctx, argc, argv)) >= 0)
		return status;
	if (cm_deadlines_check(&o.op) < 0)
		return o.op.on ? cm_cli_usage_error("deadlines", "%s", cm_error_last())
			       : cm_cli_usage_error(
					 "deadlines",
					 "--from and --to need a dated day, month or year");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = cm_deadlines(&r, ctx->ix, &o.op)) == 0)
		rc = write_listing(&o, r);
	if (rc < 0)
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "%s", cm_error_last());
	cm_deadlines_free(r);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
