/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr.c: the text of a page image through Tesseract's C API, loaded on
 * first use (lazylib.h) like poppler-glib: libtesseract brings some thirty
 * libraries that only a scan needs. */
#include "read/ocr.h"

#include <stdlib.h>
#include <string.h>

#include <tesseract/capi.h>

#include "chimuc/error.h"
#include "util/lazylib.h"

/* clang-format off */
#define TESS_FUNCTIONS(X, a) \
	X(a, TessBaseAPICreate) X(a, TessBaseAPIDelete) X(a, TessBaseAPIInit3) \
	X(a, TessBaseAPISetVariable) X(a, TessBaseAPISetImage) X(a, TessBaseAPISetImage2) \
	X(a, TessBaseAPISetSourceResolution) X(a, TessBaseAPIGetUTF8Text) \
	X(a, TessBaseAPIMeanTextConf) X(a, TessBaseAPIClear) X(a, TessBaseAPIEnd) \
	X(a, TessDeleteText)
/* clang-format on */
CM_LAZYLIB(tess, tesseract, TESS_FUNCTIONS, CM_TESSERACT_SONAME,
	   "OCR (Debian package libtesseract5)");

#define LANGUAGES "vie+eng"

struct cm_ocr {
	TessBaseAPI *api; /* NULL: the fake engine */
};

/* What every page reads as with the fake engine, or NULL. */
static const char *fake_text;
static int fake_confidence;

void cm_ocr_fake(const char *text, int confidence)
{
	fake_text = text;
	fake_confidence = confidence;
}

int cm_ocr_new(cm_ocr **out)
{
	cm_ocr *o;
	int rc;

	*out = NULL;
	if (fake_text)
		return (*out = calloc(1, sizeof **out)) ? 0 : cm_error_nomem();
	if ((rc = cm_lazylib_load(&tesseract)) < 0)
		return rc;
	if (!(o = calloc(1, sizeof *o)) || !(o->api = tess.TessBaseAPICreate())) {
		free(o);
		return cm_error_nomem();
	}
	/* Tesseract's own messages go nowhere: the library prints nothing. */
	tess.TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
	if (tess.TessBaseAPIInit3(o->api, NULL, LANGUAGES) != 0) {
		cm_ocr_free(o);
		return cm_error_set(CM_EMISSING,
				    "OCR unavailable: no Tesseract language data for " LANGUAGES
				    " (Debian packages tesseract-ocr-vie, tesseract-ocr-eng)");
	}
	*out = o;
	return 0;
}

/* The text and mean confidence of the image Tesseract was given. */
static int recognize(char **text, int *confidence, cm_ocr *o, int dpi)
{
	char *t;

	tess.TessBaseAPISetSourceResolution(o->api, dpi);
	if (!(t = tess.TessBaseAPIGetUTF8Text(o->api)))
		return cm_error_set(CM_EUNSUPPORTED, "OCR failed on a page");
	*confidence = tess.TessBaseAPIMeanTextConf(o->api);
	*text = strdup(t);
	tess.TessDeleteText(t);
	tess.TessBaseAPIClear(o->api);
	return *text ? 0 : cm_error_nomem();
}

/* The fake engine's reading. */
static int fake(char **text, int *confidence)
{
	*confidence = fake_confidence;
	return (*text = strdup(fake_text)) ? 0 : cm_error_nomem();
}

int cm_ocr_read(char **text, int *confidence, cm_ocr *o, const unsigned char *grey, int w, int h,
		int stride, int dpi)
{
	*text = NULL;
	*confidence = 0;
	if (!o->api)
		return fake(text, confidence);
	tess.TessBaseAPISetImage(o->api, grey, w, h, 1, stride);
	return recognize(text, confidence, o, dpi);
}

int cm_ocr_read_pix(char **text, int *confidence, cm_ocr *o, struct Pix *pix, int dpi)
{
	*text = NULL;
	*confidence = 0;
	if (!o->api)
		return fake(text, confidence);
	tess.TessBaseAPISetImage2(o->api, pix);
	return recognize(text, confidence, o, dpi);
}

void cm_ocr_free(cm_ocr *o)
{
	if (!o)
		return;
	if (!o->api) {
		free(o);
		return;
	}
	tess.TessBaseAPIEnd(o->api);
	tess.TessBaseAPIDelete(o->api);
	free(o);
}
