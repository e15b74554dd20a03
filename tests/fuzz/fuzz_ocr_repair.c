/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_ocr_repair.c: libFuzzer target for the OCR repairs in citations.
 * Properties: valid UTF-8 in gives valid UTF-8 out, NUL-terminated at
 * out_len; no repair counted means the text is unchanged; a repaired text
 * is not repaired again differently (the repairs are idempotent). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "read/ocr_repair.h"

static int valid_utf8(const char *s, size_t len)
{
	int32_t i = 0, n = (int32_t)len;

	while (i < n) {
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	char *out, *again;
	size_t len, alen;
	unsigned repairs, more;

	if (!valid_utf8(in, size) || memchr(in, '\0', size))
		return 0;
	if (cm_ocr_repair(&out, &len, &repairs, in, size) < 0)
		return 0;
	if (out[len] != '\0' || !valid_utf8(out, len) || len > 2 * size)
		abort();
	if (repairs == 0 && (len != size || memcmp(out, in, size) != 0))
		abort();
	if (cm_ocr_repair(&again, &alen, &more, out, len) == 0) {
		if (more == 0 && (alen != len || memcmp(again, out, len) != 0))
			abort();
		free(again);
	}
	free(out);
	return 0;
}
