/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_search.c: GET /api/search?q=&limit=&offset=&type=&issuer=&year=&cites=&date=:
 * the filters joined to q as the query language's fields (type:KH…), one
 * page of hits (the lines of `chimuc search --json`, with the document's
 * id, type, number and date), the number of
 * matching documents and their facets (chimuc/facets.h; facets=0: none,
 * the cheaper answer). */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "chimuc/error.h"
#include "chimuc/facets.h"
#include "chimuc/query.h"
#include "chimuc/search.h"

static const char *const fields[] = {"type", "issuer", "year", "cites", "date", NULL};
static const char *const known[] = {"q",     "limit", "offset", "type",   "issuer", "year",
				    "cites", "date",  "brief",  "facets", NULL};

/* q and " field:value" for each filter given: *out is the caller's. */
static int query_text(char **out, size_t *len, const cm_serve_request *req)
{
	const char *q = cm_serve_param_get(req, "q");
	size_t n = q ? strlen(q) : 0;
	char *s;

	*out = NULL;
	for (size_t i = 0; fields[i]; i++) {
		const char *v = cm_serve_param_set(req, fields[i]);
		if (v && strpbrk(v, " \t\r\n\"()"))
			return cm_error_set(CM_EINVAL,
					    "%s: one word, without spaces, quotes or ( )",
					    fields[i]);
		if (v)
			n += strlen(fields[i]) + strlen(v) + 2;
	}
	if (n == 0)
		return cm_error_set(CM_EINVAL, "q (the query) is needed");
	if (n > CM_QUERY_MAX_BYTES)
		return cm_error_set(CM_ELIMIT, "the query is longer than %d bytes",
				    CM_QUERY_MAX_BYTES);
	if (!(s = malloc(n + 1)))
		return cm_error_nomem();
	strcpy(s, q ? q : "");
	for (size_t i = 0; fields[i]; i++) {
		const char *v = cm_serve_param_set(req, fields[i]);
		if (v) {
			strcat(s, " ");
			strcat(s, fields[i]);
			strcat(s, ":");
			strcat(s, v);
		}
	}
	*out = s;
	*len = strlen(s);
	return 0;
}

/* {"type": {"KH": 3, …}, "issuer": {…}, "year": {…}} */
static json_object *facets_json(const cm_facets_result *f)
{
	json_object *o = json_object_new_object();

	for (int k = 0; o && k < CM_FACET_END; k++) {
		json_object *counts = json_object_new_object();
		for (size_t i = 0; counts && i < cm_facets_size(f, (cm_facet)k); i++) {
			const cm_facet_item *it = cm_facets_get(f, (cm_facet)k, i);
			json_object_object_add(counts, it->value,
					       json_object_new_int64((int64_t)it->count));
		}
		if (!counts) {
			json_object_put(o);
			return NULL;
		}
		json_object_object_add(o, cm_facet_name((cm_facet)k), counts);
	}
	return o;
}

/* Each hit of the writer's lines gets the document's id (its number, else
 * its path: what /api/doc/ID takes), type, number and date. */
static void identify(json_object *hits, const cm_search_result *r)
{
	for (size_t i = 0; i < json_object_array_length(hits) && i < cm_search_size(r); i++) {
		json_object *h = json_object_array_get_idx(hits, i);
		const cm_search_item *it = cm_search_get(r, i);
		const char *id = it->number ? it->number : it->path;

		json_object_object_add(h, "id", json_object_new_string(id));
		json_object_object_add(h, "type",
				       it->type ? json_object_new_string(it->type) : NULL);
		json_object_object_add(h, "number",
				       it->number ? json_object_new_string(it->number) : NULL);
		json_object_object_add(h, "date",
				       it->date ? json_object_new_string(it->date) : NULL);
	}
}

static int answer(cm_serve_reply *rep, const cm_search_result *r, const cm_facets_result *f)
{
	cm_serve_mem m;
	json_object *hits = NULL, *o = NULL, *facets = NULL;
	int rc;

	if ((rc = cm_serve_mem_open(&m)) < 0)
		return rc;
	if ((rc = cm_search_write_json(m.f, r)) < 0 || (rc = cm_serve_mem_close(&m)) < 0 ||
	    (rc = cm_serve_jsonl_array(&hits, m.buf, m.len)) < 0)
		goto cleanup;
	if ((f && !(facets = facets_json(f))) || !(o = json_object_new_object())) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	json_object_object_add(o, "total", json_object_new_int64((int64_t)cm_search_total(r)));
	identify(hits, r);
	json_object_object_add(o, "hits", hits);
	if (facets)
		json_object_object_add(o, "facets", facets);
	hits = facets = NULL;
	rc = cm_serve_reply_json(rep, 200, o);
cleanup:
	json_object_put(hits);
	json_object_put(facets);
	cm_serve_mem_release(&m);
	return rc;
}

int cm_api_search(cm_serve_reply *rep, const cm_serve_call *call)
{
	cm_search_options o = CM_SEARCH_OPTIONS_INIT;
	cm_search_result *r = NULL;
	cm_facets_result *f = NULL;
	char *text = NULL;
	size_t len = 0, brief, facets;
	static const char *const flags[] = {"0", "1", NULL};
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_api_page(&o.offset, &o.limit, call->req, CM_SERVE_SEARCH_LIMIT)) < 0 ||
	    (rc = cm_serve_param_word(&brief, call->req, "brief", flags, 0)) < 0 ||
	    (rc = cm_serve_param_word(&facets, call->req, "facets", flags, 1)) < 0 ||
	    (rc = query_text(&text, &len, call->req)) < 0)
		return rc;
	o.brief = (int)brief;
	if ((rc = cm_search(&r, call->ix, text, len, &o)) == 0 &&
	    (!facets || (rc = cm_facets(&f, call->ix, text, len, NULL)) == 0))
		rc = answer(rep, r, f);
	cm_facets_free(f);
	cm_search_free(r);
	free(text);
	return rc;
}
