/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/graph.h: a small directed graph of documents and citations (nodes
 * by id, typed edges once per (from, to, relation)), the result of the
 * graph operation (chimuc/citation_graph.h) and what the map draws, and its
 * writers: GraphML (libxml2's text writer), DOT (Graphviz) and JSON Lines.
 *
 * Ownership: a cm_graph is the caller's (cm_graph_free); strings given to it
 * are copied; the nodes and edges it hands out, and their strings, are
 * borrowed from it (valid until the next cm_graph_add_* or cm_graph_free);
 * cm_graph_write_* output goes to the FILE given. Characters XML cannot
 * hold (controls but tab and newline, U+FFFE, U+FFFF) are removed from
 * every string the graph keeps, so the output always re-parses. */
#ifndef CHIMUC_GRAPH_H
#define CHIMUC_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_graph cm_graph;

typedef struct {
	const char *id;    /* unique: a citation key, or the path of a document without one */
	const char *label; /* e.g. "Nghị quyết 25-NQ/TW (2013)", or NULL */
	const char *path;  /* the document in the index, or NULL (cited only) */
	const char *type;  /* "Nghị quyết"…, or NULL */
	const char *date;  /* ISO, or NULL */
} cm_graph_node;

typedef struct {
	const char *from, *to; /* node ids */
	const char *relation;  /* the cue ("căn cứ", "thực hiện"…), or NULL */
} cm_graph_edge;

int cm_graph_new(cm_graph **out);
void cm_graph_free(cm_graph *g);

/* Adds a node, or fills in the missing fields of the node with that id. */
int cm_graph_add_node(cm_graph *g, const cm_graph_node *node);

/* Adds an edge between two node ids (added bare if unknown), once per
 * (from, to, relation). relation may be NULL. */
int cm_graph_add_edge(cm_graph *g, const char *from, const char *to, const char *relation);

/* The nodes in the order added, then the edges in the order added. */
size_t cm_graph_node_count(const cm_graph *g);
size_t cm_graph_edge_count(const cm_graph *g);
const cm_graph_node *cm_graph_node_get(const cm_graph *g, size_t i); /* NULL past the end */
const cm_graph_edge *cm_graph_edge_get(const cm_graph *g, size_t i); /* NULL past the end */

/* The writers: 0, or CM_EIO (CM_ENOMEM) with the message. */
int cm_graph_write_graphml(FILE *f, const cm_graph *g);
int cm_graph_write_dot(FILE *f, const cm_graph *g);
/* JSON Lines: one {"kind":"node",…} per node, then one {"kind":"edge",…}. */
int cm_graph_write_json(FILE *f, const cm_graph *g);

#ifdef __cplusplus
}
#endif

#endif
