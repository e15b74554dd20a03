/* SPDX-License-Identifier: GPL-2.0-or-later */

/* reader.c: what the format readers share: clearing their result, the
 * libxml2 set-up that loads no external entity, and the text buffer that
 * turns elements, paragraphs and table cells into lines with white space
 * folded the way a reader of the page sees it. */
#include "read/reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "chimuc/error.h"
#include "chimuc/text.h"

void cm_extracted_clear(cm_extracted *x)
{
	free(x->text);
	free(x->title);
	free(x->date);
	memset(x, 0, sizeof *x);
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void xml_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
}

void cm_reader_xml_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, xml_init_once);
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
		return cm_error_nomem();
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

int cm_reader_decode(char **out, size_t *out_len, cm_extracted *x, const char *data, size_t len,
		     cm_encoding hint)
{
	cm_decode_info info;
	int rc;

	x->encoding = cm_encoding_detect(&x->encoding_uncertain, data, len, hint);
	if (x->encoding == CM_ENC_UTF8 || x->encoding == CM_ENC_UTF16LE ||
	    x->encoding == CM_ENC_UTF16BE) {
		if ((rc = cm_text_decode(out, out_len, &info, data, len)) < 0)
			return rc;
		x->invalid = info.invalid;
		return 0;
	}
	return cm_encoding_convert(out, out_len, &x->invalid, x->encoding, data, len);
}

/* Where markup declares its encoding or fonts: the first bytes suffice. */
#define HINT_WINDOW (1u << 20)
#define LABEL_WINDOW (64u << 10)

/* A legacy font name (".VnTime", "VNI-Times") at p: ".Vn" or "VNI-" then a
 * capital, which no web address (".vn/") has. */
static cm_encoding font_at(const char *p, size_t left)
{
	if (left >= 4 && memcmp(p, ".Vn", 3) == 0 && p[3] >= 'A' && p[3] <= 'Z')
		return CM_ENC_TCVN3;
	if (left >= 5 && memcmp(p, "VNI-", 4) == 0 && p[4] >= 'A' && p[4] <= 'Z')
		return CM_ENC_VNI;
	return CM_ENC_UNKNOWN;
}

/* The label after "charset=" or "encoding=" at p, quotes and spaces
 * skipped. */
static cm_encoding label_at(const char *p, size_t left)
{
	size_t skip, i = 0;

	if (left > 8 && strncasecmp(p, "charset=", 8) == 0)
		skip = 8;
	else if (left > 9 && strncasecmp(p, "encoding=", 9) == 0)
		skip = 9;
	else
		return CM_ENC_UNKNOWN;
	p += skip;
	left -= skip;
	while (i < left && (p[i] == '"' || p[i] == '\'' || p[i] == ' '))
		i++;
	p += i;
	left -= i;
	for (i = 0; i < left && i < 32; i++)
		if (p[i] == '"' || p[i] == '\'' || p[i] == ' ' || p[i] == ';' || p[i] == '>' ||
		    p[i] == '/' || p[i] == '?')
			break;
	return cm_encoding_from_label(p, i);
}

cm_encoding cm_reader_markup_hint(const char *data, size_t len)
{
	cm_encoding label = CM_ENC_UNKNOWN, e;
	size_t n = len < HINT_WINDOW ? len : HINT_WINDOW;

	for (size_t i = 0; i < n; i++) {
		if ((e = font_at(data + i, n - i)) != CM_ENC_UNKNOWN)
			return e;
		if (label == CM_ENC_UNKNOWN && i < LABEL_WINDOW)
			label = label_at(data + i, n - i);
	}
	return label;
}

int cm_reader_field(char **out, const char *s, size_t n)
{
	cm_textbuf b = {0};
	size_t len;
	int rc;

	*out = NULL;
	if (!s)
		return 0;
	cm_textbuf_text(&b, s, n);
	if ((rc = cm_textbuf_finish(out, &len, &b)) < 0)
		return rc;
	if (len == 0) {
		free(*out);
		*out = NULL;
	} else {
		(*out)[len - 1] = '\0'; /* the newline cm_textbuf_finish ends with */
	}
	return 0;
}
