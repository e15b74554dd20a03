/* SPDX-License-Identifier: GPL-2.0-or-later */

/* strlist.c: a growable list of owned strings with a lazily sorted lookup,
 * for the id terms an indexer run keeps and the folders it could not read. */
#include "indexer.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_strlist_add(cm_strlist *l, const char *s, size_t len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 256;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return cm_error_nomem();
		l->v = v;
		l->cap = cap;
	}
	if (!(l->v[l->n] = strndup(s, len)))
		return cm_error_nomem();
	l->n++;
	l->sorted = 0;
	return 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cm_strlist_has(cm_strlist *l, const char *s)
{
	if (!l->sorted && l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, by_string);
	l->sorted = 1;
	return l->n > 0 && bsearch(&s, l->v, l->n, sizeof *l->v, by_string) != NULL;
}

int cm_strlist_has_prefix_of(const cm_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strncmp(s, l->v[i], strlen(l->v[i])) == 0)
			return 1;
	return 0;
}

void cm_strlist_free(cm_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (cm_strlist){0};
}
