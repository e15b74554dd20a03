/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_cache.h: the text of a file that needed OCR, kept in a folder by the
 * file's content (its cm_hash64 and size) and the OCR mode, so that the
 * same bytes are never read by OCR twice. Private to lib/.
 *
 * Ownership: the strings cm_ocr_cache_get puts in *x are x's. */
#ifndef CM_OCR_CACHE_H
#define CM_OCR_CACHE_H

#include <stdint.h>

#include "read/reader.h"

/* 1 and *x filled (text, title, ocr_* fields) when dir holds the text of
 * these bytes read in mode (x->ocr_pages 0 and no text: OCR read nothing
 * in them); 0 when not (or unreadable). Errors: CM_ENOMEM. */
int cm_ocr_cache_get(cm_extracted *x, const char *dir, uint64_t hash, size_t len, cm_ocr_mode mode);

/* Keeps x's text in dir (created if missing) for later runs, written whole
 * or not at all (x->ocr_pages 0: that OCR read nothing); a cache that
 * cannot be written is passed over. */
void cm_ocr_cache_put(const char *dir, uint64_t hash, size_t len, cm_ocr_mode mode,
		      const cm_extracted *x);

#endif
