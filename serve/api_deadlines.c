/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_deadlines.c: GET /api/deadlines?on=15/10 (or from=&to=), type=,
 * actor=, recipient=, all=1, by=date|actor, limit=, offset=: the listing of
 * `chimuc deadlines --json`; with format=ics the iCalendar of the page. */
#include "api.h"
#include "chimuc/deadlines.h"
#include "chimuc/error.h"

#define CM_SERVE_ICS "text/calendar; charset=utf-8"

int cm_api_deadlines(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {"on",  "from", "to",    "type",   "actor",  "recipient",
					    "all", "by",   "limit", "offset", "format", NULL};
	static const char *const formats[] = {"json", "ics", NULL};
	static const char *const orders[] = {"date", "actor", NULL};
	static const char *const flags[] = {"0", "1", NULL};
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	cm_deadlines_result *r = NULL;
	const cm_serve_request *req = call->req;
	cm_serve_mem m = {0};
	size_t format, by, all;
	int rc;

	if ((rc = cm_serve_params_known(req, known)) < 0 ||
	    (rc = cm_api_page(&o.offset, &o.limit, req, CM_SERVE_LIST_LIMIT)) < 0 ||
	    (rc = cm_serve_param_word(&format, req, "format", formats, 0)) < 0 ||
	    (rc = cm_serve_param_word(&by, req, "by", orders, 0)) < 0 ||
	    (rc = cm_serve_param_word(&all, req, "all", flags, 0)) < 0)
		return rc;
	o.on = cm_serve_param_set(req, "on");
	o.from = cm_serve_param_set(req, "from");
	o.to = cm_serve_param_set(req, "to");
	o.type = cm_serve_param_set(req, "type");
	o.actor = cm_serve_param_set(req, "actor");
	o.recipient = cm_serve_param_set(req, "recipient");
	o.all = (int)all;
	o.by = by ? CM_DEADLINES_BY_ACTOR : CM_DEADLINES_BY_DATE;
	if ((rc = cm_deadlines_check(&o)) < 0 || (rc = cm_deadlines(&r, call->ix, &o)) < 0 ||
	    (rc = cm_serve_mem_open(&m)) < 0)
		goto cleanup;
	rc = format ? cm_deadlines_write_ics(m.f, r) : cm_deadlines_write_json(m.f, r);
	if (rc == 0 && (rc = cm_serve_mem_close(&m)) == 0) {
		if (format)
			cm_serve_reply_take(rep, &m, CM_SERVE_ICS);
		else
			rc = cm_serve_reply_listing(rep, cm_deadlines_total(r), &m);
	}
cleanup:
	cm_serve_mem_release(&m);
	cm_deadlines_free(r);
	return rc;
}
