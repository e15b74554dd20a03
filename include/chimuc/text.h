/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/text.h: Vietnamese text: decoding, canonical text, tokens and terms.
 *
 * Ownership: buffers returned through `**out` are the caller's, freed with
 * free(). A cm_tokenizer borrows the text it walks; the text must outlive it.
 *
 * One tokenizer serves the index and the query side, so that a term written
 * by the indexer and a term asked for by a query come from the same code.
 *
 * Canonical form of a term ("exact"): NFC, the traditional tone placement
 * for open syllables ending in oa, oe, uy ("hòa, khỏe, thủy, ủy": "hoà,
 * khoẻ, thuỷ, uỷ" map to them), full case folding. Folded form: the exact
 * form without any diacritic and with đ written d. */
#ifndef CHIMUC_TEXT_H
#define CHIMUC_TEXT_H

#include <stddef.h>

/* The longest term, in bytes, that a token may have; longer tokens (no real
 * Vietnamese syllable or number comes close) are skipped, never truncated. */
#define CM_TERM_MAX 64

typedef struct {
	size_t invalid;       /* invalid sequences replaced by U+FFFD */
	const char *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" (static) */
} cm_decode_info;

/* Decodes a file's bytes into valid UTF-8 in *out (NUL-terminated as well as
 * sized). UTF-8 input is copied unchanged but for invalid sequences, each
 * replaced by U+FFFD and counted; a UTF-8 BOM is kept (it is not a token
 * character, so offsets stay those of the file). Input with a UTF-16 BOM is
 * converted from UTF-16. Errors: CM_ENOMEM. */
int cm_text_decode(char **out, size_t *out_len, cm_decode_info *info, const char *in, size_t len);

/* Canonical running text for the extractors: NFC with the canonical tone
 * placement, odd spaces (NBSP, thin and other Unicode spaces, tabs) as one
 * ASCII space each, zero-width characters and BOMs dropped, curly quotes as
 * straight ones; case, line breaks and dashes are kept. in must be valid
 * UTF-8 (as from cm_text_decode). *out_map has out_len + 1 entries: the byte
 * offset in `in` where the text behind each output byte starts, and len at
 * the end, so that an output span [s, e) comes from [map[s], map[e]).
 * out_map may be NULL. Errors: CM_ENOMEM, CM_EINVAL. */
int cm_text_canon(char **out, size_t *out_len, size_t **out_map, const char *in, size_t len);

/* The sentence of text (UTF-8) around [start, end): from the previous line
 * break, ';' or sentence end, to the next, at most CM_SENTENCE_MAX bytes on
 * either side (then cut at a space). */
#define CM_SENTENCE_MAX 240
void cm_text_sentence(size_t *from, size_t *to, const char *text, size_t len, size_t start,
		      size_t end);

/* The offset where the line holding at starts. */
size_t cm_text_line_start(const char *text, size_t at);

/* How many non-blank lines of text start before at, counting up to max. */
size_t cm_text_lines_before(const char *text, size_t at, size_t max);

/* The width of s (len bytes of UTF-8) on a terminal, in columns: combining
 * marks, format characters and controls count 0, East Asian wide and
 * fullwidth characters 2, other characters and each invalid byte 1. For
 * aligning columns: "Đảng" is 4 wide, composed or decomposed. */
size_t cm_text_width(const char *s, size_t len);

/* A token: a maximal run of letters, combining marks and digits. */
typedef struct {
	size_t start, end;           /* byte span in the tokenizer's text */
	char exact[CM_TERM_MAX + 1]; /* NUL-terminated canonical term */
	size_t exact_len;
	char folded[CM_TERM_MAX + 1]; /* NUL-terminated folded term */
	size_t folded_len;
} cm_token;

typedef struct {
	const char *text;
	size_t len;
	size_t pos;
} cm_tokenizer;

/* Walks text (valid UTF-8, e.g. from cm_text_decode). */
void cm_tokenizer_init(cm_tokenizer *t, const char *text, size_t len);

/* 1 and the next token in *out, 0 at the end, or a negative CM_E* code. */
int cm_tokenizer_next(cm_token *out, cm_tokenizer *t);

/* 1 if the token carries any diacritic (its exact and folded forms differ). */
int cm_token_has_diacritics(const cm_token *tok);

#endif
