/* SPDX-License-Identifier: GPL-2.0-or-later */

/* image.h: scanned images (PNG, JPEG, TIFF) decoded for OCR, private to
 * lib/: the PDF-less scans (cm_read_image_ocr) and the images of a DOCX
 * use the same two calls. */
#ifndef CM_IMAGE_H
#define CM_IMAGE_H

#include <stddef.h>

#include "read/ocr_pages.h"

/* *pages = the pages of the image at data (a TIFF's, else 1). Errors:
 * CM_EMISSING (Leptonica not installed), CM_EUNSUPPORTED (not an image
 * Leptonica reads, or damaged), CM_ELIMIT (more than CM_OCR_PAGES_MAX). */
int cm_image_pages(unsigned *pages, const char *data, size_t len);

/* Reads page index (0-based) of the image at data by OCR into b, as page
 * (1-based) of pages of the document. Only CM_ENOMEM is returned: any other
 * failure (a damaged image, one over CM_OCR_PIXELS_MAX pixels) leaves the
 * page out, its reason kept in r. */
int cm_image_ocr_page(cm_textbuf *b, cm_ocr_run *r, const char *data, size_t len, unsigned index,
		      unsigned page, unsigned pages);

#endif
