/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_graph.c: `chimuc graph`: its options, the graph operation
 * (chimuc/citation_graph.h) and one of its writers (chimuc/graph.h). */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/citation_graph.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"
#include "command.h"

static const char usage_text[] =
	"Usage: chimuc graph [--db DIR] [--format dot|graphml|json] [--around REF [--depth N]]\n"
	"Write the citation map: corpus documents and cited-only documents as nodes,\n"
	"citations as edges typed by their cue. --around keeps the documents within\n"
	"N citation steps of REF, either way (default 1; any N). Default format: json\n"
	"(JSON Lines): one object per node, then one per edge.\n";

typedef int (*writer)(FILE *f, const cm_graph *g);

/* The writer of format, or NULL. */
static writer writer_of(const char *format)
{
	static const struct {
		const char *name;
		writer fn;
	} writers[] = {{"dot", cm_graph_write_dot},
		       {"graphml", cm_graph_write_graphml},
		       {"json", cm_graph_write_json}};

	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (!strcmp(format, writers[i].name))
			return writers[i].fn;
	return NULL;
}

/* Runs the operation and writes its answer: 0 or a CM_E code. */
static int run(cm_index *ix, const cm_citation_graph_options *o, writer write)
{
	cm_graph *g;
	int rc;

	if ((rc = cm_citation_graph(&g, ix, o)) < 0)
		return rc;
	rc = write(stdout, g);
	cm_graph_free(g);
	return rc;
}

int cm_cmd_graph(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
						 {"around", required_argument, NULL, 'a'},
						 {"depth", required_argument, NULL, 'D'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	cm_citation_graph_options o = CM_CITATION_GRAPH_OPTIONS_INIT;
	writer write = writer_of("json");
	char base[CM_KEY_MAX];
	int c, status, year;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0) {
		switch (c) {
		case 'f': write = writer_of(optarg); break;
		case 'a': o.around = optarg; break;
		case 'D':
			if (cm_cli_count(&o.depth, optarg, UINT_MAX) < 0)
				return cm_cli_usage_error("graph", "--depth needs a number");
			break;
		}
	}
	if (c < 0)
		return ctx->exit;
	if (!write)
		return cm_cli_usage_error("graph", "--format is dot, graphml or json");
	if (optind < argc)
		return cm_cli_usage_error("graph", "unexpected argument '%s'", argv[optind]);
	if (o.around && cm_citation_parse_ref(base, &year, o.around) < 0)
		return cm_cli_usage_error("graph", "%s", cm_error_last());
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	if (run(ctx->ix, &o, write) < 0) {
		cm_diag(CM_PROGRAM, cm_cmd_db_path(ctx), "%s", cm_error_last());
		return CM_EXIT_FAIL;
	}
	return CM_EXIT_OK;
}
