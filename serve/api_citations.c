/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_citations.c: GET /api/cited-by?ref=&depth=&type=&relation=&limit=&offset=,
 * GET /api/cites?id=&limit=&offset=, GET /api/top-cited?limit=&offset=:
 * each a listing whose items are the lines of the command's --json. */
#include "api.h"
#include "chimuc/cited_by.h"
#include "chimuc/cites.h"
#include "chimuc/error.h"
#include "chimuc/top_cited.h"

int cm_api_cited_by(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"ref",   "depth",  "type", "relation",
					    "limit", "offset", NULL};
	cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
	cm_cited_by_result *r = NULL;
	const char *ref = cm_serve_param_set(call->req, "ref");
	cm_serve_mem m = {0};
	size_t depth;
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_api_page(&o.offset, &o.limit, call->req, CM_SERVE_LIST_LIMIT)) < 0 ||
	    (rc = cm_serve_param_count(&depth, call->req, "depth", 1, 1, CM_CITED_BY_DEPTH_MAX)) <
		    0)
		return rc;
	if (!ref)
		return cm_error_set(CM_EINVAL, "ref (a document number, 25-NQ/TW) is needed");
	o.depth = (unsigned)depth;
	o.type = cm_serve_param_set(call->req, "type");
	o.relation = cm_serve_param_set(call->req, "relation");
	if ((rc = cm_cited_by(&r, call->ix, ref, &o)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_cited_by_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0)
		rc = cm_serve_reply_listing(rep, cm_cited_by_total(r), &m);
	cm_serve_mem_release(&m);
	cm_cited_by_free(r);
	return rc;
}

int cm_api_cites(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"id", "limit", "offset", NULL};
	cm_cites_options o = CM_CITES_OPTIONS_INIT;
	cm_cites_result *r = NULL;
	const char *id = cm_serve_param_set(call->req, "id");
	cm_serve_mem m = {0};
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_api_page(&o.offset, &o.limit, call->req, CM_SERVE_LIST_LIMIT)) < 0)
		return rc;
	if (!id)
		return cm_error_set(CM_EINVAL, "id (a document's number or path) is needed");
	if ((rc = cm_cites(&r, call->ix, id, &o)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_cites_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0)
		rc = cm_serve_reply_listing(rep, cm_cites_total(r), &m);
	cm_serve_mem_release(&m);
	cm_cites_free(r);
	return rc;
}

int cm_api_top_cited(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"limit", "offset", NULL};
	cm_top_cited_options o = CM_TOP_CITED_OPTIONS_INIT;
	cm_top_cited_result *r = NULL;
	cm_serve_mem m = {0};
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_api_page(&o.offset, &o.limit, call->req, CM_SERVE_LIST_LIMIT)) < 0)
		return rc;
	if ((rc = cm_top_cited(&r, call->ix, &o)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_top_cited_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0)
		rc = cm_serve_reply_listing(rep, cm_top_cited_total(r), &m);
	cm_serve_mem_release(&m);
	cm_top_cited_free(r);
	return rc;
}
