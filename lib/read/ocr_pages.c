/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_pages.c: a document's pages read by OCR, whatever holds them (a PDF,
 * a scan, the images of a DOCX): the engine set up on first need, the
 * progress told, a page kept only when it holds readable text, repaired
 * (ocr_repair.c) and its wrapped lines joined, and counted with its
 * confidence. */
#include "read/ocr_pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "read/ocr_repair.h"

const cm_ocr_request cm_ocr_request_auto = {CM_OCR_AUTO, NULL, NULL};

size_t cm_utf8_chars(const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

int cm_reader_opens_item(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ')
		return 1;
	if (n >= 3 && (memcmp(s, "•", 3) == 0 || memcmp(s, "–", 3) == 0))
		return 1;
	while (i < n && i < 8 &&
	       ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'I' || s[i] == 'V' ||
		s[i] == 'X'))
		i++;
	if (i == 0 || i == n)
		return n >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')';
	return s[i] == ')' || (s[i] == ' ' && (s[i - 1] == '.' || (i + 1 < n && s[i + 1] == '-')));
}

int cm_ocr_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r' && *s != '\f')
			return 0;
	return 1;
}

/* Whether most characters (not spaces) of what OCR read are letters or
 * digits (Latin, with Vietnamese ones): speckles read as text are mostly
 * dots, ticks and signs. */
static int mostly_letters(const char *s)
{
	size_t letters = 0, chars = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\n' || (*p & 0xC0) == 0x80)
			continue;
		chars++;
		if ((*p < 0x80 &&
		     ((unsigned)((*p | 0x20) - 'a') < 26u || (unsigned)(*p - '0') < 10u)) ||
		    (*p >= 0xC3 && *p <= 0xC9) || (*p == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB))
			letters++;
	}
	return letters * 10 >= chars * 7;
}

/* The characters of the longest line of text. */
static size_t longest_line(const char *text)
{
	size_t longest = 0;

	for (const char *line = text; *line;) {
		size_t n = strcspn(line, "\n"), chars = cm_utf8_chars(line, n);
		if (chars > longest)
			longest = chars;
		line += n + (line[n] == '\n');
	}
	return longest;
}

/* Appends the text OCR read on a page and a blank line: a line that runs
 * to near the right margin (three quarters of the longest line at least)
 * was wrapped there and is joined to the next (with no space after a
 * hyphen that ends a word), unless that one opens an item; a blank line
 * ends a block; headings and other short lines stay lines. */
static void add_ocr_page(cm_textbuf *b, const char *text)
{
	const char *line = text;
	size_t longest = longest_line(text);

	while (*line) {
		size_t n = strcspn(line, "\n"), n_next;
		const char *next = line + n + (line[n] == '\n');
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\r'))
			n--;
		n_next = strcspn(next, "\n");
		cm_textbuf_text(b, line, n);
		if (n_next == 0 || n == 0 || cm_reader_opens_item(next, n_next) ||
		    cm_utf8_chars(line, n) * 4 < longest * 3)
			cm_textbuf_break(b, n_next == 0);
		else if (!(n >= 2 && line[n - 1] == '-' && line[n - 2] != ' '))
			cm_textbuf_text(b, " ", 1);
		line = next;
	}
	cm_textbuf_break(b, 1);
}

int cm_ocr_run_begin(cm_ocr **engine, cm_ocr_run *r, unsigned page, unsigned pages)
{
	int rc;

	*engine = NULL;
	r->wanted = 1;
	if (r->failed)
		return cm_error_set(CM_EMISSING, "%s", r->error);
	if (r->req->on_page)
		r->req->on_page(page, pages, r->req->page_data);
	if (!r->engine && (rc = cm_ocr_new(&r->engine)) < 0) {
		r->failed = 1;
		snprintf(r->error, sizeof r->error, "%s", cm_error_last());
		return rc;
	}
	*engine = r->engine;
	return 0;
}

int cm_ocr_run_page(cm_textbuf *b, cm_ocr_run *r, const char *text, int confidence, unsigned page)
{
	cm_extracted *x = r->x;
	char *repaired;
	size_t n;
	unsigned repairs;
	int rc;

	if (confidence < CM_OCR_UNREADABLE || cm_ocr_blank(text) || !mostly_letters(text))
		return 0;
	x->ocr_pages++;
	r->confidence_sum += confidence;
	x->ocr_confidence = (int)(r->confidence_sum / x->ocr_pages);
	if (confidence < CM_OCR_LOW_CONFIDENCE &&
	    (!x->ocr_low_pages++ || confidence < x->ocr_lowest_confidence)) {
		x->ocr_lowest_page = page;
		x->ocr_lowest_confidence = confidence;
	}
	if ((rc = cm_ocr_repair(&repaired, &n, &repairs, text, strlen(text))) < 0)
		return rc;
	x->ocr_repairs += repairs;
	add_ocr_page(b, repaired);
	free(repaired);
	return 0;
}

int cm_ocr_run_end(cm_ocr_run *r, int rc)
{
	if (rc == CM_ENOMEM)
		return rc;
	if (rc < 0 && !r->failed)
		snprintf(r->error, sizeof r->error, "%s", cm_error_last());
	return 0;
}

int cm_ocr_run_nothing(const cm_ocr_run *r, const char *what)
{
	if (r->failed)
		return cm_error_set(CM_EMISSING, "%s; %s", what, r->error);
	if (r->error[0])
		return cm_error_set(CM_EUNSUPPORTED, "%s; %s", what, r->error);
	return cm_error_set(CM_EUNSUPPORTED, "%s" CM_OCR_NOTHING, what);
}

void cm_ocr_run_free(cm_ocr_run *r)
{
	cm_ocr_free(r->engine);
	r->engine = NULL;
}
