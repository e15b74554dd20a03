/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stale_write.c: the text and JSON Lines writers of a stale result
 * (chimuc/stale.h). */
#include <json-c/json.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/stale.h"
#include "out/jsonl.h"

int cm_stale_write_text(FILE *f, const cm_stale_result *r)
{
	for (size_t i = 0; i < cm_stale_size(r); i++) {
		const cm_stale_item *it = cm_stale_get(r, i);
		cm_out_pad(f, it->key, CM_OUT_KEY_COLUMNS);
		fprintf(f, " %s since %s by %s, still cited by %zu:\n", cm_status_name(it->status),
			it->since, it->by ? it->by : "?", it->nciting);
		for (size_t k = 0; k < it->nciting; k++) {
			fprintf(f, "  %s  ", it->citing[k].date);
			cm_diag_path(f, it->citing[k].path);
			putc('\n', f);
		}
	}
	return cm_out_status(f);
}

int cm_stale_write_json(FILE *f, const cm_stale_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_stale_size(r) && rc == 0; i++) {
		const cm_stale_item *it = cm_stale_get(r, i);
		json_object *j = json_object_new_object(), *a = json_object_new_array();
		json_object_object_add(j, "key", cm_out_json_string(it->key));
		json_object_object_add(j, "status",
				       json_object_new_string(cm_status_name(it->status)));
		json_object_object_add(j, "since", cm_out_json_string(it->since));
		json_object_object_add(j, "by", cm_out_json_string(it->by));
		for (size_t k = 0; k < it->nciting; k++) {
			json_object *c = json_object_new_object();
			json_object_object_add(c, "path", cm_out_json_string(it->citing[k].path));
			json_object_object_add(c, "key", cm_out_json_string(it->citing[k].key));
			json_object_object_add(c, "date", cm_out_json_string(it->citing[k].date));
			json_object_array_add(a, c);
		}
		json_object_object_add(j, "citing", a);
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}
