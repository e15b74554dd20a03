/* SPDX-License-Identifier: GPL-2.0-or-later */

/* route.c: the table of the API's routes (route.h). */
#include "route.h"

#include <string.h>

static const cm_serve_route routes[] = {
	{"GET", "/api/search", cm_api_search},
	{"GET", "/api/doc/", cm_api_doc},
	{"GET", "/api/cited-by", cm_api_cited_by},
	{"GET", "/api/cites", cm_api_cites},
	{"GET", "/api/top-cited", cm_api_top_cited},
	{"GET", "/api/stats", cm_api_stats},
	{"GET", "/api/deadlines", cm_api_deadlines},
	{"GET", "/api/graph", cm_api_graph},
	{"POST", "/api/map", cm_api_map},
};

#define N_ROUTES (sizeof routes / sizeof routes[0])

/* rest when path is route r's, else NULL. */
static const char *matches(const cm_serve_route *r, const char *path)
{
	size_t n = strlen(r->path);

	if (r->path[n - 1] == '/')
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
		return *r || routes[i].path[strlen(routes[i].path) - 1] != '/' ? 200 : 400;
	}
	return status;
}
