/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_graph.c: the citation graph writers: GraphML re-parses with libxml2
 * with the same node and edge counts as the JSON Lines, control characters
 * are removed, edges are deduplicated, DOT escapes quotes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "chimuc/graph.h"

static cm_graph *sample(void)
{
	cm_graph *g;
	cm_graph_node a = {"15-KH/BDVTU-HNB@2018", "Kế hoạch 15-KH/BDVTU-HNB", "corpus/000.txt",
			   "Kế hoạch", "2018-03-04"};
	cm_graph_node b = {"25-NQ/TW@2013", "Nghị quyết \"25\"\x01 <TW> & co", NULL, "Nghị quyết",
			   "2013-06-03"};

	cr_assert_eq(cm_graph_new(&g), 0);
	cr_assert_eq(cm_graph_add_node(g, &a), 0);
	cr_assert_eq(cm_graph_add_node(g, &b), 0);
	cr_assert_eq(cm_graph_add_edge(g, a.id, b.id, "thực hiện"), 0);
	cr_assert_eq(cm_graph_add_edge(g, a.id, b.id, "thực hiện"), 0);
	cr_assert_eq(cm_graph_add_edge(g, a.id, "290-QĐ/TW@2010", "căn cứ"), 0);
	cr_assert_eq(cm_graph_add_edge(g, a.id, b.id, NULL), 0);
	return g;
}

static char *capture(int (*writer)(FILE *, const cm_graph *), const cm_graph *g, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	cr_assert_not_null(f);
	cr_assert_eq(writer(f, g), 0);
	fclose(f);
	return buf;
}

Test(graph, counts_and_dedup)
{
	cm_graph *g = sample();

	cr_expect_eq(cm_graph_node_count(g), 3, "an edge to an unknown id adds a bare node");
	cr_expect_eq(cm_graph_edge_count(g), 3, "the same edge twice is kept once");
	cm_graph_free(g);
}

static size_t xpath_count(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;
	size_t n;

	xmlXPathRegisterNs(ctx, BAD_CAST "g", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
	r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	cr_assert_not_null(r);
	n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return n;
}

Test(graph, graphml_reparses_and_matches_json)
{
	cm_graph *g = sample();
	size_t glen, jlen, nodes = 0, edges = 0;
	char *graphml = capture(cm_graph_write_graphml, g, &glen);
	char *json = capture(cm_graph_write_json, g, &jlen);
	xmlDocPtr doc = xmlReadMemory(graphml, (int)glen, "g.graphml", "UTF-8", XML_PARSE_NONET);

	cr_assert_not_null(doc, "GraphML parses:\n%s", graphml);
	for (char *line = strtok(json, "\n"); line; line = strtok(NULL, "\n")) {
		nodes += strstr(line, "\"kind\":\"node\"") != NULL;
		edges += strstr(line, "\"kind\":\"edge\"") != NULL;
	}
	cr_expect_eq(xpath_count(doc, "//g:node"), nodes);
	cr_expect_eq(xpath_count(doc, "//g:edge"), edges);
	cr_expect_eq(nodes, 3);
	cr_expect_eq(edges, 3);
	cr_expect_null(strchr(graphml, '\x01'), "control characters removed");
	cr_expect_eq(xpath_count(doc, "//g:data[@key='label' and contains(., '<TW> & co')]"), 1);
	xmlFreeDoc(doc);
	free(graphml);
	free(json);
	cm_graph_free(g);
}

Test(graph, dot_escapes_quotes)
{
	cm_graph *g = sample();
	size_t len;
	char *dot = capture(cm_graph_write_dot, g, &len);

	cr_expect_not_null(strstr(dot, "digraph citations {"));
	cr_expect_not_null(strstr(dot, "Nghị quyết \\\"25\\\" <TW> & co"), "%s", dot);
	cr_expect_not_null(strstr(dot, "-> \"290-QĐ/TW@2010\" [label=\"căn cứ\"]"), "%s", dot);
	free(dot);
	cm_graph_free(g);
}

/* Nodes and edges at corpus scale: every id kept once, every distinct
 * (from, to, relation) once, whatever the order they come in. */
Test(graph, many_nodes_and_edges)
{
	enum { N = 20000 };
	cm_graph *g;
	char from[32], to[32];

	cr_assert_eq(cm_graph_new(&g), 0);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < N; i++) {
			snprintf(from, sizeof from, "%d-KH/TU@2019", i);
			snprintf(to, sizeof to, "%d-NQ/TW@2013", i % 100);
			cr_assert_eq(cm_graph_add_edge(g, from, to, "thực hiện"), 0);
			cr_assert_eq(cm_graph_add_edge(g, from, to, i % 2 ? NULL : "căn cứ"), 0);
		}
	cr_expect_eq(cm_graph_node_count(g), N + 100);
	cr_expect_eq(cm_graph_edge_count(g), 2 * N, "a second pass adds nothing");
	cm_graph_free(g);
}

/* An id is found as stored: with the characters XML cannot hold removed. */
static const struct {
	const char *first, *second;
	size_t nodes;
} same_id_cases[] = {
	{"25-NQ/TW@2013", "25-NQ/TW@2013", 1},
	{"25-NQ/TW\x01@2013", "25-NQ/TW@2013", 1},
	{"25-NQ/TW@2013", "25-NQ/TW@2003", 2},
	{"25-NQ/TW", "25-NQ/TW@2013", 2},
};

Test(graph, ids_as_stored)
{
	for (size_t i = 0; i < sizeof same_id_cases / sizeof same_id_cases[0]; i++) {
		cm_graph *g;
		cm_graph_node a = {.id = same_id_cases[i].first, .label = "a"};
		cm_graph_node b = {.id = same_id_cases[i].second, .path = "/corpus/b.txt"};
		cr_assert_eq(cm_graph_new(&g), 0);
		cr_assert_eq(cm_graph_add_node(g, &a), 0);
		cr_assert_eq(cm_graph_add_node(g, &b), 0);
		cr_expect_eq(cm_graph_node_count(g), same_id_cases[i].nodes, "case %zu", i);
		cm_graph_free(g);
	}
}
