/* SPDX-License-Identifier: GPL-2.0-or-later */

/* route.h: which endpoint answers a method and path: one table of routes
 * (exact paths, and "/api/doc/" or "/static/" followed by a name), 404 for a path that is
 * none, 405 for a method the route does not take. Internal to the server. */
#ifndef CHIMUC_SERVE_ROUTE_H
#define CHIMUC_SERVE_ROUTE_H

#include "api.h"
#include "static.h"

typedef struct {
	const char *method; /* "GET", "POST" */
	const char *path;   /* exact, or a prefix when it ends with '/' */
	cm_serve_handler handler;
	int no_index; /* CM_SERVE_NO_INDEX: answered without the index (the page) */
} cm_serve_route;

#define CM_SERVE_INDEXED 0
#define CM_SERVE_NO_INDEX 1

/* The route of method and path: *out and *rest (the path after a prefix
 * route, "" for an exact one). Returns 200, or 404 (no route: *out NULL),
 * 405 (not that method), 400 (a prefix route with nothing after it). */
unsigned cm_serve_route_find(const cm_serve_route **out, const char **rest, const char *method,
			     const char *path);

#endif
