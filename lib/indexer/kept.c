/* SPDX-License-Identifier: GPL-2.0-or-later */

/* kept.c: what an indexing run keeps: the id terms of the files it indexed,
 * found unchanged or remembered as failed, and the folders it could not read
 * (whose documents stay, since the run cannot tell whether their files are
 * gone). Pruning removes the rest below a walked folder. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_build_keep(cm_build *b, const char *s, size_t len)
{
	return cm_strlist_add(&b->kept, s, len);
}

int cm_build_keep_unread(cm_build *b, const char *folder)
{
	size_t n = strlen(folder);
	char *prefix = malloc(n + 3);
	int rc;

	if (!prefix)
		return cm_error_nomem();
	rc = cm_term_id_folder(prefix, n + 3, folder);
	if (rc > 0)
		rc = cm_strlist_add(&b->unread, prefix, (size_t)rc);
	free(prefix);
	return rc;
}

int cm_build_kept(cm_build *b, const char *idterm)
{
	return cm_strlist_has(&b->kept, idterm) || cm_strlist_has_prefix_of(&b->unread, idterm);
}

int cm_build_unkept(cm_strlist *gone, cm_build *b, cm_xterms *it, size_t skip)
{
	const char *name;
	size_t len;
	unsigned count;
	int rc;

	while ((rc = cm_xterms_next(&name, &len, &count, it)) == 1)
		if (!cm_build_kept(b, name + skip) && (rc = cm_strlist_add(gone, name, len)) < 0)
			break;
	cm_xterms_free(it);
	return rc;
}
