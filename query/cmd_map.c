/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_map.c: `chimuc map DRAFT`: its options, the draft read from a file or
 * standard input, the map operation (chimuc/map.h) and one of its writers. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/map.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc map [--db DIR] [--json | --format text|md|dot|graphml]\n"
	"                  [--precedents N] [--co-cited N] [--suggest] [--today DATE] DRAFT\n"
	"Check the citations of a draft ('-' for standard input) against the index.\n"
	"For each: status (in_corpus, cited_only, unknown, ambiguous, inconsistent),\n"
	"the formal reference, precedents, what is usually cited beside it, and form\n"
	"problems (missing \"số\", a space or wrong dash in the symbol, an unusual date\n"
	"form, one document cited with different dates); a document another replaces,\n"
	"repeals or ends is a problem naming it, an amended one a note. --json: one\n"
	"object per citation with text, key, status, reference, path, cited_by,\n"
	"cited_by_total, candidates, co_cited, co_cited_total, problems, notes,\n"
	"validity, validity_since.\n"
	"\n"
	"  --precedents N  show the N newest precedents (default 10; 0: none)\n"
	"  --co-cited N    show the N documents most strongly cited beside (default 5;\n"
	"                  strength: documents citing both over the geometric mean of\n"
	"                  those citing each, at least 2 citing both)\n"
	"  --suggest       also suggest the 10 documents the draft does not cite but\n"
	"                  likely should: cited by the 5 indexed documents most like it,\n"
	"                  or strongly cited beside what it cites; each with a score,\n"
	"                  the reason and its reference (--json: objects with kind\n"
	"                  \"suggestion\", key, score, reason, reference, path)\n"
	"  --today DATE    judge validity on DATE (YYYY-MM-DD; default: $CHIMUC_TODAY,\n"
	"                  else today)\n"
	"The report says how many more there are.\n";

typedef enum { FORMAT_TEXT, FORMAT_MD, FORMAT_JSON, FORMAT_DOT, FORMAT_GRAPHML } format;

static int format_parse(format *out, const char *s)
{
	static const char *const names[] = {"text", "md", "json", "dot", "graphml"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i])) {
			*out = (format)i;
			return 0;
		}
	return -1;
}

static int write_map(const cm_map_result *r, format fm, const char *name)
{
	switch (fm) {
	case FORMAT_MD: return cm_map_write_md(stdout, r, name);
	case FORMAT_JSON: return cm_map_write_json(stdout, r);
	case FORMAT_DOT: return cm_map_write_dot(stdout, r, name);
	case FORMAT_GRAPHML: return cm_map_write_graphml(stdout, r, name);
	default: return cm_map_write_text(stdout, r);
	}
}

/* Reads the draft, maps it, writes the map: 0 or a CM_E code. */
static int run(cm_index *ix, const char *name, const cm_map_options *o, format fm)
{
	cm_source *src = NULL;
	cm_map_result *r = NULL;
	int rc;

	if ((rc = cm_cli_load(&src, name)) == 0 &&
	    (rc = cm_map(&r, ix, src->text, src->text_len, o)) == 0)
		rc = write_map(r, fm, name);
	cm_map_free(r);
	cm_source_free(src);
	return rc;
}

int cm_cmd_map(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
						 {"precedents", required_argument, NULL, 'p'},
						 {"co-cited", required_argument, NULL, 'c'},
						 {"suggest", no_argument, NULL, 's'},
						 {"today", required_argument, NULL, 't'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	const char *format_name = "text";
	format fm;
	int c, status, rc;

	o.today = cm_cli_today();
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		unsigned count;
		if (c == 't') {
			o.today = optarg;
			continue;
		}
		if (c == 'f') {
			format_name = optarg;
			continue;
		}
		if (c == 's') {
			o.suggestions = CM_MAP_SUGGESTIONS_DEFAULT;
			continue;
		}
		if (cm_cli_count(&count, optarg, UINT_MAX) < 0)
			return cm_cli_usage_error("map", "--%s needs a number",
						  c == 'p' ? "precedents" : "co-cited");
		*(c == 'p' ? &o.precedents : &o.co_cited) = count;
	}
	if (c < 0)
		return ctx->exit;
	if (ctx->json)
		format_name = "json";
	if (format_parse(&fm, format_name) < 0)
		return cm_cli_usage_error("map", "--format is text, md, dot or graphml");
	if (argc - optind != 1)
		return cm_cli_usage_error("map", "give one DRAFT ('-' for standard input)");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if ((rc = run(ctx->ix, argv[optind], &o, fm)) < 0)
		cm_diag(CM_PROGRAM, argv[optind], "%s", cm_error_last());
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
