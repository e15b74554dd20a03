/* SPDX-License-Identifier: GPL-2.0-or-later */

/* tokenize.c: splits text into tokens (maximal runs of letters, marks and
 * decimal digits; everything else separates) and gives each its exact term
 * (NFC, traditional tone placement, full case folding) and folded term (the
 * exact term without diacritics, đ written d). ASCII tokens are lowercased
 * here without ICU; so are words of precomposed Latin letters (all of
 * Vietnamese), through a table ICU fills once; others go through ICU in
 * stack buffers, so no token allocates. Tokens whose term would pass CM_TERM_MAX bytes are skipped
 * whole, and so are runs of marks alone (their folded term is empty). It
 * knows nothing of stopwords or the index. */
#include "chimuc/text.h"

#include <pthread.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "chimuc/error.h"
#include "text/vnchar.h"

/* NFC and case folding shrink UTF-8 at most threefold (the Kelvin sign,
 * Hangul jamo), so a longer word can make no term of CM_TERM_MAX bytes: it
 * is skipped unread. Room in UTF-16 for the NFC of a word (case folding
 * never shortens UTF-16, so more than CM_TERM_MAX units is already too
 * long) and for the NFD of a term (at most four units per unit). */
#define SOURCE_MAX (4 * CM_TERM_MAX)
#define NFC_MAX (2 * CM_TERM_MAX)
#define NFD_MAX (4 * CM_TERM_MAX)

void cm_tokenizer_init(cm_tokenizer *t, const char *text, size_t len)
{
	t->text = text;
	t->len = len;
	t->pos = 0;
}

/* Moves t->pos to the start of the next word; 0 if there is none. */
static int skip_separators(cm_tokenizer *t)
{
	while (t->pos < t->len) {
		unsigned char b = (unsigned char)t->text[t->pos];
		size_t next = t->pos;
		UChar32 c;

		if (b < 0x80) {
			if (cm_is_word_char(b))
				return 1;
			t->pos++;
			continue;
		}
		c = cm_u8_next(t->text, t->len, &next);
		if (c >= 0 && cm_is_word_char(c))
			return 1;
		t->pos = next;
	}
	return 0;
}

/* The end of the word that starts at p; *ascii is 1 if it is all ASCII. */
static size_t word_end(const cm_tokenizer *t, size_t p, int *ascii)
{
	*ascii = 1;
	while (p < t->len) {
		unsigned char b = (unsigned char)t->text[p];
		size_t next = p;
		UChar32 c;

		if (b < 0x80) {
			if (!cm_is_word_char(b))
				break;
			p++;
			continue;
		}
		c = cm_u8_next(t->text, t->len, &next);
		if (c < 0 || !cm_is_word_char(c))
			break;
		*ascii = 0;
		p = next;
	}
	return p;
}

static void ascii_terms(cm_token *tok, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		tok->exact[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	tok->exact[n] = '\0';
	tok->exact_len = n;
	memcpy(tok->folded, tok->exact, n + 1);
	tok->folded_len = n;
}

/* The precomposed letters the fast path knows (Latin-1, Latin Extended-A
 * and B, and the Vietnamese block of Latin Extended Additional): each one's
 * case-folded form and its bare form, one code point each, or 0 where the
 * letter needs ICU (no single-letter folding, not NFC, not a letter). */
#define FAST_LOW_FIRST 0xC0
#define FAST_LOW_LAST 0x24F
#define FAST_VN_FIRST 0x1EA0
#define FAST_VN_LAST 0x1EF9

typedef struct {
	UChar32 folded, bare;
} letter_forms;

static letter_forms fast_low[FAST_LOW_LAST - FAST_LOW_FIRST + 1];
static letter_forms fast_vn[FAST_VN_LAST - FAST_VN_FIRST + 1];

static letter_forms forms_of(UChar32 c)
{
	const UNormalizer2 *nfc = cm_nfc(), *nfd = cm_nfd();
	UChar one[2], full[4], d[8];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = 0, nd;
	letter_forms f = {0, 0};

	if (!nfc || !nfd || !u_isalpha(c))
		return f;
	U16_APPEND_UNSAFE(one, n, c);
	if (!unorm2_isNormalized(nfc, one, n, &e) ||
	    u_strFoldCase(full, 4, one, n, U_FOLD_CASE_DEFAULT, &e) != 1 || U_FAILURE(e))
		return f;
	f.folded = full[0];
	nd = unorm2_getDecomposition(nfd, f.folded, d, 8, &e);
	if (U_FAILURE(e))
		return (letter_forms){0, 0};
	f.bare = nd > 0 ? d[0] : f.folded;
	for (int32_t i = 1; i < nd; i++)
		if (!cm_is_mark(d[i]))
			return (letter_forms){0, 0};
	if (f.bare == 0x111)
		f.bare = 'd';
	return f;
}

static void fill_fast_tables(void)
{
	for (UChar32 c = FAST_LOW_FIRST; c <= FAST_LOW_LAST; c++)
		fast_low[c - FAST_LOW_FIRST] = forms_of(c);
	for (UChar32 c = FAST_VN_FIRST; c <= FAST_VN_LAST; c++)
		fast_vn[c - FAST_VN_FIRST] = forms_of(c);
}

/* c's forms; folded is 0 if the fast path does not know c. */
static letter_forms fast_forms(UChar32 c)
{
	if (c < 0x80) {
		UChar32 low = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
		return (letter_forms){low, low};
	}
	if (c >= FAST_LOW_FIRST && c <= FAST_LOW_LAST)
		return fast_low[c - FAST_LOW_FIRST];
	if (c >= FAST_VN_FIRST && c <= FAST_VN_LAST)
		return fast_vn[c - FAST_VN_FIRST];
	return (letter_forms){0, 0};
}

/* Writes the n code points of w as NUL-terminated UTF-8 into out (room for
 * CM_TERM_MAX bytes and the NUL); 1 if they do not fit. */
static int put_term(char *out, size_t *len, const UChar32 *w, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (k + (size_t)U8_LENGTH(w[i]) > CM_TERM_MAX)
			return 1;
		U8_APPEND_UNSAFE(out, k, w[i]);
	}
	out[k] = '\0';
	*len = k;
	return 0;
}

/* Fills tok's terms from the word s (n <= SOURCE_MAX bytes of valid UTF-8)
 * when all its letters are in the fast tables: 1, 0 when the word yields no
 * term (too long), -1 when the word needs ICU. The same terms as
 * unicode_terms, which the tests check on NFC and NFD text. */
static int fast_terms(cm_token *tok, const char *s, size_t n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	UChar32 w[SOURCE_MAX];
	size_t pos = 0, k = 0;

	pthread_once(&once, fill_fast_tables);
	while (pos < n) {
		letter_forms f = fast_forms(cm_u8_next(s, n, &pos));
		if (!f.folded)
			return -1;
		w[k++] = f.folded;
	}
	if (k >= 2)
		cm_tone_pair(&w[k - 2], &w[k - 1], k >= 3 ? w[k - 3] : 0);
	if (put_term(tok->exact, &tok->exact_len, w, k))
		return 0;
	for (size_t i = 0; i < k; i++)
		w[i] = fast_forms(w[i]).bare;
	if (put_term(tok->folded, &tok->folded_len, w, k))
		return 0;
	return 1;
}

/* 0, 1 when e says a buffer was too small (the term is too long), or a
 * negative code for any other ICU failure. */
static int icu_status(UErrorCode e)
{
	if (U_SUCCESS(e))
		return 0;
	if (e == U_BUFFER_OVERFLOW_ERROR)
		return 1;
	return cm_error_set(e == U_MEMORY_ALLOCATION_ERROR ? CM_ENOMEM : CM_ERROR, "tokenizer: %s",
			    u_errorName(e));
}

/* The NFC word s[0, n) gets its tone placed. */
static void place_tone(UChar *s, int32_t n)
{
	UChar32 first, second;

	if (n < 2)
		return;
	first = s[n - 2];
	second = s[n - 1];
	if (cm_tone_pair(&first, &second, n >= 3 ? s[n - 3] : 0)) {
		s[n - 2] = (UChar)first; /* a toned o or u, in the BMP */
		s[n - 1] = (UChar)second;
	}
}

/* Drops the marks of s (NFD) in place and writes đ as d; the new length. */
static int32_t strip_marks(UChar *s, int32_t n)
{
	int32_t i = 0, k = 0;

	while (i < n) {
		UChar32 c;
		U16_NEXT_UNSAFE(s, i, c);
		if (cm_is_mark(c))
			continue;
		U16_APPEND_UNSAFE(s, k, c == 0x111 ? 'd' : c);
	}
	return k;
}

/* Writes s as NUL-terminated UTF-8 into out (room for CM_TERM_MAX bytes and
 * the NUL) and its length into *len; 1 if it does not fit. */
static int to_term(char *out, size_t *len, const UChar *s, int32_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t m = 0;
	int rc;

	u_strToUTF8(out, CM_TERM_MAX, &m, s, n, &e);
	if ((rc = icu_status(e)))
		return rc;
	out[m] = '\0';
	*len = (size_t)m;
	return 0;
}

/* Fills tok's terms from the word s (n <= SOURCE_MAX bytes of valid UTF-8):
 * 1, 0 when the word yields no term, or a negative code. */
static int unicode_terms(cm_token *tok, const char *s, size_t n)
{
	const UNormalizer2 *nfc = cm_nfc(), *nfd = cm_nfd();
	UChar src[SOURCE_MAX], composed[NFC_MAX], exact[CM_TERM_MAX], bare[NFD_MAX];
	UErrorCode e = U_ZERO_ERROR;
	int32_t ns = 0, nn, ne, nb;
	int rc;

	if (!nfc || !nfd)
		return cm_error_set(CM_ERROR, "ICU normalization data unavailable");
	u_strFromUTF8(src, SOURCE_MAX, &ns, s, (int32_t)n, &e);
	nn = unorm2_normalize(nfc, src, ns, composed, NFC_MAX, &e);
	if ((rc = icu_status(e)))
		return rc < 0 ? rc : 0;
	place_tone(composed, nn);
	ne = u_strFoldCase(exact, CM_TERM_MAX, composed, nn, U_FOLD_CASE_DEFAULT, &e);
	if ((rc = icu_status(e)) || (rc = to_term(tok->exact, &tok->exact_len, exact, ne)))
		return rc < 0 ? rc : 0;
	nb = unorm2_normalize(nfd, exact, ne, bare, NFD_MAX, &e);
	if ((rc = icu_status(e)))
		return rc < 0 ? rc : 0;
	nb = strip_marks(bare, nb);
	nn = unorm2_normalize(nfc, bare, nb, composed, NFC_MAX, &e);
	if ((rc = icu_status(e)) || (rc = to_term(tok->folded, &tok->folded_len, composed, nn)))
		return rc < 0 ? rc : 0;
	return tok->folded_len > 0;
}

int cm_tokenizer_next(cm_token *out, cm_tokenizer *t)
{
	cm_token tok;

	while (skip_separators(t)) {
		size_t start = t->pos, end;
		int ascii, rc;

		end = word_end(t, start, &ascii);
		t->pos = end;
		if (ascii && end - start <= CM_TERM_MAX) {
			ascii_terms(out, t->text + start, end - start);
			out->start = start;
			out->end = end;
			return 1;
		}
		if (ascii || end - start > SOURCE_MAX)
			continue;
		rc = fast_terms(&tok, t->text + start, end - start);
		if (rc < 0 && (rc = unicode_terms(&tok, t->text + start, end - start)) < 0)
			return rc;
		if (rc) {
			tok.start = start;
			tok.end = end;
			*out = tok;
			return 1;
		}
	}
	return 0;
}

int cm_token_has_diacritics(const cm_token *tok)
{
	return tok->exact_len != tok->folded_len || memcmp(tok->exact, tok->folded, tok->exact_len);
}
