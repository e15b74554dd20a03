/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_suggest.c: the suggestions of the map operation (map_suggest.h): the
 * documents like the draft through one OR query of its words, what they
 * cite; what is co-cited with what the draft cites; the scores and the
 * reasons. */
#include "ops/map_suggest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/strmap.h"
#include "chimuc/text.h"
#include "ops/citegraph.h"
#include "ops/map_problems.h"
#include "text/stopwords.h"

/* A candidate while it is scored. */
typedef struct {
	char key[CM_KEY_MAX], date[CM_ISO_MAX];
	unsigned similar;   /* the similar documents citing it */
	double near;        /* the same, each weighted by its relevance over the best's */
	double co;          /* the sum of its strengths beside the draft's citations */
	const char *beside; /* the draft's citation it is strongest beside */
	unsigned beside_count, nbeside;
	double beside_strength;
	unsigned cited; /* the documents of the index citing it */
} candidate;

/* The weight of how widely the corpus cites a document, over the most
 * cited one's: small, so that it only orders what the draft's neighbours
 * and co-citations leave equal, and fills the list when they say little. */
#define POPULARITY_WEIGHT 0.05

typedef struct {
	cm_array_t(candidate) v;
	cm_strmap index;    /* base -> its index in v */
	cm_strmap excluded; /* the bases the draft cites, and its own */
} scoring;

static void base_of(char *out, const char *key)
{
	const char *at = strchr(key, '@');
	snprintf(out, CM_KEY_MAX, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
}

/* The candidate of key (dated or not), made if new; NULL: excluded (*rc 0)
 * or out of memory (*rc CM_ENOMEM). */
static candidate *candidate_of(scoring *s, const char *key, const char *date, int *rc)
{
	char b[CM_KEY_MAX];
	size_t at;
	candidate *c;

	base_of(b, key);
	*rc = 0;
	if (cm_strmap_get(NULL, &s->excluded, b, strlen(b)))
		return NULL;
	if ((*rc = cm_strmap_put(&at, &s->index, b, strlen(b), s->v.size)) < 0)
		return NULL;
	if (*rc == 1 && !(c = cm_array_alloc(s->v))) {
		*rc = CM_ENOMEM;
		return NULL;
	}
	*rc = 0;
	c = &s->v.ptr[at];
	if (!c->key[0] || (strchr(key, '@') && !strchr(c->key, '@')))
		snprintf(c->key, sizeof c->key, "%s", key);
	if (date && strcmp(date, c->date) > 0)
		snprintf(c->date, sizeof c->date, "%s", date);
	return c;
}

/* The OR query of the draft's words (no stopwords), each weighted by how
 * often the draft uses it. */
static int draft_query(cm_xquery **out, const char *text, size_t len)
{
	cm_array_t(cm_xquery *) terms = CM_ARRAY_INIT;
	cm_array_t(unsigned) wqf = CM_ARRAY_INIT;
	cm_array_t(char *) words = CM_ARRAY_INIT;
	cm_strmap seen = CM_STRMAP_INIT;
	cm_tokenizer tz;
	cm_token tok;
	int rc;

	*out = NULL;
	cm_tokenizer_init(&tz, text, len);
	while ((rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		size_t at;
		if (cm_stopword_is(tok.exact, tok.exact_len))
			continue;
		if ((rc = cm_strmap_put(&at, &seen, tok.exact, tok.exact_len, words.size)) < 0)
			break;
		if (rc == 0) {
			wqf.ptr[at]++;
			continue;
		}
		char **w = cm_array_alloc(words);
		unsigned *n = w ? cm_array_alloc(wqf) : NULL;
		if (!n || !(*w = strdup(tok.exact))) {
			rc = cm_error_nomem();
			break;
		}
		*n = 1;
	}
	for (size_t i = 0; i < words.size && rc == 0; i++) {
		cm_xquery **q = cm_array_alloc(terms);
		if (!q)
			rc = CM_ENOMEM;
		else if ((rc = cm_xquery_term(q, words.ptr[i], strlen(words.ptr[i]), wqf.ptr[i],
					      0)) < 0)
			terms.size--;
	}
	if (rc == 0)
		rc = terms.size ? cm_xquery_combine(out, CM_XQ_OR, terms.ptr, terms.size, 0)
				: cm_xquery_match_nothing(out);
	for (size_t i = 0; i < terms.size; i++)
		cm_xquery_free(terms.ptr[i]);
	for (size_t i = 0; i < words.size; i++)
		free(words.ptr[i]);
	cm_array_clear(terms);
	cm_array_clear(wqf);
	cm_array_clear(words);
	cm_strmap_free(&seen);
	return rc < 0 ? rc : 0;
}

/* One similar document, of relevance weight over the best's: what it cites. */
static int similar_cites(scoring *s, cm_xdb *db, cm_xdocid id, double weight)
{
	cm_strmap once = CM_STRMAP_INIT;
	cm_graphdoc d;
	int rc;

	if ((rc = cm_graphdoc_load(&d, db, id)) < 0)
		return rc;
	for (size_t k = 0; k < d.cites.size && rc == 0; k++) {
		const cm_cite *c = &d.cites.ptr[k];
		char b[CM_KEY_MAX], date[CM_ISO_MAX];
		const char *at = strchr(c->key, '@');
		candidate *x;
		base_of(b, c->key);
		if ((rc = cm_strmap_put(NULL, &once, b, strlen(b), 0)) != 1)
			continue;
		snprintf(date, sizeof date, "%s", c->date ? c->date : at ? at + 1 : "");
		if ((x = candidate_of(s, c->key, date, &rc))) {
			x->similar++;
			x->near += weight;
		}
	}
	cm_strmap_free(&once);
	cm_graphdoc_release(&d);
	return rc < 0 ? rc : 0;
}

/* The documents most like the draft, and what they cite: *n of them. */
static int from_similar(size_t *n, scoring *s, cm_xdb *db, const char *text, size_t len,
			size_t similar)
{
	cm_xquery *q = NULL;
	cm_xenquire *e = NULL;
	cm_xmset *ms = NULL;
	double best = 0;
	int rc;

	*n = 0;
	if (!similar)
		return 0;
	if ((rc = draft_query(&q, text, len)) < 0 || (rc = cm_xenquire_new(&e, db)) < 0 ||
	    (rc = cm_xenquire_set_query(e, q)) < 0 ||
	    (rc = cm_xenquire_mset(&ms, e, 0, (unsigned)similar)) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(ms) && rc == 0; i++) {
		cm_xdocid id;
		double w;
		unsigned rank;
		if ((rc = cm_xmset_get(&id, &w, &rank, ms, i)) < 0)
			break;
		if (i == 0)
			best = w > 0 ? w : 1;
		rc = similar_cites(s, db, id, w / best);
		(*n)++;
	}
cleanup:
	cm_xmset_free(ms);
	cm_xenquire_free(e);
	cm_xquery_free(q);
	return rc;
}

/* The documents co-cited with the draft's citations. */
static int from_co_cited(scoring *s, const cm_suggest_cited *cited, size_t n)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		for (size_t k = 0; k < cited[i].nco && rc == 0; k++) {
			const cm_map_co_cited *co = &cited[i].co[k];
			candidate *x = candidate_of(s, co->key, co->date, &rc);
			if (!x)
				continue;
			x->co += co->strength;
			x->nbeside++;
			if (co->strength > x->beside_strength) {
				x->beside = cited[i].base;
				x->beside_count = co->count;
				x->beside_strength = co->strength;
			}
		}
	return rc;
}

/* How many documents cite each cited document (its XC term without a
 * year), and its dated key (its XC terms with one); *max: the most. */
static int from_corpus(unsigned *max, scoring *s, cm_xdb *db)
{
	char prefix[8];
	cm_xterms *it;
	const char *t;
	size_t len, plen;
	unsigned count;
	int rc;

	*max = 0;
	if ((rc = cm_term_cites(prefix, sizeof prefix, "")) < 0)
		return rc;
	plen = (size_t)rc;
	if ((rc = cm_xdb_allterms(&it, db, prefix, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&t, &len, &count, it)) == 1) {
		char key[CM_KEY_MAX];
		candidate *c;
		snprintf(key, sizeof key, "%.*s", (int)(len - plen), t + plen);
		if (!(c = candidate_of(s, key, NULL, &rc))) {
			if (rc < 0)
				break;
			continue;
		}
		if (!strchr(key, '@')) {
			c->cited = count;
			if (count > *max)
				*max = count;
		}
	}
	cm_xterms_free(it);
	return rc < 0 ? rc : 0;
}

static int append(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends to *s (malloc'd or NULL) the printf of fmt, after "; " if *s. */
static int append(char **s, const char *fmt, ...)
{
	char *part, *t;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cm_map_vprintf(&part, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	rc = cm_map_printf(&t, "%s%s%s", *s ? *s : "", *s ? "; " : "", part);
	free(part);
	if (rc == 0) {
		free(*s);
		*s = t;
	}
	return rc;
}

/* "cited by 3 of the 5 documents most like this draft; cited beside
 * 25-NQ/TW in 4 documents (strength 0.71) and beside 1 more of its
 * citations". */
static int reason(char **out, const candidate *c, size_t nsimilar)
{
	int rc = 0;

	*out = NULL;
	if (c->similar)
		rc = append(out, "cited by %u of the %zu documents most like this draft",
			    c->similar, nsimilar);
	if (rc == 0 && c->beside)
		rc = append(out, "cited beside %s in %u documents (strength %.2f)", c->beside,
			    c->beside_count, c->beside_strength);
	if (rc == 0 && c->nbeside > 1)
		rc = append(out, "beside %u more of its citations", c->nbeside - 1);
	if (rc == 0 && !*out)
		rc = append(out, "cited by %u documents of the index", c->cited);
	return rc;
}

static int best_first(const void *a, const void *b)
{
	const cm_suggest_item *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (c = strcmp(y->date, x->date)) ? c : strcmp(x->key, y->key);
}

/* The score: the share of the similar documents citing it (each weighted by
 * its relevance), plus its co-citation strengths, plus POPULARITY_WEIGHT
 * times its citations over the most cited document's. */
static int rank(cm_suggest_list *out, const scoring *s, size_t nsimilar, unsigned max)
{
	int rc = 0;

	for (size_t i = 0; i < s->v.size && rc == 0; i++) {
		const candidate *c = &s->v.ptr[i];
		cm_suggest_item *it;
		if (!c->similar && !c->beside && !c->cited)
			continue;
		if (!(it = cm_array_alloc(*out)))
			return CM_ENOMEM;
		snprintf(it->key, sizeof it->key, "%s", c->key);
		snprintf(it->date, sizeof it->date, "%s", c->date);
		it->score = (nsimilar ? c->near / (double)nsimilar : 0) + c->co +
			    (max ? POPULARITY_WEIGHT * c->cited / max : 0);
		rc = reason(&it->reason, c, nsimilar);
	}
	if (rc == 0 && out->size > 1)
		qsort(out->ptr, out->size, sizeof *out->ptr, best_first);
	return rc;
}

int cm_suggest(cm_suggest_list *out, cm_xdb *db, const char *text, size_t len,
	       const cm_suggest_cited *cited, size_t n, const char *self, size_t similar)
{
	scoring s = {.v = CM_ARRAY_INIT, .index = CM_STRMAP_INIT, .excluded = CM_STRMAP_INIT};
	size_t nsimilar = 0;
	unsigned max = 0;
	int rc = 0;

	for (size_t i = 0; i < n && rc >= 0; i++)
		rc = cm_strmap_put(NULL, &s.excluded, cited[i].base, strlen(cited[i].base), 0);
	if (rc >= 0 && self && self[0]) {
		char b[CM_KEY_MAX];
		base_of(b, self);
		rc = cm_strmap_put(NULL, &s.excluded, b, strlen(b), 0);
	}
	if (rc >= 0 && (rc = from_similar(&nsimilar, &s, db, text, len, similar)) == 0 &&
	    (rc = from_co_cited(&s, cited, n)) == 0 && (rc = from_corpus(&max, &s, db)) == 0)
		rc = rank(out, &s, nsimilar, max);
	cm_array_clear(s.v);
	cm_strmap_free(&s.index);
	cm_strmap_free(&s.excluded);
	return rc < 0 ? rc : 0;
}

void cm_suggest_list_release(cm_suggest_list *l)
{
	for (size_t i = 0; i < l->size; i++)
		free(l->ptr[i].reason);
	cm_array_clear(*l);
}
