/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_fold.c: the words around a symbol ("Nghị quyết", "số", "ngày")
 * matched without their tone and vowel marks, as OCR, scrambled and
 * unaccented copies write them ("Kết lúận", "Nghị qụỵết", "ngàỷ", "Ke
 * hoach so", "ngay"): letter by letter on the base letter ("ế", "ê", "e"
 * are 'e'; "đ" is 'd'), in any case. */
#include <stdint.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "extract/citation_text.h"

/* The base letter of c, lower case: the first code point of its canonical
 * decomposition, 'd' for đ. */
static UChar32 base_letter(UChar32 c)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar buf[8];
	UChar32 b;
	int32_t n;

	c = u_tolower(c);
	if (c < 0x80)
		return c;
	if (c == 0x111) /* đ */
		return 'd';
	if (U_FAILURE(err))
		return c;
	n = unorm2_getDecomposition(nfd, c, buf, (int32_t)(sizeof buf / sizeof buf[0]), &err);
	if (U_FAILURE(err) || n <= 0)
		return c;
	U16_GET(buf, 0, 0, n, b);
	return u_tolower(b);
}

static int boundary_before(const cm_ctext *t, size_t i)
{
	char c = i ? t->s[i - 1] : ' ';

	return c == ' ' || c == '\n' || c == '(' || c == '"' || c == '*' || c == ',';
}

size_t cm_ctext_word_before(const cm_ctext *t, size_t end, const char *word)
{
	int32_t i = (int32_t)end, k = 0;

	while (word[k])
		k++;
	if (end > t->n || end > INT32_MAX)
		return CM_CTEXT_NONE;
	while (k > 0) {
		UChar32 a, b;
		if (i <= 0)
			return CM_CTEXT_NONE;
		U8_PREV(t->s, 0, i, a);
		U8_PREV(word, 0, k, b);
		if (a < 0 || base_letter(a) != base_letter(b))
			return CM_CTEXT_NONE;
	}
	return boundary_before(t, (size_t)i) ? (size_t)i : CM_CTEXT_NONE;
}

size_t cm_ctext_word_at(const cm_ctext *t, size_t at, const char *word)
{
	int32_t i = 0, k = 0, n;
	const char *s = t->s + at;

	if (at >= t->n || t->n - at > INT32_MAX)
		return 0;
	n = (int32_t)(t->n - at);
	while (word[k]) {
		UChar32 a, b;
		if (i >= n)
			return 0;
		U8_NEXT(s, i, n, a);
		U8_NEXT_UNSAFE(word, k, b);
		if (a < 0 || base_letter(a) != base_letter(b))
			return 0;
	}
	return (size_t)i;
}
