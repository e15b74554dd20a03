/* SPDX-License-Identifier: GPL-2.0-or-later */

/* static.c: the web page's files from the table compiled in (static.h),
 * with the headers of a page: a Content-Security-Policy that lets it load
 * only its own files (no inline script or style), and caching (the page
 * revalidated each time, its files kept a while). */
#include "static.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* The policy of the page: its own scripts, styles, fetches and images. */
#define PAGE_POLICY                                                                      \
	"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " \
	"form-action 'self'; frame-ancestors 'none'"
/* The page itself is asked again each time; its files are kept an hour. */
#define PAGE_CACHE "no-cache"
#define FILE_CACHE "public, max-age=3600"

const cm_serve_asset *cm_serve_asset_find(const char *name)
{
	for (size_t i = 0; i < cm_serve_assets_count; i++)
		if (!strcmp(cm_serve_assets[i].name, name))
			return &cm_serve_assets[i];
	return NULL;
}

/* The reply of asset a, a copy of its bytes. */
static int reply_asset(cm_serve_reply *rep, const cm_serve_asset *a, const char *cache)
{
	char *body = malloc(a->len + 1);

	if (!body)
		return cm_error_nomem();
	memcpy(body, a->data, a->len);
	body[a->len] = '\0';
	free(rep->body);
	*rep = (cm_serve_reply){200, a->type, body, a->len, cache, PAGE_POLICY};
	return 0;
}

int cm_serve_page(cm_serve_reply *rep, const cm_serve_call *call)
{
	const cm_serve_asset *a = cm_serve_asset_find("index.html");

	(void)call;
	if (!a)
		return cm_serve_reply_error(rep, 404, "no page in this build");
	return reply_asset(rep, a, PAGE_CACHE);
}

int cm_serve_static(cm_serve_reply *rep, const cm_serve_call *call)
{
	const cm_serve_asset *a = cm_serve_asset_find(call->rest);

	if (!a)
		return cm_serve_reply_error(rep, 404, "no such file");
	return reply_asset(rep, a, FILE_CACHE);
}
