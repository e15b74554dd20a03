/* SPDX-License-Identifier: GPL-2.0-or-later */

/* decode.c: turns a file's bytes into valid UTF-8. UTF-8 is copied byte for
 * byte but for invalid sequences (overlong, surrogate, truncated, stray
 * continuation, past U+10FFFF), each replaced by U+FFFD and counted the way
 * ICU's U8_NEXT splits them (maximal subparts). Input that opens with a
 * UTF-16 BOM is converted from UTF-16 (BOM dropped; lone surrogates and an
 * odd last byte become U+FFFD). One pass measures, one writes: linear, one
 * allocation of the exact size. Legacy 8-bit encodings are not handled. */
#include "chimuc/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "text/vnchar.h"

#define REPLACEMENT 0xFFFD

/* Copies n bytes to out + o unless out is NULL (measuring); returns n. */
static size_t put(char *out, size_t o, const char *src, size_t n)
{
	if (out && n)
		memcpy(out + o, src, n);
	return n;
}

static size_t put_cp(char *out, size_t o, UChar32 c)
{
	int32_t k = 0;

	if (!out)
		return (size_t)U8_LENGTH(c);
	U8_APPEND_UNSAFE(out + o, k, c);
	return (size_t)k;
}

/* The repaired UTF-8 of in, written to out unless out is NULL; its length. */
static size_t from_utf8(char *out, size_t *invalid, const char *in, size_t len)
{
	size_t o = 0, i = 0, valid_from = 0;

	while (i < len) {
		size_t at = i;
		if ((unsigned char)in[i] < 0x80) {
			i++;
			continue;
		}
		if (cm_u8_next(in, len, &i) >= 0)
			continue;
		o += put(out, o, in + valid_from, at - valid_from);
		o += put_cp(out, o, REPLACEMENT);
		(*invalid)++;
		valid_from = i;
	}
	return o + put(out, o, in + valid_from, len - valid_from);
}

static UChar32 unit16(const unsigned char *p, int big)
{
	return big ? (UChar32)(p[0] << 8 | p[1]) : (UChar32)(p[1] << 8 | p[0]);
}

/* The UTF-8 of UTF-16 in (after its 2-byte BOM), as from_utf8. */
static size_t from_utf16(char *out, size_t *invalid, const unsigned char *in, size_t len, int big)
{
	size_t o = 0, i = 2;

	while (i + 1 < len) {
		UChar32 c = unit16(in + i, big);
		i += 2;
		if (U16_IS_LEAD(c) && i + 1 < len && U16_IS_TRAIL(unit16(in + i, big))) {
			c = U16_GET_SUPPLEMENTARY(c, unit16(in + i, big));
			i += 2;
		} else if (U16_IS_SURROGATE(c)) {
			c = REPLACEMENT;
			(*invalid)++;
		}
		o += put_cp(out, o, c);
	}
	if (i < len) {
		o += put_cp(out, o, REPLACEMENT);
		(*invalid)++;
	}
	return o;
}

enum { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE };

static const char *const encoding_names[] = {"UTF-8", "UTF-16LE", "UTF-16BE"};

static int detect(const char *in, size_t len)
{
	const unsigned char *u = (const unsigned char *)in;

	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return ENC_UTF16LE;
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return ENC_UTF16BE;
	return ENC_UTF8;
}

static size_t convert(char *out, size_t *invalid, const char *in, size_t len, int enc)
{
	if (enc == ENC_UTF8)
		return from_utf8(out, invalid, in, len);
	return from_utf16(out, invalid, (const unsigned char *)in, len, enc == ENC_UTF16BE);
}

int cm_text_decode(char **out, size_t *out_len, cm_decode_info *info, const char *in, size_t len)
{
	int enc = detect(in, len);
	cm_decode_info di = {0, encoding_names[enc]};
	size_t n, ignored = 0;
	char *buf;

	if (len > SIZE_MAX / 4)
		return cm_error_set(CM_ENOMEM, "input of %zu bytes is too large", len);
	n = convert(NULL, &di.invalid, in, len, enc);
	if (!(buf = malloc(n + 1)))
		return cm_error_set(CM_ENOMEM, "out of memory decoding %zu bytes", len);
	convert(buf, &ignored, in, len, enc);
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	if (info)
		*info = di;
	return 0;
}
