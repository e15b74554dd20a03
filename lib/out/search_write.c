/* SPDX-License-Identifier: GPL-2.0-or-later */

/* search_write.c: the text and JSON Lines writers of a search result
 * (chimuc/search.h). */
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/search.h"
#include "out/jsonl.h"

/* The snippet with its highlighted words between open and close. */
static void write_marked(FILE *f, const cm_search_item *it, const char *open, const char *close)
{
	size_t at = 0;

	for (size_t i = 0; i < it->nspans; i++) {
		const cm_search_span *s = &it->spans[i];
		fwrite(it->snippet + at, 1, s->start - at, f);
		fputs(open, f);
		fwrite(it->snippet + s->start, 1, s->end - s->start, f);
		fputs(close, f);
		at = s->end;
	}
	fwrite(it->snippet + at, 1, it->snippet_len - at, f);
}

int cm_search_write_text(FILE *f, const cm_search_result *r, int bold)
{
	const char *open = bold ? "\033[1m" : "[", *close = bold ? "\033[0m" : "]";

	for (size_t i = 0; i < cm_search_size(r); i++) {
		const cm_search_item *it = cm_search_get(r, i);
		fprintf(f, "%zu. %s\n   ", it->rank, it->title);
		cm_diag_path(f, it->path);
		fprintf(f, "  (score %.3f)", it->score);
		if (it->status && strcmp(it->status, "in_force") && strcmp(it->status, "unknown"))
			fprintf(f, "  [%s%s%s]", it->status, it->status_since ? " since " : "",
				it->status_since ? it->status_since : "");
		putc('\n', f);
		if (cm_search_brief(r))
			continue;
		fputs("   ", f);
		write_marked(f, it, open, close);
		fputs("\n\n", f);
	}
	return cm_out_status(f);
}

static json_object *highlights(const cm_search_item *it)
{
	json_object *marks = json_object_new_array();

	for (size_t i = 0; marks && i < it->nspans; i++) {
		json_object *pair = json_object_new_array();
		json_object_array_add(pair, json_object_new_int64((int64_t)it->spans[i].start));
		json_object_array_add(pair, json_object_new_int64((int64_t)it->spans[i].end));
		json_object_array_add(marks, pair);
	}
	return marks;
}

int cm_search_write_json(FILE *f, const cm_search_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_search_size(r) && rc == 0; i++) {
		const cm_search_item *it = cm_search_get(r, i);
		json_object *j = json_object_new_object();
		json_object_object_add(j, "rank", json_object_new_int((int)it->rank));
		json_object_object_add(j, "score", json_object_new_double(it->score));
		json_object_object_add(j, "path", json_object_new_string(it->path));
		if (it->shard)
			json_object_object_add(j, "shard", json_object_new_string(it->shard));
		if (!cm_search_brief(r))
			json_object_object_add(j, "format", cm_out_json_string(it->format));
		json_object_object_add(j, "title", json_object_new_string(it->title));
		if (!cm_search_brief(r)) {
			json_object_object_add(
				j, "snippet",
				json_object_new_string_len(it->snippet, (int)it->snippet_len));
			json_object_object_add(j, "highlights", highlights(it));
			json_object_object_add(j, "status", cm_out_json_string(it->status));
			json_object_object_add(j, "status_since",
					       cm_out_json_string(it->status_since));
		}
		rc = cm_out_json_line(f, j);
	}
	return rc < 0 ? rc : cm_out_status(f);
}
