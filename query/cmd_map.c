/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_map.c: `chimuc map DRAFT`: a citation map for a new draft. For each
 * citation in the draft: its status against the index (in_corpus,
 * cited_only, unknown, ambiguous, inconsistent), the formal reference built
 * from what the corpus knows, the precedents (corpus documents citing it,
 * newest first), what is usually cited beside it, and the form problems of
 * the draft's own writing. Output as text, Markdown, JSON Lines, DOT or
 * GraphML (the draft's neighbourhood of the citation graph). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/diag.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/graph.h"
#include "chimuc/schema.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"
#include "cli.h"

/* How many precedents and co-cited documents a report shows by default
 * (--precedents N, --co-cited N); the rest is counted ("N more"). */
#define PRECEDENTS_DEFAULT 10
#define CO_CITED_DEFAULT 5

static const char usage_text[] =
	"Usage: chimuc map [--db DIR] [--json | --format text|md|dot|graphml]\n"
	"                  [--precedents N] [--co-cited N] DRAFT\n"
	"Check the citations of a draft ('-' for standard input) against the index.\n"
	"For each: status (in_corpus, cited_only, unknown, ambiguous, inconsistent),\n"
	"the formal reference, precedents, what is usually cited beside it, and form\n"
	"problems (missing \"số\", a space or wrong dash in the symbol, an unusual date\n"
	"form, one document cited with different dates). --json: one object per\n"
	"citation with text, key, status, reference, path, cited_by, cited_by_total,\n"
	"candidates, co_cited, co_cited_total, problems.\n"
	"\n"
	"  --precedents N  show the N newest precedents (default 10; 0: none)\n"
	"  --co-cited N    show the N documents most often cited beside (default 5)\n"
	"The report says how many more there are.\n";

static size_t precedents_max = PRECEDENTS_DEFAULT, co_cited_max = CO_CITED_DEFAULT;

typedef struct {
	char key[CM_KEY_MAX];
	unsigned count;
} tally;

typedef struct {
	const cm_citation *x;
	char base[CM_KEY_MAX];
	const char *status;
	json_object *reference, *path, *cited_by, *candidates, *co_cited, *problems;
	size_t cited_by_total, co_cited_total;
} entry;

typedef cm_array_t(tally) tallies;

static void base_of(char *out, const char *key)
{
	const char *at = strchr(key, '@');
	snprintf(out, CM_KEY_MAX, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
}

/* "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của X (khóa XI) về "T"", leaving
 * out what is unknown. */
static json_object *reference(const char *type, const char *key, const char *date,
			      const char *issuer, const char *term, const char *title)
{
	char buf[1024], base[CM_KEY_MAX];
	size_t n;
	int y, m, d;

	base_of(base, key);
	n = (size_t)snprintf(buf, sizeof buf, "%s%s%s", type ? type : "", type ? " số " : "", base);
	if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3)
		n += (size_t)snprintf(buf + n, sizeof buf - n, ", ngày %02d/%02d/%04d", d, m, y);
	if (issuer && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, " của %s", issuer);
	if (term && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, " (%s)", term);
	if (title && n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, " về \"%s\"", title);
	return json_object_new_string(buf);
}

/* A citing document as map keeps it while it reads them all: its id and
 * its own date (for newest first), not its strings. */
typedef struct {
	cm_xdocid id;
	char date[CM_ISO_MAX]; /* "" when undated */
} precedent;

/* Newest first; the order of the index among documents of one date. */
static int newest_first(const void *a, const void *b)
{
	const precedent *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* What the precedents say of the cited document: each field as the newest
 * precedent that gives it says it (owned copies). */
enum { SAID_DATE, SAID_ISSUER, SAID_TERM, SAID_TYPE, SAID_FIELDS };
typedef struct {
	char *value[SAID_FIELDS];
	char from[SAID_FIELDS][CM_ISO_MAX]; /* the date of the precedent that said it */
} said_fields;

static void said_free(said_fields *s)
{
	for (int f = 0; f < SAID_FIELDS; f++)
		free(s->value[f]);
}

/* Keeps v for field f if no newer precedent gave it (documents come in
 * index order, so among those of one date the first one stays). */
static int said_offer(said_fields *s, int f, const char *v, const char *date)
{
	char *copy;

	if (!v || (s->value[f] && strcmp(date, s->from[f]) <= 0))
		return 0;
	if (!(copy = strdup(v)))
		return cm_error_nomem();
	free(s->value[f]);
	s->value[f] = copy;
	snprintf(s->from[f], sizeof s->from[f], "%s", date);
	return 0;
}

static int add_tally(tallies *v, cm_strmap *index, const char *key)
{
	size_t at;
	tally *t;
	int rc = cm_strmap_put(&at, index, key, strlen(key), v->size);

	if (rc < 0)
		return rc;
	if (rc == 0) {
		v->ptr[at].count++;
		return 0;
	}
	if (!(t = cm_array_alloc(*v)))
		return CM_ENOMEM;
	snprintf(t->key, sizeof t->key, "%s", key);
	t->count = 1;
	return 0;
}

static int by_count(const void *a, const void *b)
{
	const tally *x = a, *y = b;
	return x->count != y->count ? (x->count < y->count) - (x->count > y->count)
				    : strcmp(x->key, y->key);
}

static int draft_cites(const cm_citations *draft, const char *base)
{
	char b[CM_KEY_MAX];
	for (size_t i = 0; i < draft->n; i++) {
		base_of(b, draft->v[i].key);
		if (!strcmp(b, base))
			return 1;
	}
	return 0;
}

/* The precedent d as JSON, with the sentence of its first citation of base
 * (from its data). */
static int precedent_json(json_object **out, cm_xdb *db, const precedent *d, const char *base)
{
	cm_docinfo *info = NULL;
	json_object *p;
	char *context = NULL;
	int rc;

	if ((rc = cm_docinfo_by_id(&info, db, d->id)) < 0)
		return rc;
	for (size_t k = 0; k < info->ncites && !context && rc == 0; k++) {
		const cm_doccite *c = &info->cites[k];
		char b[CM_KEY_MAX];
		base_of(b, c->key);
		if (!strcmp(b, base))
			rc = cm_docinfo_excerpt(&context, info, c->ctx_start, c->ctx_end);
	}
	if (rc < 0) {
		cm_docinfo_free(info);
		return rc;
	}
	p = json_object_new_object();
	json_object_object_add(p, "path", json_object_new_string(cm_docinfo_path(info)));
	json_object_object_add(p, "title", json_object_new_string(cm_docinfo_title(info)));
	json_object_object_add(p, "date", cm_cli_json_string(d->date[0] ? d->date : NULL));
	json_object_object_add(p, "context", cm_cli_json_string(context));
	free(context);
	cm_docinfo_free(info);
	*out = p;
	return 0;
}

typedef struct {
	const entry *e;
	const cm_citations *draft;
	tallies co;
	cm_strmap index; /* co-cited key -> its index in co */
	said_fields said;
	cm_array_t(precedent) found;
} reading;

/* One citing document, from its value slots: what it says of the cited
 * document, what it cites beside it; only its id and date are kept. */
static int read_precedent(void *ctx, cm_xdb *db, cm_xdocid id)
{
	reading *r = ctx;
	cm_graphdoc d;
	cm_strmap beside = CM_STRMAP_INIT;
	const cm_cite *first[SAID_FIELDS] = {0};
	precedent *p;
	int rc;

	if ((rc = cm_graphdoc_load(&d, db, id)) < 0)
		return rc;
	for (size_t k = 0; k < d.cites.size && rc == 0; k++) {
		const cm_cite *c = &d.cites.ptr[k];
		char b[CM_KEY_MAX];
		base_of(b, c->key);
		if (!strcmp(b, r->e->base)) {
			first[SAID_DATE] =
				first[SAID_DATE] && first[SAID_DATE]->date ? first[SAID_DATE] : c;
			first[SAID_ISSUER] = first[SAID_ISSUER] && first[SAID_ISSUER]->issuer
						     ? first[SAID_ISSUER]
						     : c;
			first[SAID_TERM] =
				first[SAID_TERM] && first[SAID_TERM]->term ? first[SAID_TERM] : c;
			first[SAID_TYPE] =
				first[SAID_TYPE] && first[SAID_TYPE]->type ? first[SAID_TYPE] : c;
		} else if (!draft_cites(r->draft, b) &&
			   (rc = cm_strmap_put(NULL, &beside, b, strlen(b), 0)) == 1) {
			rc = add_tally(&r->co, &r->index, c->key);
		}
	}
	cm_strmap_free(&beside);
	if (rc == 0 && (p = cm_array_alloc(r->found))) {
		const char *date = d.date ? d.date : "";
		p->id = id;
		snprintf(p->date, sizeof p->date, "%s", date);
		if (first[SAID_DATE])
			rc = said_offer(&r->said, SAID_DATE, first[SAID_DATE]->date, p->date);
		if (rc == 0 && first[SAID_ISSUER])
			rc = said_offer(&r->said, SAID_ISSUER, first[SAID_ISSUER]->issuer, p->date);
		if (rc == 0 && first[SAID_TERM])
			rc = said_offer(&r->said, SAID_TERM, first[SAID_TERM]->term, p->date);
		if (rc == 0 && first[SAID_TYPE])
			rc = said_offer(&r->said, SAID_TYPE, first[SAID_TYPE]->type, p->date);
	} else if (rc == 0) {
		rc = CM_ENOMEM;
	}
	cm_graphdoc_release(&d);
	return rc < 0 ? rc : 0;
}

/* Precedents, what they say of the cited document, and what they cite beside
 * it: from the value slots of every citing document, read one at a time
 * (only an id and a date kept of each); only the precedents shown are read
 * whole. */
static int precedents(entry *e, cm_xdb *db, const cm_citations *draft, const cm_years *years,
		      said_fields *out)
{
	char term_buf[CM_KEY_MAX + 16];
	reading r = {.e = e, .draft = draft, .co = CM_ARRAY_INIT, .index = CM_STRMAP_INIT};
	int year = e->x->year, rc;

	if (years->size == 1 && years->ptr[0] == year)
		year = 0; /* the citations without a year can only mean this one */

	if ((rc = year ? cm_term_cites_year(term_buf, sizeof term_buf, e->base, year)
		       : cm_term_cites(term_buf, sizeof term_buf, e->base)) < 0 ||
	    (rc = cm_postings_each(db, term_buf, read_precedent, &r)) < 0)
		goto cleanup;
	if (r.found.size > 1)
		qsort(r.found.ptr, r.found.size, sizeof *r.found.ptr, newest_first);
	for (size_t i = 0; i < r.found.size && i < precedents_max && rc == 0; i++) {
		json_object *p;
		if ((rc = precedent_json(&p, db, &r.found.ptr[i], e->base)) == 0)
			json_object_array_add(e->cited_by, p);
	}
	if (rc < 0)
		goto cleanup;
	e->cited_by_total = r.found.size;
	e->co_cited_total = r.co.size;
	if (r.co.size)
		qsort(r.co.ptr, r.co.size, sizeof *r.co.ptr, by_count);
	for (size_t i = 0; i < r.co.size && i < co_cited_max; i++) {
		json_object *c = json_object_new_object();
		char why[CM_KEY_MAX * 2 + 64];
		snprintf(why, sizeof why, "cited beside %s in %u document%s", e->base,
			 r.co.ptr[i].count, r.co.ptr[i].count > 1 ? "s" : "");
		json_object_object_add(c, "key", json_object_new_string(r.co.ptr[i].key));
		json_object_object_add(c, "count", json_object_new_int((int)r.co.ptr[i].count));
		json_object_object_add(c, "why", json_object_new_string(why));
		json_object_array_add(e->co_cited, c);
	}
cleanup:
	*out = r.said;
	cm_array_clear(r.found);
	cm_array_clear(r.co);
	cm_strmap_free(&r.index);
	return rc < 0 ? rc : 0;
}

static void problem(entry *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(entry *e, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	json_object_array_add(e->problems, json_object_new_string(buf));
}

/* How the draft wrote the citation, against how it should be written. */
static void form_problems(entry *e, const cm_citations *draft, const char *text)
{
	const cm_citation *x = e->x;
	char raw[512], want[CM_KEY_MAX];
	size_t n = x->end - x->start < sizeof raw - 1 ? x->end - x->start : sizeof raw - 1;
	const char *ngay;

	memcpy(raw, text + x->start, n);
	raw[n] = '\0';
	base_of(want, x->key);
	if (x->type && !strstr(raw, "số") && !strstr(raw, "Số") && !strstr(raw, "SỐ"))
		problem(e, "missing \"số\" before the number: write \"%s số %s\"", x->type, want);
	if (!strstr(raw, want))
		problem(e, "the symbol has a space, a line break or a wrong dash: write %s", want);
	if ((ngay = strstr(raw, "ngày")) && x->date[0] && (strchr(ngay, '-') || strchr(ngay, '.')))
		problem(e, "unusual date form \"%s\": write dd/mm/yyyy", ngay + strlen("ngày "));
	if (x->flags & CM_CITE_TYPE_MISMATCH)
		problem(e, "the type word \"%s\" contradicts the code of %s", x->type, want);
	for (size_t i = 0; i < draft->n; i++) {
		char b[CM_KEY_MAX];
		base_of(b, draft->v[i].key);
		if (&draft->v[i] != x && !strcmp(b, e->base) && draft->v[i].date[0] && x->date[0] &&
		    strcmp(draft->v[i].date, x->date)) {
			problem(e, "the same document is cited with different dates: %s and %s",
				x->date, draft->v[i].date);
			break;
		}
	}
}

static void candidate(json_object *arr, const cm_docinfo *info)
{
	json_object *c = json_object_new_object();
	json_object_object_add(c, "path", json_object_new_string(cm_docinfo_path(info)));
	json_object_object_add(c, "title", json_object_new_string(cm_docinfo_title(info)));
	json_object_object_add(c, "date", cm_cli_json_string(info->self.date));
	json_object_object_add(c, "key", cm_cli_json_string(info->number));
	json_object_array_add(arr, c);
}

static int examine(entry *e, cm_xdb *db, const cm_citations *draft, const char *text)
{
	const cm_citation *x = e->x;
	cm_doclist own = CM_ARRAY_INIT;
	cm_years years = CM_ARRAY_INIT;
	const cm_docinfo *match = NULL;
	said_fields said = {0};
	const char *date, *issuer, *term, *type;
	char t[CM_KEY_MAX + 16];
	size_t nmatch = 0, nyears;
	int rc;

	base_of(e->base, x->key);
	e->cited_by = json_object_new_array();
	e->candidates = json_object_new_array();
	e->co_cited = json_object_new_array();
	e->problems = json_object_new_array();
	if ((rc = cm_term_number(t, sizeof t, e->base)) < 0 ||
	    (rc = cm_doclist_by_term(&own, db, t)) < 0 ||
	    (rc = cm_cited_years(&years, db, e->base)) < 0 ||
	    (rc = precedents(e, db, draft, &years, &said)) < 0)
		goto cleanup;
	date = said.value[SAID_DATE];
	issuer = said.value[SAID_ISSUER];
	term = said.value[SAID_TERM];
	type = said.value[SAID_TYPE];
	nyears = years.size;
	for (size_t i = 0; i < own.size; i++) {
		const char *d = own.ptr[i]->self.date;
		if (!x->year || (d && atoi(d) == x->year)) {
			match = own.ptr[i];
			nmatch++;
		}
		candidate(e->candidates, own.ptr[i]);
	}
	if (nmatch > 1 || (!match && !x->year && nyears > 1)) {
		e->status = "ambiguous";
		for (size_t i = 0; i < nyears && own.size == 0; i++) {
			json_object *c = json_object_new_object();
			char k[CM_KEY_MAX + 8];
			snprintf(k, sizeof k, "%s@%d", e->base, years.ptr[i]);
			json_object_object_add(c, "key", json_object_new_string(k));
			json_object_array_add(e->candidates, c);
		}
		e->reference = reference(x->type, x->key, x->date, x->issuer, x->term, NULL);
	} else if (match) {
		const char *d = match->self.date;
		e->status = "in_corpus";
		e->path = json_object_new_string(cm_docinfo_path(match));
		e->reference = reference(match->type, x->key, d,
					 match->self.issuer ? match->self.issuer : issuer, term,
					 match->self.title);
		if (x->date[0] && d && strcmp(d, x->date))
			problem(e, "the draft dates it %s but the corpus document is dated %s",
				x->date, d);
		if (x->issuer && match->self.issuer && !strstr(match->self.issuer, x->issuer) &&
		    !strstr(x->issuer, match->self.issuer))
			problem(e,
				"the draft names the issuer \"%s\" but the corpus document is issued by \"%s\"",
				x->issuer, match->self.issuer);
	} else if (x->year && e->cited_by_total == 0 && nyears > 0) {
		char known[128] = "";
		for (size_t i = 0; i < nyears; i++)
			snprintf(known + strlen(known), sizeof known - strlen(known), "%s%d",
				 i ? ", " : "", years.ptr[i]);
		e->status = "inconsistent";
		e->reference = reference(x->type, x->key, x->date, x->issuer, x->term, NULL);
		problem(e, "the corpus knows %s only as of %s", e->base, known);
	} else if (e->cited_by_total > 0 || nyears > 0) {
		e->status = "cited_only";
		e->reference =
			reference(type ? type : x->type, x->key, x->date[0] ? x->date : date,
				  x->issuer ? x->issuer : issuer, x->term ? x->term : term, NULL);
		if (x->date[0] && date && strcmp(date, x->date))
			problem(e, "the draft dates it %s but the corpus cites it as of %s",
				x->date, date);
	} else {
		e->status = "unknown";
		e->reference = reference(x->type, x->key, x->date, x->issuer, x->term, NULL);
	}
	form_problems(e, draft, text);
	if ((x->flags & CM_CITE_TYPE_MISMATCH) || json_object_array_length(e->problems) > 0) {
		for (size_t i = 0; i < json_object_array_length(e->problems); i++) {
			const char *p =
				json_object_get_string(json_object_array_get_idx(e->problems, i));
			if (strstr(p, "contradicts") || strstr(p, "dates it") ||
			    strstr(p, "names the issuer"))
				e->status = "inconsistent";
		}
	}
cleanup:
	cm_doclist_release(&own);
	said_free(&said);
	cm_array_clear(years);
	return rc;
}

static json_object *entry_json(const entry *e, const char *text)
{
	json_object *o = json_object_new_object();

	json_object_object_add(
		o, "text",
		json_object_new_string_len(text + e->x->start, (int)(e->x->end - e->x->start)));
	json_object_object_add(o, "key", json_object_new_string(e->x->key));
	json_object_object_add(o, "status", json_object_new_string(e->status));
	json_object_object_add(o, "reference", json_object_get(e->reference));
	json_object_object_add(o, "path", json_object_get(e->path));
	json_object_object_add(o, "cited_by", json_object_get(e->cited_by));
	json_object_object_add(o, "cited_by_total",
			       json_object_new_int64((int64_t)e->cited_by_total));
	json_object_object_add(o, "candidates", json_object_get(e->candidates));
	json_object_object_add(o, "co_cited", json_object_get(e->co_cited));
	json_object_object_add(o, "co_cited_total",
			       json_object_new_int64((int64_t)e->co_cited_total));
	json_object_object_add(o, "problems", json_object_get(e->problems));
	return o;
}

/* "N more precedents (--precedents N shows them)" when the list was cut. */
static void more(int md, size_t total, size_t shown, const char *one, const char *many,
		 const char *option)
{
	if (total > shown)
		printf(md ? "- %zu more %s (`%s N` shows more)\n"
			  : "  %zu more %s (%s N shows more)\n",
		       total - shown, total - shown > 1 ? many : one, option);
}

static void print_report(const entry *e, const char *text, int md)
{
	size_t n;

	printf(md ? "## %.*s\n\n- **status**: %s\n- **reference**: %s\n"
		  : "%.*s\n  status: %s\n  reference: %s\n",
	       (int)(e->x->end - e->x->start), text + e->x->start, e->status,
	       json_object_get_string(e->reference));
	if (e->path)
		printf(md ? "- **in the index**: `%s`\n" : "  in the index: %s\n",
		       json_object_get_string(e->path));
	if ((n = json_object_array_length(e->candidates)) > 1 || !strcmp(e->status, "ambiguous"))
		for (size_t i = 0; i < n; i++) {
			json_object *c = json_object_array_get_idx(e->candidates, i);
			printf(md ? "- candidate: %s %s\n" : "  candidate: %s %s\n",
			       cm_json_str(c, "key"),
			       cm_json_str(c, "title") ? cm_json_str(c, "title") : "");
		}
	for (size_t i = 0; i < json_object_array_length(e->problems); i++)
		printf(md ? "- **problem**: %s\n" : "  problem: %s\n",
		       json_object_get_string(json_object_array_get_idx(e->problems, i)));
	for (size_t i = 0; i < json_object_array_length(e->cited_by); i++) {
		json_object *p = json_object_array_get_idx(e->cited_by, i);
		printf(md ? "- precedent (%s): `%s` — %s\n" : "  precedent (%s): %s\n      %s\n",
		       cm_json_str(p, "date") ? cm_json_str(p, "date") : "undated",
		       cm_json_str(p, "path"),
		       cm_json_str(p, "context") ? cm_json_str(p, "context") : "");
	}
	for (size_t i = 0; i < json_object_array_length(e->co_cited); i++) {
		json_object *c = json_object_array_get_idx(e->co_cited, i);
		printf(md ? "- usually cited beside it: %s (%s)\n"
			  : "  usually cited beside it: %s (%s)\n",
		       cm_json_str(c, "key"), cm_json_str(c, "why"));
	}
	more(md, e->cited_by_total, json_object_array_length(e->cited_by), "precedent",
	     "precedents", "--precedents");
	more(md, e->co_cited_total, json_object_array_length(e->co_cited),
	     "document cited beside it", "documents cited beside it", "--co-cited");
	putchar('\n');
}

static int write_graph(const entry *v, size_t n, const char *draft, int graphml)
{
	cm_graph *g;
	cm_graph_node d = {.id = "draft", .label = draft};
	int rc;

	if ((rc = cm_graph_new(&g)) < 0)
		return rc;
	rc = cm_graph_add_node(g, &d);
	for (size_t i = 0; i < n && rc == 0; i++) {
		cm_graph_node c = {.id = v[i].x->key,
				   .type = v[i].x->type,
				   .path = v[i].path ? json_object_get_string(v[i].path) : NULL,
				   .label = json_object_get_string(v[i].reference)};
		if ((rc = cm_graph_add_node(g, &c)) == 0)
			rc = cm_graph_add_edge(g, "draft", c.id, v[i].x->relation);
		for (size_t k = 0; k < json_object_array_length(v[i].cited_by) && rc == 0; k++) {
			json_object *p = json_object_array_get_idx(v[i].cited_by, k);
			cm_graph_node pn = {.id = cm_json_str(p, "path"),
					    .path = cm_json_str(p, "path"),
					    .label = cm_json_str(p, "title"),
					    .date = cm_json_str(p, "date")};
			if ((rc = cm_graph_add_node(g, &pn)) == 0)
				rc = cm_graph_add_edge(g, pn.id, c.id, NULL);
		}
		for (size_t k = 0; k < json_object_array_length(v[i].co_cited) && rc == 0; k++)
			rc = cm_graph_add_edge(
				g, c.id,
				cm_json_str(json_object_array_get_idx(v[i].co_cited, k), "key"),
				"cited beside");
	}
	if (rc == 0)
		rc = graphml ? cm_graph_write_graphml(stdout, g) : cm_graph_write_dot(stdout, g);
	cm_graph_free(g);
	return rc;
}

int cm_cmd_map(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
						 {"precedents", required_argument, NULL, 'p'},
						 {"co-cited", required_argument, NULL, 'c'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	const char *format = "text";
	cm_xdb *db;
	cm_source *src = NULL;
	cm_dates *dates = NULL;
	cm_citations *draft = NULL;
	entry *v = NULL;
	size_t n = 0;
	int c, status, rc;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		unsigned count;
		if (c == 'f') {
			format = optarg;
			continue;
		}
		if (cm_cli_count(&count, optarg, UINT_MAX) < 0)
			return cm_cli_usage_error("map", "--%s needs a number",
						  c == 'p' ? "precedents" : "co-cited");
		*(c == 'p' ? &precedents_max : &co_cited_max) = count;
	}
	if (c < 0)
		return ctx->exit;
	if (ctx->json)
		format = "json";
	if (strcmp(format, "text") && strcmp(format, "md") && strcmp(format, "json") &&
	    strcmp(format, "dot") && strcmp(format, "graphml"))
		return cm_cli_usage_error("map", "--format is text, md, dot or graphml");
	if (argc - optind != 1)
		return cm_cli_usage_error("map", "give one DRAFT ('-' for standard input)");
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	db = cm_index_xdb(ctx->ix);
	if ((rc = cm_cli_load(&src, argv[optind])) < 0 ||
	    (rc = cm_dates_extract(&dates, src->text, src->text_len)) < 0 ||
	    (rc = cm_citations_extract(&draft, src->text, src->text_len, dates)) < 0)
		goto cleanup;
	if (!(v = calloc(draft->n + 1, sizeof *v))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	for (size_t i = 0; i < draft->n && rc == 0; i++)
		if (draft->v[i].kind == CM_CITE_CITATION) {
			v[n].x = &draft->v[i];
			rc = examine(&v[n++], db, draft, src->text);
		}
	if (rc < 0)
		goto cleanup;
	if (!strcmp(format, "dot") || !strcmp(format, "graphml")) {
		rc = write_graph(v, n, argv[optind], !strcmp(format, "graphml"));
	} else {
		if (!strcmp(format, "md"))
			printf("# Citation map of %s\n\n", argv[optind]);
		for (size_t i = 0; i < n; i++)
			if (!strcmp(format, "json"))
				cm_cli_json_line(entry_json(&v[i], src->text));
			else
				print_report(&v[i], src->text, !strcmp(format, "md"));
	}
cleanup:
	if (rc < 0)
		cm_diag(CM_PROGRAM, argv[optind], "%s", cm_error_last());
	for (size_t i = 0; i < n; i++) {
		json_object_put(v[i].reference);
		json_object_put(v[i].path);
		json_object_put(v[i].cited_by);
		json_object_put(v[i].candidates);
		json_object_put(v[i].co_cited);
		json_object_put(v[i].problems);
	}
	free(v);
	cm_citations_free(draft);
	cm_dates_free(dates);
	cm_source_free(src);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
