/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/strmap.h: a hash map from byte strings to numbers (open
 * addressing, FNV-1a, grows at half full), for membership tests and
 * look-ups that must not be linear: node ids of a graph, documents already
 * listed, keys already queued.
 *
 * Ownership: the map copies its keys and frees them in cm_strmap_free; a
 * zeroed cm_strmap (CM_STRMAP_INIT) is an empty map. */
#ifndef CHIMUC_STRMAP_H
#define CHIMUC_STRMAP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	struct cm_strmap_slot *slots;
	size_t n, cap;
} cm_strmap;

#define CM_STRMAP_INIT     \
	{                  \
		NULL, 0, 0 \
	}

/* Adds key with value unless key is there. *out_value (may be NULL) is the
 * value of key afterwards: value if added, the older one if not. Returns 1
 * if added, 0 if it was there, CM_ENOMEM. */
int cm_strmap_put(size_t *out_value, cm_strmap *m, const char *key, size_t len, size_t value);

/* 1 and *out_value (may be NULL) if key is there, else 0. */
int cm_strmap_get(size_t *out_value, const cm_strmap *m, const char *key, size_t len);

size_t cm_strmap_count(const cm_strmap *m);

void cm_strmap_free(cm_strmap *m);

#ifdef __cplusplus
}
#endif

#endif
