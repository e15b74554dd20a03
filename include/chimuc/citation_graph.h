/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/citation_graph.h: the citation graph of an index as an operation:
 * the corpus documents (in docid order) and the documents only cited as
 * nodes, the citations as edges typed by their cue; the whole index, or
 * the documents within depth citation steps (either way) of one reference.
 * Built from posting lists and the self and cites value slots, never the
 * document data; around a reference it reads only the documents within
 * reach. The graph itself, and its writers, are chimuc/graph.h's.
 *
 * Ownership: *out of cm_citation_graph is the caller's (cm_graph_free). */
#ifndef CHIMUC_CITATION_GRAPH_H
#define CHIMUC_CITATION_GRAPH_H

#include "chimuc/graph.h"
#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_CITATION_GRAPH_OPTIONS_VERSION 1

typedef struct {
	unsigned version;   /* CM_CITATION_GRAPH_OPTIONS_VERSION */
	const char *around; /* a reference ("25-NQ/TW", "25-NQ/TW@2013"); NULL: the whole graph */
	unsigned depth;     /* citation steps from around, either way (any number) */
} cm_citation_graph_options;

#define CM_CITATION_GRAPH_OPTIONS_INIT                     \
	{                                                  \
		CM_CITATION_GRAPH_OPTIONS_VERSION, NULL, 1 \
	}

/* The graph of ix. opts NULL: the defaults (the whole graph). A reference
 * the index does not know gives an empty graph.
 * Errors: CM_EINVAL (an unknown opts->version, an around that is no
 * reference), CM_ENOMEM, the index's. */
int cm_citation_graph(cm_graph **out, cm_index *ix, const cm_citation_graph_options *opts);

#ifdef __cplusplus
}
#endif

#endif
