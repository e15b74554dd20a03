/* tokenize.c: splits text into tokens (maximal runs of letters, marks and
 * decimal digits; everything else separates) and gives each its exact term
 * (NFC, traditional tone placement, full case folding) and folded term (the
 * exact term without diacritics, đ written d). ASCII tokens are lowercased
 * here without ICU; others go through ICU in stack buffers, so no token
 * allocates. Tokens whose term would pass CM_TERM_MAX bytes are skipped
 * whole, and so are runs of marks alone (their folded term is empty). It
 * knows nothing of stopwords or the index. */
#include "chimuc/text.h"

#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "chimuc/error.h"
#include "vnchar.h"

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

/* 0, 1 when e says a buffer was too small (the term is too long), or a
 * negative code for any other ICU failure. */
static int icu_status(UErrorCode e)
{
	if (U_SUCCESS(e))
		return 0;
	if (e == U_BUFFER_OVERFLOW_ERROR)
		return 1;
	return cm_error_set(e == U_MEMORY_ALLOCATION_ERROR ? CM_ENOMEM : CM_ERROR,
			    "tokenizer: %s", u_errorName(e));
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

int cm_tokenizer_next(cm_tokenizer *t, cm_token *out)
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
		if ((rc = unicode_terms(&tok, t->text + start, end - start)) < 0)
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
