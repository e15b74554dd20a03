/* reader.c: what the format readers share: clearing their result and the
 * text buffer that turns elements, paragraphs and table cells into lines
 * with white space folded the way a reader of the page sees it. */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

void cm_extracted_clear(cm_extracted *x)
{
	free(x->text);
	free(x->title);
	free(x->date);
	memset(x, 0, sizeof *x);
}

static int reserve(cm_textbuf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (b->len + more + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1) {
		if (cap > ((size_t)-1) / 2)
			goto fail;
		cap *= 2;
	}
	if (!(p = realloc(b->p, cap)))
		goto fail;
	b->p = p;
	b->cap = cap;
	return 0;
fail:
	b->failed = 1;
	return -1;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int at_line_start(const cm_textbuf *b)
{
	return b->len == 0 || b->p[b->len - 1] == '\n';
}

void cm_textbuf_text(cm_textbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_space(c)) {
			if (!at_line_start(b) && b->p[b->len - 1] != ' ')
				b->p[b->len++] = ' ';
			continue;
		}
		b->p[b->len++] = (char)c;
	}
}

void cm_textbuf_break(cm_textbuf *b, int blank)
{
	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
	if (b->len == 0 || reserve(b, 2) < 0)
		return;
	if (b->p[b->len - 1] != '\n')
		b->p[b->len++] = '\n';
	if (blank && (b->len < 2 || b->p[b->len - 2] != '\n'))
		b->p[b->len++] = '\n';
}

void cm_textbuf_cell(cm_textbuf *b)
{
	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
	if (!at_line_start(b))
		cm_textbuf_text(b, " | ", 3);
}

int cm_textbuf_finish(char **out, size_t *out_len, cm_textbuf *b)
{
	cm_textbuf_break(b, 0);
	while (b->len > 0 && b->p[b->len - 1] == '\n' && b->len > 1 && b->p[b->len - 2] == '\n')
		b->len--;
	if (reserve(b, 0) < 0) {
		cm_textbuf_free(b);
		return cm_error_set(CM_ENOMEM, "out of memory");
	}
	b->p[b->len] = '\0';
	*out = b->p;
	*out_len = b->len;
	memset(b, 0, sizeof *b);
	return 0;
}

void cm_textbuf_free(cm_textbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}
