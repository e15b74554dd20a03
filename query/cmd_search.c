/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_search.c: `chimuc search QUERY...`: its options, the query from the
 * arguments or standard input, the search operation (chimuc/search.h) and
 * one of its writers. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/search.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc search [OPTION]... QUERY...\n"
	"Ranked search (BM25) of the index. The words of QUERY are joined by AND.\n"
	"\n"
	"  dân vận khéo          documents with all three words\n"
	"  dan van kheo          the same: words without diacritics match every\n"
	"                        accented form (dân, dặn…); words with diacritics\n"
	"                        match exactly (dặn never finds dân)\n"
	"  \"công tác dân vận\"    a phrase\n"
	"  a OR b, a AND b, NOT b, -b, ( )\n"
	"Old and new tone placement (Tỉnh uỷ, Tỉnh ủy), letter case and Unicode\n"
	"normalization never change the result.\n"
	"\n"
	"QUERY '-' reads the query from standard input.\n"
	"\n"
	"Options:\n"
	"  --db DIR       the index\n"
	"  --json         one JSON object per hit and line: rank, score, path,\n"
	"                 format, title, snippet, highlights (byte ranges in\n"
	"                 snippet)\n"
	"  --brief        no snippets: rank, score, title and path only (with\n"
	"                 --json: rank, score, path, title), without reading the\n"
	"                 documents: the fastest listing\n"
	"  --limit N      at most N hits (default 10)\n"
	"  --offset N     skip the first N hits (default 0)\n"
	"  --color=WHEN   bold highlights: auto (on a terminal, unless NO_COLOR\n"
	"                 is set), always or never\n"
	"  --count        print only the number of matching documents (all of\n"
	"                 them, not of the page)\n"
	"  -h, --help     show this help\n";

typedef struct {
	cm_search_options search;
	int count;
	cm_color_when color;
} options;

/* Joins the words of the query with spaces. */
static char *join_args(int argc, char **argv)
{
	size_t n = 1;
	char *s, *p;

	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	if (!(s = p = malloc(n)))
		return NULL;
	for (int i = 0; i < argc; i++) {
		size_t k = strlen(argv[i]);
		memcpy(p, argv[i], k);
		p += k;
		*p++ = ' ';
	}
	*(p > s ? p - 1 : p) = '\0';
	return s;
}

/* Reads the query from standard input, up to one byte past the limit (so
 * that an over-long query is refused, not cut). */
static char *read_stdin(size_t *len)
{
	size_t cap = CM_QUERY_MAX_BYTES + 2;
	char *s = malloc(cap);

	if (!s)
		return NULL;
	*len = fread(s, 1, cap - 1, stdin);
	s[*len] = '\0';
	return s;
}

static int parse_options(options *o, cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"brief", no_argument, NULL, 'b'},        {"limit", required_argument, NULL, 'l'},
		{"offset", required_argument, NULL, 'o'}, {"color", required_argument, NULL, 'C'},
		{"count", no_argument, NULL, 'c'},        {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"+", longopts, usage_text};
	unsigned n;
	int c;

	*o = (options){.search = CM_SEARCH_OPTIONS_INIT};
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 'b': o->search.brief = 1; break;
		case 'l':
			if (cm_cli_count(&n, optarg, UINT_MAX) < 0)
				return cm_cli_usage_error("search", "--limit needs a number");
			o->search.limit = n;
			break;
		case 'o':
			if (cm_cli_count(&n, optarg, UINT_MAX) < 0)
				return cm_cli_usage_error("search", "--offset needs a number");
			o->search.offset = n;
			break;
		case 'C':
			if (cm_cli_color_parse(&o->color, optarg) < 0)
				return cm_cli_usage_error("search",
							  "--color needs auto, always or never");
			break;
		case 'c': o->count = 1; break;
		}
	}
	if (c < 0)
		return ctx->exit;
	if (optind >= argc)
		return cm_cli_usage_error("search", "no QUERY given");
	return -1;
}

/* Runs the search and writes its answer: 0 or a CM_E code. */
static int run(cm_index *ix, const char *text, size_t len, options *o, int json)
{
	cm_search_result *r = NULL;
	int rc;

	if (o->count)
		o->search.limit = 0;
	if ((rc = cm_search(&r, ix, text, len, &o->search)) < 0)
		return rc;
	if (o->count)
		printf("%zu\n", cm_search_total(r));
	else if (json)
		rc = cm_search_write_json(stdout, r);
	else if ((rc = cm_search_write_text(stdout, r, cm_cli_color(o->color, stdout))) == 0 &&
		 cm_search_size(r) == 0)
		fputs("no match\n", stderr);
	cm_search_free(r);
	return rc;
}

int cm_cmd_search(cm_cmd_ctx *ctx, int argc, char **argv)
{
	options o;
	char *text = NULL;
	size_t len = 0;
	int status, rc;

	if ((status = parse_options(&o, ctx, argc, argv)) >= 0)
		return status;
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if (argc - optind == 1 && !strcmp(argv[optind], "-"))
		text = read_stdin(&len);
	else if ((text = join_args(argc - optind, argv + optind)))
		len = strlen(text);
	rc = text ? run(ctx->ix, text, len, &o, ctx->json) : cm_error_nomem();
	if (rc == CM_EINVAL || rc == CM_EPARSE || rc == CM_ELIMIT)
		cm_diag(CM_PROGRAM, NULL, "bad query: %s", cm_error_last());
	else if (rc < 0)
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "search failed: %s", cm_error_last());
	free(text);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
