/* SPDX-License-Identifier: GPL-2.0-or-later */

/* hash.c: 64-bit FNV-1a (chimuc/hash.h). */
#include "chimuc/hash.h"

uint64_t cm_hash64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}
