/* SPDX-License-Identifier: GPL-2.0-or-later */

/* docfind.c: a document found by its file's id term or by its own number's
 * (ops/docfind.h). */
#include "ops/docfind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/docpath.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "ops/citegraph.h"

/* The document of the file at path (its canonical path's id term). */
static int doc_by_path(cm_docinfo **out, cm_xdb *db, const char *path)
{
	char term[CM_ID_TERM_MAX + 1], *canonical = NULL;
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	size_t n;
	int rc;

	*out = NULL;
	if (cm_docpath_canonical(&canonical, path, 0) < 0)
		return cm_error_code() == CM_ENOMEM ? CM_ENOMEM : 0;
	cm_document_id_term(term, &n, canonical);
	free(canonical);
	if ((rc = cm_xdb_postings(&it, db, term, n)) < 0)
		return rc;
	if ((rc = cm_xpostings_next(&id, &wdf, it)) == 1)
		rc = cm_docinfo_read(out, db, id);
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

int cm_doc_find(cm_docinfo **out, cm_xdb *db, const char *doc)
{
	char key[CM_KEY_MAX];
	cm_xdocid id;
	int year, rc;

	if ((rc = doc_by_path(out, db, doc)) < 0 || *out)
		return rc;
	if (cm_citation_parse_ref(key, &year, doc) < 0)
		return cm_error_set(CM_ENOTFOUND, "no document %s in the index", doc);
	if (year)
		snprintf(key + strlen(key), sizeof key - strlen(key), "@%d", year);
	if ((rc = cm_doc_id_by_key(&id, db, key)) < 0)
		return rc;
	if (rc == 0)
		return cm_error_set(CM_ENOTFOUND, "no document %s in the index", doc);
	return cm_docinfo_read(out, db, id);
}
