/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_pages.h: what the readers that OCR pages (PDF, image, DOCX) share,
 * private to lib/: which pages OCR reads and who hears of each (a
 * cm_ocr_request), and a run over one document's pages (cm_ocr_run) that
 * sets the engine up on the first page that needs it, tells the progress,
 * keeps a page's text when it is readable (repaired, its lines joined) and
 * counts it in the cm_extracted's ocr_* fields.
 *
 * Ownership: a cm_ocr_run owns its engine (cm_ocr_run_free); the request
 * and the cm_extracted it fills are the caller's. */
#ifndef CM_OCR_PAGES_H
#define CM_OCR_PAGES_H

#include "chimuc/source.h"
#include "read/ocr.h"
#include "read/reader.h"

/* The most pages of a scanned image (a TIFF), and the most pixels of a
 * page OCR reads (a PDF page is rendered at a lower dpi to fit). */
#define CM_OCR_PAGES_MAX 10000
#define CM_OCR_PIXELS_MAX (40L << 20)

typedef struct cm_ocr_request {
	cm_ocr_mode mode;
	cm_source_ocr_page_fn on_page; /* NULL: none */
	void *page_data;
} cm_ocr_request;

/* CM_OCR_AUTO with no progress. */
extern const cm_ocr_request cm_ocr_request_auto;

typedef struct {
	const cm_ocr_request *req;
	cm_extracted *x; /* its ocr_* fields counted here */
	cm_ocr *engine;  /* set up for the first page that needs it */
	int failed;      /* OCR could not be set up: why is in error */
	int wanted;      /* a page was given to OCR */
	char error[256]; /* why the last page OCR could not read failed */
	long confidence_sum;
} cm_ocr_run;

/* The engine for page (1-based) of pages, set up when first needed, after
 * telling req->on_page. Errors: those of cm_ocr_new (then r->failed and
 * every later call fails at once with CM_EMISSING). */
int cm_ocr_run_begin(cm_ocr **engine, cm_ocr_run *r, unsigned page, unsigned pages);

/* Appends what OCR read on page (1-based) with confidence to b, unless it
 * holds no readable text (CM_OCR_UNREADABLE, blank, mostly signs).
 * Errors: CM_ENOMEM. */
int cm_ocr_run_page(cm_textbuf *b, cm_ocr_run *r, const char *text, int confidence, unsigned page);

/* Ends a page whose reading returned rc: CM_ENOMEM is returned, any other
 * failure is kept as the reason (r->error) and 0 returned, the page left
 * out. */
int cm_ocr_run_end(cm_ocr_run *r, int rc);

/* The error for a document left without text although pages were given to
 * OCR: CM_EMISSING when OCR could not be set up, else CM_EUNSUPPORTED,
 * "WHAT; REASON" or "WHAT" CM_OCR_NOTHING. */
int cm_ocr_run_nothing(const cm_ocr_run *r, const char *what);

void cm_ocr_run_free(cm_ocr_run *r);

/* Whether s holds only white space. */
int cm_ocr_blank(const char *s);

/* Whether the line of n bytes opens an item of its own: "- ", "+ ", "• ",
 * "1. ", "1.2. ", "2) ", "a) ", "II - " and the like (but not "2016 và…"). */
int cm_reader_opens_item(const char *s, size_t n);

/* The number of characters in the n bytes of UTF-8 at s. */
size_t cm_utf8_chars(const char *s, size_t n);

#endif
