/* SPDX-License-Identifier: GPL-2.0-or-later */

/* array.c: growth of the cm_array_t growable arrays (see chimuc/array.h). */
#include "chimuc/array.h"

#include <stdint.h>
#include <string.h>

#include "chimuc/error.h"

typedef cm_array_t(char) generic_array;

void *cm_array_grow(void *a, size_t item_size)
{
	generic_array *g = a;
	size_t asize = g->asize ? 2 * g->asize : 8;
	char *p;

	if (asize < g->asize || asize > SIZE_MAX / item_size ||
	    !(p = realloc(g->ptr, asize * item_size))) {
		cm_error_nomem();
		return NULL;
	}
	g->ptr = p;
	g->asize = asize;
	p += g->size++ * item_size;
	memset(p, 0, item_size);
	return p;
}
