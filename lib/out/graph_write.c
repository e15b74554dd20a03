/* SPDX-License-Identifier: GPL-2.0-or-later */

/* graph_write.c: the GraphML, DOT and JSON Lines writers of a citation
 * graph (chimuc/graph.h), through its public nodes and edges. */
#include <json-c/json.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>

#include "chimuc/error.h"
#include "chimuc/graph.h"
#include "out/jsonl.h"

/* ---- GraphML ------------------------------------------------------------ */

static const char *const node_keys[] = {"label", "path", "type", "date"};

static const char *node_field(const cm_graph_node *n, size_t k)
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

static int graphml_node(xmlTextWriterPtr w, const cm_graph_node *n)
{
	int rc = xmlTextWriterStartElement(w, BAD_CAST "node");

	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST n->id);
	for (size_t k = 0; k < sizeof node_keys / sizeof node_keys[0] && rc >= 0; k++)
		rc = graphml_data(w, node_keys[k], node_field(n, k));
	if (rc >= 0)
		rc = xmlTextWriterEndElement(w);
	return rc;
}

static int graphml_edge(xmlTextWriterPtr w, const cm_graph_edge *e, size_t i)
{
	char id[32];
	int rc = xmlTextWriterStartElement(w, BAD_CAST "edge");

	snprintf(id, sizeof id, "e%zu", i);
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST e->from);
	if (rc >= 0)
		rc = xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST e->to);
	if (rc >= 0)
		rc = graphml_data(w, "relation", e->relation);
	if (rc >= 0)
		rc = xmlTextWriterEndElement(w);
	return rc;
}

static int graphml_body(xmlTextWriterPtr w, const cm_graph *g)
{
	int rc = 0;

	for (size_t i = 0; i < cm_graph_node_count(g) && rc >= 0; i++)
		rc = graphml_node(w, cm_graph_node_get(g, i));
	for (size_t i = 0; i < cm_graph_edge_count(g) && rc >= 0; i++)
		rc = graphml_edge(w, cm_graph_edge_get(g, i), i);
	return rc;
}

int cm_graph_write_graphml(FILE *f, const cm_graph *g)
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
		rc = graphml_body(w, g);
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

int cm_graph_write_dot(FILE *f, const cm_graph *g)
{
	fputs("digraph citations {\n  node [shape=box, fontname=\"DejaVu Sans\"];\n", f);
	for (size_t i = 0; i < cm_graph_node_count(g); i++) {
		const cm_graph_node *n = cm_graph_node_get(g, i);
		fputs("  ", f);
		dot_string(f, n->id);
		fputs(" [label=", f);
		dot_string(f, n->label ? n->label : n->id);
		fputs(n->path ? ", style=filled, fillcolor=\"#dde8f5\"" : ", style=dashed", f);
		fputs("];\n", f);
	}
	for (size_t i = 0; i < cm_graph_edge_count(g); i++) {
		const cm_graph_edge *e = cm_graph_edge_get(g, i);
		fputs("  ", f);
		dot_string(f, e->from);
		fputs(" -> ", f);
		dot_string(f, e->to);
		if (e->relation) {
			fputs(" [label=", f);
			dot_string(f, e->relation);
			fputc(']', f);
		}
		fputs(";\n", f);
	}
	fputs("}\n", f);
	return ferror(f) ? cm_error_set(CM_EIO, "cannot write DOT") : 0;
}

/* ---- JSON Lines ----------------------------------------------------------- */

static void json_add(json_object *o, const char *key, const char *value)
{
	json_object_object_add(o, key, cm_out_json_string(value));
}

static json_object *node_json(const cm_graph_node *n)
{
	json_object *o = json_object_new_object();

	if (o) {
		json_add(o, "kind", "node");
		json_add(o, "id", n->id);
		json_add(o, "label", n->label);
		json_add(o, "path", n->path);
		json_add(o, "type", n->type);
		json_add(o, "date", n->date);
	}
	return o;
}

static json_object *edge_json(const cm_graph_edge *e)
{
	json_object *o = json_object_new_object();

	if (o) {
		json_add(o, "kind", "edge");
		json_add(o, "from", e->from);
		json_add(o, "to", e->to);
		json_add(o, "relation", e->relation);
	}
	return o;
}

int cm_graph_write_json(FILE *f, const cm_graph *g)
{
	int rc = 0;

	for (size_t i = 0; i < cm_graph_node_count(g) && rc == 0; i++)
		rc = cm_out_json_line(f, node_json(cm_graph_node_get(g, i)));
	for (size_t i = 0; i < cm_graph_edge_count(g) && rc == 0; i++)
		rc = cm_out_json_line(f, edge_json(cm_graph_edge_get(g, i)));
	if (rc == 0 && ferror(f))
		rc = cm_error_set(CM_EIO, "cannot write JSON");
	return rc;
}
