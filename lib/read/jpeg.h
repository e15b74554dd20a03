/* SPDX-License-Identifier: GPL-2.0-or-later */

/* jpeg.h: a JPEG decoded into 8-bit grey through libjpeg (loaded on first
 * use, lazylib.h), private to lib/. Leptonica decodes the other images,
 * but lets libjpeg print its warnings on standard error: here they are
 * the error's reason instead.
 *
 * Ownership: *grey is the caller's (free). */
#ifndef CM_JPEG_H
#define CM_JPEG_H

#include <stddef.h>

/* *grey = the w x h pixels (one byte each, rows w bytes apart) of the JPEG
 * at data, *dpi its resolution (0: not stated). Errors: CM_EMISSING
 * (libjpeg not installed), CM_EUNSUPPORTED (damaged, with libjpeg's
 * reason), CM_ELIMIT (more than max_pixels), CM_ENOMEM. */
int cm_jpeg_grey(unsigned char **grey, int *w, int *h, int *dpi, const char *data, size_t len,
		 long max_pixels);

#endif
