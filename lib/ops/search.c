/* SPDX-License-Identifier: GPL-2.0-or-later */

/* search.c: the search operation (chimuc/search.h): the query parsed
 * against the index (its vocabulary expands unaccented words), one BM25
 * match for the page, the documents of the page read for their snippets
 * (or only their path and title slots when brief), and the number of
 * matching documents, counted by a second match only when the page does
 * not show where the answer ends. */
#include "chimuc/search.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/schema.h"
#include "chimuc/snippet.h"
#include "ops/match.h"
#include "ops/validity.h"

struct cm_search_result {
	int brief;
	size_t total;
	cm_array_t(cm_search_item) items;
};

typedef struct {
	cm_search_result *r;
	const cm_search_options *o;
	const char *text;
	size_t len;
} search;

static void item_release(cm_search_item *it)
{
	free((char *)it->path);
	free((char *)it->title);
	free((char *)it->format);
	free((char *)it->snippet);
	free((cm_search_span *)it->spans);
	free((char *)it->type);
	free((char *)it->number);
	free((char *)it->date);
	free((char *)it->status_since);
}

static void items_release(cm_search_result *r)
{
	for (size_t i = 0; i < r->items.size; i++)
		item_release(&r->items.ptr[i]);
	cm_array_clear(r->items);
}

static unsigned clamp(size_t n)
{
	return n < UINT_MAX ? (unsigned)n : UINT_MAX;
}

/* Path and title from the value slots: no document data read. */
static int fill_brief(cm_search_item *it, cm_xdoc *doc)
{
	char *path = NULL, *title = NULL;
	size_t n;
	int rc;

	if ((rc = cm_xdoc_get_value(&path, &n, doc, CM_SLOT_PATH)) < 0 ||
	    (rc = cm_xdoc_get_value(&title, &n, doc, CM_SLOT_TITLE)) < 0) {
		free(path);
		return rc;
	}
	it->path = path;
	it->title = title;
	return 0;
}

/* The validity of the document of key, today. */
static int status_of(cm_search_item *it, cm_xdb *db, const char *key)
{
	cm_status_kind st;
	char since[CM_ISO_MAX];
	int rc = cm_validity_status(&st, since, db, key, NULL);

	if (rc < 0)
		return rc;
	it->status = cm_status_name(st);
	if (since[0] && !(it->status_since = strdup(since)))
		return cm_error_nomem();
	return 0;
}

/* Path, title, format, identity, validity and the snippet, from the
 * document's data. */
static int fill_whole(cm_search_item *it, cm_xdb *db, cm_xdoc *doc, const cm_query *q)
{
	cm_docinfo *info = NULL;
	cm_snippet *sn = NULL;
	cm_search_span *spans = NULL;
	int rc;

	if ((rc = cm_docinfo_load(&info, doc)) < 0 ||
	    (rc = cm_snippet_make(&sn, info->text, info->text_len, q)) < 0)
		goto cleanup;
	if ((sn->nmarks && !(spans = malloc(sn->nmarks * sizeof *spans))) ||
	    !(it->path = strdup(info->path)) || !(it->title = strdup(info->title)) ||
	    (info->format && !(it->format = strdup(info->format))) ||
	    (info->type && !(it->type = strdup(info->type))) ||
	    (info->number && !(it->number = strdup(info->number))) ||
	    (info->date && !(it->date = strdup(info->date)))) {
		free(spans);
		rc = cm_error_nomem();
		goto cleanup;
	}
	if (info->number && (rc = status_of(it, db, info->number)) < 0) {
		free(spans);
		goto cleanup;
	}
	for (size_t i = 0; i < sn->nmarks; i++)
		spans[i] = (cm_search_span){sn->marks[i].start, sn->marks[i].end};
	it->spans = spans;
	it->nspans = sn->nmarks;
	it->snippet = sn->text;
	it->snippet_len = sn->len;
	sn->text = NULL;
cleanup:
	cm_snippet_free(sn);
	cm_docinfo_free(info);
	return rc;
}

/* The items of the page. */
static int page(search *s, cm_xdb *db, const cm_query *q)
{
	cm_xenquire *e = NULL;
	cm_xmset *m = NULL;
	int rc;

	if ((rc = cm_xenquire_new(&e, db)) < 0 ||
	    (rc = cm_xenquire_set_query(e, cm_query_xapian(q))) < 0)
		goto cleanup;
	if (s->o->offset > UINT_MAX || s->o->limit == 0)
		goto cleanup;
	if ((rc = cm_xenquire_mset(&m, e, (unsigned)s->o->offset, clamp(s->o->limit))) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m); i++) {
		cm_search_item *it = cm_array_alloc(s->r->items);
		cm_xdoc *doc = NULL;
		cm_xdocid docid;
		unsigned rank;

		if (!it) {
			rc = cm_error_nomem();
			break;
		}
		if ((rc = cm_xmset_get(&docid, &it->score, &rank, m, i)) == 0 &&
		    (rc = cm_xmset_document(&doc, m, i)) == 0)
			rc = s->o->brief ? fill_brief(it, doc) : fill_whole(it, db, doc, q);
		it->rank = (size_t)rank + 1;
		it->docid = docid;
		cm_xdoc_free(doc);
		if (rc < 0)
			break;
	}
cleanup:
	cm_xmset_free(m);
	cm_xenquire_free(e);
	return rc;
}

/* The number of documents matching q: every match, in docid order. */
static int count(size_t *out, cm_xdb *db, const cm_query *q)
{
	cm_xmset *m;
	int rc = cm_match_all(&m, db, cm_query_xapian(q));

	if (rc == 0)
		*out = cm_xmset_size(m);
	cm_xmset_free(m);
	return rc;
}

static int run(void *ctx, cm_xdb *db)
{
	search *s = ctx;
	cm_search_result *r = s->r;
	cm_query *q = NULL;
	size_t n;
	int rc;

	items_release(r);
	r->total = 0;
	if ((rc = cm_query_parse(&q, db, s->text, s->len)) < 0 || (rc = page(s, db, q)) < 0)
		goto cleanup;
	n = r->items.size;
	if (n > 0 && n < s->o->limit)
		r->total = s->o->offset + n; /* the page reaches the end */
	else
		rc = count(&r->total, db, q);
cleanup:
	cm_query_free(q);
	return rc;
}

int cm_search(cm_search_result **out, cm_index *ix, const char *query, size_t len,
	      const cm_search_options *opts)
{
	static const cm_search_options defaults = CM_SEARCH_OPTIONS_INIT;
	search s = {.o = opts ? opts : &defaults, .text = query, .len = len};
	int rc;

	*out = NULL;
	if (s.o->version != CM_SEARCH_OPTIONS_VERSION)
		return cm_error_version("search", s.o->version, CM_SEARCH_OPTIONS_VERSION);
	if (!(s.r = calloc(1, sizeof *s.r)))
		return cm_error_nomem();
	s.r->brief = s.o->brief;
	if ((rc = cm_index_read(ix, run, &s)) < 0) {
		cm_search_free(s.r);
		return rc;
	}
	for (size_t i = 0; cm_index_shards(ix) > 1 && i < s.r->items.size; i++)
		s.r->items.ptr[i].shard =
			cm_index_shard_name(ix, cm_index_shard_of(ix, s.r->items.ptr[i].docid));
	*out = s.r;
	return 0;
}

void cm_search_free(cm_search_result *r)
{
	if (!r)
		return;
	items_release(r);
	free(r);
}

size_t cm_search_size(const cm_search_result *r)
{
	return r->items.size;
}

size_t cm_search_total(const cm_search_result *r)
{
	return r->total;
}

const cm_search_item *cm_search_get(const cm_search_result *r, size_t i)
{
	return i < r->items.size ? &r->items.ptr[i] : NULL;
}

int cm_search_brief(const cm_search_result *r)
{
	return r->brief;
}
