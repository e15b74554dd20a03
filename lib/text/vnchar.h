/* SPDX-License-Identifier: GPL-2.0-or-later */

/* vnchar.h: the character rules shared by canon.c and tokenize.c: what a
 * word character is, stepping through UTF-8, the NFC/NFD instances, and the
 * canonical tone placement of a syllable ending in oa, oe or uy. Internal to
 * libchimuc; it knows nothing of tokens, terms or offset maps. */
#ifndef CHIMUC_VNCHAR_H
#define CHIMUC_VNCHAR_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

/* 1 if c belongs to a word: a letter (L*), a combining mark (M*) or a
 * decimal digit (Nd); ASCII without a call into ICU. */
static inline int cm_is_word_char(UChar32 c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

/* 1 if c is a combining mark (M*). */
static inline int cm_is_mark(UChar32 c)
{
	return c >= 0x80 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/* ICU's NFC and NFD normalizers (NULL only if ICU's data is missing). */
const UNormalizer2 *cm_nfc(void);
const UNormalizer2 *cm_nfd(void);

/* The code point at *pos in s (len bytes), advancing *pos past it (at least
 * one byte); a negative value for an invalid sequence. *pos < len. */
static inline UChar32 cm_u8_next(const char *s, size_t len, size_t *pos)
{
	int32_t i = 0, n = len - *pos > INT32_MAX ? INT32_MAX : (int32_t)(len - *pos);
	UChar32 c;

	U8_NEXT(s + *pos, i, n, c);
	*pos += (size_t)i;
	return c;
}

/* The traditional tone placement. first and second are the last two code
 * points (NFC) of a word, before the one preceding them (0 if none). When
 * they are o+a, o+e or u+y (either case, not q+u+y), the o or u bare and
 * the a, e or y carrying only a tone mark, the tone moves to the o or u
 * ("hoà" -> "hòa", "Uỷ" -> "Ủy") and 1 is returned; otherwise 0, and both
 * are left as they are. */
int cm_tone_pair(UChar32 *first, UChar32 *second, UChar32 before);

#endif
