/* cluster.c: decomposes text into clusters (a base letter and its marks)
 * with ICU's NFD data, places tone marks canonically and composes clusters
 * back into NFC UTF-8. It does not decide what a word or a term is. */
#include "cluster.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "chimuc/error.h"

static const UNormalizer2 *nfd(void)
{
	UErrorCode e = U_ZERO_ERROR;
	return unorm2_getNFDInstance(&e);
}

static const UNormalizer2 *nfc(void)
{
	UErrorCode e = U_ZERO_ERROR;
	return unorm2_getNFCInstance(&e);
}

int cm_is_word_char(UChar32 c)
{
	switch (u_charType(c)) {
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_DECIMAL_DIGIT_NUMBER:
		return 1;
	default:
		return 0;
	}
}

static int is_mark(UChar32 c)
{
	int t = u_charType(c);
	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

static void add_mark(cm_cluster *c, UChar32 m)
{
	if (c->nmarks < CM_CLUSTER_MARKS)
		c->marks[c->nmarks++] = m;
}

/* Adds the NFD decomposition of cp to c: its first character becomes the
 * base when first is set, the rest are marks. */
static void add_decomposed(cm_cluster *c, UChar32 cp, int first)
{
	UChar buf[16];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = cp < 0xC0 ? -1 : unorm2_getDecomposition(nfd(), cp, buf, 16, &e);
	int32_t i = 0;
	UChar32 x;

	if (n < 0 || U_FAILURE(e)) {
		if (first)
			c->base = cp;
		else
			add_mark(c, cp);
		return;
	}
	U16_NEXT(buf, i, n, x);
	if (first)
		c->base = x;
	else
		add_mark(c, x);
	while (i < n) {
		U16_NEXT(buf, i, n, x);
		add_mark(c, x);
	}
}

int cm_cluster_read(cm_cluster *c, const char *s, size_t len, size_t *pos)
{
	int32_t i = (int32_t)*pos, n = (int32_t)len;
	UChar32 cp;

	if (*pos >= len)
		return CM_EINVAL;
	c->nmarks = 0;
	c->start = *pos;
	U8_NEXT(s, i, n, cp);
	add_decomposed(c, cp < 0 ? 0xFFFD : cp, 1);
	while (i < n) {
		int32_t j = i;
		U8_NEXT(s, j, n, cp);
		if (cp < 0 || !is_mark(cp))
			break;
		add_decomposed(c, cp, 0);
		i = j;
	}
	*pos = (size_t)i;
	c->end = *pos;
	return 0;
}

static int is_tone(UChar32 m)
{
	return m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323;
}

static UChar32 lower_ascii(UChar32 c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The tone mark of c (removed from it), or 0; only when c has no other
 * mark (a shaped vowel like ơ or ê never takes part in the oa/oe/uy rule). */
static UChar32 only_tone(const cm_cluster *c)
{
	if (c->nmarks == 0)
		return 0;
	if (c->nmarks == 1 && is_tone(c->marks[0]))
		return c->marks[0];
	return -1;
}

void cm_tone_canonicalize(cm_cluster *c, size_t n)
{
	cm_cluster *v1, *v2;
	UChar32 a, b, t1, t2;

	if (n < 2)
		return;
	v1 = &c[n - 2];
	v2 = &c[n - 1];
	a = lower_ascii(v1->base);
	b = lower_ascii(v2->base);
	if (!((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')))
		return;
	if (a == 'u' && n >= 3 && lower_ascii(c[n - 3].base) == 'q')
		return;
	t1 = only_tone(v1);
	t2 = only_tone(v2);
	if (t1 < 0 || t2 < 0 || t1 || !t2)
		return;
	v2->nmarks = 0;
	v1->marks[0] = t2;
	v1->nmarks = 1;
}

int cm_cluster_compose(char *out, size_t cap, const cm_cluster *c, int fold)
{
	UChar src[2 * (CM_CLUSTER_MARKS + 1)], dst[8 * (CM_CLUSTER_MARKS + 1)];
	UChar folded[8 * (CM_CLUSTER_MARKS + 1)];
	int32_t n = 0, m, len = 0;
	UErrorCode e = U_ZERO_ERROR;
	UBool bad = 0;

	if (c->nmarks == 0 && c->base < 0x80) {
		if (cap < 1)
			return -1;
		out[0] = (char)(fold ? lower_ascii(c->base) : c->base);
		return 1;
	}
	U16_APPEND(src, n, (int32_t)(sizeof src / sizeof src[0]), c->base, bad);
	for (int i = 0; i < c->nmarks && !bad; i++)
		U16_APPEND(src, n, (int32_t)(sizeof src / sizeof src[0]), c->marks[i], bad);
	m = unorm2_normalize(nfc(), src, n, dst, (int32_t)(sizeof dst / sizeof dst[0]), &e);
	if (U_FAILURE(e) || bad)
		return -1;
	if (fold) {
		m = u_strFoldCase(folded, (int32_t)(sizeof folded / sizeof folded[0]), dst, m,
				  U_FOLD_CASE_DEFAULT, &e);
		if (U_FAILURE(e))
			return -1;
		memcpy(dst, folded, (size_t)m * sizeof *dst);
	}
	for (int32_t i = 0; i < m;) {
		UChar32 x;
		U16_NEXT(dst, i, m, x);
		if ((size_t)len + (size_t)U8_LENGTH(x) > cap)
			return -1;
		U8_APPEND_UNSAFE(out, len, x);
	}
	return len;
}
