/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_pdf.c: the text layer of a PDF through poppler-glib, page by page
 * with a blank line between pages; lines wrapped at the right margin are
 * joined again, so that a sentence (and a citation in it) is one line as in
 * the document's source; the title of the document information. A PDF
 * without any text (a scan) is not readable here.
 *
 * poppler-glib is loaded on first use (lazylib.h): it brings some fifty
 * shared libraries whose loading would otherwise cost every run of every
 * chimuc program about 7 ms, most of the time of a `chimuc search`. */
#include "read/reader.h"

#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "util/lazylib.h"

#define PAGES_MAX 10000
#define TEXT_MAX ((size_t)256 << 20) /* bytes of text of the whole document */

/* The poppler-glib and GLib functions used, found in the loaded library. */
/* clang-format off */
#define PDF_FUNCTIONS(X, a) \
	X(a, poppler_document_new_from_bytes) X(a, poppler_document_get_n_pages) \
	X(a, poppler_document_get_page) X(a, poppler_document_get_title) \
	X(a, poppler_page_get_text) X(a, poppler_page_get_text_layout) \
	X(a, g_bytes_new_static) X(a, g_bytes_unref) X(a, g_object_unref) X(a, g_free) \
	X(a, g_error_free)
/* clang-format on */
CM_LAZYLIB(pdf, poppler, PDF_FUNCTIONS, CM_POPPLER_SONAME, "PDF support");

/* The UTF-8 character after the one at p. */
static const char *next_char(const char *p)
{
	do
		p++;
	while (((unsigned char)*p & 0xC0) == 0x80);
	return p;
}

/* The number of characters in the n bytes of UTF-8 at s. */
static size_t count_chars(const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

/* Where the n characters of a line (placed by rect) end on the page. */
static double right_of(const char *text, size_t n, const PopplerRectangle *rect)
{
	double right = 0;

	for (const char *p = text; p < text + n; p = next_char(p), rect++)
		if (*p != ' ' && rect->x2 > right)
			right = rect->x2;
	return right;
}

/* The width of the first word of a line and of the space before it (the
 * line's average glyph). */
static double first_word(const char *text, size_t n, const PopplerRectangle *rect)
{
	const PopplerRectangle *first = rect;
	double glyphs = 0;
	const char *p = text;

	for (; p < text + n && *p != ' '; p = next_char(p), rect++)
		glyphs++;
	if (glyphs == 0)
		return 0;
	return (rect - 1)->x2 - first->x1 + ((rect - 1)->x2 - first->x1) / glyphs;
}

/* A line that opens an item of its own: "- ", "+ ", "• ", "1. ", "1.2. ",
 * "2) ", "a) ", "II - " and the like (but not "2016 và…"). */
static int opens_item(const char *s, size_t n)
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

/* Appends a page's text and a blank line. poppler ends every line it laid
 * out; a line that ends too near the right margin for the next line's first
 * word to fit was wrapped there, so it is joined to the next unless that one
 * opens an item. rects (n_rects of them, one per character of text) place
 * the characters; without them every line is kept. */
static void add_page(cm_textbuf *b, const char *text, const PopplerRectangle *rects, guint n_rects)
{
	double margin = 0;
	const char *line = text;
	const PopplerRectangle *rect = rects;
	int layout = rects && n_rects == count_chars(text, strlen(text));

	for (const char *p = text; layout && *p; p = next_char(p), rect++)
		if (*p != '\n' && *p != ' ' && rect->x2 > margin)
			margin = rect->x2;
	rect = rects;
	while (*line) {
		size_t n = strcspn(line, "\n"), n_next;
		const char *next = line + n + (line[n] == '\n');
		const PopplerRectangle *rect_next =
			rect + (layout ? count_chars(line, (size_t)(next - line)) : 0);
		n_next = strcspn(next, "\n");
		cm_textbuf_text(b, line, n);
		if (layout && n_next > 0 && !opens_item(next, n_next) &&
		    margin - right_of(line, n, rect) < first_word(next, n_next, rect_next))
			cm_textbuf_text(b, " ", 1);
		else
			cm_textbuf_break(b, 0);
		rect = rect_next;
		line = next;
	}
	cm_textbuf_break(b, 1);
}

static int read_pages(cm_textbuf *b, PopplerDocument *doc)
{
	int pages = pdf.poppler_document_get_n_pages(doc);

	if (pages > PAGES_MAX)
		return cm_error_set(CM_ELIMIT, "PDF has %d pages, more than %d", pages, PAGES_MAX);
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = pdf.poppler_document_get_page(doc, i);
		char *text = page ? pdf.poppler_page_get_text(page) : NULL;
		PopplerRectangle *rects = NULL;
		guint n_rects = 0;
		if (text && !pdf.poppler_page_get_text_layout(page, &rects, &n_rects))
			rects = NULL;
		if (text)
			add_page(b, text, rects, n_rects);
		pdf.g_free(rects);
		pdf.g_free(text);
		if (page)
			pdf.g_object_unref(page);
		if (b->len > TEXT_MAX)
			return cm_error_set(CM_ELIMIT, "PDF text is more than 256 MiB");
	}
	if (b->len == 0) /* no page had anything but white space */
		return cm_error_set(CM_EUNSUPPORTED, "no text layer (scanned?)");
	return 0;
}

/* The title of the document information, white space folded, or NULL. */
static int pdf_title(char **title, PopplerDocument *doc)
{
	char *s = pdf.poppler_document_get_title(doc);
	int rc = cm_reader_field(title, s, s ? strlen(s) : 0);

	pdf.g_free(s);
	return rc;
}

int cm_read_pdf(cm_extracted *out, const char *data, size_t len)
{
	cm_textbuf b = {0};
	GBytes *bytes;
	GError *err = NULL;
	PopplerDocument *doc;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cm_lazylib_load(&poppler)) < 0)
		return rc;
	bytes = pdf.g_bytes_new_static(data, len);
	if (!(doc = pdf.poppler_document_new_from_bytes(bytes, NULL, &err))) {
		rc = cm_error_set(CM_EUNSUPPORTED, "cannot open PDF: %s",
				  err && err->message ? err->message : "unknown error");
		goto cleanup;
	}
	if ((rc = read_pages(&b, doc)) == 0 && (rc = pdf_title(&out->title, doc)) == 0)
		rc = cm_textbuf_finish(&out->text, &out->text_len, &b);
cleanup:
	if (rc < 0)
		cm_extracted_clear(out);
	cm_textbuf_free(&b);
	if (doc)
		pdf.g_object_unref(doc);
	if (err)
		pdf.g_error_free(err);
	pdf.g_bytes_unref(bytes);
	return rc;
}
