/* SPDX-License-Identifier: GPL-2.0-or-later */

/* failed.c: failure records. A file skipped for its content (binary, empty,
 * an unsupported format, over the size limit…) is remembered in the index's
 * user metadata with the mtime and size it had, so that the next run skips
 * it unread while they stay the same. Files that could not be opened or read
 * are not remembered: a change of permissions leaves the mtime alone. */
#include "build.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/schema.h"

int cm_failure_load(cm_failure *f, cm_build *b, const char *idterm, const char *mtime,
		    uint64_t size)
{
	cm_failed_record r;
	size_t len;
	int rc;

	f->record = NULL;
	f->reason = NULL;
	if ((rc = cm_meta_failed_key(f->key, sizeof f->key, idterm)) < 0 ||
	    (rc = cm_xdb_get_metadata(&f->record, &len, b->db, f->key)) < 0)
		return rc;
	if (cm_failed_record_parse(&r, f->record) < 0 || r.mtime_len != strlen(mtime) ||
	    memcmp(r.mtime, mtime, r.mtime_len) != 0 || r.size != size ||
	    (r.code == CM_ELIMIT && size <= b->opts->max_size))
		return 0;
	f->reason = r.reason;
	return 0;
}

int cm_failure_store(cm_build *b, const cm_failure *f, const char *mtime, uint64_t size, int code,
		     const char *reason)
{
	cm_failed_record r;
	char *value;
	size_t n;
	int rc;

	if (!reason) {
		if (!f->record || !f->record[0])
			return 0;
		b->pending++;
		return cm_xdb_set_metadata(b->db, f->key, "", 0);
	}
	r = (cm_failed_record){mtime, strlen(mtime), size, code, reason};
	if ((rc = cm_failed_record_format(&value, &n, &r)) < 0)
		return rc;
	b->pending++;
	rc = cm_xdb_set_metadata(b->db, f->key, value, n);
	free(value);
	return rc;
}

void cm_failure_release(cm_failure *f)
{
	free(f->record);
	f->record = NULL;
}

int cm_failure_prune(cm_build *b, const char *root)
{
	size_t rlen = strlen(root), skip = strlen(CM_FAILED_PREFIX);
	char *prefix = malloc(skip + rlen + 3);
	cm_strlist gone = {CM_ARRAY_INIT, 0};
	cm_xterms *it;
	int rc;

	if (!prefix)
		return cm_error_nomem();
	if ((rc = cm_term_id_folder(prefix + skip, rlen + 3, root)) < 0 ||
	    (rc = cm_meta_failed_key(prefix, skip + rlen + 3, prefix + skip)) < 0 ||
	    (rc = cm_xdb_metadata_keys(&it, b->db, prefix, (size_t)rc)) < 0 ||
	    (rc = cm_build_unkept(&gone, b, it, skip)) < 0)
		goto cleanup;
	for (size_t i = 0; i < gone.v.size && rc >= 0; i++) {
		b->pending++;
		rc = cm_xdb_set_metadata(b->db, gone.v.ptr[i], "", 0);
	}
cleanup:
	cm_strlist_free(&gone);
	free(prefix);
	return rc < 0 ? rc : 0;
}
