/* SPDX-License-Identifier: GPL-2.0-or-later */

/* found.c: a document file found by a walk or named by the caller: indexed
 * at once (ingest.c), or listed for a parallel build. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_build_found(cm_build *b, const char *path, const struct stat *st)
{
	cm_found_file *f;
	char *copy;

	if (!b->found)
		return cm_build_file(b, path, (uint64_t)st->st_size, &st->st_mtim);
	if (!(copy = strdup(path)))
		return cm_error_nomem();
	if (!(f = cm_array_alloc(*b->found))) {
		free(copy);
		return CM_ENOMEM;
	}
	f->path = copy;
	f->size = (uint64_t)st->st_size;
	f->mtime = st->st_mtim;
	return 0;
}

void cm_filelist_free(cm_filelist *l)
{
	for (size_t i = 0; i < l->size; i++)
		free(l->ptr[i].path);
	cm_array_clear(*l);
}
