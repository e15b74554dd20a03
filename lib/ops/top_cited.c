/* SPDX-License-Identifier: GPL-2.0-or-later */

/* top_cited.c: the top-cited operation (chimuc/top_cited.h): the counts
 * are the term frequencies of the cited keys' terms (one per citing
 * document), the paths of the page from their number's posting and path
 * value: no document data is read. */
#include "chimuc/top_cited.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"

typedef struct {
	char key[CM_KEY_MAX];
	unsigned count;
} entry;

typedef cm_array_t(entry) entries;

struct cm_top_cited_result {
	size_t total;
	cm_array_t(cm_top_cited_item) items;
};

typedef struct {
	cm_top_cited_result *r;
	const cm_top_cited_options *o;
} job;

static void items_release(cm_top_cited_result *r)
{
	for (size_t i = 0; i < r->items.size; i++) {
		free((char *)r->items.ptr[i].key);
		free((char *)r->items.ptr[i].path);
	}
	cm_array_clear(r->items);
}

static int by_count(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	return x->count != y->count ? (x->count < y->count) - (x->count > y->count)
				    : strcmp(x->key, y->key);
}

/* Every cited key with its count (chimuc/top_cited.h says how a key
 * without a year counts), most cited first. */
static int collect(entries *v, cm_xdb *db)
{
	cm_strmap bare = CM_STRMAP_INIT;            /* bare key -> its index in v */
	cm_array_t(unsigned) dated = CM_ARRAY_INIT; /* per entry: its dated variants */
	char prefix[8];
	cm_xterms *it;
	const char *t;
	size_t len, plen, kept = 0;
	unsigned count;
	int rc;

	if ((rc = cm_term_cites(prefix, sizeof prefix, "")) < 0)
		return rc;
	plen = (size_t)rc;
	if ((rc = cm_xdb_allterms(&it, db, prefix, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&t, &len, &count, it)) == 1) {
		const char *at = memchr(t, '@', len);
		entry *e = cm_array_alloc(*v);
		unsigned *d = cm_array_alloc(dated);
		if (!e || !d) {
			rc = cm_error_nomem();
			break;
		}
		snprintf(e->key, sizeof e->key, "%.*s", (int)(len - plen), t + plen);
		e->count = count;
		*d = 0;
		if (!at && (rc = cm_strmap_put(NULL, &bare, t + plen, len - plen, v->size - 1)) < 0)
			break;
	}
	cm_xterms_free(it);
	for (size_t i = 0; i < v->size && rc >= 0; i++) {
		const char *at = strchr(v->ptr[i].key, '@');
		size_t b;
		if (at && cm_strmap_get(&b, &bare, v->ptr[i].key, (size_t)(at - v->ptr[i].key)))
			dated.ptr[b]++;
	}
	for (size_t i = 0; i < v->size && rc >= 0; i++) {
		const char *at = strchr(v->ptr[i].key, '@');
		size_t b;
		if (at && cm_strmap_get(&b, &bare, v->ptr[i].key, (size_t)(at - v->ptr[i].key)) &&
		    dated.ptr[b] == 1)
			v->ptr[i].count = v->ptr[b].count;
	}
	for (size_t i = 0; i < v->size && rc >= 0; i++)
		if (strchr(v->ptr[i].key, '@') || !dated.ptr[i]) /* else under its dated keys */
			v->ptr[kept++] = v->ptr[i];
	v->size = kept;
	cm_array_clear(dated);
	cm_strmap_free(&bare);
	if (rc < 0)
		return rc;
	if (v->size)
		qsort(v->ptr, v->size, sizeof *v->ptr, by_count);
	return 0;
}

static int add_item(cm_top_cited_result *r, cm_xdb *db, const entry *e)
{
	cm_top_cited_item *it = cm_array_alloc(r->items);
	char *path = NULL;
	int rc;

	if (!it)
		return cm_error_nomem();
	*it = (cm_top_cited_item){.count = e->count};
	if ((rc = cm_path_by_key(&path, db, e->key)) < 0)
		return rc;
	it->path = path;
	if (!(it->key = strdup(e->key)))
		return cm_error_nomem();
	return 0;
}

static int run(void *ctx, cm_xdb *db)
{
	job *j = ctx;
	entries v = CM_ARRAY_INIT;
	size_t from, end;
	int rc;

	items_release(j->r);
	if ((rc = collect(&v, db)) == 0) {
		j->r->total = v.size;
		from = j->o->offset < v.size ? j->o->offset : v.size;
		end = j->o->limit < v.size - from ? from + j->o->limit : v.size;
		for (size_t i = from; i < end && rc == 0; i++)
			rc = add_item(j->r, db, &v.ptr[i]);
	}
	cm_array_clear(v);
	return rc;
}

int cm_top_cited(cm_top_cited_result **out, cm_index *ix, const cm_top_cited_options *opts)
{
	static const cm_top_cited_options defaults = CM_TOP_CITED_OPTIONS_INIT;
	job j = {calloc(1, sizeof(cm_top_cited_result)), opts ? opts : &defaults};
	int rc;

	*out = NULL;
	if (!j.r)
		return cm_error_nomem();
	if (j.o->version != CM_TOP_CITED_OPTIONS_VERSION)
		rc = cm_error_version("top-cited", j.o->version, CM_TOP_CITED_OPTIONS_VERSION);
	else
		rc = cm_index_read(ix, run, &j);
	if (rc < 0)
		cm_top_cited_free(j.r);
	else
		*out = j.r;
	return rc;
}

void cm_top_cited_free(cm_top_cited_result *r)
{
	if (!r)
		return;
	items_release(r);
	free(r);
}

size_t cm_top_cited_size(const cm_top_cited_result *r)
{
	return r->items.size;
}

size_t cm_top_cited_total(const cm_top_cited_result *r)
{
	return r->total;
}

const cm_top_cited_item *cm_top_cited_get(const cm_top_cited_result *r, size_t i)
{
	return i < r->items.size ? &r->items.ptr[i] : NULL;
}
