/* decode.c: turns a file's bytes into valid UTF-8: UTF-8 is copied with each
 * invalid sequence replaced by U+FFFD (and counted); UTF-16 with a BOM is
 * converted. Legacy 8-bit encodings are not handled here. */
#include "chimuc/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "chimuc/error.h"

#define REPLACEMENT 0xFFFD

static int from_utf8(char *out, size_t *out_len, size_t *invalid, const char *in, size_t len)
{
	size_t o = 0, i = 0;

	while (i < len) {
		int32_t j = 0, n = len - i > INT32_MAX ? INT32_MAX : (int32_t)(len - i);
		UChar32 c;
		if ((unsigned char)in[i] < 0x80) {
			out[o++] = in[i++];
			continue;
		}
		U8_NEXT(in + i, j, n, c);
		if (c < 0) {
			int32_t k = 0;
			U8_APPEND_UNSAFE(out + o, k, REPLACEMENT);
			o += (size_t)k;
			(*invalid)++;
		} else {
			memcpy(out + o, in + i, (size_t)j);
			o += (size_t)j;
		}
		i += (size_t)j;
	}
	*out_len = o;
	return 0;
}

static unsigned unit16(const unsigned char *p, int big)
{
	return big ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]);
}

static void from_utf16(char *out, size_t *out_len, size_t *invalid, const unsigned char *in,
		       size_t len, int big)
{
	size_t o = 0, i = 2; /* after the BOM */

	while (i + 1 < len) {
		UChar32 c = (UChar32)unit16(in + i, big);
		int32_t k = 0;
		i += 2;
		if (U16_IS_LEAD(c) && i + 1 < len && U16_IS_TRAIL(unit16(in + i, big))) {
			c = U16_GET_SUPPLEMENTARY(c, unit16(in + i, big));
			i += 2;
		} else if (U16_IS_SURROGATE(c)) {
			c = REPLACEMENT;
			(*invalid)++;
		}
		U8_APPEND_UNSAFE(out + o, k, c);
		o += (size_t)k;
	}
	if (i < len) { /* an odd final byte */
		int32_t k = 0;
		U8_APPEND_UNSAFE(out + o, k, REPLACEMENT);
		o += (size_t)k;
		(*invalid)++;
	}
	*out_len = o;
}

int cm_text_decode(char **out, size_t *out_len, cm_decode_info *info, const char *in, size_t len)
{
	const unsigned char *u = (const unsigned char *)in;
	int le = len >= 2 && u[0] == 0xFF && u[1] == 0xFE;
	int be = len >= 2 && u[0] == 0xFE && u[1] == 0xFF;
	cm_decode_info di = {0, "UTF-8"};
	char *buf;
	size_t n;

	/* Worst cases: 1 invalid byte -> 3 bytes; 2 UTF-16 bytes -> 3 bytes. */
	if (len > (SIZE_MAX - 1) / 3)
		return cm_error_set(CM_ELIMIT, "input too large");
	if (!(buf = malloc(3 * len + 1)))
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (le || be) {
		di.encoding = le ? "UTF-16LE" : "UTF-16BE";
		from_utf16(buf, &n, &di.invalid, u, len, be);
	} else {
		from_utf8(buf, &n, &di.invalid, in, len);
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	if (info)
		*info = di;
	return 0;
}
