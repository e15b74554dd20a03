/* SPDX-License-Identifier: GPL-2.0-or-later */

/* encoding.c: tells the encodings of Vietnamese text apart and converts them
 * to UTF-8 in NFC. UTF-8, UTF-16 and windows-1258 go through ICU's
 * converters, TCVN3 and VNI through encoding_tables.c; every path decodes
 * into one UTF-16 buffer (at most two units per input byte), which ICU then
 * composes (NFC) and writes as UTF-8.
 *
 * Detection reads at most the first DETECT_WINDOW bytes, once per candidate,
 * in constant memory: each legacy candidate decodes the bytes on the fly
 * into words, and scores the share of words holding a non-ASCII byte that
 * form a Vietnamese syllable (onset, vowel nucleus, coda, one tone). */
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
#define DETECT_WINDOW (256 * 1024) /* bytes detection looks at */
#define MIN_HIGH_BYTES 8           /* fewer non-ASCII bytes: uncertain */
#define MARGIN 0.10                /* top two scores closer: uncertain */
#define HINT_MARGIN 0.10           /* the hint wins this close to the best */
#define MIN_SCORE 0.5              /* a worse best score: uncertain */
#define MAX_WORD 8                 /* longer words are no syllable */

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

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 if the len bytes at s start with lit (lowercase), ASCII case ignored. */
static int has_prefix(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);

	if (n > len)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != lit[i])
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
static UChar32 map_first(const cm_byte_map map, unsigned char b)
{
	return map[b - 0x80][0] ? map[b - 0x80][0] : b;
}

static void from_table(ubuf *u, size_t *invalid, const cm_byte_map map, const unsigned char *p,
		       size_t len)
{
	for (size_t i = 0; i < len; i++) {
		UChar32 c = p[i] < 0x80 ? p[i] : map_first(map, p[i]);
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

/* Appends the decoding of len bytes in enc to u. */
static int decode(ubuf *u, size_t *invalid, cm_encoding enc, const char *p, size_t len)
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
static size_t bom_length(cm_encoding enc, const unsigned char *p, size_t len)
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
	size_t skip = bom_length(enc, (const unsigned char *)data, len), count = 0;
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

/* ---- detection ---- */

enum { SHAPE_NONE, SHAPE_CIRC, SHAPE_BREVE, SHAPE_HORN, SHAPE_STROKE };

/* A letter of a word: its lowercase ASCII base and the mark that shapes it. */
typedef struct {
	char base;
	unsigned char shape;
} vletter;

typedef struct {
	vletter l[MAX_WORD];
	int n;        /* letters, up to MAX_WORD */
	UChar32 tone; /* the word's tone mark, 0 if none */
	int tone_at;  /* the letter carrying it */
	int broken;   /* no Vietnamese syllable whatever follows */
	int high;     /* holds a decoded non-ASCII byte */
} word;

typedef struct {
	const uint16_t (*map)[2];
	word w;
	size_t good, bad; /* words (and symbols) from non-ASCII bytes */
} scorer;

static const struct {
	char base;
	unsigned char shape;
	const char *utf8;
} shaped_letters[] = {
	{'a', SHAPE_BREVE, "ă"},  {'a', SHAPE_CIRC, "â"}, {'e', SHAPE_CIRC, "ê"},
	{'o', SHAPE_CIRC, "ô"},   {'o', SHAPE_HORN, "ơ"}, {'u', SHAPE_HORN, "ư"},
	{'d', SHAPE_STROKE, "đ"},
};

static const char *const onsets[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d",
	"đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x", "",
};

static const char *const nuclei[] = {
	"a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",   "ư",
	"y",   "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "ia",  "iê",
	"iu",  "oa",  "oă",  "oe",  "oi",  "oo",  "ôi",  "ơi",  "ua",  "uâ",  "uê",
	"ui",  "uô",  "uơ",  "uy",  "ưa",  "ưi",  "ưu",  "ươ",  "yê",  "iêu", "yêu",
	"oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
};

static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

static int is_stop(const char *coda)
{
	return *coda == 'c' || *coda == 'p' || *coda == 't';
}

static int is_vowel(char base)
{
	return strchr("aeiouy", base) != NULL;
}

/* 1 if s splits into onset, nucleus and coda, the tone fitting the coda
 * (a syllable ending in c, ch, p or t takes sắc or nặng). */
static int parses(const char *s, UChar32 tone)
{
	for (size_t i = 0; i < sizeof onsets / sizeof *onsets; i++) {
		size_t no = strlen(onsets[i]);
		if (strncmp(s, onsets[i], no))
			continue;
		for (size_t j = 0; j < sizeof nuclei / sizeof *nuclei; j++) {
			size_t nn = strlen(nuclei[j]);
			if (strncmp(s + no, nuclei[j], nn))
				continue;
			for (size_t k = 0; k < sizeof codas / sizeof *codas; k++)
				if (!strcmp(s + no + nn, codas[k]) &&
				    (!is_stop(codas[k]) || tone == 0x0301 || tone == 0x0323))
					return 1;
		}
	}
	return 0;
}

/* 1 if w is a Vietnamese syllable. */
static int syllable_ok(const word *w)
{
	char s[MAX_WORD * 2 + 1];
	size_t n = 0;

	if (w->broken || (w->tone && !is_vowel(w->l[w->tone_at].base)))
		return 0;
	for (int i = 0; i < w->n; i++) {
		const char *shaped = NULL;
		if (w->l[i].shape == SHAPE_NONE) {
			s[n++] = w->l[i].base;
			continue;
		}
		for (size_t k = 0; k < sizeof shaped_letters / sizeof *shaped_letters; k++)
			if (shaped_letters[k].base == w->l[i].base &&
			    shaped_letters[k].shape == w->l[i].shape)
				shaped = shaped_letters[k].utf8;
		if (!shaped)
			return 0;
		memcpy(s + n, shaped, 2);
		n += 2;
	}
	s[n] = '\0';
	return parses(s, w->tone);
}

static void add_letter(word *w, int base, int shape)
{
	if (w->n == MAX_WORD || base < 'a' || base > 'z') {
		w->broken = 1;
		return;
	}
	w->l[w->n].base = (char)base;
	w->l[w->n++].shape = (unsigned char)shape;
}

static int shape_of(UChar32 mark)
{
	switch (mark) {
	case 0x0302: return SHAPE_CIRC;
	case 0x0306: return SHAPE_BREVE;
	case 0x031B: return SHAPE_HORN;
	default: return SHAPE_NONE;
	}
}

static int is_tone(UChar32 mark)
{
	return mark == 0x0300 || mark == 0x0301 || mark == 0x0303 || mark == 0x0309 ||
	       mark == 0x0323;
}

static void add_mark(word *w, UChar32 mark)
{
	int shape = shape_of(mark);

	if (w->n == 0 || w->broken)
		w->broken = 1;
	else if (shape && !w->l[w->n - 1].shape)
		w->l[w->n - 1].shape = (unsigned char)shape;
	else if (is_tone(mark) && !w->tone) {
		w->tone = mark;
		w->tone_at = w->n - 1;
	} else
		w->broken = 1;
}

/* Adds letter or mark c to w, split into its base and marks. */
static void add_char(word *w, UChar32 c)
{
	UChar d[4];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n;

	if (c < 0x80) {
		add_letter(w, ascii_lower((int)c), SHAPE_NONE);
		return;
	}
	if (c == 0x0110 || c == 0x0111) {
		add_letter(w, 'd', SHAPE_STROKE);
		return;
	}
	if (cm_is_mark(c)) {
		add_mark(w, c);
		return;
	}
	n = cm_nfd() ? unorm2_getDecomposition(cm_nfd(), c, d, 4, &e) : -1;
	if (U_FAILURE(e) || n < 2 || d[0] >= 0x80) {
		w->broken = 1;
		return;
	}
	add_letter(w, ascii_lower(d[0]), SHAPE_NONE);
	for (int32_t i = 1; i < n; i++)
		add_mark(w, d[i]);
}

static void end_word(scorer *s)
{
	if (s->w.high) {
		if (syllable_ok(&s->w))
			s->good++;
		else
			s->bad++;
	}
	memset(&s->w, 0, sizeof s->w);
}

/* Punctuation the legacy encodings share: no evidence either way. */
static int is_neutral(UChar32 c)
{
	static const UChar32 neutral[] = {0x00A0, 0x00A7, 0x00AB, 0x00B0, 0x00BB, 0x2013, 0x2014,
					  0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026};

	for (size_t i = 0; i < sizeof neutral / sizeof *neutral; i++)
		if (neutral[i] == c)
			return 1;
	return 0;
}

static void score_char(scorer *s, UChar32 c, int high)
{
	if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (u_isalpha(c) || cm_is_mark(c))) {
		add_char(&s->w, c);
		s->w.high |= high;
		return;
	}
	end_word(s);
	if (high && !is_neutral(c))
		s->bad++;
}

static void score_byte(scorer *s, unsigned char b)
{
	if (b < 0x80) {
		score_char(s, b, 0);
		return;
	}
	score_char(s, map_first(s->map, b), 1);
	if (s->map[b - 0x80][1])
		score_char(s, s->map[b - 0x80][1], 1);
}

static double score_of(const scorer *s)
{
	return s->good + s->bad ? (double)s->good / (double)(s->good + s->bad) : 0.0;
}

/* windows-1258's bytes 0x80-0xFF as a map, from ICU; -1 if ICU lacks it. */
static int cp1258_map(cm_byte_map map)
{
	char bytes[128];
	UChar units[128];
	UErrorCode e = U_ZERO_ERROR;
	UConverter *cnv;
	int32_t n;

	for (int i = 0; i < 128; i++)
		bytes[i] = (char)(0x80 + i);
	if (!(cnv = ucnv_open("windows-1258", &e)))
		return -1;
	n = ucnv_toUChars(cnv, units, 128, bytes, 128, &e);
	ucnv_close(cnv);
	if (U_FAILURE(e) || n != 128)
		return -1;
	for (int i = 0; i < 128; i++) {
		map[i][0] = units[i];
		map[i][1] = 0;
	}
	return 0;
}

/* 1 if the n bytes at p look like UTF-16 in the byte order of enc: a
 * quarter of their high bytes at least are zero. */
static int fits_utf16(cm_encoding enc, const unsigned char *p, size_t n)
{
	size_t zeros = 0, high = enc == CM_ENC_UTF16BE ? 0 : 1;

	for (size_t i = high; i + 1 - high < n; i += 2)
		zeros += p[i] == 0;
	return n >= 2 && zeros * 4 >= n / 2;
}

/* Counts the non-ASCII bytes of p, and its valid and invalid UTF-8
 * multibyte sequences (one cut at the end of a window cut from longer
 * input counts as valid). */
static void scan_utf8(size_t *high, size_t *valid, size_t *invalid, const char *p, size_t n,
		      int cut)
{
	size_t pos = 0;

	*high = *valid = *invalid = 0;
	while (pos < n) {
		size_t at = pos;
		if ((unsigned char)p[pos] < 0x80) {
			pos++;
			continue;
		}
		if (cm_u8_next(p, n, &pos) < 0 && !(cut && pos == n))
			(*invalid)++;
		else
			(*valid)++;
		*high += pos - at;
	}
}

/* 1 if p reads as UTF-8: valid, or with fewer damaged sequences than good
 * ones (they are replaced and counted), since legacy 8-bit text almost never
 * forms a valid sequence. *high as for scan_utf8. */
static int looks_utf8(size_t *high, const char *p, size_t n, int cut)
{
	size_t valid, invalid;

	scan_utf8(high, &valid, &invalid, p, n, cut);
	return invalid == 0 || valid > invalid;
}

static const cm_encoding candidates[] = {CM_ENC_CP1258, CM_ENC_TCVN3, CM_ENC_VNI};

/* Scores each legacy candidate on the n bytes at p into score[]. */
static void score_legacy(double score[3], const unsigned char *p, size_t n)
{
	cm_byte_map cp1258;
	scorer s[3] = {
		{.map = (const uint16_t(*)[2])cp1258}, {.map = cm_tcvn3_map}, {.map = cm_vni_map}};
	int have_cp1258 = cp1258_map(cp1258) == 0;

	for (int k = 0; k < 3; k++) {
		if (k == 0 && !have_cp1258) {
			score[k] = 0.0;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			score_byte(&s[k], p[i]);
		end_word(&s[k]);
		score[k] = score_of(&s[k]);
	}
}

/* The candidate chosen by score and hint; *uncertain as documented. */
static cm_encoding pick(int *uncertain, const double score[3], size_t high, cm_encoding hint)
{
	int best = 0, chosen;
	double second = -1.0;

	for (int k = 1; k < 3; k++)
		if (score[k] > score[best])
			best = k;
	for (int k = 0; k < 3; k++)
		if (k != best && score[k] > second)
			second = score[k];
	chosen = best;
	for (int k = 0; k < 3; k++)
		if (candidates[k] == hint && score[k] + HINT_MARGIN >= score[best])
			chosen = k;
	*uncertain = high < MIN_HIGH_BYTES || score[chosen] < MIN_SCORE ||
		     (candidates[chosen] != hint && score[best] - second < MARGIN);
	return candidates[chosen];
}

cm_encoding cm_encoding_detect(int *uncertain, const char *data, size_t len, cm_encoding hint)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t n = len < DETECT_WINDOW ? len : DETECT_WINDOW, high;
	double score[3];
	int weak = 0;
	cm_encoding enc;

	if (bom_length(CM_ENC_UTF8, p, len))
		enc = CM_ENC_UTF8;
	else if (bom_length(CM_ENC_UTF16LE, p, len))
		enc = CM_ENC_UTF16LE;
	else if (bom_length(CM_ENC_UTF16BE, p, len))
		enc = CM_ENC_UTF16BE;
	else if ((hint == CM_ENC_UTF16LE || hint == CM_ENC_UTF16BE) && fits_utf16(hint, p, n))
		enc = hint;
	else if (looks_utf8(&high, data, n, n < len))
		enc = CM_ENC_UTF8; /* even one valid sequence is strong evidence */
	else {
		score_legacy(score, p, n);
		enc = pick(&weak, score, high, hint);
	}
	if (uncertain)
		*uncertain = weak;
	return enc;
}
