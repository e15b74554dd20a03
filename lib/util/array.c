/* SPDX-License-Identifier: GPL-2.0-or-later */

/* array.c: growth of the cm_array_t growable arrays (see chimuc/array.h). */
#include "chimuc/array.h"

#include <stdint.h>
#include <string.h>

#include "chimuc/error.h"

typedef cm_array_t(char) generic_array;

void *cm_array_push(void *ptr, size_t *size, size_t *asize, size_t item_size)
{
	char **items = ptr, *p;
	size_t room = *asize ? 2 * *asize : 8;

	if (*size < *asize) {
		p = *items + (*size)++ * item_size;
		return memset(p, 0, item_size);
	}
	if (room < *asize || room > SIZE_MAX / item_size ||
	    !(p = realloc(*items, room * item_size))) {
		cm_error_nomem();
		return NULL;
	}
	*items = p;
	*asize = room;
	p += (*size)++ * item_size;
	return memset(p, 0, item_size);
}

void *cm_array_grow(void *a, size_t item_size)
{
	generic_array *g = a;

	return cm_array_push(&g->ptr, &g->size, &g->asize, item_size);
}
