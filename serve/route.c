/* SPDX-License-Identifier: GPL-2.0-or-later */

/* route.c: the table of the routes (route.h): the web page's, the API's. */
#include "route.h"

#include <string.h>

static const cm_serve_route routes[] = {
	{"GET", "/", cm_serve_page, CM_SERVE_NO_INDEX},
	{"GET", "/static/", cm_serve_static, CM_SERVE_NO_INDEX},
	{"GET", "/api/search", cm_api_search, CM_SERVE_INDEXED},
	{"GET", "/api/doc/", cm_api_doc, CM_SERVE_INDEXED},
	{"GET", "/api/cited-by", cm_api_cited_by, CM_SERVE_INDEXED},
	{"GET", "/api/cites", cm_api_cites, CM_SERVE_INDEXED},
	{"GET", "/api/top-cited", cm_api_top_cited, CM_SERVE_INDEXED},
	{"GET", "/api/stats", cm_api_stats, CM_SERVE_INDEXED},
	{"GET", "/api/deadlines", cm_api_deadlines, CM_SERVE_INDEXED},
	{"GET", "/api/graph", cm_api_graph, CM_SERVE_INDEXED},
	{"POST", "/api/map", cm_api_map, CM_SERVE_INDEXED},
};

#define N_ROUTES (sizeof routes / sizeof routes[0])

/* 1 if route r is a prefix ("/api/doc/"; "/" alone is exact). */
static int is_prefix(const cm_serve_route *r)
{
	size_t n = strlen(r->path);

	return n > 1 && r->path[n - 1] == '/';
}

/* rest when path is route r's, else NULL. */
static const char *matches(const cm_serve_route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (is_prefix(r))
		return strncmp(path, r->path, n) ? NULL : path + n;
	return strcmp(path, r->path) ? NULL : path + n;
}

unsigned cm_serve_route_find(const cm_serve_route **out, const char **rest, const char *method,
			     const char *path)
{
	unsigned status = 404;

	*out = NULL;
	*rest = "";
	for (size_t i = 0; i < N_ROUTES; i++) {
		const char *r = matches(&routes[i], path);
		if (!r)
			continue;
		if (strcmp(method, routes[i].method) &&
		    !(!strcmp(method, "HEAD") && !strcmp(routes[i].method, "GET"))) {
			status = 405;
			continue;
		}
		*out = &routes[i];
		*rest = r;
		return *r || !is_prefix(&routes[i]) ? 200 : 400;
	}
	return status;
}
