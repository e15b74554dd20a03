/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_graph.c: GET /api/graph?around=&depth=&format=json|graphml|dot: the
 * citation graph (chimuc/citation_graph.h) as `chimuc graph` writes it;
 * json as a listing whose items are its lines (the nodes, then the edges). */
#include "api.h"
#include "chimuc/citation.h"
#include "chimuc/citation_graph.h"
#include "chimuc/cited_by.h"
#include "chimuc/error.h"

typedef int (*writer)(FILE *f, const cm_graph *g);

static const char *const formats[] = {"json", "graphml", "dot", NULL};
static const writer writers[] = {cm_graph_write_json, cm_graph_write_graphml, cm_graph_write_dot};
static const char *const types[] = {CM_SERVE_JSON, "application/graphml+xml; charset=utf-8",
				    "text/vnd.graphviz; charset=utf-8"};

/* The JSON Lines written: the nodes and edges. */
static size_t lines(const cm_serve_mem *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->len; i++)
		n += m->buf[i] == '\n';
	return n;
}

int cm_api_graph(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"around", "depth", "format", NULL};
	cm_citation_graph_options o = CM_CITATION_GRAPH_OPTIONS_INIT;
	cm_graph *g = NULL;
	cm_serve_mem m = {0};
	char base[CM_KEY_MAX];
	size_t depth, format;
	int year, rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_serve_param_count(&depth, call->req, "depth", 1, 0, CM_CITED_BY_DEPTH_MAX)) <
		    0 ||
	    (rc = cm_serve_param_word(&format, call->req, "format", formats, 0)) < 0)
		return rc;
	o.around = cm_serve_param_set(call->req, "around");
	o.depth = (unsigned)depth;
	if (o.around && (rc = cm_citation_parse_ref(base, &year, o.around)) < 0)
		return rc;
	if ((rc = cm_citation_graph(&g, call->ix, &o)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = writers[format](m.f, g)) == 0 && (rc = cm_serve_mem_close(&m)) == 0) {
		if (format == 0)
			rc = cm_serve_reply_listing(rep, lines(&m), &m);
		else
			cm_serve_reply_take(rep, &m, types[format]);
	}
	cm_serve_mem_release(&m);
	cm_graph_free(g);
	return rc;
}
