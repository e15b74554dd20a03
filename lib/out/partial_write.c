/* SPDX-License-Identifier: GPL-2.0-or-later */

/* partial_write.c: the JSON line saying that an answer over many shards
 * lacks the documents of the shards that did not answer (chimuc/index.h). */
#include "chimuc/index.h"

#include "chimuc/error.h"
#include "out/jsonl.h"

int cm_index_write_partial_json(FILE *f, const cm_index *ix)
{
	json_object *o, *missing;

	if (!cm_index_shards_down(ix))
		return 0;
	if (!(o = json_object_new_object()) || !(missing = json_object_new_array())) {
		json_object_put(o);
		return cm_error_nomem();
	}
	json_object_object_add(o, "partial", json_object_new_boolean(1));
	json_object_object_add(o, "missing", missing);
	for (size_t i = 0; i < cm_index_shards(ix); i++)
		if (cm_index_shard_down(ix, i))
			json_object_array_add(missing,
					      cm_out_json_string(cm_index_shard_name(ix, i)));
	return cm_out_json_line(f, o);
}
