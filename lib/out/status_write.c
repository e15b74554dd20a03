/* SPDX-License-Identifier: GPL-2.0-or-later */

/* status_write.c: the text and JSON Lines writers of a status result
 * (chimuc/status.h). */
#include <json-c/json.h>
#include <stdio.h>

#include "chimuc/diag.h"
#include "chimuc/status.h"
#include "out/jsonl.h"

static void claim_text(FILE *f, const char *lead, const cm_status_claim *c)
{
	fprintf(f, "  %s%s %s", lead, cm_relation_name(c->relation), c->key ? c->key : "?");
	if (c->part)
		fprintf(f, " (%s)", c->part);
	if (c->date)
		fprintf(f, " from %s", c->date);
	fputs(", said by ", f);
	cm_diag_path(f, c->path);
	fprintf(f, ": %s\n", c->context ? c->context : "");
}

int cm_status_write_text(FILE *f, const cm_status_result *r)
{
	for (size_t i = 0; i < cm_status_size(r); i++) {
		const cm_status_item *it = cm_status_get(r, i);
		cm_out_pad(f, it->key, CM_OUT_KEY_COLUMNS);
		fprintf(f, " %s", cm_status_name(it->status));
		if (it->since)
			fprintf(f, " since %s", it->since);
		if (it->path) {
			fputs("  ", f);
			cm_diag_path(f, it->path);
		}
		putc('\n', f);
		for (size_t k = 0; k < it->nby; k++)
			claim_text(f, "", &it->by[k]);
		for (size_t k = 0; k < it->nconflicts; k++)
			claim_text(f, "conflict: ", it->conflicts[k]);
	}
	return cm_out_status(f);
}

static json_object *claim_json(const cm_status_claim *c)
{
	json_object *j = json_object_new_object();

	json_object_object_add(j, "key", cm_out_json_string(c->key));
	json_object_object_add(j, "id", json_object_new_int64((int64_t)c->id));
	json_object_object_add(j, "path", cm_out_json_string(c->path));
	json_object_object_add(j, "relation",
			       json_object_new_string(cm_relation_name(c->relation)));
	json_object_object_add(j, "part", cm_out_json_string(c->part));
	json_object_object_add(j, "date", cm_out_json_string(c->date));
	json_object_object_add(j, "context", cm_out_json_string(c->context));
	json_object_object_add(j, "by_path", cm_out_json_string(c->by_path));
	return j;
}

int cm_status_write_json(FILE *f, const cm_status_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_status_size(r) && rc == 0; i++) {
		const cm_status_item *it = cm_status_get(r, i);
		json_object *j = json_object_new_object(), *by = json_object_new_array(),
			    *conf = json_object_new_array();
		json_object_object_add(j, "key", cm_out_json_string(it->key));
		json_object_object_add(j, "status",
				       json_object_new_string(cm_status_name(it->status)));
		json_object_object_add(j, "since", cm_out_json_string(it->since));
		json_object_object_add(j, "path", cm_out_json_string(it->path));
		for (size_t k = 0; k < it->nby; k++)
			json_object_array_add(by, claim_json(&it->by[k]));
		json_object_object_add(j, "by", by);
		for (size_t k = 0; k < it->nconflicts; k++)
			json_object_array_add(conf, claim_json(it->conflicts[k]));
		json_object_object_add(j, "conflicts", conf);
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}
