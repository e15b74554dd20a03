/* SPDX-License-Identifier: GPL-2.0-or-later */

/* canon.c: the canonical running text the extractors read: NFC with the
 * traditional tone placement (vnchar.h), odd spaces as one ASCII space
 * each, zero-width characters and BOMs dropped, curly quotes straight, with
 * a map of every output byte back to the input. Case, line breaks and dashes
 * are kept. The input is cut where ICU says a normalization boundary always
 * falls, so each piece (usually one character, or a letter with its marks)
 * is normalized alone; all of a piece's output maps to the piece's start.
 * Linear time; the output and map grow by doubling, no per-character
 * allocation. It neither tokenizes nor folds case. */
#include "chimuc/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "chimuc/error.h"
#include "text/vnchar.h"

#define DROPPED (-1)
#define SCRATCH_START 64

typedef struct {
	UChar32 cp;
	size_t at;  /* offset in the output */
	size_t src; /* offset in the input it maps to */
} written;

typedef struct {
	char *out;
	size_t *map; /* NULL when the caller wants no map */
	size_t len, cap;
	written word[3]; /* the last code points of the word being written */
	int nword;
	UChar *piece, *nfc; /* one piece in UTF-16, and its NFC */
	int32_t piece_cap, nfc_cap, piece_len;
	UChar32 first; /* the first code point of the piece */
} canon;

/* The character c stands for in the canonical text, or DROPPED. */
static UChar32 odd_char(UChar32 c)
{
	switch (c) {
	case 0x09:
	case 0xA0:
	case 0x202F:
	case 0x205F:
	case 0x3000: return ' ';
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
	case 0xFEFF: return DROPPED;
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0xAB:
	case 0xBB: return '"';
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B: return '\'';
	default: return c >= 0x2000 && c <= 0x200A ? ' ' : c;
	}
}

/* Makes room for n more output bytes. NFC at most triples UTF-8 and setup
 * bounds len, so the sizes cannot overflow. */
static int reserve(canon *c, size_t n)
{
	size_t cap = c->cap;
	char *out;

	if (c->len + n <= cap)
		return 0;
	while (cap < c->len + n)
		cap *= 2;
	if (cap > SIZE_MAX / sizeof(size_t))
		return cm_error_set(CM_ENOMEM, "canonical text too large");
	if (!(out = realloc(c->out, cap)))
		return cm_error_nomem();
	c->out = out;
	if (c->map) {
		size_t *map = realloc(c->map, cap * sizeof *map);
		if (!map)
			return cm_error_nomem();
		c->map = map;
	}
	c->cap = cap;
	return 0;
}

/* Appends cp; the room (4 bytes) is reserved. */
static void put(canon *c, UChar32 cp, size_t src)
{
	size_t from = c->len;
	int32_t k = 0;

	U8_APPEND_UNSAFE(c->out + c->len, k, cp);
	c->len += (size_t)k;
	if (c->map)
		for (size_t i = from; i < c->len; i++)
			c->map[i] = src;
}

/* The word written last is complete: place its tone. */
static int end_word(canon *c)
{
	UChar32 x = c->word[1].cp, y = c->word[2].cp;
	int rc;

	if (c->nword >= 2 && cm_tone_pair(&x, &y, c->nword == 3 ? c->word[0].cp : 0)) {
		c->len = c->word[1].at;
		if ((rc = reserve(c, 8)) < 0)
			return rc;
		put(c, x, c->word[1].src);
		put(c, y, c->word[2].src);
	}
	c->nword = 0;
	return 0;
}

static int emit(canon *c, UChar32 cp, size_t src)
{
	int word = cm_is_word_char(cp), rc;

	if (!word && c->nword && (rc = end_word(c)) < 0)
		return rc;
	if ((rc = reserve(c, 4)) < 0)
		return rc;
	if (word) {
		memmove(c->word, c->word + 1, 2 * sizeof *c->word);
		c->word[2] = (written){cp, c->len, src};
		c->nword += c->nword < 3;
	}
	put(c, cp, src);
	return 0;
}

static int grow16(UChar **buf, int32_t *cap, int32_t need)
{
	int32_t n = *cap;
	UChar *p;

	while (n < need) {
		if (n > INT32_MAX / 2)
			return cm_error_set(CM_ENOMEM, "a piece of text is too long");
		n *= 2;
	}
	if (n == *cap)
		return 0;
	if (!(p = realloc(*buf, (size_t)n * sizeof *p)))
		return cm_error_nomem();
	*buf = p;
	*cap = n;
	return 0;
}

static int add_to_piece(canon *c, UChar32 cp)
{
	int rc;

	if (cp == DROPPED)
		return 0;
	if ((rc = grow16(&c->piece, &c->piece_cap, c->piece_len + 2)) < 0)
		return rc;
	if (!c->piece_len)
		c->first = cp;
	U16_APPEND_UNSAFE(c->piece, c->piece_len, cp);
	return 0;
}

/* Writes the NFC of the piece, all of it from input offset src. */
static int flush_piece(canon *c, size_t src)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t n, i = 0;
	int rc;

	if (!c->piece_len)
		return 0;
	if (c->piece_len == U16_LENGTH(c->first) &&
	    u_getIntPropertyValue(c->first, UCHAR_NFC_QUICK_CHECK) != UNORM_NO) {
		c->piece_len = 0;
		return emit(c, c->first, src);
	}
	n = unorm2_normalize(cm_nfc(), c->piece, c->piece_len, c->nfc, c->nfc_cap, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		if ((rc = grow16(&c->nfc, &c->nfc_cap, n)) < 0)
			return rc;
		e = U_ZERO_ERROR;
		n = unorm2_normalize(cm_nfc(), c->piece, c->piece_len, c->nfc, c->nfc_cap, &e);
	}
	if (U_FAILURE(e))
		return cm_error_set(e == U_MEMORY_ALLOCATION_ERROR ? CM_ENOMEM : CM_ERROR,
				    "normalization failed: %s", u_errorName(e));
	c->piece_len = 0;
	while (i < n) {
		UChar32 cp;
		U16_NEXT_UNSAFE(c->nfc, i, cp);
		if ((rc = emit(c, cp, src)) < 0)
			return rc;
	}
	return 0;
}

static int read_cp(UChar32 *cp, const char *in, size_t len, size_t *pos)
{
	size_t at = *pos;
	UChar32 c = cm_u8_next(in, len, pos);

	if (c < 0)
		return cm_error_set(CM_EINVAL, "invalid UTF-8 at byte %zu", at);
	*cp = odd_char(c);
	return 0;
}

/* Reads the piece that starts at *pos, up to the next character with a
 * normalization boundary before it, and writes it; dropped characters
 * inside a piece vanish without cutting it. */
static int do_piece(canon *c, const char *in, size_t len, size_t *pos)
{
	const UNormalizer2 *nfc = cm_nfc();
	size_t start = *pos;
	UChar32 cp = 0;
	int rc;

	if ((rc = read_cp(&cp, in, len, pos)) < 0)
		return rc;
	if (cp >= 0 && cp < 0x80 && (*pos == len || (unsigned char)in[*pos] < 0x80))
		return emit(c, cp, start);
	if ((rc = add_to_piece(c, cp)) < 0)
		return rc;
	while (*pos < len && (unsigned char)in[*pos] >= 0x80) {
		size_t next = *pos;
		if ((rc = read_cp(&cp, in, len, &next)) < 0)
			return rc;
		if (cp != DROPPED && unorm2_hasBoundaryBefore(nfc, cp))
			break;
		if ((rc = add_to_piece(c, cp)) < 0)
			return rc;
		*pos = next;
	}
	return flush_piece(c, start);
}

static int setup(canon *c, size_t len, int with_map)
{
	if (len > SIZE_MAX / (8 * sizeof(size_t)))
		return cm_error_set(CM_ENOMEM, "input of %zu bytes is too large", len);
	c->cap = len + 16;
	c->piece_cap = c->nfc_cap = SCRATCH_START;
	c->out = malloc(c->cap);
	c->map = with_map ? malloc(c->cap * sizeof *c->map) : NULL;
	c->piece = malloc(SCRATCH_START * sizeof *c->piece);
	c->nfc = malloc(SCRATCH_START * sizeof *c->nfc);
	if (!c->out || (with_map && !c->map) || !c->piece || !c->nfc)
		return cm_error_nomem();
	if (!cm_nfc())
		return cm_error_set(CM_ERROR, "ICU normalization data unavailable");
	return 0;
}

int cm_text_canon(char **out, size_t *out_len, size_t **out_map, const char *in, size_t len)
{
	canon c = {0};
	size_t pos = 0;
	int rc;

	if ((rc = setup(&c, len, out_map != NULL)) < 0)
		goto cleanup;
	while (pos < len)
		if ((rc = do_piece(&c, in, len, &pos)) < 0)
			goto cleanup;
	if ((rc = end_word(&c)) < 0 || (rc = reserve(&c, 1)) < 0)
		goto cleanup;
	c.out[c.len] = '\0';
	if (c.map)
		c.map[c.len] = len;
	*out = c.out;
	*out_len = c.len;
	if (out_map)
		*out_map = c.map;
	c.out = NULL;
	c.map = NULL;
cleanup:
	free(c.out);
	free(c.map);
	free(c.piece);
	free(c.nfc);
	return rc;
}
