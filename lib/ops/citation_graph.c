/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_graph.c: the graph operation (chimuc/citation_graph.h): the
 * documents read from posting lists (XN and XC postings of each id around
 * a reference, every document otherwise) with their CM_SLOT_SELF and
 * CM_SLOT_CITES values, then the nodes in docid order and their citations
 * as edges. */
#include "chimuc/citation_graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"

typedef cm_array_t(const char *) idlist;

/* Adds id to keep as found at step; the ids added go to fresh. */
static int keep_id(cm_strmap *keep, idlist *fresh, const char *id, size_t step)
{
	const char **slot;
	int rc = cm_strmap_put(NULL, keep, id, strlen(id), step);

	if (rc <= 0)
		return rc;
	if (!(slot = cm_array_alloc(*fresh)))
		return CM_ENOMEM;
	*slot = id;
	return 0;
}

/* 1 if id was kept before step. */
static int kept_before(const cm_strmap *keep, const char *id, size_t step)
{
	size_t at;
	return cm_strmap_get(&at, keep, id, strlen(id)) && at < step;
}

/* Loads the documents that are node id (by own key or path); with citing,
 * those that cite it too. */
static int load_around(cm_graphdocs *docs, cm_docset *loaded, cm_xdb *db, const char *id,
		       int citing)
{
	char term[CM_ID_TERM_MAX + CM_KEY_MAX + 4];
	size_t n;
	int rc;

	if (id[0] == '/') {
		cm_document_id_term(term, &n, id);
		return cm_graphdocs_by_term(docs, loaded, db, term);
	}
	if ((rc = cm_term_number(term, sizeof term, id)) < 0 ||
	    (rc = cm_graphdocs_by_term(docs, loaded, db, term)) < 0 || !citing)
		return rc;
	if ((rc = cm_term_cites(term, sizeof term, id)) < 0)
		return rc;
	return cm_graphdocs_by_term(docs, loaded, db, term);
}

/* The ids within depth citation steps (either way) of the ids matching
 * base@year, each kept with the step that found it; docs gets every
 * document that is one of them, or cites one found before the last step.
 * Each step reads only the postings of the ids the step before added. */
static int neighbourhood(cm_strmap *keep, cm_graphdocs *docs, cm_docset *loaded, cm_xdb *db,
			 const char *base, int year, unsigned depth)
{
	idlist fresh = CM_ARRAY_INIT;
	size_t from = 0;
	char key[CM_KEY_MAX + 8];
	int rc;

	if (year)
		snprintf(key, sizeof key, "%s@%d", base, year);
	else
		snprintf(key, sizeof key, "%s", base);
	if ((rc = load_around(docs, loaded, db, key, 1)) < 0)
		goto cleanup;
	for (size_t i = 0; i < docs->size && rc == 0; i++) {
		const cm_graphdoc *d = &docs->ptr[i];
		if (cm_key_matches(cm_graphdoc_node_id(d), base, year))
			rc = keep_id(keep, &fresh, cm_graphdoc_node_id(d), 0);
		for (size_t k = 0; k < d->cites.size && rc == 0; k++)
			if (cm_key_matches(d->cites.ptr[k].key, base, year))
				rc = keep_id(keep, &fresh, d->cites.ptr[k].key, 0);
	}
	for (size_t step = 1; step <= depth && rc == 0; step++) {
		size_t upto = fresh.size;
		for (size_t i = from; i < upto && rc == 0; i++)
			rc = load_around(docs, loaded, db, fresh.ptr[i], 1);
		from = upto;
		for (size_t i = 0; i < docs->size && rc == 0; i++) {
			const cm_graphdoc *d = &docs->ptr[i];
			const char *self = cm_graphdoc_node_id(d);
			int out = kept_before(keep, self, step);
			for (size_t k = 0; k < d->cites.size && rc == 0; k++) {
				const char *to = d->cites.ptr[k].key;
				if (out)
					rc = keep_id(keep, &fresh, to, step);
				if (rc == 0 && kept_before(keep, to, step))
					rc = keep_id(keep, &fresh, self, step);
			}
		}
		if (fresh.size == upto)
			break; /* nothing more within reach */
	}
	for (size_t i = from; i < fresh.size && rc == 0; i++)
		rc = load_around(docs, loaded, db, fresh.ptr[i], 0);
cleanup:
	cm_array_clear(fresh);
	return rc;
}

static int by_docid(const void *a, const void *b)
{
	const cm_graphdoc *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int kept(const cm_strmap *keep, const char *id)
{
	return !keep || cm_strmap_get(NULL, keep, id, strlen(id));
}

/* Adds the node of a cited document, labelled with its type and key
 * ("Nghị quyết 25-NQ/TW@2013"). */
static int add_cited(cm_graph *g, const cm_cite *x)
{
	size_t tlen = x->type ? strlen(x->type) + 1 : 0, klen = strlen(x->key);
	char *label = malloc(tlen + klen + 1);
	cm_graph_node node = {.id = x->key, .label = label, .type = x->type, .date = x->date};
	int rc;

	if (!label)
		return cm_error_nomem();
	if (x->type) {
		memcpy(label, x->type, tlen - 1);
		label[tlen - 1] = ' ';
	}
	memcpy(label + tlen, x->key, klen + 1);
	rc = cm_graph_add_node(g, &node);
	free(label);
	return rc;
}

/* The type of the edge of d's citation x: the kind of a relation d states
 * of its own with x as target ("replaces") when x's cue is one of
 * validity ("thay thế"), else the cue. */
static const char *own_kind(const cm_graphdoc *d, const cm_cite *x)
{
	static const char *const cues[] = {"thay thế", "bãi bỏ",  "hủy bỏ",
					   "sửa đổi",  "bổ sung", "hết hiệu lực"};
	int validity = 0;

	for (size_t i = 0; x->relation && i < sizeof cues / sizeof cues[0]; i++)
		validity |= strstr(x->relation, cues[i]) != NULL;
	for (size_t k = 0; validity && k < d->rels.size; k++)
		if (d->rels.ptr[k].own && !strcmp(d->rels.ptr[k].target, x->key))
			return d->rels.ptr[k].kind;
	return x->relation;
}

/* The kept corpus documents as nodes, in docid order, then the kept
 * documents they cite, with the citations of kept documents as edges. A
 * document read but not kept (one citing REF, at depth 0) still gives
 * the node of what it cites that is kept: REF itself when only cited. An
 * edge the document's own provision types is "replaces", "repeals",
 * "amends" or "expires"; what it says of two others is an edge between
 * them of that kind. */
static int build(cm_graph *g, cm_graphdocs *docs, const cm_strmap *keep)
{
	int rc = 0;

	if (docs->size > 1)
		qsort(docs->ptr, docs->size, sizeof *docs->ptr, by_docid);
	for (size_t i = 0; i < docs->size && rc == 0; i++) {
		const cm_graphdoc *d = &docs->ptr[i];
		cm_graph_node node = {.id = cm_graphdoc_node_id(d),
				      .label = d->title,
				      .path = d->path,
				      .type = d->type,
				      .date = d->date};
		if (kept(keep, node.id))
			rc = cm_graph_add_node(g, &node);
	}
	for (size_t i = 0; i < docs->size && rc == 0; i++) {
		const cm_graphdoc *d = &docs->ptr[i];
		const char *from = cm_graphdoc_node_id(d);
		int edges = kept(keep, from);
		for (size_t k = 0; k < d->cites.size && rc == 0; k++) {
			const cm_cite *x = &d->cites.ptr[k];
			if (kept(keep, x->key) && (rc = add_cited(g, x)) == 0 && edges)
				rc = cm_graph_add_edge(g, from, x->key, own_kind(d, x));
		}
		for (size_t k = 0; k < d->rels.size && rc == 0; k++) {
			const cm_rel *r = &d->rels.ptr[k];
			if (!r->own && r->source && kept(keep, r->source) && kept(keep, r->target))
				rc = cm_graph_add_edge(g, r->source, r->target, r->kind);
		}
	}
	return rc;
}

/* One run of the operation, from scratch. */
typedef struct {
	const cm_citation_graph_options *o;
	char base[CM_KEY_MAX];
	int year;
	cm_graph *g;
} job;

static int run(void *ctx, cm_xdb *db)
{
	job *j = ctx;
	cm_graphdocs docs = CM_ARRAY_INIT;
	cm_docset loaded = {0};
	cm_strmap keep = CM_STRMAP_INIT;
	int rc;

	cm_graph_free(j->g);
	j->g = NULL;
	if ((rc = cm_graph_new(&j->g)) < 0 || (rc = cm_docset_init(&loaded, db)) < 0)
		goto cleanup;
	if (j->o->around)
		rc = neighbourhood(&keep, &docs, &loaded, db, j->base, j->year, j->o->depth);
	else
		rc = cm_graphdocs_by_term(&docs, &loaded, db, "");
	if (rc == 0)
		rc = build(j->g, &docs, j->o->around ? &keep : NULL);
cleanup:
	cm_strmap_free(&keep);
	cm_docset_release(&loaded);
	cm_graphdocs_release(&docs);
	return rc;
}

int cm_citation_graph(cm_graph **out, cm_index *ix, const cm_citation_graph_options *opts)
{
	static const cm_citation_graph_options defaults = CM_CITATION_GRAPH_OPTIONS_INIT;
	job j = {opts ? opts : &defaults, "", 0, NULL};
	int rc;

	*out = NULL;
	if (j.o->version != CM_CITATION_GRAPH_OPTIONS_VERSION)
		return cm_error_version("graph", j.o->version, CM_CITATION_GRAPH_OPTIONS_VERSION);
	if (j.o->around && (rc = cm_citation_parse_ref(j.base, &j.year, j.o->around)) < 0)
		return rc;
	if ((rc = cm_index_read(ix, run, &j)) < 0)
		cm_graph_free(j.g);
	else
		*out = j.g;
	return rc;
}
