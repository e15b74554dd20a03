/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_search.c: `chimuc search`: parses the query, runs it with BM25 (re-run
 * from scratch when the index changes underneath), and prints each hit with
 * a snippet, as text or JSON Lines. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chimuc/diag.h"
#include "chimuc/docinfo.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/snippet.h"
#include "cli.h"

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
	int json, brief, count;
	unsigned limit, offset;
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

static void print_marked(const cm_snippet *sn, int tty)
{
	const char *open = tty ? "\033[1m" : "[", *close = tty ? "\033[0m" : "]";
	size_t at = 0;

	for (size_t i = 0; i < sn->nmarks; i++) {
		fwrite(sn->text + at, 1, sn->marks[i].start - at, stdout);
		fputs(open, stdout);
		fwrite(sn->text + sn->marks[i].start, 1, sn->marks[i].end - sn->marks[i].start,
		       stdout);
		fputs(close, stdout);
		at = sn->marks[i].end;
	}
	fwrite(sn->text + at, 1, sn->len - at, stdout);
}

static void print_hit(const options *o, unsigned rank, double score, const cm_docinfo *info,
		      const cm_snippet *sn, int tty)
{
	if (o->json) {
		json_object *h = json_object_new_object(), *marks = json_object_new_array();
		for (size_t i = 0; i < sn->nmarks; i++) {
			json_object *pair = json_object_new_array();
			json_object_array_add(pair,
					      json_object_new_int64((int64_t)sn->marks[i].start));
			json_object_array_add(pair,
					      json_object_new_int64((int64_t)sn->marks[i].end));
			json_object_array_add(marks, pair);
		}
		json_object_object_add(h, "rank", json_object_new_int((int)rank));
		json_object_object_add(h, "score", json_object_new_double(score));
		json_object_object_add(h, "path", json_object_new_string(info->path));
		json_object_object_add(h, "format",
				       info->format ? json_object_new_string(info->format) : NULL);
		json_object_object_add(h, "title", json_object_new_string(info->title));
		json_object_object_add(h, "snippet",
				       json_object_new_string_len(sn->text, (int)sn->len));
		json_object_object_add(h, "highlights", marks);
		cm_cli_json_line(h);
		return;
	}
	printf("%u. %s\n   ", rank, info->title);
	cm_diag_path(stdout, info->path);
	printf("  (score %.3f)\n   ", score);
	print_marked(sn, tty);
	fputs("\n\n", stdout);
}

/* Prints one hit from its values alone (--brief). */
static int print_brief(const options *o, unsigned rank, double score, cm_xdoc *doc)
{
	char *path = NULL, *title = NULL;
	size_t n;
	int rc;

	if ((rc = cm_xdoc_get_value(&path, &n, doc, CM_SLOT_PATH)) < 0 ||
	    (rc = cm_xdoc_get_value(&title, &n, doc, CM_SLOT_TITLE)) < 0)
		goto cleanup;
	if (o->json) {
		json_object *h = json_object_new_object();
		json_object_object_add(h, "rank", json_object_new_int((int)rank));
		json_object_object_add(h, "score", json_object_new_double(score));
		json_object_object_add(h, "path", json_object_new_string(path));
		json_object_object_add(h, "title", json_object_new_string(title));
		cm_cli_json_line(h);
	} else {
		printf("%u. %s\n   ", rank, title);
		cm_diag_path(stdout, path);
		printf("  (score %.3f)\n", score);
	}
cleanup:
	free(path);
	free(title);
	return rc;
}

/* Prints the number of documents matching q, exactly (an MSet of them all). */
static int print_count(cm_xdb *db, const cm_query *q)
{
	cm_xenquire *e = NULL;
	cm_xmset *m = NULL;
	unsigned docs;
	int rc;

	if ((rc = cm_xdb_doccount(&docs, db)) == 0 && (rc = cm_xenquire_new(&e, db)) == 0 &&
	    (rc = cm_xenquire_set_query(e, cm_query_xapian(q))) == 0 &&
	    (rc = cm_xenquire_set_sort_by_docid(e)) == 0 &&
	    (rc = cm_xenquire_mset(&m, e, 0, docs)) == 0)
		printf("%u\n", cm_xmset_size(m));
	cm_xmset_free(m);
	cm_xenquire_free(e);
	return rc;
}

/* Prints the hits of one run; CM_EMODIFIED means: reopen and run again. */
static int run_once(unsigned *out_shown, cm_xdb *db, const cm_query *q, const options *o)
{
	cm_xenquire *e = NULL;
	cm_xmset *m = NULL;
	int rc, tty = !o->json && cm_cli_color(o->color, stdout);

	*out_shown = 0;
	if ((rc = cm_xenquire_new(&e, db)) < 0 ||
	    (rc = cm_xenquire_set_query(e, cm_query_xapian(q))) < 0 ||
	    (rc = cm_xenquire_mset(&m, e, o->offset, o->limit)) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m); i++) {
		cm_xdocid docid;
		double weight;
		unsigned rank;
		cm_xdoc *doc = NULL;
		cm_docinfo *info = NULL;
		cm_snippet *sn = NULL;

		if ((rc = cm_xmset_get(&docid, &weight, &rank, m, i)) == 0 &&
		    (rc = cm_xmset_document(&doc, m, i)) == 0 && o->brief)
			rc = print_brief(o, rank + 1, weight, doc);
		else if (rc == 0 && (rc = cm_docinfo_load(&info, doc)) == 0 &&
			 (rc = cm_snippet_make(&sn, info->text, info->text_len, q)) == 0)
			print_hit(o, rank + 1, weight, info, sn, tty);
		cm_snippet_free(sn);
		cm_docinfo_free(info);
		cm_xdoc_free(doc);
		if (rc < 0)
			goto cleanup;
		(*out_shown)++;
	}
cleanup:
	cm_xmset_free(m);
	cm_xenquire_free(e);
	return rc;
}

static int parse_options(options *o, cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"brief", no_argument, NULL, 'b'},        {"limit", required_argument, NULL, 'l'},
		{"offset", required_argument, NULL, 'o'}, {"color", required_argument, NULL, 'C'},
		{"count", no_argument, NULL, 'c'},        {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"+", longopts, usage_text};
	int c;

	*o = (options){.limit = 10};
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 'b': o->brief = 1; break;
		case 'l':
			if (cm_cli_count(&o->limit, optarg, UINT_MAX) < 0)
				return cm_cli_usage_error("search", "--limit needs a number");
			break;
		case 'o':
			if (cm_cli_count(&o->offset, optarg, UINT_MAX) < 0)
				return cm_cli_usage_error("search", "--offset needs a number");
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
	o->json = ctx->json;
	if (optind >= argc)
		return cm_cli_usage_error("search", "no QUERY given");
	return -1;
}

int cm_cmd_search(cm_cmd_ctx *ctx, int argc, char **argv)
{
	options o;
	cm_xdb *db;
	cm_query *q = NULL;
	char *text = NULL;
	size_t textlen = 0;
	unsigned shown = 0;
	int status, rc = 0;

	if ((status = parse_options(&o, ctx, argc, argv)) >= 0)
		return status;
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	db = cm_index_xdb(ctx->ix);
	if (argc - optind == 1 && !strcmp(argv[optind], "-"))
		text = read_stdin(&textlen);
	else if ((text = join_args(argc - optind, argv + optind)))
		textlen = strlen(text);
	if (!text) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	for (int attempt = 0; attempt < CM_CLI_RETRIES; attempt++) {
		int changed;
		cm_query_free(q);
		q = NULL;
		if ((rc = cm_query_parse(&q, db, text, textlen)) == 0 &&
		    (rc = o.count ? print_count(db, q) : run_once(&shown, db, q, &o)) == 0)
			break;
		if (rc != CM_EMODIFIED || shown > 0 || cm_xdb_reopen(&changed, db) < 0)
			break;
	}
	if (rc == 0 && shown == 0 && !o.json && !o.count)
		fputs("no match\n", stderr);
cleanup:
	if (rc < 0) {
		if (rc == CM_EINVAL || rc == CM_EPARSE || rc == CM_ELIMIT)
			cm_diag(CM_PROGRAM, NULL, "bad query: %s", cm_error_last());
		else
			cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "search failed: %s",
				cm_error_last());
	}
	cm_query_free(q);
	free(text);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
