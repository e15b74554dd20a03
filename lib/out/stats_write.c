/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stats_write.c: the text and JSON writers of an index's figures
 * (chimuc/stats.h). */
#include <inttypes.h>
#include <json-c/json.h>
#include <stdio.h>

#include "chimuc/stats.h"
#include "out/jsonl.h"

int cm_stats_write_text(FILE *f, const cm_stats_info *s)
{
	fprintf(f, "documents: %u\nbytes: %" PRIu64 "\ndb: %s\n", s->documents, s->bytes, s->path);
	if (s->shards > 1)
		fprintf(f, "shards: %zu\n", s->shards);
	return cm_out_status(f);
}

int cm_stats_write_json(FILE *f, const cm_stats_info *s)
{
	json_object *j = json_object_new_object();
	int rc;

	json_object_object_add(j, "documents", json_object_new_int64(s->documents));
	json_object_object_add(j, "bytes", json_object_new_int64((int64_t)s->bytes));
	json_object_object_add(j, "db", json_object_new_string(s->path));
	if (s->shards > 1)
		json_object_object_add(j, "shards", json_object_new_int64((int64_t)s->shards));
	if ((rc = cm_out_json_line(f, j)) < 0)
		return rc;
	return cm_out_status(f);
}
