/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_repair.h: the usual OCR confusions repaired in citations where the
 * context decides, private to lib/. Ownership: *out is the caller's. */
#ifndef CM_OCR_REPAIR_H
#define CM_OCR_REPAIR_H

#include <stddef.h>

/* *out = the n bytes of UTF-8 OCR text at s (NUL-terminated) repaired:
 *   - Ð (U+00D0, Icelandic) read for Đ, ð for đ, everywhere (Vietnamese has
 *     no eth);
 *   - in "số N-CODE/ISSUER" (a citation's number): O, o read for 0 and l, I
 *     for 1 among the digits of N; spaces around its dash dropped; a CODE
 *     that is the preceding type's code but for confusions (O or 0 for Q,
 *     D for Đ, a letter doubled: "Quyết định số 12-OD/TU") made that code;
 *     an ISSUER "TVV" made "TW".
 * *repairs counts the changes. Errors: CM_ENOMEM. */
int cm_ocr_repair(char **out, size_t *out_len, unsigned *repairs, const char *s, size_t n);

#endif
