/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/hash.h: the one non-cryptographic hash of the library, for change
 * detection (a file's bytes) and hash tables (chimuc/strmap.h, the
 * vocabulary). */
#ifndef CHIMUC_HASH_H
#define CHIMUC_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 64-bit FNV-1a of the bytes: a change detector, not a cryptographic hash. */
uint64_t cm_hash64(const void *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
