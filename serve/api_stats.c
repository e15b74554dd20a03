/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_stats.c: GET /api/stats: the object of `chimuc stats --json`. */
#include "api.h"
#include "chimuc/error.h"
#include "chimuc/stats.h"

int cm_api_stats(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {NULL};
	cm_stats_info s;
	cm_serve_mem m = {0};
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_stats(&s, call->ix, NULL)) < 0)
		return rc;
	if ((rc = cm_serve_mem_open(&m)) == 0 && (rc = cm_stats_write_json(m.f, &s)) == 0 &&
	    (rc = cm_serve_mem_close(&m)) == 0)
		cm_serve_reply_take(rep, &m, CM_SERVE_JSON);
	cm_serve_mem_release(&m);
	return rc;
}
