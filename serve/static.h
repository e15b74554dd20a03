/* SPDX-License-Identifier: GPL-2.0-or-later */

/* static.h: the web page's files (serve/web/), compiled into the program
 * by the build (serve/assets.cmake writes the table), and the endpoints
 * that answer them: "/" is the page, "/static/NAME" each file. A name is
 * looked up in the table, never opened on disk, so no URL can reach
 * another file. Internal to the server. */
#ifndef CHIMUC_SERVE_STATIC_H
#define CHIMUC_SERVE_STATIC_H

#include <stddef.h>

#include "api.h"

typedef struct {
	const char *name; /* relative to serve/web/: "app.js", "vendor/x.js" */
	const char *type; /* its media type */
	const unsigned char *data;
	size_t len;
} cm_serve_asset;

/* The table, written at build time (web_assets.c in the build folder). */
extern const cm_serve_asset cm_serve_assets[];
extern const size_t cm_serve_assets_count;

/* The asset named name, or NULL. */
const cm_serve_asset *cm_serve_asset_find(const char *name);

/* GET /: the page (index.html). */
int cm_serve_page(cm_serve_reply *rep, const cm_serve_call *call);
/* GET /static/NAME: the file NAME, or 404. */
int cm_serve_static(cm_serve_reply *rep, const cm_serve_call *call);

#endif
