/* SPDX-License-Identifier: GPL-2.0-or-later */

/* transaction.c: an indexing run writes in transactions of opts->batch
 * changed documents, so that a failure or a kill leaves the index at its
 * last commit. */
#include "build.h"

int cm_build_begin(cm_build *b)
{
	b->pending = 0;
	return cm_xdb_begin_transaction(b->db, 1);
}

int cm_build_commit(cm_build *b)
{
	int rc;

	if ((rc = cm_xdb_commit_transaction(b->db)) < 0)
		return rc;
	return cm_build_begin(b);
}

int cm_build_finish(cm_build *b)
{
	b->pending = 0;
	return cm_xdb_commit_transaction(b->db);
}

int cm_build_maybe_commit(cm_build *b)
{
	return b->pending < b->opts->batch ? 0 : cm_build_commit(b);
}
