/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_text.c: libFuzzer target for decoding, canonical text and tokens.
 * Properties: decoded text is valid UTF-8; canonical text is valid UTF-8,
 * idempotent, and its offset map is monotonic and in bounds; every token
 * span lies in the text, tokens never overlap, terms fit CM_TERM_MAX and
 * never hold U+FFFD. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/text.h"

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

static int has_replacement(const char *s, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++)
		if (!memcmp(s + i, "\xef\xbf\xbd", 3))
			return 1;
	return 0;
}

static void check_canon(const char *text, size_t len)
{
	char *canon = NULL, *again = NULL;
	size_t clen, alen, *map = NULL;

	if (cm_text_canon(&canon, &clen, &map, text, len) < 0)
		abort();
	if (!valid_utf8(canon, clen) || map[clen] != len)
		abort();
	for (size_t i = 1; i <= clen; i++)
		if (map[i] < map[i - 1] || map[i] > len)
			abort();
	if (cm_text_canon(&again, &alen, NULL, canon, clen) < 0)
		abort();
	if (alen != clen || memcmp(again, canon, clen) != 0)
		abort();
	free(again);
	free(canon);
	free(map);
}

static void check_tokens(const char *text, size_t len)
{
	cm_tokenizer tz;
	cm_token tok;
	size_t last_end = 0;
	int rc;

	cm_tokenizer_init(&tz, text, len);
	while ((rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		if (tok.start < last_end || tok.end <= tok.start || tok.end > len)
			abort();
		if (tok.exact_len == 0 || tok.exact_len > CM_TERM_MAX ||
		    tok.folded_len > CM_TERM_MAX)
			abort();
		if (!valid_utf8(tok.exact, tok.exact_len) ||
		    has_replacement(tok.exact, tok.exact_len))
			abort();
		last_end = tok.end;
	}
	if (rc < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = NULL;
	size_t len;
	cm_decode_info info;

	if (cm_text_decode(&text, &len, &info, (const char *)data, size) < 0)
		return 0;
	if (!valid_utf8(text, len))
		abort();
	check_canon(text, len);
	check_tokens(text, len);
	free(text);
	return 0;
}
