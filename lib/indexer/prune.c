/* SPDX-License-Identifier: GPL-2.0-or-later */

/* prune.c: removes from the index the documents of the files gone from a
 * walked folder: those below it that the run did not keep (kept.c). */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* *out (the caller's, free()) is the path stored in the document with
 * idterm, NULL if there is none. */
static int stored_path(char **out, cm_xdb *db, const char *idterm)
{
	cm_xpostings *it;
	cm_xdoc *doc = NULL;
	cm_xdocid id = 0;
	unsigned wdf;
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = cm_xdb_postings(&it, db, idterm, strlen(idterm))) < 0)
		return rc;
	rc = cm_xpostings_next(&id, &wdf, it);
	cm_xpostings_free(it);
	if (rc <= 0)
		return rc;
	if ((rc = cm_xdb_get_document(&doc, db, id)) < 0)
		return rc;
	if (cm_xdoc_get_value(out, &n, doc, CM_SLOT_PATH) < 0)
		*out = NULL;
	cm_xdoc_free(doc);
	return 0;
}

/* Removes the document with idterm, telling its path. */
static int remove_document(cm_build *b, const char *idterm)
{
	char *path;
	int rc;

	if ((rc = stored_path(&path, b->db, idterm)) < 0 ||
	    (rc = cm_xdb_delete_by_term(b->db, idterm, strlen(idterm))) < 0) {
		free(path);
		return rc;
	}
	b->counts.seen++;
	b->pending++;
	cm_build_event(b, CM_INDEXER_REMOVED, path ? path : idterm, NULL);
	free(path);
	return 0;
}

int cm_build_prune(cm_build *b, const char *root)
{
	size_t rlen = strlen(root);
	char *prefix = malloc(rlen + 3);
	cm_strlist gone = {CM_ARRAY_INIT, 0};
	cm_xterms *it;
	int rc;

	if (!prefix)
		return cm_error_nomem();
	if ((rc = cm_term_id_folder(prefix, rlen + 3, root)) < 0 ||
	    (rc = cm_xdb_allterms(&it, b->db, prefix, (size_t)rc)) < 0 ||
	    (rc = cm_build_unkept(&gone, b, it, 0)) < 0)
		goto cleanup;
	for (size_t i = 0; i < gone.v.size && rc >= 0; i++)
		rc = remove_document(b, gone.v.ptr[i]);
cleanup:
	cm_strlist_free(&gone);
	free(prefix);
	return rc;
}
