/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/array.h: a growable array of any type, in the shape of libgit2's
 * git_array_t: a struct of { type *ptr; size_t size, asize; } that starts
 * zeroed and doubles as it grows.
 *
 *	cm_array_t(edge) edges = CM_ARRAY_INIT;
 *	edge *e = cm_array_alloc(edges);   (NULL and CM_ENOMEM when out of memory)
 *	...
 *	cm_array_clear(edges);
 *
 * Ownership: the array owns its buffer (freed by cm_array_clear), not what
 * its items point to. */
#ifndef CHIMUC_ARRAY_H
#define CHIMUC_ARRAY_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define cm_array_t(type)            \
	struct {                    \
		type *ptr;          \
		size_t size, asize; \
	}

#define CM_ARRAY_INIT      \
	{                  \
		NULL, 0, 0 \
	}

/* Makes room for one more item of item_size bytes in the array at a (any
 * cm_array_t) and returns it, zeroed; NULL (CM_ENOMEM set) when out of
 * memory, the array unchanged. cm_array_alloc(a) appends one zeroed item
 * the same way, growing only when full. */
void *cm_array_grow(void *a, size_t item_size);

/* The same for an array kept in three fields of a struct that shows its
 * items as a pointer and a count (cm_citations' v and n, cm_dates'): *ptr,
 * *size and *asize (the room, which the caller keeps). */
void *cm_array_push(void *ptr, size_t *size, size_t *asize, size_t item_size);

#define cm_array_alloc(a)                                                         \
	((a).size < (a).asize ? memset(&(a).ptr[(a).size++], 0, sizeof(*(a).ptr)) \
			      : cm_array_grow((void *)&(a), sizeof(*(a).ptr)))

#define cm_array_clear(a) (free((a).ptr), (a).ptr = NULL, (a).size = (a).asize = 0)

#ifdef __cplusplus
}
#endif

#endif
