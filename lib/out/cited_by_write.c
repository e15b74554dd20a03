/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cited_by_write.c: the text, JSON Lines and warning writers of a cited-by
 * result (chimuc/cited_by.h). */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/cited_by.h"
#include "chimuc/diag.h"
#include "out/jsonl.h"

int cm_cited_by_write_text(FILE *f, const cm_cited_by_result *r)
{
	for (size_t i = 0; i < cm_cited_by_size(r); i++) {
		const cm_cited_by_item *it = cm_cited_by_get(r, i);
		int indent = 2 * (int)(it->depth - 1);
		fprintf(f, "%*s", indent, "");
		cm_diag_path(f, it->path);
		fprintf(f, "  %s  [%s; %s]", it->title, it->key ? it->key : "",
			it->relation ? it->relation : "-");
		if (it->status && strcmp(it->status, "in_force") && strcmp(it->status, "unknown"))
			fprintf(f, "  [%s%s%s]", it->status, it->status_since ? " since " : "",
				it->status_since ? it->status_since : "");
		fprintf(f, "\n%*s    %s\n", indent, "", it->context ? it->context : "");
	}
	return cm_out_status(f);
}

int cm_cited_by_write_json(FILE *f, const cm_cited_by_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_cited_by_size(r) && rc == 0; i++) {
		const cm_cited_by_item *it = cm_cited_by_get(r, i);
		json_object *j = json_object_new_object();
		json_object_object_add(j, "path", json_object_new_string(it->path));
		if (it->shard)
			json_object_object_add(j, "shard", json_object_new_string(it->shard));
		json_object_object_add(j, "title", json_object_new_string(it->title));
		json_object_object_add(j, "type", cm_out_json_string(it->type));
		json_object_object_add(j, "number", cm_out_json_string(it->number));
		json_object_object_add(j, "date", cm_out_json_string(it->date));
		json_object_object_add(j, "relation", cm_out_json_string(it->relation));
		json_object_object_add(j, "context", cm_out_json_string(it->context));
		json_object_object_add(j, "key", cm_out_json_string(it->key));
		json_object_object_add(j, "depth", json_object_new_int((int)it->depth));
		json_object_object_add(j, "status", cm_out_json_string(it->status));
		json_object_object_add(j, "status_since", cm_out_json_string(it->status_since));
		json_object_object_add(j, "ambiguous",
				       json_object_new_boolean(cm_cited_by_ambiguous(r)));
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}

int cm_cited_by_write_notes(FILE *f, const char *program, const cm_cited_by_result *r)
{
	const char *base = cm_cited_by_base(r);

	if (cm_cited_by_ambiguous(r)) {
		fprintf(f, "%s: %s is ambiguous: the corpus cites", program, base);
		for (size_t i = 0; i < cm_cited_by_years(r); i++)
			fprintf(f, " %s@%d", base, cm_cited_by_year(r, i));
		fprintf(f, "; add @YEAR to choose\n");
	}
	if (cm_cited_by_depth_limited(r))
		fprintf(f,
			"%s: stopped at depth %d, the deepest cited-by follows: more documents cite "
			"those of depth %d\n",
			program, CM_CITED_BY_DEPTH_MAX, CM_CITED_BY_DEPTH_MAX);
	return cm_out_status(f);
}
