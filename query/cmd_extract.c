/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_extract.c: `chimuc extract`: reads files (no index needed) and prints
 * what the extractors find in them, or with --text the canonical text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/source.h"
#include "chimuc/text.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc extract [--json | --text] FILE...\n"
	"Print what each FILE ('-' for standard input) says: its own identity (kind\n"
	"self), the documents it cites (citation; its own number repeated:\n"
	"self_mention; a short form pointing back to one: short_ref, with that\n"
	"one's key, or flagged ambiguous) and its dates (date: ISO value, deadline,\n"
	"occasion). No index is needed. start and end are byte offsets in the\n"
	"file's text (as decoded: the file's own bytes for valid UTF-8).\n"
	"\n"
	"  --json     one JSON object per finding and line: path, kind, text, start,\n"
	"             end; for self and citation: type, number, symbol, date, issuer,\n"
	"             term, relation, key, flags; for date: iso, resolved, deadline,\n"
	"             occasion, in_citation, range, recurrence, ambiguous (the form\n"
	"             has another reading: \"trước 7-8\", a day or a count)\n"
	"  --text     print the canonical text (NFC, canonical tone placement) instead\n"
	"  -h, --help show this help\n"
	"\n"
	"Exit status: 0 success; 1 some file could not be read; 2 usage error.\n";

static void print_date(const char *path, const char *text, const cm_date *d, int json)
{
	static const char *const roles[] = {NULL, "start", "end"};

	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "path", json_object_new_string(path));
		json_object_object_add(o, "kind", json_object_new_string("date"));
		json_object_object_add(
			o, "text",
			json_object_new_string_len(text + d->start, (int)(d->end - d->start)));
		json_object_object_add(o, "start", json_object_new_int64((int64_t)d->start));
		json_object_object_add(o, "end", json_object_new_int64((int64_t)d->end));
		json_object_object_add(o, "iso", json_object_new_string(d->iso));
		json_object_object_add(o, "resolved",
				       d->resolved[0] ? json_object_new_string(d->resolved) : NULL);
		json_object_object_add(o, "deadline", json_object_new_boolean(d->deadline));
		json_object_object_add(o, "occasion", cm_cli_json_string(d->occasion));
		json_object_object_add(o, "in_citation", json_object_new_boolean(d->in_citation));
		json_object_object_add(o, "in_self", json_object_new_boolean(d->in_self));
		json_object_object_add(o, "range", cm_cli_json_string(roles[d->range]));
		json_object_object_add(o, "recurrence", cm_cli_json_string(d->recurrence));
		json_object_object_add(o, "ambiguous", json_object_new_boolean(d->ambiguous));
		cm_cli_json_line(o);
		return;
	}
	cm_diag_path(stdout, path);
	printf(":%zu-%zu\tdate\t%s\t%.*s", d->start, d->end, d->iso, (int)(d->end - d->start),
	       text + d->start);
	if (d->deadline)
		fputs("\tdeadline", stdout);
	if (d->in_citation)
		fputs("\tcited document's date", stdout);
	if (d->in_self)
		fputs("\tthe document's date", stdout);
	if (d->occasion)
		printf("\toccasion: %s", d->occasion);
	if (d->ambiguous)
		fputs("\tambiguous form", stdout);
	putchar('\n');
}

static json_object *str_or_null(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

/* One self or citation finding. */
static void print_citation(const char *path, const char *text, const char *kind, size_t start,
			   size_t end, const char *type, const char *number, const char *symbol,
			   const char *date, const cm_citation *x, const char *key, int json)
{
	if (json) {
		json_object *o = json_object_new_object(), *flags = json_object_new_array();
		json_object_object_add(o, "path", json_object_new_string(path));
		json_object_object_add(o, "kind", json_object_new_string(kind));
		json_object_object_add(
			o, "text", json_object_new_string_len(text + start, (int)(end - start)));
		json_object_object_add(o, "start", json_object_new_int64((int64_t)start));
		json_object_object_add(o, "end", json_object_new_int64((int64_t)end));
		json_object_object_add(o, "type", str_or_null(type));
		json_object_object_add(o, "number", str_or_null(number));
		json_object_object_add(o, "symbol", str_or_null(symbol));
		json_object_object_add(o, "date", str_or_null(date));
		json_object_object_add(o, "issuer", str_or_null(x ? x->issuer : NULL));
		json_object_object_add(o, "term", str_or_null(x ? x->term : NULL));
		json_object_object_add(o, "relation", str_or_null(x ? x->relation : NULL));
		json_object_object_add(o, "key", str_or_null(key));
		for (unsigned f = 1; x && f < CM_CITE_FLAG_END; f <<= 1)
			if (x->flags & f)
				json_object_array_add(
					flags, json_object_new_string(cm_citation_flag_name(f)));
		json_object_object_add(o, "flags", flags);
		cm_cli_json_line(o);
		return;
	}
	cm_diag_path(stdout, path);
	printf(":%zu-%zu\t%s\t%s\t%.*s\n", start, end, kind, key && *key ? key : "-",
	       (int)(end - start), text + start);
}

static void print_citations(const char *path, const char *text, const cm_citations *c, int json)
{
	const cm_identity *id = &c->self;

	print_citation(path, text, "self", id->start, id->end, id->type, id->number, id->symbol,
		       id->date, NULL, id->key, json);
	for (size_t i = 0; i < c->n; i++) {
		const cm_citation *x = &c->v[i];
		print_citation(
			path, text, x->kind == CM_CITE_SELF_MENTION ? "self_mention" : "citation",
			x->start, x->end, x->type, x->number, x->symbol, x->date, x, x->key, json);
	}
	for (size_t i = 0; i < c->nshort; i++) {
		const cm_citation *x = &c->shorts[i];
		print_citation(path, text, "short_ref", x->start, x->end, x->type, x->number,
			       x->symbol, x->date, x, x->key, json);
	}
	for (size_t i = 0; i < c->nnamed; i++) {
		const cm_named_ref *r = &c->named[i];
		if (json) {
			json_object *o = json_object_new_object();
			json_object_object_add(o, "path", json_object_new_string(path));
			json_object_object_add(o, "kind", json_object_new_string("named_ref"));
			json_object_object_add(o, "text",
					       json_object_new_string_len(
						       text + r->start, (int)(r->end - r->start)));
			json_object_object_add(o, "start",
					       json_object_new_int64((int64_t)r->start));
			json_object_object_add(o, "end", json_object_new_int64((int64_t)r->end));
			json_object_object_add(o, "type", json_object_new_string(r->type));
			json_object_object_add(o, "term", str_or_null(r->term));
			cm_cli_json_line(o);
		} else {
			cm_diag_path(stdout, path);
			printf(":%zu-%zu\tnamed_ref\t-\t%.*s\n", r->start, r->end,
			       (int)(r->end - r->start), text + r->start);
		}
	}
}

static int extract_one(const char *path, int json, int text_only)
{
	cm_source *src = NULL;
	cm_dates *dates = NULL;
	cm_citations *cites = NULL;
	int rc;

	if ((rc = cm_cli_load(&src, path)) < 0)
		goto cleanup;
	if (text_only) {
		char *canon;
		size_t n;
		if ((rc = cm_text_canon(&canon, &n, NULL, src->text, src->text_len)) < 0)
			goto cleanup;
		fwrite(canon, 1, n, stdout);
		free(canon);
		goto cleanup;
	}
	if ((rc = cm_dates_extract(&dates, src->text, src->text_len)) < 0 ||
	    (rc = cm_citations_extract(&cites, src->text, src->text_len, dates)) < 0)
		goto cleanup;
	print_citations(path, src->text, cites, json);
	for (size_t i = 0; i < dates->n; i++)
		print_date(path, src->text, &dates->v[i], json);
cleanup:
	if (rc < 0)
		cm_diag(CM_PROGRAM, path, "skipped: %s", cm_error_last());
	cm_citations_free(cites);
	cm_dates_free(dates);
	cm_source_free(src);
	return rc;
}

int cm_cmd_extract(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"text", no_argument, NULL, 't'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	int c, text_only = 0, failed = 0;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (c == 't')
			text_only = 1;
	if (c < 0)
		return ctx->exit;
	if (optind >= argc)
		return cm_cli_usage_error("extract", "no FILE given");
	if (ctx->json && text_only)
		return cm_cli_usage_error("extract", "--json and --text exclude each other");
	for (int i = optind; i < argc; i++)
		failed |= extract_one(argv[i], ctx->json, text_only) < 0;
	return failed ? CM_EXIT_FAIL : CM_EXIT_OK;
}
