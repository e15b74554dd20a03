/* SPDX-License-Identifier: GPL-2.0-or-later */

/* index.c: the read-only index handle of chimuc/index.h and its bounded
 * rerun after "database modified". */
#include "chimuc/index.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"

struct cm_index {
	cm_xdb *db;
	char *path;
};

int cm_index_open(cm_index **out, const char *path)
{
	cm_index *ix = calloc(1, sizeof *ix);
	int rc;

	*out = NULL;
	if (!ix || !(ix->path = strdup(path))) {
		rc = cm_error_nomem();
		goto fail;
	}
	if ((rc = cm_xdb_open(&ix->db, path)) < 0 || (rc = cm_index_format_check(ix->db, 0)) < 0)
		goto fail;
	*out = ix;
	return 0;
fail:
	cm_index_free(ix);
	return rc;
}

void cm_index_free(cm_index *ix)
{
	if (!ix)
		return;
	cm_xdb_free(ix->db);
	free(ix->path);
	free(ix);
}

int cm_index_refresh(int *changed, cm_index *ix)
{
	return cm_xdb_reopen(changed, ix->db);
}

int cm_index_revision(uint64_t *out, cm_index *ix)
{
	unsigned long long rev = 0;
	int rc = cm_xdb_revision(&rev, ix->db);

	*out = rev;
	return rc;
}

const char *cm_index_path(const cm_index *ix)
{
	return ix->path;
}

cm_xdb *cm_index_xdb(cm_index *ix)
{
	return ix->db;
}

int cm_index_read(cm_index *ix, cm_index_read_fn read, void *ctx)
{
	int rc = 0, changed;

	for (int run = 1; run <= CM_INDEX_RETRIES; run++) {
		if ((rc = read(ctx, ix->db)) != CM_EMODIFIED)
			return rc;
		if (run < CM_INDEX_RETRIES && (rc = cm_xdb_reopen(&changed, ix->db)) < 0)
			return rc;
	}
	return cm_error_set(CM_EMODIFIED,
			    "the index kept changing while it was read (%d tries): try again",
			    CM_INDEX_RETRIES);
}
