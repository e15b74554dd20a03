/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_map.c: POST /api/map with a draft as the body, or as the field
 * `draft` of a multipart/form-data upload (body.h): plain text in any
 * encoding chimuc reads, or the bytes of a DOCX, PDF, HTML file, told from
 * the content as `chimuc map -` does (a file it cannot read: 400 with the
 * reader's reason): the listing of `chimuc map --json`
 * (precedents=, co-cited= as its options). */
#include "api.h"
#include "chimuc/error.h"
#include "chimuc/map.h"
#include "chimuc/source.h"

int cm_api_map(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"precedents", "co-cited", NULL};
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	cm_source *src = NULL;
	cm_map_result *r = NULL;
	cm_serve_mem m = {0};
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_serve_param_count(&o.precedents, call->req, "precedents",
				       CM_MAP_PRECEDENTS_DEFAULT, 0, CM_SERVE_PAGE_MAX)) < 0 ||
	    (rc = cm_serve_param_count(&o.co_cited, call->req, "co-cited", CM_MAP_CO_CITED_DEFAULT,
				       0, CM_SERVE_PAGE_MAX)) < 0)
		return rc;
	if (call->body_len == 0)
		return cm_error_set(CM_EINVAL, "the draft (the request's body) is empty");
	if ((rc = cm_source_from_bytes(&src, call->body, call->body_len)) == 0 &&
	    (rc = cm_map(&r, call->ix, src->text, src->text_len, &o)) == 0 &&
	    (rc = cm_serve_mem_open(&m)) == 0 && (rc = cm_map_write_json(m.f, r)) == 0 &&
	    (rc = cm_serve_mem_close(&m)) == 0)
		rc = cm_serve_reply_listing(rep, cm_map_size(r), &m);
	cm_serve_mem_release(&m);
	cm_map_free(r);
	cm_source_free(src);
	return rc;
}
