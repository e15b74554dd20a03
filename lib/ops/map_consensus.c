/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_consensus.c: the readings of a cited document's fields
 * (map_consensus.h). */
#include "ops/map_consensus.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_readings_same(cm_map_field f, const char *a, const char *b)
{
	if (f == CM_MAP_ISSUER)
		return strstr(a, b) || strstr(b, a);
	return !strcmp(a, b);
}

static int add_path(cm_reading *g, const char *path)
{
	char **slot, *copy = strdup(path);

	if (!copy)
		return cm_error_nomem();
	if (!(slot = cm_array_alloc(g->paths))) {
		free(copy);
		return CM_ENOMEM;
	}
	*slot = copy;
	return 0;
}

int cm_readings_add(cm_readings *r, cm_map_field f, const char *value, const char *path)
{
	cm_reading *g;

	for (size_t i = 0; i < r->size; i++)
		if (cm_readings_same(f, r->ptr[i].value, value))
			return add_path(&r->ptr[i], path);
	if (!(g = cm_array_alloc(*r)))
		return CM_ENOMEM;
	if (!(g->value = strdup(value))) {
		r->size--;
		return cm_error_nomem();
	}
	return add_path(g, path);
}

void cm_readings_sort(cm_readings *r)
{
	/* insertion sort: stable, and a field has few readings */
	for (size_t i = 1; i < r->size; i++) {
		cm_reading g = r->ptr[i];
		size_t j = i;
		for (; j > 0 && r->ptr[j - 1].paths.size < g.paths.size; j--)
			r->ptr[j] = r->ptr[j - 1];
		r->ptr[j] = g;
	}
}

void cm_readings_release(cm_readings *r)
{
	for (size_t i = 0; i < r->size; i++) {
		for (size_t k = 0; k < r->ptr[i].paths.size; k++)
			free(r->ptr[i].paths.ptr[k]);
		cm_array_clear(r->ptr[i].paths);
		free(r->ptr[i].value);
	}
	cm_array_clear(*r);
}
