/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map.c: the map operation (chimuc/map.h). The draft's citations are
 * extracted once; the index is read for each in one cm_index_read: its
 * documents by number, the years its number is cited with, and its
 * precedents from their value slots (an id and a date kept of each), of
 * which only those kept are read whole; what they say of it is the
 * corpus's consensus (map_consensus.h), what they cite beside it is ranked
 * by co-citation strength. The suggestions come from map_suggest.h, the
 * problems' messages from map_problems.c. */
#include "chimuc/map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"
#include "ops/map_consensus.h"
#include "ops/map_validity.h"
#include "ops/validity.h"
#include "ops/map_problems.h"
#include "ops/map_suggest.h"

typedef struct {
	cm_map_item pub;
	cm_array_t(cm_map_precedent) cited_by;
	cm_array_t(cm_map_candidate) candidates;
	cm_array_t(cm_map_co_cited) co_cited;
	cm_years years;
	cm_readings said[CM_MAP_FIELDS];
	cm_array_t(cm_map_reading) readings[CM_MAP_FIELDS]; /* said, as published */
} entry;

struct cm_map_result {
	cm_array_t(entry) entries;
	cm_array_t(entry) suggested; /* what the suggestions' references come from */
	cm_array_t(cm_map_suggestion) suggestions;
	cm_array_t(char *) strings; /* what the items point to */
};

typedef struct {
	cm_map_result *r;
	const cm_map_options *o;
	const char *text;
	size_t len;
	const cm_citations *draft;
	char today[CM_ISO_MAX];
} mapping;

/* *out: s (malloc'd, or NULL), now owned by r; s is freed on failure. */
static int keep_owned(const char **out, cm_map_result *r, char *s)
{
	char **slot;

	*out = NULL;
	if (!s)
		return 0;
	if (!(slot = cm_array_alloc(r->strings))) {
		free(s);
		return CM_ENOMEM;
	}
	*out = *slot = s;
	return 0;
}

/* *out: a copy of s[0, n) owned by r (NULL for NULL). */
static int keepn(const char **out, cm_map_result *r, const char *s, size_t n)
{
	char *copy = s ? strndup(s, n) : NULL;

	*out = NULL;
	if (s && !copy)
		return cm_error_nomem();
	return keep_owned(out, r, copy);
}

static int keep(const char **out, cm_map_result *r, const char *s)
{
	return keepn(out, r, s, s ? strlen(s) : 0);
}

static void base_of(char *out, const char *key)
{
	const char *at = strchr(key, '@');
	snprintf(out, CM_KEY_MAX, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
}

/* text if s is given, else "". */
static const char *when(const char *s, const char *text)
{
	return s ? text : "";
}

/* "Nghị quyết số 25-NQ/TW, ngày 03/06/2013 của X (khóa XI) về "T"", leaving
 * out what is unknown. */
static int reference(const char **out, cm_map_result *r, const char *type, const char *base,
		     const char *date, const char *issuer, const char *term, const char *title)
{
	char day[32] = "", *s;
	int y, m, d, rc;

	if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(day, sizeof day, ", ngày %02d/%02d/%04d", d, m, y);
	if ((rc = cm_map_printf(&s, "%s%s%s%s%s%s%s%s%s%s%s%s", type ? type : "",
				when(type, " số "), base, day, when(issuer, " của "),
				issuer ? issuer : "", when(term, " ("), term ? term : "",
				when(term, ")"), when(title, " về \""), title ? title : "",
				when(title, "\""))) < 0)
		return rc;
	return keep_owned(out, r, s);
}

/* A citing document while the precedents are read: its id and its own date
 * (for newest first), not its strings. */
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

/* A document cited beside the citation's, while the precedents are read. */
typedef struct {
	char key[CM_KEY_MAX];  /* its key, dated when any citation of it is */
	char date[CM_ISO_MAX]; /* its newest date the citations give, else its year */
	unsigned count;        /* the precedents citing it */
	unsigned cited;        /* the documents citing it */
	double strength;
} tally;

typedef cm_array_t(tally) tallies;

/* The date a citation gives of its document, else the year of its key. */
static void cited_date(char *out, const cm_cite *c)
{
	const char *at = strchr(c->key, '@');
	snprintf(out, CM_ISO_MAX, "%s", c->date ? c->date : at ? at + 1 : "");
}

/* Counts one more precedent citing c (of base b). */
static int add_tally(tallies *v, cm_strmap *index, const char *b, const cm_cite *c)
{
	char date[CM_ISO_MAX];
	size_t at;
	tally *t;
	int rc = cm_strmap_put(&at, index, b, strlen(b), v->size);

	if (rc < 0)
		return rc;
	t = rc == 1 ? cm_array_alloc(*v) : &v->ptr[at];
	if (!t)
		return CM_ENOMEM;
	t->count++;
	if (!t->key[0] || (strchr(c->key, '@') && !strchr(t->key, '@')))
		snprintf(t->key, sizeof t->key, "%s", c->key);
	cited_date(date, c);
	if (strcmp(date, t->date) > 0)
		snprintf(t->date, sizeof t->date, "%s", date);
	return 0;
}

/* Strongest first; among as strong, the newer document first (its date),
 * then by key. */
static int by_strength(const void *a, const void *b)
{
	const tally *x = a, *y = b;
	int c;

	if (x->strength != y->strength)
		return x->strength < y->strength ? 1 : -1;
	return (c = strcmp(y->date, x->date)) ? c : strcmp(x->key, y->key);
}

/* The strength of each co-cited document (documents citing both over the
 * geometric mean of the documents citing each, n of them citing the
 * citation's); those under CM_MAP_CO_CITED_SUPPORT are left out. */
static int co_strengths(tallies *co, cm_xdb *db, size_t n)
{
	size_t kept = 0;
	int rc;

	for (size_t i = 0; i < co->size; i++) {
		tally *t = &co->ptr[i];
		char term[CM_KEY_MAX + 16], b[CM_KEY_MAX];
		if (t->count < CM_MAP_CO_CITED_SUPPORT)
			continue;
		base_of(b, t->key);
		if ((rc = cm_term_cites(term, sizeof term, b)) < 0 ||
		    (rc = cm_xdb_termfreq(&t->cited, db, term, (size_t)rc)) < 0)
			return rc;
		if (t->cited < t->count)
			t->cited = t->count;
		t->strength = t->count / sqrt((double)n * t->cited);
		co->ptr[kept++] = *t;
	}
	co->size = kept;
	if (kept > 1)
		qsort(co->ptr, kept, sizeof *co->ptr, by_strength);
	return 0;
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

typedef struct {
	const char *base;
	const cm_citations *draft;
	tallies co;
	cm_strmap index;   /* co-cited key -> its index in co */
	cm_readings *said; /* CM_MAP_FIELDS of them */
	cm_array_t(precedent) found;
} reading;

/* Field f of c (a citation gives no title). */
static const char *said_field(const cm_cite *c, int f)
{
	switch (f) {
	case CM_MAP_DATE: return c->date;
	case CM_MAP_ISSUER: return c->issuer;
	case CM_MAP_TERM: return c->term;
	case CM_MAP_TYPE: return c->type;
	default: return NULL;
	}
}

/* One citing document, from its value slots: what it says of the cited
 * document, what it cites beside it; only its id and date are kept. */
static int read_precedent(void *ctx, cm_xdb *db, cm_xdocid id)
{
	reading *r = ctx;
	cm_graphdoc d;
	cm_strmap beside = CM_STRMAP_INIT;
	const cm_cite *first[CM_MAP_FIELDS] = {0};
	precedent *p;
	int rc;

	if ((rc = cm_graphdoc_load(&d, db, id)) < 0)
		return rc;
	for (size_t k = 0; k < d.cites.size && rc == 0; k++) {
		const cm_cite *c = &d.cites.ptr[k];
		char b[CM_KEY_MAX];
		base_of(b, c->key);
		if (!strcmp(b, r->base)) {
			/* the first citation giving the field, else the last one */
			for (int f = 0; f < CM_MAP_FIELDS; f++)
				if (!first[f] || !said_field(first[f], f))
					first[f] = c;
		} else if (!draft_cites(r->draft, b) &&
			   (rc = cm_strmap_put(NULL, &beside, b, strlen(b), 0)) == 1) {
			rc = add_tally(&r->co, &r->index, b, c);
		}
	}
	cm_strmap_free(&beside);
	if (rc == 0 && (p = cm_array_alloc(r->found))) {
		p->id = id;
		snprintf(p->date, sizeof p->date, "%s", d.date ? d.date : "");
		for (int f = 0; f < CM_MAP_FIELDS && rc == 0; f++)
			if (first[f] && said_field(first[f], f))
				rc = cm_readings_add(&r->said[f], (cm_map_field)f,
						     said_field(first[f], f), d.path ? d.path : "");
	} else if (rc == 0) {
		rc = CM_ENOMEM;
	}
	cm_graphdoc_release(&d);
	return rc < 0 ? rc : 0;
}

/* The precedent d, with the sentence of its first citation of base. */
static int add_precedent(entry *e, cm_map_result *res, cm_xdb *db, const precedent *d,
			 const char *base)
{
	cm_docinfo *info = NULL;
	cm_map_precedent *p;
	char *context = NULL;
	int rc;

	if ((rc = cm_docinfo_read(&info, db, d->id)) < 0)
		return rc;
	for (size_t k = 0; k < info->ncites && !context && rc == 0; k++) {
		const cm_doccite *c = &info->cites[k];
		char b[CM_KEY_MAX];
		base_of(b, c->key);
		if (!strcmp(b, base))
			rc = cm_docinfo_excerpt(&context, info, c->ctx_start, c->ctx_end);
	}
	if (rc == 0 && !(p = cm_array_alloc(e->cited_by)))
		rc = CM_ENOMEM;
	if (rc == 0 && (rc = keep(&p->path, res, cm_docinfo_path(info))) == 0 &&
	    (rc = keep(&p->title, res, cm_docinfo_title(info))) == 0 &&
	    (rc = keep(&p->date, res, d->date[0] ? d->date : NULL)) == 0)
		rc = keep(&p->context, res, context);
	free(context);
	cm_docinfo_free(info);
	return rc;
}

/* Precedents, what they say of the cited document, and what they cite beside
 * it: from the value slots of every citing document, read one at a time;
 * only the precedents kept are read whole. */
static int precedents(entry *e, mapping *m, cm_xdb *db, const cm_citation *x)
{
	char term[CM_KEY_MAX + 16];
	const char *base = e->pub.base;
	reading r = {.base = base,
		     .draft = m->draft,
		     .co = CM_ARRAY_INIT,
		     .index = CM_STRMAP_INIT,
		     .said = e->said};
	int year = x->year, rc;

	if (e->years.size == 1 && e->years.ptr[0] == year)
		year = 0; /* the citations without a year can only mean this one */
	if ((rc = year ? cm_term_cites_year(term, sizeof term, base, year)
		       : cm_term_cites(term, sizeof term, base)) < 0 ||
	    (rc = cm_postings_each(db, term, read_precedent, &r)) < 0)
		goto cleanup;
	if (r.found.size > 1)
		qsort(r.found.ptr, r.found.size, sizeof *r.found.ptr, newest_first);
	for (size_t i = 0; i < r.found.size && i < m->o->precedents && rc == 0; i++)
		rc = add_precedent(e, m->r, db, &r.found.ptr[i], base);
	if (rc < 0)
		goto cleanup;
	e->pub.cited_by_total = r.found.size;
	if ((rc = co_strengths(&r.co, db, r.found.size)) < 0)
		goto cleanup;
	e->pub.co_cited_total = r.co.size;
	for (size_t i = 0; i < r.co.size && rc == 0; i++) {
		const tally *t = &r.co.ptr[i];
		cm_map_co_cited *c = cm_array_alloc(e->co_cited);
		if (!c)
			rc = CM_ENOMEM;
		else if ((rc = keep(&c->key, m->r, t->key)) == 0 &&
			 (rc = keep(&c->date, m->r, t->date[0] ? t->date : NULL)) == 0) {
			c->count = t->count;
			c->cited = t->cited;
			c->strength = t->strength;
		}
	}
cleanup:
	cm_array_clear(r.found);
	cm_array_clear(r.co);
	cm_strmap_free(&r.index);
	return rc < 0 ? rc : 0;
}

static int add_candidate(entry *e, cm_map_result *r, const cm_docinfo *info)
{
	cm_map_candidate *c = cm_array_alloc(e->candidates);
	int rc;

	if (!c)
		return CM_ENOMEM;
	if ((rc = keep(&c->path, r, cm_docinfo_path(info))) < 0 ||
	    (rc = keep(&c->title, r, cm_docinfo_title(info))) < 0 ||
	    (rc = keep(&c->date, r, info->self.date)) < 0)
		return rc;
	return keep(&c->key, r, info->number);
}

/* The candidates of a number the corpus holds no document of: its years. */
static int add_year_candidates(entry *e, cm_map_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < e->years.size && rc == 0; i++) {
		cm_map_candidate *c = cm_array_alloc(e->candidates);
		char k[CM_KEY_MAX + 16];
		if (!c)
			return CM_ENOMEM;
		snprintf(k, sizeof k, "%s@%d", e->pub.base, e->years.ptr[i]);
		rc = keep(&c->key, r, k);
	}
	return rc;
}

/* 1 if the span holds an en or em dash. */
static int has_wide_dash(const char *s)
{
	return strstr(s, "–") || strstr(s, "—");
}

/* How the draft wrote the citation, against how it should be written. */
static int form_problems(entry *e, mapping *m, const cm_citation *x)
{
	cm_map_item *it = &e->pub;
	const char *raw = it->text, *ngay;
	int rc = 0;

	if (x->type && !strstr(raw, "số") && !strstr(raw, "Số") && !strstr(raw, "SỐ"))
		it->problems |= CM_MAP_NO_SO;
	if (!strstr(raw, it->base))
		it->problems |= has_wide_dash(raw) ? CM_MAP_WRONG_DASH : CM_MAP_SYMBOL_SPACE;
	if ((ngay = strstr(raw, "ngày")) && x->date[0] &&
	    (strchr(ngay, '-') || strchr(ngay, '.'))) {
		it->problems |= CM_MAP_DATE_FORM;
		rc = keep(&it->date_form, m->r, ngay + strlen("ngày "));
	}
	if (x->flags & CM_CITE_TYPE_MISMATCH)
		it->problems |= CM_MAP_CONTRADICTS;
	for (size_t i = 0; i < m->draft->n && rc == 0; i++) {
		const cm_citation *y = &m->draft->v[i];
		char b[CM_KEY_MAX];
		base_of(b, y->key);
		if (y != x && !strcmp(b, it->base) && y->date[0] && x->date[0] &&
		    strcmp(y->date, x->date)) {
			it->problems |= CM_MAP_DATES_DIFFER;
			rc = keep(&it->other_date, m->r, y->date);
			break;
		}
	}
	return rc;
}

/* The one reading of field f, or NULL (none, or several). */
static const char *agreed(const entry *e, cm_map_field f)
{
	return e->said[f].size == 1 ? e->said[f].ptr[0].value : NULL;
}

/* The corpus's reading of f if it has one, else the draft's (v). */
static const char *pick(const entry *e, cm_map_field f, const char *v)
{
	return agreed(e, f) ? agreed(e, f) : v;
}

/* The document itself says field f: its reading replaces the citing
 * documents'. */
static int take_self(entry *e, cm_map_field f, const char *value, const char *path)
{
	if (!value)
		return 0;
	cm_readings_release(&e->said[f]);
	e->pub.said[f].from_self = 1;
	return cm_readings_add(&e->said[f], f, value, path);
}

static int take_document(entry *e, const cm_docinfo *d)
{
	const char *path = cm_docinfo_path(d);
	int rc;

	if ((rc = take_self(e, CM_MAP_TYPE, d->type, path)) < 0 ||
	    (rc = take_self(e, CM_MAP_DATE, d->self.date, path)) < 0 ||
	    (rc = take_self(e, CM_MAP_ISSUER, d->self.issuer, path)) < 0)
		return rc;
	return take_self(e, CM_MAP_TITLE, d->self.title, path);
}

/* The draft against the consensus: the mismatch problems, and the fields
 * the corpus disagrees on. */
static int compare(entry *e, mapping *m, const cm_citation *x)
{
	cm_map_item *it = &e->pub;
	const char *date = agreed(e, CM_MAP_DATE), *issuer = agreed(e, CM_MAP_ISSUER);
	const char *term = agreed(e, CM_MAP_TERM), *type = agreed(e, CM_MAP_TYPE);
	int rc = 0;

	for (int f = 0; f < CM_MAP_FIELDS; f++)
		if (e->said[f].size > 1)
			it->problems |= CM_MAP_CORPUS_DISAGREES;
	if (x->type && type && strcmp(x->type, type) && !(x->flags & CM_CITE_TYPE_MISMATCH))
		it->problems |= CM_MAP_TYPE_MISMATCH;
	if (x->term && term && strcmp(x->term, term))
		it->problems |= CM_MAP_TERM_MISMATCH;
	if (x->date[0] && date && strcmp(x->date, date)) {
		it->problems |=
			it->said[CM_MAP_DATE].from_self ? CM_MAP_DATE_MISMATCH : CM_MAP_CITED_DATE;
		rc = keep(&it->corpus_date, m->r, date);
	}
	if (rc == 0 && x->issuer && issuer && !cm_readings_same(CM_MAP_ISSUER, x->issuer, issuer)) {
		it->problems |= CM_MAP_ISSUER_MISMATCH;
		rc = keep(&it->corpus_issuer, m->r, issuer);
	}
	return rc;
}

/* The status and reference of the citation from the corpus documents of its
 * number (own), the years it is cited with, what the corpus says of it. */
static int judge(entry *e, mapping *m, const cm_citation *x, const cm_doclist *own)
{
	cm_map_item *it = &e->pub;
	const char *xdate = x->date[0] ? x->date : NULL;
	const cm_docinfo *match = NULL;
	size_t nmatch = 0, nyears = e->years.size;
	int rc = 0;

	for (size_t i = 0; i < own->size && rc == 0; i++) {
		const char *d = own->ptr[i]->self.date;
		if (!x->year || (d && atoi(d) == x->year)) {
			match = own->ptr[i];
			nmatch++;
		}
		rc = add_candidate(e, m->r, own->ptr[i]);
	}
	if (rc < 0)
		return rc;
	if (nmatch > 1 || (!match && !x->year && nyears > 1)) {
		it->status = CM_MAP_AMBIGUOUS;
		if (own->size == 0 && (rc = add_year_candidates(e, m->r)) < 0)
			return rc;
		return reference(&it->reference, m->r, x->type, it->base, xdate, x->issuer, x->term,
				 NULL);
	}
	if (match) {
		it->status = CM_MAP_IN_CORPUS;
		if ((rc = keep(&it->path, m->r, cm_docinfo_path(match))) < 0 ||
		    (rc = take_document(e, match)) < 0)
			return rc;
	} else if (x->year && it->cited_by_total == 0 && nyears > 0) {
		it->status = CM_MAP_INCONSISTENT;
		it->problems |= CM_MAP_OTHER_YEAR;
		it->years = e->years.ptr;
		it->nyears = nyears;
		return reference(&it->reference, m->r, x->type, it->base, xdate, x->issuer, x->term,
				 NULL);
	} else if (it->cited_by_total > 0 || nyears > 0) {
		it->status = CM_MAP_CITED_ONLY;
	} else {
		it->status = CM_MAP_UNKNOWN;
		return reference(&it->reference, m->r, x->type, it->base, xdate, x->issuer, x->term,
				 NULL);
	}
	if ((rc = compare(e, m, x)) < 0)
		return rc;
	return reference(&it->reference, m->r, pick(e, CM_MAP_TYPE, x->type), it->base,
			 pick(e, CM_MAP_DATE, xdate), pick(e, CM_MAP_ISSUER, x->issuer),
			 pick(e, CM_MAP_TERM, x->term), agreed(e, CM_MAP_TITLE));
}

/* The consensus as the item shows it. */
static int publish_said(entry *e)
{
	for (int f = 0; f < CM_MAP_FIELDS; f++) {
		cm_readings_sort(&e->said[f]);
		for (size_t i = 0; i < e->said[f].size; i++) {
			const cm_reading *g = &e->said[f].ptr[i];
			cm_map_reading *p = cm_array_alloc(e->readings[f]);
			if (!p)
				return CM_ENOMEM;
			p->value = g->value;
			p->paths = (const char *const *)g->paths.ptr;
			p->count = g->paths.size;
		}
		e->pub.said[f].readings = e->readings[f].ptr;
		e->pub.said[f].nreadings = e->readings[f].size;
	}
	return 0;
}

/* What the corpus (not the draft) says of its validity: a problem when
 * another document replaces, repeals or ends it, a note when amended. */
static int validity(cm_map_item *it, mapping *m, cm_xdb *db, const cm_citation *x)
{
	cm_map_validity v;
	int rc = cm_map_validity_of(&v, db, it->base, x->year, m->today, m->draft->self.key), k;

	if (rc < 0)
		return rc;
	it->validity = v.status;
	it->superseded_how = v.how;
	if (v.by)
		it->problems |= CM_MAP_SUPERSEDED;
	if (v.amended_by)
		it->problems |= CM_MAP_AMENDED;
	/* each string is kept by r or freed */
	rc = keep_owned(&it->validity_since, m->r, v.since);
	k = keep_owned(&it->superseded_by, m->r, v.by);
	rc = rc < 0 ? rc : k;
	k = keep_owned(&it->amended_by, m->r, v.amended_by);
	rc = rc < 0 ? rc : k;
	k = keep_owned(&it->amended_part, m->r, v.amended_part);
	rc = rc < 0 ? rc : k;
	k = keep_owned(&it->amended_since, m->r, v.amended_since);
	return rc < 0 ? rc : k;
}

/* The item of citation x of the draft. */
static int examine(entry *e, mapping *m, cm_xdb *db, const cm_citation *x)
{
	cm_map_item *it = &e->pub;
	cm_doclist own = CM_ARRAY_INIT;
	char base[CM_KEY_MAX], t[CM_KEY_MAX + 16];
	int rc;

	base_of(base, x->key);
	it->start = x->start;
	it->end = x->end;
	if ((rc = keepn(&it->text, m->r, m->text + x->start, x->end - x->start)) < 0 ||
	    (rc = keep(&it->key, m->r, x->key)) < 0 || (rc = keep(&it->base, m->r, base)) < 0 ||
	    (rc = keep(&it->type, m->r, x->type)) < 0 ||
	    (rc = keep(&it->relation, m->r, x->relation)) < 0 ||
	    (rc = keep(&it->date, m->r, x->date[0] ? x->date : NULL)) < 0 ||
	    (rc = keep(&it->issuer, m->r, x->issuer)) < 0 ||
	    (rc = keep(&it->term, m->r, x->term)) < 0)
		return rc;
	if ((rc = cm_term_number(t, sizeof t, base)) < 0 ||
	    (rc = cm_doclist_by_term(&own, db, t)) < 0 ||
	    (rc = cm_cited_years(&e->years, db, base)) < 0 || (rc = precedents(e, m, db, x)) < 0 ||
	    (rc = judge(e, m, x, &own)) < 0 || (rc = form_problems(e, m, x)) < 0 ||
	    (rc = validity(it, m, db, x)) < 0 || (rc = publish_said(e)) < 0)
		goto cleanup;
	if (it->problems & CM_MAP_INCONSISTENT_PROBLEMS)
		it->status = CM_MAP_INCONSISTENT;
	it->cited_by = e->cited_by.ptr;
	it->ncited_by = e->cited_by.size;
	it->candidates = e->candidates.ptr;
	it->ncandidates = e->candidates.size;
	it->co_cited = e->co_cited.ptr;
	it->nco_cited = e->co_cited.size < m->o->co_cited ? e->co_cited.size : m->o->co_cited;
cleanup:
	cm_doclist_release(&own);
	return rc;
}

static void entry_release(entry *e)
{
	cm_array_clear(e->cited_by);
	cm_array_clear(e->candidates);
	cm_array_clear(e->co_cited);
	cm_array_clear(e->years);
	for (int f = 0; f < CM_MAP_FIELDS; f++) {
		cm_readings_release(&e->said[f]);
		cm_array_clear(e->readings[f]);
	}
}

/* Back to an empty result, for a run from scratch. */
static void result_reset(cm_map_result *r)
{
	for (size_t i = 0; i < r->entries.size; i++)
		entry_release(&r->entries.ptr[i]);
	cm_array_clear(r->entries);
	for (size_t i = 0; i < r->suggested.size; i++)
		entry_release(&r->suggested.ptr[i]);
	cm_array_clear(r->suggested);
	cm_array_clear(r->suggestions);
	for (size_t i = 0; i < r->strings.size; i++)
		free(r->strings.ptr[i]);
	cm_array_clear(r->strings);
}

/* Suggestion s, its reference and path from the corpus, as a citation of
 * its key alone would have them. */
static int add_suggestion(mapping *m, cm_xdb *db, const cm_suggest_item *s)
{
	static const cm_map_options bare = {CM_MAP_OPTIONS_VERSION, 0, 0, 0, 0, NULL};
	mapping alone = *m;
	cm_citation x = {.kind = CM_CITE_CITATION};
	const char *at = strchr(s->key, '@');
	cm_map_suggestion *p;
	entry *e;
	int rc;

	snprintf(x.key, sizeof x.key, "%s", s->key);
	x.year = at ? atoi(at + 1) : 0;
	alone.o = &bare;
	if (!(e = cm_array_alloc(m->r->suggested)) || !(p = cm_array_alloc(m->r->suggestions)))
		return CM_ENOMEM;
	if ((rc = examine(e, &alone, db, &x)) < 0)
		return rc;
	p->key = e->pub.key;
	p->score = s->score;
	p->reference = e->pub.reference;
	p->path = e->pub.path;
	return keep(&p->reason, m->r, s->reason);
}

/* The suggestions for the draft, from the items made. */
static int suggest(mapping *m, cm_xdb *db)
{
	cm_array_t(cm_suggest_cited) cited = CM_ARRAY_INIT;
	cm_suggest_list list = CM_ARRAY_INIT;
	int rc = 0;

	for (size_t i = 0; i < m->r->entries.size; i++) {
		const entry *e = &m->r->entries.ptr[i];
		cm_suggest_cited *c = cm_array_alloc(cited);
		if (!c) {
			rc = CM_ENOMEM;
			goto cleanup;
		}
		c->base = e->pub.base;
		c->co = e->co_cited.ptr;
		c->nco = e->co_cited.size;
	}
	if ((rc = cm_suggest(&list, db, m->text, m->len, cited.ptr, cited.size, m->draft->self.key,
			     m->o->similar)) < 0)
		goto cleanup;
	for (size_t i = 0; i < list.size && i < m->o->suggestions && rc == 0; i++)
		rc = add_suggestion(m, db, &list.ptr[i]);
cleanup:
	cm_suggest_list_release(&list);
	cm_array_clear(cited);
	return rc;
}

static int run(void *ctx, cm_xdb *db)
{
	mapping *m = ctx;
	int rc = 0;

	result_reset(m->r);
	for (size_t i = 0; i < m->draft->n && rc == 0; i++) {
		entry *e;
		if (m->draft->v[i].kind != CM_CITE_CITATION)
			continue;
		if (!(e = cm_array_alloc(m->r->entries)))
			return CM_ENOMEM;
		rc = examine(e, m, db, &m->draft->v[i]);
	}
	if (rc == 0 && m->o->suggestions)
		rc = suggest(m, db);
	return rc;
}

int cm_map(cm_map_result **out, cm_index *ix, const char *text, size_t len,
	   const cm_map_options *opts)
{
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	mapping m = {.o = &o, .text = text, .len = len};
	cm_dates *dates = NULL;
	cm_citations *draft = NULL;
	int rc;

	*out = NULL;
	if (opts && (opts->version < 1 || opts->version > CM_MAP_OPTIONS_VERSION))
		return cm_error_version("map", opts->version, CM_MAP_OPTIONS_VERSION);
	if (opts && opts->version == CM_MAP_OPTIONS_VERSION) {
		o = *opts;
	} else if (opts) { /* version 1 or 2: their fields only */
		o.precedents = opts->precedents, o.co_cited = opts->co_cited;
		if (opts->version == 2)
			o.suggestions = opts->suggestions, o.similar = opts->similar;
	}
	if ((rc = cm_validity_today(m.today, o.today)) < 0)
		return rc;
	if (!(m.r = calloc(1, sizeof *m.r)))
		return cm_error_nomem();
	if ((rc = cm_dates_extract(&dates, text, len)) < 0 ||
	    (rc = cm_citations_extract(&draft, text, len, dates)) < 0)
		goto cleanup;
	m.draft = draft;
	rc = cm_index_read(ix, run, &m);
cleanup:
	cm_citations_free(draft);
	cm_dates_free(dates);
	if (rc < 0)
		cm_map_free(m.r);
	else
		*out = m.r;
	return rc;
}

void cm_map_free(cm_map_result *r)
{
	if (!r)
		return;
	result_reset(r);
	free(r);
}

size_t cm_map_suggestions(const cm_map_result *r)
{
	return r->suggestions.size;
}

const cm_map_suggestion *cm_map_suggestion_get(const cm_map_result *r, size_t i)
{
	return i < r->suggestions.size ? &r->suggestions.ptr[i] : NULL;
}

size_t cm_map_size(const cm_map_result *r)
{
	return r->entries.size;
}

const cm_map_item *cm_map_get(const cm_map_result *r, size_t i)
{
	return i < r->entries.size ? &r->entries.ptr[i].pub : NULL;
}
