/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_repair.c: OCR confusions repaired in citation numbers: each rule is
 * bound to the context that decides it ("số" before a number, the type
 * word before "số" for the code), so that text that only looks alike is
 * left alone. */
#include "read/ocr_repair.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"

#define O_SPACE "\xe1\xbb\x91 " /* "ố ", after the s of "số " */
#define D_VN "\xc4\x90"         /* Đ */
#define ETH_UPPER "\xc3\x90"    /* Ð, read for Đ */
#define ETH_LOWER "\xc3\xb0"    /* ð, read for đ */
#define D_VN_LOWER "\xc4\x91"   /* đ */

typedef struct {
	char *p;
	size_t len;
	unsigned repairs;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A character of a number as OCR may read it. */
static int number_char(char c)
{
	return is_digit(c) || c == 'O' || c == 'o' || c == 'l' || c == 'I';
}

/* The length of the capital at s (A-Z, Đ or Ð), or 0. */
static size_t capital(const char *s, size_t left)
{
	if (left >= 1 && s[0] >= 'A' && s[0] <= 'Z')
		return 1;
	if (left >= 2 && (memcmp(s, D_VN, 2) == 0 || memcmp(s, ETH_UPPER, 2) == 0))
		return 2;
	return 0;
}

/* The capitals of a code as OCR confuses them: O, 0 and Q as 'Q'; D, Đ and
 * Ð as 'd'; a letter repeated once. */
static size_t confused(char *out, const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		size_t l = capital(s + i, n - i);
		char c = l == 0 ? s[i] : l == 2 ? 'd' : s[i];
		if (l == 0)
			l = 1;
		if (c == 'O' || c == '0')
			c = 'Q';
		else if (c == 'D')
			c = 'd';
		if (k == 0 || out[k - 1] != c)
			out[k++] = c;
		i += l;
	}
	return k;
}

/* Whether the n bytes at seg are code but for OCR confusions. */
static int confusable(const char *seg, size_t n, const char *code)
{
	char a[64], b[64];
	size_t na, nb;

	if (n >= sizeof a || (n == strlen(code) && memcmp(seg, code, n) == 0))
		return 0;
	na = confused(a, seg, n);
	nb = confused(b, code, strlen(code));
	return na == nb && memcmp(a, b, na) == 0;
}

/* Capitals from at to the first other character; *chars counts them. */
static size_t capitals(const char *s, size_t n, size_t at, size_t *chars)
{
	size_t l;

	*chars = 0;
	while (at < n && (l = capital(s + at, n - at)) > 0) {
		at += l;
		(*chars)++;
	}
	return at;
}

/* At the slash m of a citation: a compound issuer ("BDVTW-ĐĐHNBVN") whose
 * last part OCR split in two ("ĐĐHN BVN,") joined again: the last part of
 * at least 3 capitals, the piece after the space 2 to 4 of them before a
 * comma, semicolon or full stop. Returns where the main loop goes on. */
static size_t split_issuer(out_buf *o, const char *s, size_t n, size_t m)
{
	size_t at = m + 1, part = 0, piece, end;
	int compound = 0;

	for (;;) {
		at = capitals(s, n, at, &part);
		if (at >= n || s[at] != '-')
			break;
		compound = 1;
		at++;
	}
	if (!compound || part < 3 || at + 1 >= n || s[at] != ' ')
		return m;
	end = capitals(s, n, at + 1, &piece);
	if (piece < 2 || piece > 4 || end >= n || !strchr(",;.", s[end]))
		return m;
	put(o, s + m, at - m);
	put(o, s + at + 1, end - at - 1);
	o->repairs++;
	return end;
}

/* After "số " at i: the number, its dash and code repaired into o when they
 * are one (code: the type's, or NULL). Returns where the main loop goes on
 * (i when nothing was taken). */
static size_t citation(out_buf *o, const char *s, size_t n, size_t i, const char *code)
{
	size_t j = i, k, m, digits = 0;

	while (j < n && number_char(s[j]))
		digits += is_digit(s[j++]);
	if (digits == 0)
		return i;
	for (k = j; k < n && s[k] == ' '; k++)
		;
	if (k >= n || s[k] != '-')
		return i;
	for (k++; k < n && s[k] == ' '; k++)
		;
	for (m = k; m < n && (capital(s + m, n - m) || (m > k && s[m] == '0'));)
		m += s[m] == '0' ? 1 : capital(s + m, n - m);
	if (m == k || m >= n || s[m] != '/')
		return i;
	for (size_t x = i; x < j; x++) {
		char c = s[x] == 'O' || s[x] == 'o' ? '0' : s[x] == 'l' || s[x] == 'I' ? '1' : s[x];
		o->repairs += c != s[x];
		put(o, &c, 1);
	}
	o->repairs += k - j != 1;
	put(o, "-", 1);
	if (code && confusable(s + k, m - k, code)) {
		put(o, code, strlen(code));
		o->repairs++;
	} else {
		for (size_t l; k < m; k += l) {
			l = s[k] == '0' ? 1 : capital(s + k, m - k);
			o->repairs += l == 2 && memcmp(s + k, ETH_UPPER, 2) == 0;
			put(o, l == 2 ? D_VN : s + k, l);
		}
	}
	if (m + 4 <= n && memcmp(s + m, "/TVV", 4) == 0 &&
	    (m + 4 == n || !capital(s + m + 4, n - m - 4))) {
		put(o, "/TW", 3);
		o->repairs++;
		return m + 4;
	}
	return split_issuer(o, s, n, m);
}

int cm_ocr_repair(char **out, size_t *out_len, unsigned *repairs, const char *s, size_t n)
{
	out_buf o = {malloc(2 * n + 1), 0, 0};
	size_t i = 0;

	if (!o.p)
		return cm_error_nomem();
	while (i < n) {
		if (n - i >= 2 &&
		    (memcmp(s + i, ETH_UPPER, 2) == 0 || memcmp(s + i, ETH_LOWER, 2) == 0)) {
			put(&o, s[i + 1] == ETH_UPPER[1] ? D_VN : D_VN_LOWER, 2);
			o.repairs++;
			i += 2;
		} else if (n - i >= 5 && (s[i] == 's' || s[i] == 'S') &&
			   memcmp(s + i + 1, O_SPACE, 4) == 0) {
			const char *code = cm_citation_type_code_before(s, i);
			put(&o, s + i, 5);
			i = citation(&o, s, n, i + 5, code);
		} else {
			put(&o, s + i, 1);
			i++;
		}
	}
	o.p[o.len] = '\0';
	*out = o.p;
	*out_len = o.len;
	*repairs = o.repairs;
	return 0;
}
