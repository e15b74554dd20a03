/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_pdf.c: the text layer of a PDF through poppler-glib, page by page
 * with a blank line between pages; lines wrapped at the right margin are
 * joined again, so that a sentence (and a citation in it) is one line as in
 * the document's source; the title of the document information. A page
 * without text but with an image (a scan) is rendered at 300 dpi through
 * cairo and read by OCR (ocr.c), or every page with CM_OCR_ALWAYS.
 *
 * poppler-glib is loaded on first use (lazylib.h): it brings some fifty
 * shared libraries whose loading would otherwise cost every run of every
 * chimuc program about 7 ms, most of the time of a `chimuc search`. cairo
 * is loaded the same way: poppler-glib links it, so that costs nothing more,
 * where linking it would load it (and pixman) at every start. */
#include "read/reader.h"

#include <cairo.h>
#include <glib.h>
#include <poppler.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "read/ocr_pages.h"
#include "util/lazylib.h"

#define PAGES_MAX 10000
#define TEXT_MAX ((size_t)256 << 20) /* bytes of text of the whole document */

/* The poppler-glib and GLib functions used, found in the loaded library. */
/* clang-format off */
#define PDF_FUNCTIONS(X, a) \
	X(a, poppler_document_new_from_bytes) X(a, poppler_document_get_n_pages) \
	X(a, poppler_document_get_page) X(a, poppler_document_get_title) \
	X(a, poppler_page_get_text) X(a, poppler_page_get_text_layout) \
	X(a, poppler_page_get_size) X(a, poppler_page_render) \
	X(a, poppler_page_get_image_mapping) X(a, poppler_page_free_image_mapping) \
	X(a, g_bytes_new_static) X(a, g_bytes_unref) X(a, g_object_unref) X(a, g_free) \
	X(a, g_error_free)
/* clang-format on */
CM_LAZYLIB(pdf, poppler, PDF_FUNCTIONS, CM_POPPLER_SONAME, "PDF support");

/* clang-format off */
#define CAIRO_FUNCTIONS(X, a) \
	X(a, cairo_image_surface_create) X(a, cairo_image_surface_get_data) \
	X(a, cairo_image_surface_get_stride) X(a, cairo_image_surface_get_width) \
	X(a, cairo_image_surface_get_height) X(a, cairo_surface_status) \
	X(a, cairo_surface_flush) X(a, cairo_surface_destroy) X(a, cairo_create) \
	X(a, cairo_destroy) X(a, cairo_scale) X(a, cairo_set_source_rgb) X(a, cairo_paint)
/* clang-format on */
CM_LAZYLIB(cr, cairo, CAIRO_FUNCTIONS, CM_CAIRO_SONAME, "OCR page rendering");

#define OCR_DPI 300

/* The UTF-8 character after the one at p. */
static const char *next_char(const char *p)
{
	do
		p++;
	while (((unsigned char)*p & 0xC0) == 0x80);
	return p;
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
	int layout = rects && n_rects == cm_utf8_chars(text, strlen(text));

	for (const char *p = text; layout && *p; p = next_char(p), rect++)
		if (*p != '\n' && *p != ' ' && rect->x2 > margin)
			margin = rect->x2;
	rect = rects;
	while (*line) {
		size_t n = strcspn(line, "\n"), n_next;
		const char *next = line + n + (line[n] == '\n');
		const PopplerRectangle *rect_next =
			rect + (layout ? cm_utf8_chars(line, (size_t)(next - line)) : 0);
		n_next = strcspn(next, "\n");
		cm_textbuf_text(b, line, n);
		if (layout && n_next > 0 && !cm_reader_opens_item(next, n_next) &&
		    margin - right_of(line, n, rect) < first_word(next, n_next, rect_next))
			cm_textbuf_text(b, " ", 1);
		else
			cm_textbuf_break(b, 0);
		rect = rect_next;
		line = next;
	}
	cm_textbuf_break(b, 1);
}

/* The page rendered white-backed at OCR_DPI (less for a huge page) into an
 * RGB image, turned into 8-bit grey in place. */
static int render(cairo_surface_t **out, int *dpi, PopplerPage *page)
{
	double w, h, scale;
	cairo_surface_t *s;
	cairo_t *c;

	*out = NULL;
	pdf.poppler_page_get_size(page, &w, &h);
	*dpi = OCR_DPI;
	while (*dpi > 50 && (w * *dpi / 72) * (h * *dpi / 72) > (double)CM_OCR_PIXELS_MAX)
		*dpi /= 2;
	scale = *dpi / 72.0;
	if (w <= 0 || h <= 0 || (w * scale) * (h * scale) > (double)CM_OCR_PIXELS_MAX)
		return cm_error_set(CM_ELIMIT, "PDF page too large to read by OCR");
	s = cr.cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * scale + 0.5),
					  (int)(h * scale + 0.5));
	if (cr.cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cr.cairo_surface_destroy(s);
		return cm_error_nomem();
	}
	c = cr.cairo_create(s);
	cr.cairo_set_source_rgb(c, 1, 1, 1);
	cr.cairo_paint(c);
	cr.cairo_scale(c, scale, scale);
	pdf.poppler_page_render(page, c);
	cr.cairo_destroy(c);
	cr.cairo_surface_flush(s);
	*out = s;
	return 0;
}

/* Each RGB24 pixel (a native-endian 32-bit word) of the surface's rows
 * turned into one grey byte at the start of its row. */
static void to_grey(unsigned char *data, int w, int h, int stride)
{
	for (int y = 0; y < h; y++) {
		unsigned char *row = data + (size_t)y * (size_t)stride;
		for (int x = 0; x < w; x++) {
			uint32_t px;
			memcpy(&px, row + 4 * x, 4);
			row[x] = (unsigned char)((((px >> 16) & 0xFF) * 299 +
						  ((px >> 8) & 0xFF) * 587 + (px & 0xFF) * 114) /
						 1000);
		}
	}
}

/* Reads page i (0-based) of pages by OCR into b; a page with no readable
 * text adds nothing. Only CM_ENOMEM is returned: any other failure leaves
 * the page out, its reason kept in r for a document left without text. */
static int ocr_page(cm_textbuf *b, cm_ocr_run *r, PopplerPage *page, int i, int pages)
{
	cairo_surface_t *s = NULL;
	cm_ocr *engine;
	char *text = NULL;
	int rc, dpi, conf, w, h, stride;

	if ((rc = cm_ocr_run_begin(&engine, r, (unsigned)i + 1, (unsigned)pages)) < 0 ||
	    (rc = cm_lazylib_load(&cairo)) < 0 || (rc = render(&s, &dpi, page)) < 0)
		goto cleanup;
	w = cr.cairo_image_surface_get_width(s);
	h = cr.cairo_image_surface_get_height(s);
	stride = cr.cairo_image_surface_get_stride(s);
	to_grey(cr.cairo_image_surface_get_data(s), w, h, stride);
	if ((rc = cm_ocr_read(&text, &conf, engine, cr.cairo_image_surface_get_data(s), w, h,
			      stride, dpi)) == 0)
		rc = cm_ocr_run_page(b, r, text, conf, (unsigned)i + 1);
cleanup:
	free(text);
	if (s)
		cr.cairo_surface_destroy(s);
	return cm_ocr_run_end(r, rc);
}

/* Whether the page draws an image (a scan does; an empty page has nothing
 * for OCR to read). */
static int has_images(PopplerPage *page)
{
	GList *images = pdf.poppler_page_get_image_mapping(page);
	int any = images != NULL;

	pdf.poppler_page_free_image_mapping(images);
	return any;
}

/* Whether the page is a scan: no text, but an image. */
static int is_scan(PopplerPage *page, const char *text)
{
	return (!text || cm_ocr_blank(text)) && has_images(page);
}

/* Whether OCR reads the page: every page with CM_OCR_ALWAYS; with
 * CM_OCR_AUTO one with no text but an image. */
static int wants_ocr(PopplerPage *page, const char *text, cm_ocr_mode mode)
{
	if (mode == CM_OCR_ALWAYS)
		return 1;
	return mode == CM_OCR_AUTO && is_scan(page, text);
}

static int read_pages(cm_textbuf *b, cm_extracted *x, PopplerDocument *doc,
		      const cm_ocr_request *req)
{
	int pages = pdf.poppler_document_get_n_pages(doc), rc = 0;
	int scans = 0; /* pages left to OCR by CM_OCR_NEVER */
	cm_ocr_run r = {.req = req, .x = x};

	if (pages > PAGES_MAX)
		return cm_error_set(CM_ELIMIT, "PDF has %d pages, more than %d", pages, PAGES_MAX);
	for (int i = 0; i < pages && rc == 0; i++) {
		PopplerPage *page = pdf.poppler_document_get_page(doc, i);
		char *text = page ? pdf.poppler_page_get_text(page) : NULL;
		PopplerRectangle *rects = NULL;
		guint n_rects = 0;
		if (page && req->mode == CM_OCR_NEVER && is_scan(page, text))
			scans++;
		if (page && wants_ocr(page, text, req->mode)) {
			rc = ocr_page(b, &r, page, i, pages);
		} else if (text) {
			if (!pdf.poppler_page_get_text_layout(page, &rects, &n_rects))
				rects = NULL;
			add_page(b, text, rects, n_rects);
		}
		pdf.g_free(rects);
		pdf.g_free(text);
		if (page)
			pdf.g_object_unref(page);
		if (rc == 0 && b->len > TEXT_MAX)
			rc = cm_error_set(CM_ELIMIT, "PDF text is more than 256 MiB");
	}
	cm_ocr_run_free(&r);
	if (rc < 0 || b->len > 0)
		return rc;
	/* No page had anything but white space. Scanned pages that --ocr never
	 * left unread make the file missing, as a scanned image: a run with OCR
	 * reads it again. */
	if (scans)
		return cm_error_set(CM_EMISSING, "%s, read only by OCR (not with --ocr never)",
				    CM_OCR_WHAT_PDF);
	if (!r.wanted)
		return cm_error_set(CM_EUNSUPPORTED, "%s", CM_OCR_WHAT_PDF);
	return cm_ocr_run_nothing(&r, CM_OCR_WHAT_PDF);
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
	return cm_read_pdf_ocr(out, data, len, NULL);
}

int cm_read_pdf_ocr(cm_extracted *out, const char *data, size_t len, const cm_ocr_request *ocr)
{
	cm_textbuf b = {0};
	GBytes *bytes;
	GError *err = NULL;
	PopplerDocument *doc;
	int rc;

	memset(out, 0, sizeof *out);
	if (!ocr)
		ocr = &cm_ocr_request_auto;
	if ((rc = cm_lazylib_load(&poppler)) < 0)
		return rc;
	bytes = pdf.g_bytes_new_static(data, len);
	if (!(doc = pdf.poppler_document_new_from_bytes(bytes, NULL, &err))) {
		rc = cm_error_set(CM_EUNSUPPORTED, "cannot open PDF: %s",
				  err && err->message ? err->message : "unknown error");
		goto cleanup;
	}
	if ((rc = read_pages(&b, out, doc, ocr)) == 0 && (rc = pdf_title(&out->title, doc)) == 0)
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
