/* SPDX-License-Identifier: GPL-2.0-or-later */

/* facets.c: the facets operation (chimuc/facets.h): every document matching
 * the query marked in a bitmap by docid, then for each facet the posting
 * list of each of its terms (type, issuer, year prefixes) counted against
 * the bitmap. No document data read. */
#include "chimuc/facets.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/schema.h"
#include "ops/match.h"

struct cm_facets_result {
	size_t total;
	cm_array_t(cm_facet_item) items[CM_FACET_END];
};

typedef struct {
	cm_facets_result *r;
	const char *text;
	size_t len;
	unsigned char *match; /* one byte per docid: 1 when it matches */
	cm_xdocid last;
} job;

static const char *const prefixes[CM_FACET_END] = {CM_PREFIX_TYPE, CM_PREFIX_ISSUER,
						   CM_PREFIX_YEAR};
static const char *const names[CM_FACET_END] = {"type", "issuer", "year"};

const char *cm_facet_name(cm_facet facet)
{
	return facet < CM_FACET_END ? names[facet] : NULL;
}

static void items_release(cm_facets_result *r)
{
	for (int f = 0; f < CM_FACET_END; f++) {
		for (size_t i = 0; i < r->items[f].size; i++)
			free((char *)r->items[f].ptr[i].value);
		cm_array_clear(r->items[f]);
	}
	r->total = 0;
}

/* Marks the documents matching q in j->match. */
static int mark(job *j, cm_xdb *db, const cm_query *q)
{
	cm_xmset *m = NULL;
	int rc;

	if ((rc = cm_xdb_lastdocid(&j->last, db)) < 0)
		return rc;
	free(j->match);
	if (!(j->match = calloc((size_t)j->last + 1, 1)))
		return cm_error_nomem();
	if ((rc = cm_match_all(&m, db, cm_query_xapian(q))) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m); i++) {
		cm_xdocid id;
		double w;
		unsigned rank;
		if ((rc = cm_xmset_get(&id, &w, &rank, m, i)) < 0)
			goto cleanup;
		if (id <= j->last)
			j->match[id] = 1;
	}
	j->r->total = cm_xmset_size(m);
cleanup:
	cm_xmset_free(m);
	return rc;
}

/* The matching documents holding term. */
static int count_term(size_t *out, const job *j, cm_xdb *db, const char *term, size_t len)
{
	cm_xpostings *it = NULL;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	*out = 0;
	if ((rc = cm_xdb_postings(&it, db, term, len)) < 0)
		return rc;
	while ((rc = cm_xpostings_next(&id, &wdf, it)) == 1)
		if (id <= j->last && j->match[id])
			(*out)++;
	cm_xpostings_free(it);
	return rc;
}

static int count_facet(job *j, cm_xdb *db, cm_facet f)
{
	size_t plen = strlen(prefixes[f]);
	cm_xterms *terms = NULL;
	const char *term;
	size_t len, n;
	unsigned freq;
	int rc;

	if ((rc = cm_xdb_allterms(&terms, db, prefixes[f], plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&term, &len, &freq, terms)) == 1) {
		cm_facet_item *it;
		char *value;

		if ((rc = count_term(&n, j, db, term, len)) < 0)
			break;
		if (n == 0)
			continue;
		if (!(value = strndup(term + plen, len - plen))) {
			rc = cm_error_nomem();
			break;
		}
		if (!(it = cm_array_alloc(j->r->items[f]))) {
			free(value);
			rc = cm_error_nomem();
			break;
		}
		*it = (cm_facet_item){value, n};
	}
	cm_xterms_free(terms);
	return rc;
}

static int run(void *ctx, cm_xdb *db)
{
	job *j = ctx;
	cm_query *q = NULL;
	int rc;

	items_release(j->r);
	if ((rc = cm_query_parse(&q, db, j->text, j->len)) < 0 || (rc = mark(j, db, q)) < 0)
		goto cleanup;
	for (int f = 0; f < CM_FACET_END && rc >= 0; f++)
		rc = count_facet(j, db, (cm_facet)f);
cleanup:
	cm_query_free(q);
	return rc < 0 ? rc : 0;
}

int cm_facets(cm_facets_result **out, cm_index *ix, const char *query, size_t len,
	      const cm_facets_options *opts)
{
	static const cm_facets_options defaults = CM_FACETS_OPTIONS_INIT;
	const cm_facets_options *o = opts ? opts : &defaults;
	job j = {.text = query, .len = len};
	int rc;

	*out = NULL;
	if (o->version != CM_FACETS_OPTIONS_VERSION)
		return cm_error_version("facets", o->version, CM_FACETS_OPTIONS_VERSION);
	if (!(j.r = calloc(1, sizeof *j.r)))
		return cm_error_nomem();
	rc = cm_index_read(ix, run, &j);
	free(j.match);
	if (rc < 0)
		cm_facets_free(j.r);
	else
		*out = j.r;
	return rc;
}

void cm_facets_free(cm_facets_result *r)
{
	if (!r)
		return;
	items_release(r);
	free(r);
}

size_t cm_facets_total(const cm_facets_result *r)
{
	return r->total;
}

size_t cm_facets_size(const cm_facets_result *r, cm_facet facet)
{
	return facet < CM_FACET_END ? r->items[facet].size : 0;
}

const cm_facet_item *cm_facets_get(const cm_facets_result *r, cm_facet facet, size_t i)
{
	return facet < CM_FACET_END && i < r->items[facet].size ? &r->items[facet].ptr[i] : NULL;
}
