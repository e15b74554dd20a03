/* fuzz_markup.c: libFuzzer target for the HTML and XML readers (the first
 * byte's low bit picks one, the rest is the file). Properties: a reader
 * either fails with a message and leaves nothing behind, or gives text that
 * is valid UTF-8 of exactly text_len bytes with no NUL, no line that starts
 * or ends with a space, and a title and date that are valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "reader.h"

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
	cm_extracted x;
	int rc;

	if (size == 0)
		return 0;
	rc = (data[0] & 1 ? cm_read_xml : cm_read_html)(&x, (const char *)data + 1, size - 1);
	if (rc < 0) {
		if (x.text || x.title || !cm_error_last()[0])
			abort();
		return 0;
	}
	if (strlen(x.text) != x.text_len)
		abort();
	check_utf8(x.text, x.text_len);
	check_lines(x.text, x.text_len);
	check_utf8(x.title, x.title ? strlen(x.title) : 0);
	check_utf8(x.date, x.date ? strlen(x.date) : 0);
	cm_extracted_clear(&x);
	return 0;
}
