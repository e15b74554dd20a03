/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cited_by.c: the cited-by operation (chimuc/cited_by.h). The walk is
 * breadth first over the posting lists of the cited keys and the value
 * slots of the citing documents (no document data); only the documents of
 * the page asked for are read whole, for their citing sentence. */
#include "chimuc/cited_by.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"
#include "ops/validity.h"

typedef struct {
	char base[CM_KEY_MAX];
	int year;
	unsigned depth;
} target;

/* A citing document found by the walk, and the target it cites. */
typedef struct {
	cm_xdocid id;
	size_t target;
} hit;

struct cm_cited_by_result {
	char *ref;
	char base[CM_KEY_MAX];
	cm_years years;
	int ambiguous, depth_limited;
	size_t total;
	cm_array_t(cm_cited_by_item) items;
};

typedef struct {
	cm_cited_by_result *r;
	const cm_cited_by_options *o;
	int year;              /* of the reference; 0: none */
	const char *type_code; /* of opts->type */
	cm_xdb *db;
	cm_docset seen, typed;    /* listed; of the type asked */
	cm_array_t(target) queue; /* breadth first */
	cm_strmap queued;         /* own keys put in the queue */
	cm_array_t(hit) hits;
} walk;

static void item_release(cm_cited_by_item *it)
{
	free((char *)it->path);
	free((char *)it->title);
	free((char *)it->type);
	free((char *)it->number);
	free((char *)it->date);
	free((char *)it->key);
	free((char *)it->relation);
	free((char *)it->context);
	free((char *)it->status_since);
}

static void items_release(cm_cited_by_result *r)
{
	for (size_t i = 0; i < r->items.size; i++)
		item_release(&r->items.ptr[i]);
	cm_array_clear(r->items);
}

/* Back to an empty walk, for a run from scratch. */
static void walk_reset(walk *w)
{
	items_release(w->r);
	cm_array_clear(w->r->years);
	w->r->ambiguous = w->r->depth_limited = 0;
	w->r->total = 0;
	cm_array_clear(w->queue);
	cm_array_clear(w->hits);
	cm_strmap_free(&w->queued);
	cm_docset_release(&w->seen);
	cm_docset_release(&w->typed);
}

/* The first citation of d that matches t (and the relation asked), or NULL. */
static const cm_cite *matching_cite(const walk *w, const cm_graphdoc *d, const target *t)
{
	const char *rel = w->o->relation;

	for (size_t i = 0; i < d->cites.size; i++) {
		const cm_cite *c = &d->cites.ptr[i];
		if (cm_key_matches(c->key, t->base, t->year) &&
		    (!rel || (c->relation && strstr(c->relation, rel))))
			return c;
	}
	return NULL;
}

/* Queues key (the dated key of a document, or the reference) unless queued.
 * A key whose number the corpus cites with that year alone also gets the
 * citations that give no year: they can only mean that document (the
 * year-less citations of a number cited with several years stay apart:
 * they are ambiguous). */
static int enqueue(walk *w, const char *key, unsigned depth)
{
	const char *at = strchr(key, '@');
	cm_years years = CM_ARRAY_INIT;
	target *t;
	int rc = cm_strmap_put(NULL, &w->queued, key, strlen(key), 0);

	if (rc <= 0)
		return rc;
	if (!(t = cm_array_alloc(w->queue)))
		return cm_error_nomem();
	snprintf(t->base, sizeof t->base, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
	t->year = at ? atoi(at + 1) : 0;
	t->depth = depth;
	rc = 0;
	if (t->year && (rc = cm_cited_years(&years, w->db, t->base)) == 0 && years.size == 1 &&
	    years.ptr[0] == t->year)
		t->year = 0;
	cm_array_clear(years);
	return rc;
}

static int add_hit(walk *w, cm_xdocid id, size_t ti)
{
	hit *h = cm_array_alloc(w->hits);

	if (!h)
		return cm_error_nomem();
	*h = (hit){id, ti};
	return 0;
}

/* The documents citing target ti not found yet. Past the depth asked (only
 * at the limit), it only notes whether there are any. */
static int visit(walk *w, size_t ti)
{
	const target t = w->queue.ptr[ti];
	char term[CM_KEY_MAX + 16];
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	if ((rc = (t.year ? cm_term_cites_year(term, sizeof term, t.base, t.year)
			  : cm_term_cites(term, sizeof term, t.base))) < 0 ||
	    (rc = cm_xdb_postings(&it, w->db, term, (size_t)rc)) < 0)
		return rc;
	while (rc >= 0 && !w->r->depth_limited && (rc = cm_xpostings_next(&id, &wdf, it)) == 1) {
		cm_graphdoc d;
		if (cm_docset_has(&w->seen, id) || (w->type_code && !cm_docset_has(&w->typed, id)))
			continue;
		if ((rc = cm_graphdoc_load(&d, w->db, id)) < 0)
			break;
		if (matching_cite(w, &d, &t)) {
			if (t.depth > w->o->depth) {
				w->r->depth_limited = 1;
			} else {
				cm_docset_add(&w->seen, id);
				rc = add_hit(w, id, ti);
				if (rc == 0 && d.key &&
				    (t.depth < w->o->depth || w->o->depth == CM_CITED_BY_DEPTH_MAX))
					rc = enqueue(w, d.key, t.depth + 1);
			}
		}
		cm_graphdoc_release(&d);
	}
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

static int dup(const char **out, const char *s)
{
	*out = NULL;
	if (s && !(*out = strdup(s)))
		return cm_error_nomem();
	return 0;
}

/* The citation of info that matches t (and the relation asked), or NULL. */
static const cm_doccite *matching_citation(const walk *w, const cm_docinfo *info, const target *t)
{
	const char *rel = w->o->relation;

	for (size_t i = 0; i < info->ncites; i++) {
		const cm_doccite *c = &info->cites[i];

		if (c->self_mention || !cm_key_matches(c->key, t->base, t->year))
			continue;
		if (rel && (!c->relation || !strstr(c->relation, rel)))
			continue;
		return c;
	}
	return NULL;
}

/* The item of hit h, from the document's data: it, or nothing when its
 * data has no such citation. */
static int add_item(walk *w, const hit *h)
{
	const target *t = &w->queue.ptr[h->target];
	cm_docinfo *info = NULL;
	const cm_doccite *c;
	cm_cited_by_item *it;
	char *context;
	int rc;

	if ((rc = cm_docinfo_read(&info, w->db, h->id)) < 0)
		return rc;
	if (!(c = matching_citation(w, info, t)))
		goto cleanup;
	if (!(it = cm_array_alloc(w->r->items))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	*it = (cm_cited_by_item){.depth = t->depth, .docid = h->id};
	if ((rc = cm_docinfo_excerpt(&context, info, c->ctx_start, c->ctx_end)) < 0)
		goto cleanup;
	it->context = context;
	if ((rc = dup(&it->path, info->path)) < 0 || (rc = dup(&it->title, info->title)) < 0 ||
	    (rc = dup(&it->type, info->type)) < 0 || (rc = dup(&it->number, info->number)) < 0 ||
	    (rc = dup(&it->date, info->self.date)) < 0 || (rc = dup(&it->key, c->key)) < 0 ||
	    (rc = dup(&it->relation, c->relation)) < 0)
		goto cleanup;
	if (info->number) {
		cm_status_kind st;
		char since[CM_ISO_MAX];
		if ((rc = cm_validity_status(&st, since, w->db, info->number, NULL)) < 0)
			goto cleanup;
		it->status = cm_status_name(st);
		rc = dup(&it->status_since, since[0] ? since : NULL);
	}
cleanup:
	cm_docinfo_free(info);
	return rc;
}

static int run(void *ctx, cm_xdb *db)
{
	walk *w = ctx;
	cm_cited_by_result *r = w->r;
	char root[CM_KEY_MAX + 16], xt[16];
	size_t from, end;
	int rc;

	walk_reset(w);
	w->db = db;
	if ((rc = cm_cited_years(&r->years, db, r->base)) < 0)
		return rc;
	r->ambiguous = !w->year && r->years.size > 1;
	if (w->year)
		snprintf(root, sizeof root, "%s@%d", r->base, w->year);
	else
		snprintf(root, sizeof root, "%s", r->base);
	if ((rc = cm_docset_init(&w->seen, db)) < 0 || (rc = enqueue(w, root, 1)) < 0)
		return rc;
	if (w->type_code && ((rc = cm_term_type(xt, sizeof xt, w->type_code)) < 0 ||
			     (rc = cm_docset_init(&w->typed, db)) < 0 ||
			     (rc = cm_docset_add_term(&w->typed, db, xt)) < 0))
		return rc;
	for (size_t qi = 0; qi < w->queue.size && !r->depth_limited; qi++)
		if ((rc = visit(w, qi)) < 0)
			return rc;
	r->total = w->hits.size;
	from = w->o->offset < r->total ? w->o->offset : r->total;
	end = w->o->limit < r->total - from ? from + w->o->limit : r->total;
	for (size_t i = from; i < end; i++)
		if ((rc = add_item(w, &w->hits.ptr[i])) < 0)
			return rc;
	return 0;
}

/* The options checked, and the reference parsed into r and w. */
static int prepare(walk *w, const char *ref, const cm_cited_by_options *o)
{
	if (o->version != CM_CITED_BY_OPTIONS_VERSION)
		return cm_error_version("cited-by", o->version, CM_CITED_BY_OPTIONS_VERSION);
	if (o->depth < 1 || o->depth > CM_CITED_BY_DEPTH_MAX)
		return cm_error_set(CM_EINVAL, "the depth is a number from 1 to %d",
				    CM_CITED_BY_DEPTH_MAX);
	if (cm_citation_parse_ref(w->r->base, &w->year, ref) < 0)
		return cm_error_code();
	if (o->type) {
		const char *type = cm_citation_type_from_user(o->type);
		if (!type || !(w->type_code = cm_citation_type_code(type)))
			return cm_error_set(CM_EINVAL, "unknown document type '%s'", o->type);
	}
	return 0;
}

int cm_cited_by(cm_cited_by_result **out, cm_index *ix, const char *ref,
		const cm_cited_by_options *opts)
{
	static const cm_cited_by_options defaults = CM_CITED_BY_OPTIONS_INIT;
	cm_cited_by_result *r = calloc(1, sizeof *r);
	walk w = {.r = r, .o = opts ? opts : &defaults};
	int rc;

	*out = NULL;
	if (!r || !(r->ref = strdup(ref))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	if ((rc = prepare(&w, ref, w.o)) == 0)
		rc = cm_index_read(ix, run, &w);
	for (size_t i = 0; rc == 0 && cm_index_shards(ix) > 1 && i < r->items.size; i++)
		r->items.ptr[i].shard =
			cm_index_shard_name(ix, cm_index_shard_of(ix, r->items.ptr[i].docid));
cleanup:
	cm_array_clear(w.queue);
	cm_array_clear(w.hits);
	cm_strmap_free(&w.queued);
	cm_docset_release(&w.seen);
	cm_docset_release(&w.typed);
	if (rc < 0)
		cm_cited_by_free(r);
	else
		*out = r;
	return rc;
}

void cm_cited_by_free(cm_cited_by_result *r)
{
	if (!r)
		return;
	items_release(r);
	cm_array_clear(r->years);
	free(r->ref);
	free(r);
}

size_t cm_cited_by_size(const cm_cited_by_result *r)
{
	return r->items.size;
}

size_t cm_cited_by_total(const cm_cited_by_result *r)
{
	return r->total;
}

const cm_cited_by_item *cm_cited_by_get(const cm_cited_by_result *r, size_t i)
{
	return i < r->items.size ? &r->items.ptr[i] : NULL;
}

const char *cm_cited_by_ref(const cm_cited_by_result *r)
{
	return r->ref;
}

const char *cm_cited_by_base(const cm_cited_by_result *r)
{
	return r->base;
}

int cm_cited_by_ambiguous(const cm_cited_by_result *r)
{
	return r->ambiguous;
}

size_t cm_cited_by_years(const cm_cited_by_result *r)
{
	return r->years.size;
}

int cm_cited_by_year(const cm_cited_by_result *r, size_t i)
{
	return i < r->years.size ? r->years.ptr[i] : 0;
}

int cm_cited_by_depth_limited(const cm_cited_by_result *r)
{
	return r->depth_limited;
}
