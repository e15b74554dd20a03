/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_source.c: libFuzzer target for reading a file's bytes: format
 * detection and every format reader (HTML, XML, DOCX, PDF, text in any
 * encoding), seeded with the format and encoding fixtures. Properties: it
 * either fails with a message, or gives text that is valid UTF-8 of exactly
 * text_len bytes with no NUL, and a title and date that are valid UTF-8;
 * the format readers' text has no line that starts or ends with a space. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "chimuc/source.h"

static void check_utf8(const char *s, size_t n)
{
	int32_t i = 0;
	UChar32 c;

	if (!s)
		return;
	while (i < (int32_t)n) {
		U8_NEXT(s, i, (int32_t)n, c);
		if (c <= 0)
			abort();
	}
}

static void check_lines(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ' && (i == 0 || s[i - 1] == '\n' || i + 1 == n || s[i + 1] == '\n'))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_source *src = NULL;

	if (cm_source_from_bytes(&src, (const char *)data, size) < 0) {
		if (src || !cm_error_last()[0])
			abort();
		return 0;
	}
	if (strlen(src->text) != src->text_len)
		abort();
	check_utf8(src->text, src->text_len);
	if (strcmp(src->format, "text") != 0)
		check_lines(src->text, src->text_len);
	check_utf8(src->title, src->title ? strlen(src->title) : 0);
	check_utf8(src->date, src->date ? strlen(src->date) : 0);
	cm_source_free(src);
	return 0;
}
