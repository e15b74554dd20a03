/* SPDX-License-Identifier: GPL-2.0-or-later */

/* snippet.c: picks the passage of a document with the most query words in a
 * window of about CM_SNIPPET_BYTES (two pointers over the matching tokens,
 * linear), then copies it with white space folded and the words marked.
 * Only the first HITS_MAX matching words are looked at: a word that common
 * has its passage among them, and the rest of a long text is not read. It
 * does not decide how marks are shown: the command-line tool does. */
#include "chimuc/snippet.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/text.h"

#define ELLIPSIS "\xe2\x80\xa6"
#define LEAD_BYTES 60 /* context kept before the first marked word */
#define HITS_MAX 256  /* matching tokens considered */

typedef struct {
	size_t start, end;
} span;

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t utf8_back(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Collects up to HITS_MAX tokens that q wants. */
static int find_hits(span **out, size_t *n, const char *text, size_t len, const cm_query *q)
{
	cm_tokenizer tz;
	cm_token tok;
	span *hits = malloc(HITS_MAX * sizeof *hits);
	int rc;

	if (!hits)
		return cm_error_nomem();
	*n = 0;
	cm_tokenizer_init(&tz, text, len);
	while (*n < HITS_MAX && (rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		if (cm_query_wants(q, tok.exact, tok.exact_len)) {
			hits[*n].start = tok.start;
			hits[*n].end = tok.end;
			(*n)++;
		}
	}
	if (rc < 0) {
		free(hits);
		return rc;
	}
	*out = hits;
	return 0;
}

/* The index of the hit that starts the window holding the most hits. */
static size_t best_window(const span *hits, size_t n)
{
	size_t best = 0, bestcount = 0, j = 0;

	for (size_t i = 0; i < n; i++) {
		if (j < i)
			j = i;
		while (j < n && hits[j].end - hits[i].start <= CM_SNIPPET_BYTES - LEAD_BYTES)
			j++;
		if (j - i > bestcount) {
			bestcount = j - i;
			best = i;
		}
	}
	return best;
}

static void add_mark(cm_snippet *s, size_t start, size_t end)
{
	if (s->nmarks < CM_SNIPPET_MARKS) {
		s->marks[s->nmarks].start = start;
		s->marks[s->nmarks].end = end;
		s->nmarks++;
	}
}

/* Copies text[from, to) into s, folding white space and marking hits. */
static void copy_passage(cm_snippet *s, const char *text, size_t from, size_t to, const span *hits,
			 size_t nhits)
{
	size_t h = 0, mark_start = 0;
	int in_mark = 0, space = 0;

	while (h < nhits && hits[h].start < from)
		h++;
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text[i];
		if (in_mark && i == hits[h].end) {
			add_mark(s, mark_start, s->len);
			in_mark = 0;
			h++;
		}
		if (is_space(c)) {
			space = s->len > 0;
			continue;
		}
		if (space) {
			s->text[s->len++] = ' ';
			space = 0;
		}
		if (!in_mark && h < nhits && i == hits[h].start && hits[h].end <= to) {
			mark_start = s->len;
			in_mark = 1;
		}
		s->text[s->len++] = (char)c;
	}
	if (in_mark)
		add_mark(s, mark_start, s->len);
}

int cm_snippet_make(cm_snippet **out, const char *text, size_t len, const cm_query *q)
{
	cm_snippet *s = NULL;
	span *hits = NULL;
	size_t nhits = 0, from = 0, to;
	int rc;

	if ((rc = find_hits(&hits, &nhits, text, len, q)) < 0)
		return rc;
	if (nhits > 0) {
		size_t first = hits[best_window(hits, nhits)].start;
		from = first > LEAD_BYTES ? utf8_back(text, first - LEAD_BYTES) : 0;
		while (from > 0 && from < first && !is_space((unsigned char)text[from - 1]))
			from++; /* start on a word */
		from = utf8_back(text, from);
	}
	to = from + CM_SNIPPET_BYTES < len ? utf8_back(text, from + CM_SNIPPET_BYTES) : len;
	s = calloc(1, sizeof *s);
	if (s)
		s->text = malloc(to - from + 2 * sizeof ELLIPSIS + 1);
	if (!s || !s->text) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	if (from > 0) {
		memcpy(s->text, ELLIPSIS, sizeof ELLIPSIS - 1);
		s->len = sizeof ELLIPSIS - 1;
	}
	copy_passage(s, text, from, to, hits, nhits);
	if (to < len) {
		memcpy(s->text + s->len, ELLIPSIS, sizeof ELLIPSIS - 1);
		s->len += sizeof ELLIPSIS - 1;
	}
	s->text[s->len] = '\0';
	*out = s;
	s = NULL;
cleanup:
	cm_snippet_free(s);
	free(hits);
	return rc;
}

void cm_snippet_free(cm_snippet *s)
{
	if (!s)
		return;
	free(s->text);
	free(s);
}
