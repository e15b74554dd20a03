/* SPDX-License-Identifier: GPL-2.0-or-later */

/* graph.c: the citation graph container (nodes by id, edges deduplicated,
 * both through hash maps, so that a corpus of any size builds in linear
 * time) and its three writers. It does not know where nodes come from. */
#include "chimuc/graph.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libxml/xmlwriter.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/strmap.h"

typedef struct {
	char *id, *label, *path, *type, *date;
} node;

typedef struct {
	size_t from, to;
	char *relation;
} edge;

struct cm_graph {
	cm_array_t(node) nodes;
	cm_array_t(edge) edges;
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
		node *n = &g->nodes.ptr[i];
		free(n->id);
		free(n->label);
		free(n->path);
		free(n->type);
		free(n->date);
	}
	for (size_t i = 0; i < g->edges.size; i++)
		free(g->edges.ptr[i].relation);
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

static void fill(char **field, const char *value, int *failed)
{
	if (!*field && value)
		*field = clean_dup(value, failed);
}

/* Appends a bare node with id; *at is its index. */
static int new_node(cm_graph *g, const char *id, size_t *at)
{
	int failed = 0;
	char *clean = clean_dup(id, &failed);
	node *n;

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
	n->id = clean;
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
	node *n;
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
	edge *e;
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
	*e = (edge){f, t, rel};
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

/* ---- GraphML ------------------------------------------------------------ */

static const char *const node_keys[] = {"label", "path", "type", "date"};

static const char *node_field(const node *n, size_t k)
{
	const char *v[] = {n->label, n->path, n->type, n->date};
	return v[k];
}

static int graphml_keys(xmlTextWriterPtr w)
{
	int rc = 0;

	for (size_t k = 0; k < sizeof node_keys / sizeof node_keys[0] && rc >= 0; k++) {
		rc = xmlTextWriterStartElement(w, BAD_CAST "key");
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST node_keys[k]);
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST "node");
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name",
							 BAD_CAST node_keys[k]);
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type",
							 BAD_CAST "string");
		if (rc >= 0)
			rc = xmlTextWriterEndElement(w);
	}
	if (rc >= 0)
		rc = xmlTextWriterWriteRaw(w, BAD_CAST
					   "<key id=\"relation\" for=\"edge\" "
					   "attr.name=\"relation\" attr.type=\"string\"/>");
	return rc;
}

static int graphml_data(xmlTextWriterPtr w, const char *key, const char *value)
{
	int rc;

	if (!value)
		return 0;
	rc = xmlTextWriterStartElement(w, BAD_CAST "data");
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key);
	if (rc >= 0)
		rc = xmlTextWriterWriteString(w, BAD_CAST value);
	if (rc >= 0)
		rc = xmlTextWriterEndElement(w);
	return rc;
}

static int graphml_body(const cm_graph *g, xmlTextWriterPtr w)
{
	char id[32];
	int rc = 0;

	for (size_t i = 0; i < g->nodes.size && rc >= 0; i++) {
		rc = xmlTextWriterStartElement(w, BAD_CAST "node");
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id",
							 BAD_CAST g->nodes.ptr[i].id);
		for (size_t k = 0; k < sizeof node_keys / sizeof node_keys[0] && rc >= 0; k++)
			rc = graphml_data(w, node_keys[k], node_field(&g->nodes.ptr[i], k));
		if (rc >= 0)
			rc = xmlTextWriterEndElement(w);
	}
	for (size_t i = 0; i < g->edges.size && rc >= 0; i++) {
		snprintf(id, sizeof id, "e%zu", i);
		rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(
				w, BAD_CAST "source",
				BAD_CAST g->nodes.ptr[g->edges.ptr[i].from].id);
		if (rc >= 0)
			rc = xmlTextWriterWriteAttribute(
				w, BAD_CAST "target", BAD_CAST g->nodes.ptr[g->edges.ptr[i].to].id);
		if (rc >= 0)
			rc = graphml_data(w, "relation", g->edges.ptr[i].relation);
		if (rc >= 0)
			rc = xmlTextWriterEndElement(w);
	}
	return rc;
}

int cm_graph_write_graphml(const cm_graph *g, FILE *f)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	int rc;

	if (!w) {
		xmlBufferFree(buf);
		return cm_error_nomem();
	}
	xmlTextWriterSetIndent(w, 1);
	rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	if (rc >= 0)
		rc = xmlTextWriterStartElement(w, BAD_CAST "graphml");
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
						 BAD_CAST "http://graphml.graphdrawing.org/xmlns");
	if (rc >= 0)
		rc = graphml_keys(w);
	if (rc >= 0)
		rc = xmlTextWriterStartElement(w, BAD_CAST "graph");
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "citations");
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed");
	if (rc >= 0)
		rc = graphml_body(g, w);
	if (rc >= 0)
		rc = xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	if (rc >= 0 && fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), f) !=
			       (size_t)xmlBufferLength(buf))
		rc = -1;
	xmlBufferFree(buf);
	return rc < 0 ? cm_error_set(CM_EIO, "cannot write GraphML") : 0;
}

/* ---- DOT ---------------------------------------------------------------- */

static void dot_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

int cm_graph_write_dot(const cm_graph *g, FILE *f)
{
	fputs("digraph citations {\n  node [shape=box, fontname=\"DejaVu Sans\"];\n", f);
	for (size_t i = 0; i < g->nodes.size; i++) {
		const node *n = &g->nodes.ptr[i];
		fputs("  ", f);
		dot_string(f, n->id);
		fputs(" [label=", f);
		dot_string(f, n->label ? n->label : n->id);
		fputs(n->path ? ", style=filled, fillcolor=\"#dde8f5\"" : ", style=dashed", f);
		fputs("];\n", f);
	}
	for (size_t i = 0; i < g->edges.size; i++) {
		fputs("  ", f);
		dot_string(f, g->nodes.ptr[g->edges.ptr[i].from].id);
		fputs(" -> ", f);
		dot_string(f, g->nodes.ptr[g->edges.ptr[i].to].id);
		if (g->edges.ptr[i].relation) {
			fputs(" [label=", f);
			dot_string(f, g->edges.ptr[i].relation);
			fputc(']', f);
		}
		fputs(";\n", f);
	}
	fputs("}\n", f);
	return ferror(f) ? cm_error_set(CM_EIO, "cannot write DOT") : 0;
}

/* ---- JSON --------------------------------------------------------------- */

static void json_add(json_object *o, const char *key, const char *value)
{
	json_object_object_add(o, key, value ? json_object_new_string(value) : NULL);
}

static void json_line(FILE *f, json_object *o)
{
	size_t n;
	const char *s = json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	fwrite(s, 1, n, f);
	fputc('\n', f);
	json_object_put(o);
}

int cm_graph_write_json(const cm_graph *g, FILE *f)
{
	for (size_t i = 0; i < g->nodes.size; i++) {
		const node *n = &g->nodes.ptr[i];
		json_object *o = json_object_new_object();
		json_add(o, "kind", "node");
		json_add(o, "id", n->id);
		json_add(o, "label", n->label);
		json_add(o, "path", n->path);
		json_add(o, "type", n->type);
		json_add(o, "date", n->date);
		json_line(f, o);
	}
	for (size_t i = 0; i < g->edges.size; i++) {
		json_object *o = json_object_new_object();
		json_add(o, "kind", "edge");
		json_add(o, "from", g->nodes.ptr[g->edges.ptr[i].from].id);
		json_add(o, "to", g->nodes.ptr[g->edges.ptr[i].to].id);
		json_add(o, "relation", g->edges.ptr[i].relation);
		json_line(f, o);
	}
	return ferror(f) ? cm_error_set(CM_EIO, "cannot write JSON") : 0;
}
