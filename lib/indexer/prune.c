/* SPDX-License-Identifier: GPL-2.0-or-later */

/* prune.c: removes from the index the documents of the files gone from a
 * walked folder: those below it that the run did not keep (kept.c). */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

int cm_build_prune(cm_build *b, const char *root)
{
	size_t rlen = strlen(root), plen;
	char *prefix = malloc(rlen + 3);
	cm_strlist gone = {CM_ARRAY_INIT, 0};
	cm_xterms *it = NULL;
	const char *term;
	size_t len;
	unsigned count;
	int rc;

	if (!prefix)
		return cm_error_nomem();
	if ((rc = cm_term_id_folder(prefix, rlen + 3, root)) < 0)
		goto cleanup;
	plen = (size_t)rc;
	if ((rc = cm_xdb_allterms(&it, b->db, prefix, plen)) < 0)
		goto cleanup;
	while ((rc = cm_xterms_next(it, &term, &len, &count)) == 1)
		if (!cm_build_kept(b, term) && (rc = cm_strlist_add(&gone, term, len)) < 0)
			break;
	for (size_t i = 0; i < gone.v.size && rc >= 0; i++) {
		const char *idterm = gone.v.ptr[i];
		rc = cm_xdb_delete_by_term(b->db, idterm, strlen(idterm));
		b->counts.seen++;
		b->pending++;
		cm_build_event(b, CM_INDEXER_REMOVED, idterm, NULL);
	}
cleanup:
	cm_xterms_free(it);
	cm_strlist_free(&gone);
	free(prefix);
	return rc;
}
