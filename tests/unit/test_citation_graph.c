/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_citation_graph.c: the graph operation (chimuc/citation_graph.h) on
 * an index of the five sample directives: node, document and edge counts
 * of the whole graph and around 25-NQ/TW (with and without its year) at
 * depth 1 and 2; the nodes' fields; the edges around 25-NQ/TW@2013; the
 * same counts derived from what each document cites (the cites operation,
 * which reads the document data, not the graph's value slots); every edge
 * between two nodes; an unknown reference; a reference that is none; a bad
 * options version. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation_graph.h"
#include "chimuc/cites.h"
#include "chimuc/error.h"
#include "chimuc/strmap.h"
#include "test_index.h"

TestSuite(citation_graph, .init = cm_test_open_samples, .fini = cm_test_close);

static cm_graph *graph_of(const char *around, unsigned depth)
{
	cm_citation_graph_options o = CM_CITATION_GRAPH_OPTIONS_INIT;
	cm_graph *g = NULL;

	o.around = around;
	o.depth = depth;
	cr_assert_eq(cm_citation_graph(&g, cm_test_ix, &o), 0, "%s: %s", around ? around : "whole",
		     cm_error_last());
	cr_assert_not_null(g);
	return g;
}

/* The nodes that are documents of the index. */
static size_t documents(const cm_graph *g)
{
	size_t n = 0;

	for (size_t i = 0; i < cm_graph_node_count(g); i++)
		n += cm_graph_node_get(g, i)->path != NULL;
	return n;
}

typedef struct {
	const char *around; /* NULL: the whole graph */
	unsigned depth;
	size_t nodes, docs, edges;
} answer;

/* The samples: 000 (15-KH/BDVTU-HNB@2018) cites 5 keys, once each; 004
 * (1600-KH/BDVTW@2018) cites 25 keys with 34 distinct (key, relation)
 * pairs; with 001, 002, 003, 32 distinct keys cited, none a sample's own,
 * 45 distinct (document, key, relation) edges. 25-NQ/TW@2013 is cited by
 * 000 (one cue) and 004 (three): 3 nodes, 4 edges at depth 1; at depth 2
 * everything 000 and 004 cite (28 keys, 39 edges). 001 cites 25-NQ/TW
 * without its year, which the reference without year matches too, as it
 * matches 25-NQ/TW@2003. Depth 0 is the reference's own nodes. */
static const answer answers[] = {
	{NULL, 1, 37, 5, 45},
	{"25-NQ/TW@2013", 0, 1, 0, 0},
	{"25-NQ/TW@2013", 1, 3, 2, 4},
	{"25-NQ/TW@2013", 2, 30, 2, 39},
	{"Nghị quyết số 25-NQ/TW", 1, 6, 3, 6},
	{"25-NQ/TW", 1, 6, 3, 6},
	{"25-NQ/TW", 2, 33, 3, 43},
	{"25-NQ/TW", 0, 3, 0, 0},
	{"15-KH/BDVTU-HNB", 0, 1, 1, 0},
	{"15-KH/BDVTU-HNB", 1, 6, 1, 5},
	{"02-HD/BCĐ", 2, 2, 1, 1},
	{"999-NQ/TW", 1, 0, 0, 0},
	{"999-NQ/TW", 5, 0, 0, 0},
};

Test(citation_graph, counts_of_the_samples)
{
	for (size_t a = 0; a < sizeof answers / sizeof answers[0]; a++) {
		const answer *w = &answers[a];
		const char *name = w->around ? w->around : "whole";
		cm_graph *g = graph_of(w->around, w->depth);

		cr_expect_eq(cm_graph_node_count(g), w->nodes, "%s depth %u: %zu nodes", name,
			     w->depth, cm_graph_node_count(g));
		cr_expect_eq(documents(g), w->docs, "%s depth %u: %zu documents", name, w->depth,
			     documents(g));
		cr_expect_eq(cm_graph_edge_count(g), w->edges, "%s depth %u: %zu edges", name,
			     w->depth, cm_graph_edge_count(g));
		cr_expect_null(cm_graph_node_get(g, w->nodes));
		cr_expect_null(cm_graph_edge_get(g, w->edges));
		cm_graph_free(g);
	}
}

static const cm_graph_node *node_of(const cm_graph *g, const char *id)
{
	for (size_t i = 0; i < cm_graph_node_count(g); i++)
		if (!strcmp(cm_graph_node_get(g, i)->id, id))
			return cm_graph_node_get(g, i);
	return NULL;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* A node as the whole graph has it; file: the end of its path, or NULL. */
typedef struct {
	const char *id, *label, *file, *type, *date;
} node_answer;

static const node_answer nodes[] = {
	{"15-KH/BDVTU-HNB@2018", "Kế hoạch 15-KH/BDVTU-HNB: Phối hợp thực hiện công tác dân vận",
	 "/000_04ed2d92d4fbe0fc.txt", "Kế hoạch", "2018-03-04"},
	{"1600-KH/BDVTW@2018", "Kế hoạch 1600-KH/BDVTW: Kế hoạch công tác năm 2018",
	 "/004_3c74891c68df0f2c.txt", "Kế hoạch", "2018-02-28"},
	{"02-HD/BCĐ", "Hướng dẫn 02-HD/BCĐ: Một số nhiệm vụ trọng tâm thực hiện",
	 "/003_33f224fdd1db13f7.txt", "Hướng dẫn", NULL},
	{"25-NQ/TW@2013", "Nghị quyết 25-NQ/TW@2013", NULL, "Nghị quyết", "2013-06-03"},
};

Test(citation_graph, nodes_of_the_samples)
{
	cm_graph *g = graph_of(NULL, 1);

	for (size_t a = 0; a < sizeof nodes / sizeof nodes[0]; a++) {
		const node_answer *w = &nodes[a];
		const cm_graph_node *n = node_of(g, w->id);
		size_t plen, flen = w->file ? strlen(w->file) : 0;

		cr_assert_not_null(n, "%s is a node", w->id);
		cr_expect_str_eq(n->label, w->label, "%s", w->id);
		cr_expect(same(n->type, w->type), "%s: type %s", w->id, n->type);
		cr_expect(same(n->date, w->date), "%s: date %s", w->id, n->date);
		if (!w->file) {
			cr_expect_null(n->path, "%s is cited only", w->id);
			continue;
		}
		cr_assert_not_null(n->path, "%s is a document", w->id);
		plen = strlen(n->path);
		cr_expect(plen > flen && !strcmp(n->path + plen - flen, w->file), "%s: %s", w->id,
			  n->path);
	}
	cm_graph_free(g);
}

/* The edges around 25-NQ/TW@2013 at depth 1, in the order of the graph. */
Test(citation_graph, edges_around_a_resolution)
{
	static const cm_graph_edge edges[] = {
		{"15-KH/BDVTU-HNB@2018", "25-NQ/TW@2013", "tuyên truyền thực hiện"},
		{"1600-KH/BDVTW@2018", "25-NQ/TW@2013", "sơ kết 5 năm thực hiện"},
		{"1600-KH/BDVTW@2018", "25-NQ/TW@2013", NULL},
		{"1600-KH/BDVTW@2018", "25-NQ/TW@2013", "thực hiện"},
	};
	cm_graph *g = graph_of("25-NQ/TW@2013", 1);

	cr_assert_eq(cm_graph_edge_count(g), sizeof edges / sizeof edges[0]);
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		const cm_graph_edge *e = cm_graph_edge_get(g, i);
		cr_expect_str_eq(e->from, edges[i].from, "edge %zu", i);
		cr_expect_str_eq(e->to, edges[i].to, "edge %zu", i);
		cr_expect(same(e->relation, edges[i].relation), "edge %zu: %s", i, e->relation);
	}
	cm_graph_free(g);
}

Test(citation_graph, defaults_are_the_whole_graph)
{
	cm_graph *g = NULL;

	cr_assert_eq(cm_citation_graph(&g, cm_test_ix, NULL), 0, "%s", cm_error_last());
	cr_expect_eq(cm_graph_node_count(g), answers[0].nodes);
	cr_expect_eq(cm_graph_edge_count(g), answers[0].edges);
	cm_graph_free(g);
}

Test(citation_graph, every_edge_joins_two_nodes)
{
	cm_graph *g = graph_of(NULL, 1);
	cm_strmap ids = CM_STRMAP_INIT;

	for (size_t i = 0; i < cm_graph_node_count(g); i++) {
		const char *id = cm_graph_node_get(g, i)->id;
		cr_assert_eq(cm_strmap_put(NULL, &ids, id, strlen(id), i), 1, "%s twice", id);
	}
	for (size_t i = 0; i < cm_graph_edge_count(g); i++) {
		const cm_graph_edge *e = cm_graph_edge_get(g, i);
		cr_expect(cm_strmap_get(NULL, &ids, e->from, strlen(e->from)), "%s", e->from);
		cr_expect(cm_strmap_get(NULL, &ids, e->to, strlen(e->to)), "%s", e->to);
	}
	cm_strmap_free(&ids);
	cm_graph_free(g);
}

/* What the samples cite, through the cites operation: the distinct keys
 * and (document, key, relation) triples, those of the documents citing ref,
 * and the distinct (document, relation) of their citations of ref. */
typedef struct {
	cm_strmap keys, pairs, ref_keys, ref_pairs, ref_cues;
	size_t ref_docs;
} cited;

static void add(cm_strmap *m, const char *a, const char *b, const char *c)
{
	char buf[1024];
	int n = snprintf(buf, sizeof buf, "%s\n%s\n%s", a, b ? b : "", c ? c : "\x01");

	cr_assert(n > 0 && (size_t)n < sizeof buf);
	cr_assert_geq(cm_strmap_put(NULL, m, buf, (size_t)n, 0), 0);
}

static void read_cited(cited *c, const char *ref)
{
	glob_t gl;

	cr_assert_eq(glob(CM_SOURCE_DIR "/corpus/*.txt", 0, NULL, &gl), 0);
	for (size_t d = 0; d < gl.gl_pathc; d++) {
		const char *doc = gl.gl_pathv[d];
		cm_cites_result *r;
		int cites_ref = 0;

		cr_assert_eq(cm_cites(&r, cm_test_ix, doc, NULL), 0, "%s: %s", doc,
			     cm_error_last());
		for (size_t i = 0; i < cm_cites_size(r); i++)
			cites_ref |= !strcmp(cm_cites_get(r, i)->key, ref);
		c->ref_docs += (size_t)cites_ref;
		for (size_t i = 0; i < cm_cites_size(r); i++) {
			const cm_cites_item *it = cm_cites_get(r, i);
			add(&c->keys, it->key, NULL, NULL);
			add(&c->pairs, doc, it->key, it->relation);
			if (!cites_ref)
				continue;
			add(&c->ref_keys, it->key, NULL, NULL);
			add(&c->ref_pairs, doc, it->key, it->relation);
			if (!strcmp(it->key, ref))
				add(&c->ref_cues, doc, it->relation, NULL);
		}
		cm_cites_free(r);
	}
	globfree(&gl);
}

Test(citation_graph, counts_derived_from_what_each_document_cites)
{
	static const char ref[] = "25-NQ/TW@2013";
	cited c = {CM_STRMAP_INIT, CM_STRMAP_INIT, CM_STRMAP_INIT,
		   CM_STRMAP_INIT, CM_STRMAP_INIT, 0};
	cm_graph *whole = graph_of(NULL, 1), *one = graph_of(ref, 1), *two = graph_of(ref, 2);

	read_cited(&c, ref);
	/* No sample's own key is cited by another, so every cited key is a node
	 * of its own beside the documents; nothing cites the documents citing
	 * ref, so depth 2 is those documents and all they cite. */
	cr_expect_eq(documents(whole), 5);
	cr_expect_eq(cm_graph_node_count(whole), 5 + cm_strmap_count(&c.keys));
	cr_expect_eq(cm_graph_edge_count(whole), cm_strmap_count(&c.pairs));
	cr_expect_eq(cm_graph_node_count(one), 1 + c.ref_docs);
	cr_expect_eq(cm_graph_edge_count(one), cm_strmap_count(&c.ref_cues));
	cr_expect_eq(cm_graph_node_count(two), c.ref_docs + cm_strmap_count(&c.ref_keys));
	cr_expect_eq(cm_graph_edge_count(two), cm_strmap_count(&c.ref_pairs));
	cm_strmap_free(&c.keys);
	cm_strmap_free(&c.pairs);
	cm_strmap_free(&c.ref_keys);
	cm_strmap_free(&c.ref_pairs);
	cm_strmap_free(&c.ref_cues);
	cm_graph_free(whole);
	cm_graph_free(one);
	cm_graph_free(two);
}

Test(citation_graph, errors)
{
	cm_citation_graph_options o = CM_CITATION_GRAPH_OPTIONS_INIT;
	cm_graph *g = (cm_graph *)&o;

	o.version = CM_CITATION_GRAPH_OPTIONS_VERSION + 1;
	cr_expect_eq(cm_citation_graph(&g, cm_test_ix, &o), CM_EINVAL);
	cr_expect_null(g, "no result on an error");
	o.version = CM_CITATION_GRAPH_OPTIONS_VERSION;
	o.around = "no symbol here";
	cr_expect_eq(cm_citation_graph(&g, cm_test_ix, &o), CM_EINVAL);
	cr_expect_null(g);
}
