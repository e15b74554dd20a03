/* SPDX-License-Identifier: GPL-2.0-or-later */

/* encoding.c: converts Vietnamese text in the encodings of chimuc/encoding.h
 * to UTF-8 in NFC (encoding_detect.c tells them apart). UTF-8, UTF-16 and
 * windows-1258 go through ICU's converters, TCVN3 and VNI through
 * encoding_tables.c; every path decodes into one UTF-16 buffer (at most two
 * units per input byte), which ICU then composes (NFC) and writes as UTF-8. */
#include "chimuc/encoding.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "chimuc/error.h"
#include "read/encoding_tables.h"
#include "text/vnchar.h"

#define REPLACEMENT 0xFFFD

static const char *const encoding_names[] = {
	"unknown", "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1258", "TCVN3", "VNI",
};

const char *cm_encoding_name(cm_encoding enc)
{
	if ((unsigned)enc >= sizeof encoding_names / sizeof *encoding_names)
		return encoding_names[CM_ENC_UNKNOWN];
	return encoding_names[enc];
}

/* ---- labels ---- */

static const struct {
	const char *label;
	cm_encoding enc;
} labels[] = {
	{"utf-8", CM_ENC_UTF8},
	{"utf8", CM_ENC_UTF8},
	{"unicode-1-1-utf-8", CM_ENC_UTF8},
	{"utf-16le", CM_ENC_UTF16LE},
	{"utf16le", CM_ENC_UTF16LE},
	{"utf-16", CM_ENC_UTF16LE},
	{"utf-16be", CM_ENC_UTF16BE},
	{"utf16be", CM_ENC_UTF16BE},
	{"windows-1258", CM_ENC_CP1258},
	{"cp1258", CM_ENC_CP1258},
	{"x-cp1258", CM_ENC_CP1258},
	{"tcvn3", CM_ENC_TCVN3},
	{"tcvn", CM_ENC_TCVN3},
	{"tcvn-3", CM_ENC_TCVN3},
	{"tcvn5712", CM_ENC_TCVN3},
	{"tcvn-5712", CM_ENC_TCVN3},
	{"tcvn5712-1", CM_ENC_TCVN3},
	{"tcvn5712-1:1993", CM_ENC_TCVN3},
	{"vni", CM_ENC_VNI},
	{"vni-win", CM_ENC_VNI},
	{"vni-windows", CM_ENC_VNI},
};

/* 1 if the len bytes at s start with lit (lowercase), ASCII case ignored. */
static int has_prefix(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);

	if (n > len)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (cm_ascii_lower((unsigned char)s[i]) != lit[i])
			return 0;
	return 1;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

cm_encoding cm_encoding_from_label(const char *label, size_t len)
{
	if (!label)
		return CM_ENC_UNKNOWN;
	while (len && is_space((unsigned char)label[0]))
		label++, len--;
	while (len && is_space((unsigned char)label[len - 1]))
		len--;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strlen(labels[i].label) == len && has_prefix(label, len, labels[i].label))
			return labels[i].enc;
	if (has_prefix(label, len, ".vn")) /* .VnTime, .VnArial, .VnTimeH… */
		return CM_ENC_TCVN3;
	if (has_prefix(label, len, "vni-") || has_prefix(label, len, "vni ")) /* VNI-Times… */
		return CM_ENC_VNI;
	return CM_ENC_UNKNOWN;
}

/* ---- decoding into UTF-16 ---- */

typedef struct {
	UChar *s;
	int32_t n, cap;
} ubuf;

/* A buffer for the decoding of len input bytes: two units a byte. */
static int ubuf_init(ubuf *u, size_t len)
{
	if (len > (size_t)(INT32_MAX - 16) / 2)
		return cm_error_set(CM_ENOMEM, "input of %zu bytes is too large to convert", len);
	u->n = 0;
	u->cap = (int32_t)(2 * len + 16);
	if (!(u->s = malloc((size_t)u->cap * sizeof *u->s)))
		return cm_error_set(CM_ENOMEM, "out of memory converting %zu bytes", len);
	return 0;
}

static void put_unit(ubuf *u, UChar32 c)
{
	U16_APPEND_UNSAFE(u->s, u->n, c);
}

/* The first code point of byte b >= 0x80 in map. */
UChar32 cm_byte_map_first(const cm_byte_map map, unsigned char b)
{
	return map[b - 0x80][0] ? map[b - 0x80][0] : b;
}

static void from_table(ubuf *u, size_t *invalid, const cm_byte_map map, const unsigned char *p,
		       size_t len)
{
	for (size_t i = 0; i < len; i++) {
		UChar32 c = p[i] < 0x80 ? p[i] : cm_byte_map_first(map, p[i]);
		if (c == REPLACEMENT)
			(*invalid)++;
		put_unit(u, c);
		if (p[i] >= 0x80 && map[p[i] - 0x80][1])
			put_unit(u, map[p[i] - 0x80][1]);
	}
}

/* ICU's to-Unicode callback: each unmappable or illegal sequence becomes
 * one U+FFFD and is counted in the size_t context points to. */
static void count_invalid(const void *context, UConverterToUnicodeArgs *args, const char *units,
			  int32_t n, UConverterCallbackReason reason, UErrorCode *e)
{
	static const UChar sub = REPLACEMENT;

	(void)units;
	(void)n;
	if (reason > UCNV_IRREGULAR)
		return;
	(*(size_t *)context)++;
	*e = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &sub, 1, 0, e);
}

static int from_icu(ubuf *u, size_t *invalid, const char *name, const char *p, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &e);
	UChar *t = u->s + u->n;
	int rc = 0;

	if (U_FAILURE(e))
		return cm_error_set(CM_ERROR, "ICU has no %s converter: %s", name, u_errorName(e));
	ucnv_setToUCallBack(cnv, count_invalid, invalid, NULL, NULL, &e);
	if (U_SUCCESS(e))
		ucnv_toUnicode(cnv, &t, u->s + u->cap, &p, p + len, NULL, 1, &e);
	if (U_FAILURE(e))
		rc = cm_error_set(CM_ERROR, "converting from %s: %s", name, u_errorName(e));
	else
		u->n = (int32_t)(t - u->s);
	ucnv_close(cnv);
	return rc;
}

/* Appends the decoding of len bytes in enc to u (U+0000 included). */
static int decode_units(ubuf *u, size_t *invalid, cm_encoding enc, const char *p, size_t len)
{
	switch (enc) {
	case CM_ENC_UTF8: return from_icu(u, invalid, "UTF-8", p, len);
	case CM_ENC_UTF16LE: return from_icu(u, invalid, "UTF-16LE", p, len);
	case CM_ENC_UTF16BE: return from_icu(u, invalid, "UTF-16BE", p, len);
	case CM_ENC_CP1258: return from_icu(u, invalid, "windows-1258", p, len);
	case CM_ENC_TCVN3:
		from_table(u, invalid, cm_tcvn3_map, (const unsigned char *)p, len);
		return 0;
	case CM_ENC_VNI:
		from_table(u, invalid, cm_vni_map, (const unsigned char *)p, len);
		return 0;
	default: return cm_error_set(CM_EINVAL, "cannot convert from encoding %d", (int)enc);
	}
}

/* U+0000 among u's units from `from` on (a UTF-16 text may hold one, and
 * a C string cannot) replaced by U+FFFD, counted as invalid. */
static void replace_nul(ubuf *u, size_t *invalid, int32_t from)
{
	for (int32_t i = from; i < u->n; i++)
		if (u->s[i] == 0) {
			u->s[i] = REPLACEMENT;
			(*invalid)++;
		}
}

/* Appends the decoding of len bytes in enc to u. */
static int decode(ubuf *u, size_t *invalid, cm_encoding enc, const char *p, size_t len)
{
	int32_t from = u->n;
	int rc = decode_units(u, invalid, enc, p, len);

	if (rc == 0)
		replace_nul(u, invalid, from);
	return rc;
}

static int icu_error(const char *what, UErrorCode e)
{
	return cm_error_set(CM_ERROR, "%s: %s", what, u_errorName(e));
}

/* The NFC of u's n units as a NUL-terminated UTF-8 string. */
static int to_nfc_utf8(char **out, size_t *out_len, const ubuf *u)
{
	const UNormalizer2 *nfc = cm_nfc();
	UErrorCode e = U_ZERO_ERROR;
	UChar *norm = NULL;
	char *buf = NULL;
	int32_t nn, n8;
	int rc = 0;

	if (!nfc)
		return cm_error_set(CM_ERROR, "ICU's NFC data is missing");
	nn = unorm2_normalize(nfc, u->s, u->n, NULL, 0, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e)) {
		rc = icu_error("normalizing", e);
		goto cleanup;
	}
	e = U_ZERO_ERROR;
	if (!(norm = malloc(((size_t)nn + 1) * sizeof *norm))) {
		rc = cm_error_set(CM_ENOMEM, "out of memory normalizing %d units", (int)nn);
		goto cleanup;
	}
	unorm2_normalize(nfc, u->s, u->n, norm, nn + 1, &e);
	u_strToUTF8WithSub(NULL, 0, &n8, norm, nn, REPLACEMENT, NULL, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e)) {
		rc = icu_error("writing UTF-8", e);
		goto cleanup;
	}
	e = U_ZERO_ERROR;
	if (!(buf = malloc((size_t)n8 + 1))) {
		rc = cm_error_set(CM_ENOMEM, "out of memory writing %d bytes", (int)n8);
		goto cleanup;
	}
	u_strToUTF8WithSub(buf, n8 + 1, NULL, norm, nn, REPLACEMENT, NULL, &e);
	if (U_FAILURE(e)) {
		rc = icu_error("writing UTF-8", e);
		goto cleanup;
	}
	buf[n8] = '\0';
	*out = buf;
	*out_len = (size_t)n8;
	buf = NULL;
cleanup:
	free(norm);
	free(buf);
	return rc;
}

static int is_legacy(cm_encoding enc)
{
	return enc == CM_ENC_CP1258 || enc == CM_ENC_TCVN3 || enc == CM_ENC_VNI;
}

static int valid_encoding(cm_encoding enc)
{
	return enc == CM_ENC_UTF8 || enc == CM_ENC_UTF16LE || enc == CM_ENC_UTF16BE ||
	       is_legacy(enc);
}

/* The length of the byte order mark of enc that p opens with, or 0. */
size_t cm_encoding_bom_length(cm_encoding enc, const unsigned char *p, size_t len)
{
	if (enc == CM_ENC_UTF8 && len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return 3;
	if (enc == CM_ENC_UTF16LE && len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return 2;
	if (enc == CM_ENC_UTF16BE && len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return 2;
	return 0;
}

int cm_encoding_convert(char **out, size_t *out_len, size_t *invalid, cm_encoding enc,
			const char *data, size_t len)
{
	size_t skip = cm_encoding_bom_length(enc, (const unsigned char *)data, len), count = 0;
	ubuf u = {0};
	int rc;

	if (!valid_encoding(enc))
		return cm_error_set(CM_EINVAL, "cannot convert from encoding %d", (int)enc);
	if ((rc = ubuf_init(&u, len)) || (rc = decode(&u, &count, enc, data + skip, len - skip)) ||
	    (rc = to_nfc_utf8(out, out_len, &u)))
		goto cleanup;
	*invalid = count;
cleanup:
	free(u.s);
	return rc;
}

/* The windows-1252 byte of c, or -1 if it has none. The C1 controls stand
 * for their own byte (what a Latin-1 reading of the bytes leaves). */
static int cp1252_byte(UChar32 c)
{
	if (c >= 0 && c <= 0xFF)
		return (int)c;
	for (int i = 0; i < 32; i++)
		if (cm_cp1252_c1[i] && cm_cp1252_c1[i] == c)
			return 0x80 + i;
	return -1;
}

int cm_encoding_recode_cp1252(char **out, size_t *out_len, size_t *invalid, cm_encoding enc,
			      const char *utf8, size_t len)
{
	size_t pos = 0, nb = 0, count = 0;
	char *bytes = NULL;
	ubuf u = {0};
	int rc;

	if (!valid_encoding(enc))
		return cm_error_set(CM_EINVAL, "cannot convert from encoding %d", (int)enc);
	if ((rc = ubuf_init(&u, len)))
		return rc;
	if (!(bytes = malloc(len + 1))) {
		rc = cm_error_set(CM_ENOMEM, "out of memory recoding %zu bytes", len);
		goto cleanup;
	}
	while (pos < len) {
		UChar32 c = cm_u8_next(utf8, len, &pos);
		int b = cp1252_byte(c);
		if (b >= 0) {
			bytes[nb++] = (char)b;
			continue;
		}
		if ((rc = decode(&u, &count, enc, bytes, nb)))
			goto cleanup;
		nb = 0;
		count += c < 0;
		put_unit(&u, c < 0 ? REPLACEMENT : c);
	}
	if ((rc = decode(&u, &count, enc, bytes, nb)) || (rc = to_nfc_utf8(out, out_len, &u)))
		goto cleanup;
	*invalid = count;
cleanup:
	free(bytes);
	free(u.s);
	return rc;
}
