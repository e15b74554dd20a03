/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/graph.h: a small directed graph of documents and citations, and its
 * writers: GraphML (libxml2's text writer), DOT (Graphviz) and JSON.
 *
 * Ownership: a cm_graph is the caller's (cm_graph_free); strings given to it
 * are copied; cm_graph_write_* output goes to the FILE given. Characters
 * XML cannot hold (controls but tab and newline, U+FFFE, U+FFFF) are removed
 * from every string written, so the output always re-parses. */
#ifndef CHIMUC_GRAPH_H
#define CHIMUC_GRAPH_H

#include <stddef.h>
#include <stdio.h>

typedef struct cm_graph cm_graph;

typedef struct {
	const char *id;    /* unique: a citation key */
	const char *label; /* e.g. "Nghị quyết 25-NQ/TW (2013)" */
	const char *path;  /* the document in the index, or NULL (cited only) */
	const char *type;  /* "Nghị quyết"…, or NULL */
	const char *date;  /* ISO, or NULL */
} cm_graph_node;

int cm_graph_new(cm_graph **out);
void cm_graph_free(cm_graph *g);

/* Adds a node, or fills in the missing fields of the node with that id. */
int cm_graph_add_node(cm_graph *g, const cm_graph_node *node);

/* Adds an edge between two node ids (added bare if unknown), once per
 * (from, to, relation). relation may be NULL. */
int cm_graph_add_edge(cm_graph *g, const char *from, const char *to, const char *relation);

size_t cm_graph_node_count(const cm_graph *g);
size_t cm_graph_edge_count(const cm_graph *g);

int cm_graph_write_graphml(const cm_graph *g, FILE *f);
int cm_graph_write_dot(const cm_graph *g, FILE *f);
/* JSON Lines: one {"kind":"node",…} per node, then one {"kind":"edge",…}. */
int cm_graph_write_json(const cm_graph *g, FILE *f);

#endif
