/* cmd_graph.c: `chimuc graph`: the citation map of the index (corpus
 * documents and documents only cited, typed edges) as DOT, GraphML or JSON
 * Lines, whole or around one reference. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/graph.h"
#include "citegraph.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc graph [--db DIR] [--format dot|graphml|json] [--around REF [--depth N]]\n"
	"Write the citation map: corpus documents and cited-only documents as nodes,\n"
	"citations as edges typed by their cue. --around keeps the documents within\n"
	"N citation steps of REF (default 1). Default format: json (JSON Lines).\n";

typedef struct {
	char from[CM_KEY_MAX + 256], to[CM_KEY_MAX], relation[128];
	const char *type, *date; /* of the cited document, borrowed from docs */
} edge;

typedef struct {
	edge *v;
	size_t n, cap;
} edges;

/* A set of node ids (linear: --around neighbourhoods are small). */
typedef struct {
	char **v;
	size_t n, cap;
} idset;

static int idset_has(const idset *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], id))
			return 1;
	return 0;
}

static int idset_add(idset *s, const char *id)
{
	if (idset_has(s, id))
		return 0;
	if (s->n == s->cap) {
		char **v = realloc(s->v, (s->cap = s->cap ? 2 * s->cap : 32) * sizeof *v);
		if (!v)
			return cm_error_set(CM_ENOMEM, "out of memory");
		s->v = v;
	}
	if (!(s->v[s->n] = strdup(id)))
		return cm_error_set(CM_ENOMEM, "out of memory");
	s->n++;
	return 0;
}

static void idset_release(idset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static const char *node_id(const cm_docinfo *info)
{
	const char *own = cm_json_str(cm_docinfo_json(info), "number");
	return own ? own : cm_docinfo_path(info);
}

static int collect_edges(edges *e, const cm_docinfo *info)
{
	json_object *arr = cm_doc_citations(info);

	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		json_object *c = json_object_array_get_idx(arr, i), *sm;
		edge *x;
		if (json_object_object_get_ex(c, "self_mention", &sm) && json_object_get_boolean(sm))
			continue;
		if (e->n == e->cap) {
			edge *v = realloc(e->v, (e->cap = e->cap ? 2 * e->cap : 64) * sizeof *v);
			if (!v)
				return cm_error_set(CM_ENOMEM, "out of memory");
			e->v = v;
		}
		x = &e->v[e->n++];
		snprintf(x->from, sizeof x->from, "%s", node_id(info));
		snprintf(x->to, sizeof x->to, "%s", cm_json_str(c, "key"));
		snprintf(x->relation, sizeof x->relation, "%s",
			 cm_json_str(c, "relation") ? cm_json_str(c, "relation") : "");
		x->type = cm_json_str(c, "type");
		x->date = cm_json_str(c, "date");
	}
	return 0;
}

/* The ids within depth citation steps of the ids matching base@year. */
static int neighbourhood(idset *keep, const edges *e, const cm_doclist *docs, const char *base,
			 int year, unsigned depth)
{
	int rc = 0;

	for (size_t i = 0; i < docs->n && rc == 0; i++)
		if (cm_key_matches(node_id(docs->v[i]), base, year))
			rc = idset_add(keep, node_id(docs->v[i]));
	for (size_t i = 0; i < e->n && rc == 0; i++)
		if (cm_key_matches(e->v[i].to, base, year))
			rc = idset_add(keep, e->v[i].to);
	for (unsigned d = 0; d < depth && rc == 0; d++) {
		size_t before = keep->n;
		for (size_t i = 0; i < e->n && rc == 0; i++) {
			int f = 0, t = 0;
			for (size_t k = 0; k < before; k++) {
				f |= !strcmp(keep->v[k], e->v[i].from);
				t |= !strcmp(keep->v[k], e->v[i].to);
			}
			if (f)
				rc = idset_add(keep, e->v[i].to);
			if (t && rc == 0)
				rc = idset_add(keep, e->v[i].from);
		}
	}
	return rc;
}

static int build(cm_graph *g, const edges *e, const cm_doclist *docs, const idset *keep)
{
	int rc = 0;

	for (size_t i = 0; i < docs->n && rc == 0; i++) {
		const cm_docinfo *info = docs->v[i];
		json_object *self = NULL;
		cm_graph_node node = {.id = node_id(info), .label = cm_docinfo_title(info),
				      .path = cm_docinfo_path(info),
				      .type = cm_json_str(cm_docinfo_json(info), "type")};
		if (keep && !idset_has(keep, node.id))
			continue;
		if (json_object_object_get_ex(cm_docinfo_json(info), "self", &self))
			node.date = cm_json_str(self, "date");
		rc = cm_graph_add_node(g, &node);
	}
	for (size_t i = 0; i < e->n && rc == 0; i++) {
		const edge *x = &e->v[i];
		char label[CM_KEY_MAX + 64];
		cm_graph_node cited = {.id = x->to, .label = label, .type = x->type, .date = x->date};
		if (keep && !(idset_has(keep, x->from) && idset_has(keep, x->to)))
			continue;
		snprintf(label, sizeof label, "%s%s%s", x->type ? x->type : "", x->type ? " " : "", x->to);
		if ((rc = cm_graph_add_node(g, &cited)) == 0)
			rc = cm_graph_add_edge(g, x->from, x->to, x->relation[0] ? x->relation : NULL);
	}
	return rc;
}

int cm_cmd_graph(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'}, {"format", required_argument, NULL, 'f'},
		{"around", required_argument, NULL, 'a'}, {"depth", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	const char *dbopt = NULL, *format = "json", *around = NULL;
	unsigned depth = 1;
	cm_xdb *db = NULL;
	cm_graph *g = NULL;
	cm_doclist docs = {0};
	edges e = {0};
	idset keep = {0};
	char *dbpath = NULL, base[CM_KEY_MAX];
	int c, status, rc, year = 0;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'f': format = optarg; break;
		case 'a': around = optarg; break;
		case 'D':
			if (cm_cli_count(&depth, optarg, 10) < 0)
				return cm_cli_usage_error("graph", "--depth needs a number up to 10");
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("graph", "unknown option");
		}
	}
	if (strcmp(format, "dot") && strcmp(format, "graphml") && strcmp(format, "json"))
		return cm_cli_usage_error("graph", "--format is dot, graphml or json");
	if (optind < argc)
		return cm_cli_usage_error("graph", "unexpected argument '%s'", argv[optind]);
	if (around && cm_citation_parse_ref(base, &year, around) < 0)
		return cm_cli_usage_error("graph", "%s", cm_error_last());
	if ((status = cm_cli_open(&db, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = cm_graph_new(&g)) < 0 || (rc = cm_doclist_by_term(&docs, db, "", NULL)) < 0)
		goto cleanup;
	for (size_t i = 0; i < docs.n && rc == 0; i++)
		rc = collect_edges(&e, docs.v[i]);
	if (rc == 0 && around)
		rc = neighbourhood(&keep, &e, &docs, base, year, depth);
	if (rc == 0)
		rc = build(g, &e, &docs, around ? &keep : NULL);
	if (rc == 0)
		rc = !strcmp(format, "dot")       ? cm_graph_write_dot(g, stdout)
		     : !strcmp(format, "graphml") ? cm_graph_write_graphml(g, stdout)
						  : cm_graph_write_json(g, stdout);
cleanup:
	if (rc < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	idset_release(&keep);
	free(e.v);
	cm_doclist_release(&docs);
	cm_graph_free(g);
	cm_xdb_free(db);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
