/* SPDX-License-Identifier: GPL-2.0-or-later */

/* jsonl.c: the helpers of the writers (see out/jsonl.h). */
#include "out/jsonl.h"

#include <string.h>

#include "chimuc/error.h"
#include "chimuc/text.h"

int cm_out_json_line(FILE *f, json_object *o)
{
	size_t n;
	const char *s;

	if (!o)
		return cm_error_nomem();
	s = json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	fwrite(s, 1, n, f);
	putc('\n', f);
	json_object_put(o);
	return 0;
}

json_object *cm_out_json_string(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

void cm_out_pad(FILE *f, const char *s, size_t width)
{
	size_t len = strlen(s);

	fwrite(s, 1, len, f);
	for (size_t w = cm_text_width(s, len); w < width; w++)
		putc(' ', f);
}

int cm_out_status(FILE *f)
{
	return ferror(f) ? cm_error_set(CM_EIO, "cannot write the output") : 0;
}
