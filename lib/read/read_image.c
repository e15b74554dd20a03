/* SPDX-License-Identifier: GPL-2.0-or-later */

/* read_image.c: scanned images (PNG, JPEG, TIFF of one page or more) read
 * by OCR, each PNG or TIFF page decoded by Leptonica. Leptonica rather than
 * libpng and libtiff each: libtesseract links it already, it decodes both
 * from memory, tells an image's size from its header before decoding it
 * (so that a huge one is refused unread), and hands Tesseract the image as
 * it takes it. It is loaded on first use like Tesseract (lazylib.h), its
 * messages silenced: the library prints nothing. libpng would print its
 * errors all the same, so a PNG is checked whole first; libjpeg its
 * warnings, so a JPEG is decoded by jpeg.c. */
#include "read/image.h"

#include <leptonica/allheaders.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "read/jpeg.h"
#include "read/ocr_pages.h"
#include "util/lazylib.h"

/* clang-format off */
#define LEPT_FUNCTIONS(X, a) \
	X(a, pixReadHeaderMem) X(a, readHeaderMemTiff) X(a, pixReadMem) \
	X(a, pixReadMemTiff) X(a, pixConvertTo8) X(a, pixGetXRes) X(a, pixGetWidth) \
	X(a, pixGetHeight) X(a, pixDestroy) X(a, setMsgSeverity) X(a, leptSetStderrHandler) \
	X(a, fopenReadFromMemory) X(a, tiffGetCount)
/* clang-format on */
CM_LAZYLIB(lept, leptonica, LEPT_FUNCTIONS, CM_LEPTONICA_SONAME,
	   "OCR of images (Debian package liblept5)");

/* The resolution taken for an image that states none (or a senseless one). */
#define DPI_DEFAULT 300
#define DPI_MIN 70
#define DPI_MAX 2400

static int is_jpeg(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xff\xd8\xff", 3) == 0;
}

static int is_tiff(const char *data, size_t len)
{
	return len >= 4 && (memcmp(data, "II*\0", 4) == 0 || memcmp(data, "MM\0*", 4) == 0);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The CRC-32 of PNG chunks (ISO 3309) of the n bytes at p. */
static uint32_t crc32_of(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return c ^ 0xFFFFFFFFu;
}

/* Whether a PNG is whole: chunks within the bytes, each with its CRC
 * right, image data, and an end. libpng prints its errors on standard
 * error, where Leptonica lets it: a damaged file is refused here first. */
static int png_whole(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	int image = 0;

	for (size_t pos = 8; len - pos >= 12;) {
		uint32_t n = be32(p + pos);
		if (n > len - pos - 12 ||
		    crc32_of(p + pos + 4, (size_t)n + 4) != be32(p + pos + 8 + n))
			return 0;
		if (memcmp(p + pos + 4, "IDAT", 4) == 0)
			image = 1;
		if (memcmp(p + pos + 4, "IEND", 4) == 0)
			return image;
		pos += 12 + (size_t)n;
	}
	return 0;
}

static void say_nothing(const char *message)
{
	(void)message;
}

static void quiet(void)
{
	lept.setMsgSeverity(L_SEVERITY_NONE);
	lept.leptSetStderrHandler(say_nothing);
}

static int load(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	int rc = cm_lazylib_load(&leptonica);

	if (rc == 0)
		pthread_once(&once, quiet);
	return rc;
}

/* The pages of a TIFF, its directories walked once (asking for the header
 * of page n instead walks the n before it again: quadratic). */
static int tiff_pages(unsigned *pages, const l_uint8 *data, size_t len)
{
	FILE *f = lept.fopenReadFromMemory(data, len);
	l_int32 n = 0;
	int bad;

	if (!f)
		return cm_error_nomem();
	bad = lept.tiffGetCount(f, &n) != 0 || n <= 0;
	fclose(f);
	if (bad)
		return cm_error_set(CM_EUNSUPPORTED, "damaged TIFF (no readable page)");
	if (n > CM_OCR_PAGES_MAX)
		return cm_error_set(CM_ELIMIT, "TIFF has more than %d pages", CM_OCR_PAGES_MAX);
	*pages = (unsigned)n;
	return 0;
}

int cm_image_pages(unsigned *pages, const char *data, size_t len)
{
	const l_uint8 *p = (const l_uint8 *)data;
	l_int32 w, h, bps, spp, cmap, format;
	int rc;

	*pages = 0;
	if ((rc = load()) < 0)
		return rc;
	if (is_jpeg(data, len)) {
		*pages = 1; /* jpeg.c reads its header */
		return 0;
	}
	if (!is_tiff(data, len)) {
		if (lept.pixReadHeaderMem(p, len, &format, &w, &h, &bps, &spp, &cmap) != 0)
			return cm_error_set(CM_EUNSUPPORTED, "damaged image (unreadable header)");
		*pages = 1;
		return 0;
	}
	return tiff_pages(pages, p, len);
}

/* The size of image page index (0-based), from its header. */
static int header_size(l_int32 *w, l_int32 *h, const char *data, size_t len, unsigned index)
{
	const l_uint8 *p = (const l_uint8 *)data;
	l_int32 bps, spp, res, cmap, format;

	if (is_tiff(data, len)
		    ? lept.readHeaderMemTiff(p, len, (l_int32)index, w, h, &bps, &spp, &res, &cmap,
					     &format) != 0
		    : lept.pixReadHeaderMem(p, len, &format, w, h, &bps, &spp, &cmap) != 0)
		return cm_error_set(CM_EUNSUPPORTED, "damaged image (unreadable header)");
	return 0;
}

/* Image page index decoded into 8-bit grey (*out, the caller's). */
static int decode(PIX **out, const char *data, size_t len, unsigned index)
{
	const l_uint8 *p = (const l_uint8 *)data;
	l_int32 w, h;
	PIX *pix;
	int rc;

	*out = NULL;
	if ((rc = header_size(&w, &h, data, len, index)) < 0)
		return rc;
	if (w <= 0 || h <= 0 || (double)w * h > (double)CM_OCR_PIXELS_MAX)
		return cm_error_set(CM_ELIMIT,
				    "image of %dx%d pixels, more than %ld to read by OCR", w, h,
				    (long)CM_OCR_PIXELS_MAX);
	if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0 && !png_whole(data, len))
		return cm_error_set(CM_EUNSUPPORTED,
				    "damaged PNG (cut short, or a chunk's CRC wrong)");
	pix = is_tiff(data, len) ? lept.pixReadMemTiff(p, len, (l_int32)index)
				 : lept.pixReadMem(p, len);
	if (!pix)
		return cm_error_set(CM_EUNSUPPORTED, "damaged image (cannot decode it)");
	/* The header may lie: the decoded size is checked again. */
	if ((double)lept.pixGetWidth(pix) * lept.pixGetHeight(pix) > (double)CM_OCR_PIXELS_MAX) {
		lept.pixDestroy(&pix);
		return cm_error_set(CM_ELIMIT, "image larger than its header says");
	}
	*out = lept.pixConvertTo8(pix, 0);
	lept.pixDestroy(&pix);
	return *out ? 0 : cm_error_nomem();
}

static int sensible_dpi(int dpi)
{
	return dpi < DPI_MIN || dpi > DPI_MAX ? DPI_DEFAULT : dpi;
}

/* The text OCR reads in a JPEG (decoded by jpeg.c). */
static int read_jpeg(char **text, int *conf, cm_ocr *engine, const char *data, size_t len)
{
	unsigned char *grey;
	int rc, w, h, dpi;

	if ((rc = cm_jpeg_grey(&grey, &w, &h, &dpi, data, len, CM_OCR_PIXELS_MAX)) < 0)
		return rc;
	rc = cm_ocr_read(text, conf, engine, grey, w, h, w, sensible_dpi(dpi));
	free(grey);
	return rc;
}

int cm_image_ocr_page(cm_textbuf *b, cm_ocr_run *r, const char *data, size_t len, unsigned index,
		      unsigned page, unsigned pages)
{
	cm_ocr *engine;
	PIX *pix = NULL;
	char *text = NULL;
	int rc, conf;

	if ((rc = load()) < 0 || (rc = cm_ocr_run_begin(&engine, r, page, pages)) < 0)
		goto cleanup;
	if (is_jpeg(data, len))
		rc = read_jpeg(&text, &conf, engine, data, len);
	else if ((rc = decode(&pix, data, len, index)) == 0)
		rc = cm_ocr_read_pix(&text, &conf, engine, pix, sensible_dpi(lept.pixGetXRes(pix)));
	if (rc == 0)
		rc = cm_ocr_run_page(b, r, text, conf, page);
cleanup:
	free(text);
	if (pix)
		lept.pixDestroy(&pix);
	return cm_ocr_run_end(r, rc);
}

int cm_read_image_ocr(cm_extracted *out, const char *data, size_t len, const cm_ocr_request *ocr)
{
	cm_textbuf b = {0};
	cm_ocr_run r = {.req = ocr ? ocr : &cm_ocr_request_auto, .x = out};
	unsigned pages;
	int rc;

	memset(out, 0, sizeof *out);
	if (r.req->mode == CM_OCR_NEVER)
		return cm_error_set(CM_EMISSING, "%s, read only by OCR (not with --ocr never)",
				    CM_OCR_WHAT_IMAGE);
	if ((rc = cm_image_pages(&pages, data, len)) < 0)
		return rc;
	for (unsigned i = 0; i < pages && rc == 0; i++)
		rc = cm_image_ocr_page(&b, &r, data, len, i, i + 1, pages);
	cm_ocr_run_free(&r);
	if (rc == 0 && b.len == 0)
		rc = cm_ocr_run_nothing(&r, CM_OCR_WHAT_IMAGE);
	if (rc == 0)
		rc = cm_textbuf_finish(&out->text, &out->text_len, &b);
	if (rc < 0)
		cm_extracted_clear(out);
	cm_textbuf_free(&b);
	return rc;
}
