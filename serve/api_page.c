/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_page.c: offset= and limit= of every listing (api.h). */
#include "api.h"

int cm_api_page(size_t *offset, size_t *limit, const cm_serve_request *req, size_t def)
{
	int rc;

	if ((rc = cm_serve_param_count(offset, req, "offset", 0, 0, (size_t)1 << 31)) < 0)
		return rc;
	return cm_serve_param_count(limit, req, "limit", def, 0, CM_SERVE_PAGE_MAX);
}
