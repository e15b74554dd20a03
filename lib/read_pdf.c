/* read_pdf.c: the text layer of a PDF through poppler-glib, page by page
 * with a blank line between pages and poppler's lines kept as lines, and the
 * title of the document information. A PDF without any text (a scan) is not
 * readable here. */
#include "reader.h"

#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

#define PAGES_MAX 10000
#define TEXT_MAX ((size_t)256 << 20) /* bytes of text of the whole document */

/* Appends a page's text, a line of it per line, and a blank line. */
static void add_page(cm_textbuf *b, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		cm_textbuf_text(b, text, n);
		cm_textbuf_break(b, 0);
		text += n + (text[n] == '\n');
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
		if (text)
			add_page(b, text);
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
