/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api.h: the endpoints of the JSON API, one function each, and what the
 * router hands them: the request taken apart, the index handle, the body
 * of a POST. A handler fills the reply (200, or an error reply of its own)
 * and returns 0, or returns a library error code that the router answers
 * with {"error": "..."} and its status (reply.h). Internal to the server. */
#ifndef CHIMUC_SERVE_API_H
#define CHIMUC_SERVE_API_H

#include <stddef.h>

#include "chimuc/index.h"
#include "reply.h"
#include "request.h"

typedef struct {
	const cm_serve_request *req;
	cm_index *ix;     /* the index, at its latest commit */
	const char *rest; /* the path after a prefix route ("/api/doc/"): the ID */
	const char *body; /* of a POST, body_len bytes (NUL after them) */
	size_t body_len;
} cm_serve_call;

typedef int (*cm_serve_handler)(cm_serve_reply *rep, const cm_serve_call *call);

/* api_search.c */
int cm_api_search(cm_serve_reply *rep, const cm_serve_call *call);
/* api_doc.c */
int cm_api_doc(cm_serve_reply *rep, const cm_serve_call *call);
/* api_citations.c */
int cm_api_cited_by(cm_serve_reply *rep, const cm_serve_call *call);
int cm_api_cites(cm_serve_reply *rep, const cm_serve_call *call);
int cm_api_top_cited(cm_serve_reply *rep, const cm_serve_call *call);
/* api_stats.c */
int cm_api_stats(cm_serve_reply *rep, const cm_serve_call *call);
/* api_deadlines.c */
int cm_api_deadlines(cm_serve_reply *rep, const cm_serve_call *call);
/* api_graph.c */
int cm_api_graph(cm_serve_reply *rep, const cm_serve_call *call);
/* api_map.c */
int cm_api_map(cm_serve_reply *rep, const cm_serve_call *call);

/* The page of a listing: offset= and limit= (default CM_SERVE_LIST_LIMIT,
 * at most CM_SERVE_PAGE_MAX). CM_EINVAL for a bad value. */
int cm_api_page(size_t *offset, size_t *limit, const cm_serve_request *req, size_t def);

/* The listing's default page. */
#define CM_SERVE_LIST_LIMIT 100

#endif
