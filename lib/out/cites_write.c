/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cites_write.c: the text and JSON Lines writers of a cites result
 * (chimuc/cites.h). */
#include <json-c/json.h>
#include <stdio.h>

#include "chimuc/cites.h"
#include "chimuc/diag.h"
#include "out/jsonl.h"

int cm_cites_write_text(FILE *f, const cm_cites_result *r)
{
	for (size_t i = 0; i < cm_cites_size(r); i++) {
		const cm_cites_item *it = cm_cites_get(r, i);
		cm_out_pad(f, it->key ? it->key : "", CM_OUT_KEY_COLUMNS);
		fprintf(f, " %s", it->text ? it->text : "");
		if (it->path) {
			fputs("  -> ", f);
			cm_diag_path(f, it->path);
		}
		putc('\n', f);
	}
	return cm_out_status(f);
}

int cm_cites_write_json(FILE *f, const cm_cites_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_cites_size(r) && rc == 0; i++) {
		const cm_cites_item *it = cm_cites_get(r, i);
		json_object *j = json_object_new_object();
		json_object_object_add(j, "text", cm_out_json_string(it->text));
		json_object_object_add(j, "key", cm_out_json_string(it->key));
		json_object_object_add(j, "type", cm_out_json_string(it->type));
		json_object_object_add(j, "number", cm_out_json_string(it->number));
		json_object_object_add(j, "symbol", cm_out_json_string(it->symbol));
		json_object_object_add(j, "date", cm_out_json_string(it->date));
		json_object_object_add(j, "relation", cm_out_json_string(it->relation));
		json_object_object_add(j, "issuer", cm_out_json_string(it->issuer));
		json_object_object_add(j, "term", cm_out_json_string(it->term));
		json_object_object_add(j, "path", cm_out_json_string(it->path));
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}
