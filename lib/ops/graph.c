/* SPDX-License-Identifier: GPL-2.0-or-later */

/* graph.c: the citation graph container (chimuc/graph.h): nodes by id,
 * edges deduplicated, both through hash maps, so that a corpus of any size
 * builds in linear time. It does not know where nodes come from; its
 * writers are in lib/out/graph_write.c. */
#include "chimuc/graph.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/strmap.h"

/* The strings of nodes and edges are the graph's (malloc'd); an edge's from
 * and to are its nodes' ids. */
struct cm_graph {
	cm_array_t(cm_graph_node) nodes;
	cm_array_t(cm_graph_edge) edges;
	cm_strmap ids;   /* node id -> its index */
	cm_strmap pairs; /* edge_key() -> its index */
};

/* A copy of s without the characters XML cannot hold: controls other than
 * tab and newline, U+FFFE and U+FFFF (NULL stays NULL). *failed is set when memory runs out. */
static char *clean_dup(const char *s, int *failed)
{
	char *out, *p;

	if (!s)
		return NULL;
	if (!(out = p = malloc(strlen(s) + 1))) {
		*failed = 1;
		return NULL;
	}
	for (; *s; s++) {
		/* U+FFFE and U+FFFF are not XML characters either */
		if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			s += 2;
			continue;
		}
		if (((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n') && *s != 0x7F)
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

int cm_graph_new(cm_graph **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : cm_error_nomem();
}

void cm_graph_free(cm_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nodes.size; i++) {
		cm_graph_node *n = &g->nodes.ptr[i];
		free((char *)n->id);
		free((char *)n->label);
		free((char *)n->path);
		free((char *)n->type);
		free((char *)n->date);
	}
	for (size_t i = 0; i < g->edges.size; i++)
		free((char *)g->edges.ptr[i].relation);
	cm_array_clear(g->nodes);
	cm_array_clear(g->edges);
	cm_strmap_free(&g->ids);
	cm_strmap_free(&g->pairs);
	free(g);
}

/* Looks the id up as the graph stores it (cleaned): 1 and *at, 0, or
 * CM_ENOMEM. */
static int find_node(const cm_graph *g, const char *id, size_t *at)
{
	int failed = 0, found;
	char *clean = clean_dup(id, &failed);

	if (!clean)
		return cm_error_nomem();
	found = cm_strmap_get(at, &g->ids, clean, strlen(clean));
	free(clean);
	return found;
}

static void fill(const char **field, const char *value, int *failed)
{
	if (!*field && value)
		*field = clean_dup(value, failed);
}

/* Appends a bare node with id; *at is its index. */
static int new_node(cm_graph *g, const char *id, size_t *at)
{
	int failed = 0;
	char *clean = clean_dup(id, &failed);
	cm_graph_node *n;

	if (!clean)
		return cm_error_nomem();
	if (!(n = cm_array_alloc(g->nodes))) {
		free(clean);
		return CM_ENOMEM;
	}
	if (cm_strmap_put(NULL, &g->ids, clean, strlen(clean), g->nodes.size - 1) < 0) {
		g->nodes.size--;
		free(clean);
		return CM_ENOMEM;
	}
	*n = (cm_graph_node){.id = clean};
	*at = g->nodes.size - 1;
	return 0;
}

static int node_index(cm_graph *g, const char *id, size_t *at)
{
	int rc = find_node(g, id, at);

	return rc < 0 ? rc : rc == 1 ? 0 : new_node(g, id, at);
}

int cm_graph_add_node(cm_graph *g, const cm_graph_node *nd)
{
	size_t at;
	cm_graph_node *n;
	int failed = 0, rc;

	if ((rc = node_index(g, nd->id, &at)) < 0)
		return rc;
	n = &g->nodes.ptr[at];
	fill(&n->label, nd->label, &failed);
	fill(&n->path, nd->path, &failed);
	fill(&n->type, nd->type, &failed);
	fill(&n->date, nd->date, &failed);
	return failed ? cm_error_nomem() : 0;
}

/* The identity of an edge: both node indexes, then '-' for no relation or
 * '+' and the relation as stored. *out is the caller's. */
static int edge_key(char **out, size_t *len, size_t f, size_t t, const char *relation)
{
	size_t rlen = relation ? strlen(relation) : 0;
	char *k = malloc(2 * sizeof f + 1 + rlen);

	if (!k)
		return cm_error_nomem();
	memcpy(k, &f, sizeof f);
	memcpy(k + sizeof f, &t, sizeof t);
	k[2 * sizeof f] = relation ? '+' : '-';
	if (rlen)
		memcpy(k + 2 * sizeof f + 1, relation, rlen);
	*out = k;
	*len = 2 * sizeof f + 1 + rlen;
	return 0;
}

int cm_graph_add_edge(cm_graph *g, const char *from, const char *to, const char *relation)
{
	size_t f, t, klen = 0;
	char *key = NULL, *rel;
	cm_graph_edge *e;
	int rc, failed = 0;

	if ((rc = node_index(g, from, &f)) < 0 || (rc = node_index(g, to, &t)) < 0)
		return rc;
	rel = clean_dup(relation, &failed);
	if (failed || edge_key(&key, &klen, f, t, rel) < 0) {
		free(rel);
		return cm_error_nomem();
	}
	if (cm_strmap_get(NULL, &g->pairs, key, klen)) {
		rc = 0; /* the same edge again */
		e = NULL;
	} else if (!(e = cm_array_alloc(g->edges))) {
		rc = CM_ENOMEM;
	} else if ((rc = cm_strmap_put(NULL, &g->pairs, key, klen, g->edges.size - 1)) < 0) {
		g->edges.size--;
		e = NULL;
	}
	free(key);
	if (!e) {
		free(rel);
		return rc;
	}
	*e = (cm_graph_edge){g->nodes.ptr[f].id, g->nodes.ptr[t].id, rel};
	return 0;
}

size_t cm_graph_node_count(const cm_graph *g)
{
	return g->nodes.size;
}

size_t cm_graph_edge_count(const cm_graph *g)
{
	return g->edges.size;
}

const cm_graph_node *cm_graph_node_get(const cm_graph *g, size_t i)
{
	return i < g->nodes.size ? &g->nodes.ptr[i] : NULL;
}

const cm_graph_edge *cm_graph_edge_get(const cm_graph *g, size_t i)
{
	return i < g->edges.size ? &g->edges.ptr[i] : NULL;
}
