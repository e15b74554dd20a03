/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr.h: reading the text of a page image with Tesseract (languages vie and
 * eng), private to lib/. The library is loaded on first use (lazylib.h).
 * One cm_ocr is used by one thread at a time.
 *
 * Ownership: *out of cm_ocr_new is the caller's (cm_ocr_free); the text of
 * cm_ocr_read is the caller's (free). */
#ifndef CM_OCR_H
#define CM_OCR_H

#include <stddef.h>

typedef struct cm_ocr cm_ocr;

/* A Tesseract engine set up for Vietnamese and English. Errors: CM_EMISSING
 * (libtesseract or its language data not installed: the message names the
 * Debian package), CM_ENOMEM. */
int cm_ocr_new(cm_ocr **out);

/* *text (UTF-8, NUL-terminated, Tesseract's lines and blank lines between
 * blocks) and *confidence (its mean word confidence, 0 to 100) of the w x h
 * image of 8-bit grey pixels at grey (stride bytes a row) scanned at dpi.
 * Errors: CM_ENOMEM, CM_EUNSUPPORTED (Tesseract failed). */
int cm_ocr_read(char **text, int *confidence, cm_ocr *o, const unsigned char *grey, int w, int h,
		int stride, int dpi);

/* The same for an image decoded by Leptonica (1 or 8 bits a pixel), which
 * stays the caller's. */
struct Pix;
int cm_ocr_read_pix(char **text, int *confidence, cm_ocr *o, struct Pix *pix, int dpi);

void cm_ocr_free(cm_ocr *o);

/* For the fuzzers: engines made after this call (text not NULL) read every
 * page as text, with that confidence, without Tesseract, so that what the
 * readers do around OCR (decoding images, walking a DOCX) runs fast. NULL:
 * Tesseract again. Not thread-safe: call it before any reading. */
void cm_ocr_fake(const char *text, int confidence);

#endif
