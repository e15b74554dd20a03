/* SPDX-License-Identifier: GPL-2.0-or-later */

/* top_cited_write.c: the text and JSON Lines writers of a top-cited result
 * (chimuc/top_cited.h). */
#include <json-c/json.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/top_cited.h"
#include "out/jsonl.h"

int cm_top_cited_write_text(FILE *f, const cm_top_cited_result *r)
{
	for (size_t i = 0; i < cm_top_cited_size(r); i++) {
		const cm_top_cited_item *it = cm_top_cited_get(r, i);
		fprintf(f, "%5u  ", it->count);
		cm_out_pad(f, it->key, it->path ? CM_OUT_KEY_COLUMNS : 0);
		if (it->path) {
			fputs("  ", f);
			cm_diag_path(f, it->path);
		}
		putc('\n', f);
	}
	return cm_out_status(f);
}

int cm_top_cited_write_json(FILE *f, const cm_top_cited_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_top_cited_size(r) && rc == 0; i++) {
		const cm_top_cited_item *it = cm_top_cited_get(r, i);
		json_object *j = json_object_new_object();
		json_object_object_add(j, "key", json_object_new_string(it->key));
		json_object_object_add(j, "count", json_object_new_int((int)it->count));
		json_object_object_add(j, "path", cm_out_json_string(it->path));
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}
