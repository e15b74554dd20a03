/* read_pdf.c: the text layer of a PDF through poppler-glib, page by page
 * with a blank line between pages; lines wrapped at the right margin are
 * joined again, so that a sentence (and a citation in it) is one line as in
 * the document's source; the title of the document information. A PDF without any text (a scan) is not
 * readable here. */
#include "reader.h"

#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

#define PAGES_MAX 10000
#define TEXT_MAX ((size_t)256 << 20) /* bytes of text of the whole document */

/* Where the n characters of a line (placed by rect) end on the page. */
static double right_of(const char *text, size_t n, const PopplerRectangle *rect)
{
	double right = 0;

	for (const char *p = text; p < text + n; p = g_utf8_next_char(p), rect++)
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

	for (; p < text + n && *p != ' '; p = g_utf8_next_char(p), rect++)
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
	while (i < n && i < 8 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'I' ||
				  s[i] == 'V' || s[i] == 'X'))
		i++;
	if (i == 0 || i == n)
		return n >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')';
	return s[i] == ')' || (s[i] == ' ' && (s[i - 1] == '.' || (i + 1 < n && s[i + 1] == '-')));
}

/* Appends a page's text and a blank line. poppler ends every line it laid
 * out; a line that ends too near the right margin for the next line's first
 * word to fit was wrapped there, so it is joined to the next unless that one
 * opens an item. rects (n_rects of them,
 * one per character of text) place the characters; without them every line
 * is kept. */
static void add_page(cm_textbuf *b, const char *text, const PopplerRectangle *rects,
		     guint n_rects)
{
	double margin = 0;
	const char *line = text;
	const PopplerRectangle *rect = rects;
	int layout = rects && (glong)n_rects == g_utf8_strlen(text, -1);

	for (const char *p = text; layout && *p; p = g_utf8_next_char(p)) {
		const PopplerRectangle *r = rects + g_utf8_pointer_to_offset(text, p);
		if (*p != '\n' && *p != ' ' && r->x2 > margin)
			margin = r->x2;
	}
	while (*line) {
		size_t n = strcspn(line, "\n"), n_next;
		const char *next = line + n + (line[n] == '\n');
		const PopplerRectangle *rect_next = rect + (layout ? g_utf8_strlen(line, next - line) : 0);
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
	int pages = poppler_document_get_n_pages(doc);

	if (pages > PAGES_MAX)
		return cm_error_set(CM_ELIMIT, "PDF has %d pages, more than %d", pages, PAGES_MAX);
	for (int i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		char *text = page ? poppler_page_get_text(page) : NULL;
		PopplerRectangle *rects = NULL;
		guint n_rects = 0;
		if (text && !poppler_page_get_text_layout(page, &rects, &n_rects))
			rects = NULL;
		if (text)
			add_page(b, text, rects, n_rects);
		g_free(rects);
		g_free(text);
		if (page)
			g_object_unref(page);
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
	cm_textbuf t = {0};
	char *s = poppler_document_get_title(doc);
	size_t len;
	int rc;

	*title = NULL;
	if (s)
		cm_textbuf_text(&t, s, strlen(s));
	g_free(s);
	if ((rc = cm_textbuf_finish(title, &len, &t)) < 0)
		return rc;
	if (len == 0) {
		free(*title);
		*title = NULL;
	} else {
		(*title)[len - 1] = '\0'; /* the newline finish ends it with */
	}
	return 0;
}

int cm_read_pdf(cm_extracted *out, const char *data, size_t len)
{
	cm_textbuf b = {0};
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *err = NULL;
	PopplerDocument *doc;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(doc = poppler_document_new_from_bytes(bytes, NULL, &err))) {
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
		g_object_unref(doc);
	if (err)
		g_error_free(err);
	g_bytes_unref(bytes);
	return rc;
}
