/* SPDX-License-Identifier: GPL-2.0-or-later */

/* match.c: the whole match of a query in docid order (match.h). */
#include "ops/match.h"

int cm_match_all(cm_xmset **out, cm_xdb *db, const cm_xquery *q)
{
	cm_xenquire *e = NULL;
	unsigned docs;
	int rc;

	*out = NULL;
	if ((rc = cm_xdb_doccount(&docs, db)) == 0 && (rc = cm_xenquire_new(&e, db)) == 0 &&
	    (rc = cm_xenquire_set_query(e, q)) == 0 && (rc = cm_xenquire_set_sort_by_docid(e)) == 0)
		rc = cm_xenquire_mset(out, e, 0, docs);
	cm_xenquire_free(e); /* the match keeps what it needs of it */
	return rc;
}
