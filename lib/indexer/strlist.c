/* SPDX-License-Identifier: GPL-2.0-or-later */

/* strlist.c: a growable list of owned strings with a lazily sorted lookup,
 * for the id terms an indexing run keeps and the folders it could not read. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_strlist_add(cm_strlist *l, const char *s, size_t len)
{
	char *copy = strndup(s, len), **slot;

	if (!copy)
		return cm_error_nomem();
	if (!(slot = cm_array_alloc(l->v))) {
		free(copy);
		return CM_ENOMEM;
	}
	*slot = copy;
	l->sorted = 0;
	return 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cm_strlist_has(cm_strlist *l, const char *s)
{
	if (!l->sorted && l->v.size > 1)
		qsort(l->v.ptr, l->v.size, sizeof *l->v.ptr, by_string);
	l->sorted = 1;
	return l->v.size > 0 &&
	       bsearch(&s, l->v.ptr, l->v.size, sizeof *l->v.ptr, by_string) != NULL;
}

int cm_strlist_has_prefix_of(const cm_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->v.size; i++)
		if (strncmp(s, l->v.ptr[i], strlen(l->v.ptr[i])) == 0)
			return 1;
	return 0;
}

void cm_strlist_free(cm_strlist *l)
{
	for (size_t i = 0; i < l->v.size; i++)
		free(l->v.ptr[i]);
	cm_array_clear(l->v);
	l->sorted = 0;
}
