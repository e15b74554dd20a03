/* tokenize.c: splits text into tokens (runs of letters, marks and digits)
 * and gives each its exact term (NFC, canonical tone placement, case
 * folded) and folded term (no diacritics, đ -> d). ASCII tokens never touch
 * ICU; no token allocates. Tokens whose term would pass CM_TERM_MAX bytes
 * are skipped whole. It does not know about stopwords or the index. */
#include "chimuc/text.h"

#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "cluster.h"

/* Clusters a token may have (each yields at least one byte of term). */
#define TOKEN_CLUSTERS CM_TERM_MAX

void cm_tokenizer_init(cm_tokenizer *t, const char *text, size_t len)
{
	t->text = text;
	t->len = len;
	t->pos = 0;
}

static UChar32 next_cp(const cm_tokenizer *t, size_t at, size_t *after)
{
	int32_t j = 0, n = t->len - at > INT32_MAX ? INT32_MAX : (int32_t)(t->len - at);
	UChar32 c;

	U8_NEXT(t->text + at, j, n, c);
	*after = at + (size_t)j;
	return c;
}

/* The end of the word that starts at start. */
static size_t word_end(const cm_tokenizer *t, size_t start, int *ascii)
{
	size_t p = start, after;

	*ascii = 1;
	while (p < t->len) {
		unsigned char b = (unsigned char)t->text[p];
		if (b < 0x80) {
			if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')))
				break;
			p++;
			continue;
		}
		UChar32 c = next_cp(t, p, &after);
		if (c < 0 || !cm_is_word_char(c))
			break;
		*ascii = 0;
		p = after;
	}
	return p;
}

static void ascii_terms(cm_token *tok, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		tok->exact[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	tok->exact[n] = '\0';
	tok->exact_len = n;
	memcpy(tok->folded, tok->exact, n + 1);
	tok->folded_len = n;
}

/* The folded form of one cluster: its case-folded base without marks. */
static int fold_cluster(char *out, size_t cap, const cm_cluster *c)
{
	cm_cluster bare = *c;

	bare.nmarks = 0;
	if (bare.base == 0x110 || bare.base == 0x111) /* Đ đ */
		bare.base = 'd';
	return cm_cluster_compose(out, cap, &bare, 1);
}

/* Fills tok's terms from the word [start, end); 0 if they are too long. */
static int unicode_terms(cm_token *tok, const cm_tokenizer *t, size_t start, size_t end)
{
	cm_cluster c[TOKEN_CLUSTERS];
	size_t n = 0, pos = start, e = 0, f = 0;

	while (pos < end) {
		if (n == TOKEN_CLUSTERS)
			return 0;
		cm_cluster_read(&c[n++], t->text, end, &pos);
	}
	cm_tone_canonicalize(c, n);
	for (size_t i = 0; i < n; i++) {
		int k = cm_cluster_compose(tok->exact + e, CM_TERM_MAX - e, &c[i], 1);
		int m = fold_cluster(tok->folded + f, CM_TERM_MAX - f, &c[i]);
		if (k < 0 || m < 0)
			return 0;
		e += (size_t)k;
		f += (size_t)m;
	}
	tok->exact[e] = '\0';
	tok->folded[f] = '\0';
	tok->exact_len = e;
	tok->folded_len = f;
	return 1;
}

int cm_tokenizer_next(cm_tokenizer *t, cm_token *out)
{
	while (t->pos < t->len) {
		size_t start = t->pos, end, after;
		unsigned char b = (unsigned char)t->text[start];
		int ascii;

		if (b < 0x80 ? !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
				 (b >= '0' && b <= '9'))
			     : !cm_is_word_char(next_cp(t, start, &after))) {
			t->pos = b < 0x80 ? start + 1 : after;
			if (t->pos <= start) /* invalid byte: step over it */
				t->pos = start + 1;
			continue;
		}
		end = word_end(t, start, &ascii);
		t->pos = end;
		out->start = start;
		out->end = end;
		if (ascii) {
			if (end - start > CM_TERM_MAX)
				continue;
			ascii_terms(out, t->text + start, end - start);
			return 1;
		}
		if (end - start > 4 * CM_TERM_MAX || !unicode_terms(out, t, start, end))
			continue;
		return 1;
	}
	return 0;
}

int cm_token_has_diacritics(const cm_token *tok)
{
	return tok->exact_len != tok->folded_len || memcmp(tok->exact, tok->folded, tok->exact_len);
}
