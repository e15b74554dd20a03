/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ingest.c: one file into the index: skip it if unchanged (same mtime and
 * size as stored) or if it failed before with the same mtime and size, else
 * read, decode and replace its document, recording the mtime and size of the
 * file as opened; report and count every file that cannot be indexed, and
 * remember those that failed for their content (failed.c). It does not walk
 * folders. */
#include "indexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/source.h"

/* What one call of cm_indexer_file knows of its file. */
typedef struct {
	const char *path;
	char idterm[CM_ID_TERM_MAX + 1];
	size_t idlen;
	char mtime[CM_MTIME_MAX]; /* as the walk saw them */
	uint64_t size;
	cm_xdocid old; /* its document, or 0 */
	cm_failure failure;
} file_state;

/* *out_docid is the document with idterm, or 0. */
static int find_doc(cm_xdocid *out_docid, cm_xdb *db, const char *idterm, size_t len)
{
	cm_xpostings *it;
	unsigned wdf;
	int rc;

	*out_docid = 0;
	if ((rc = cm_xdb_postings(&it, db, idterm, len)) < 0)
		return rc;
	rc = cm_xpostings_next(out_docid, &wdf, it);
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

static int value_is(cm_xdoc *doc, unsigned slot, const char *want)
{
	char *v;
	size_t n;
	int same;

	if (cm_xdoc_get_value(&v, &n, doc, slot) < 0)
		return 0;
	same = n == strlen(want) && memcmp(v, want, n) == 0;
	free(v);
	return same;
}

static int is_unchanged(int *out, cm_xdb *db, const file_state *f)
{
	cm_xdoc *doc;
	char sizebuf[CM_SIZE_MAX];
	int rc;

	if ((rc = cm_xdb_get_document(&doc, db, f->old)) < 0)
		return rc;
	cm_size_format(sizebuf, sizeof sizebuf, f->size);
	*out = value_is(doc, CM_SLOT_MTIME, f->mtime) && value_is(doc, CM_SLOT_SIZE, sizebuf);
	cm_xdoc_free(doc);
	return 0;
}

static int fatal(int rc)
{
	return rc == CM_ENOMEM || rc == CM_ECORRUPT || rc == CM_ELOCKED || rc == CM_ERROR;
}

/* Failures that reading the same bytes again would repeat: not those of
 * the environment (a read error, a file gone, a library not installed). */
static int remembered(int rc)
{
	return rc != CM_EIO && rc != CM_ENOTFOUND && rc != CM_EMISSING;
}

/* The file could not be indexed (code, with the reason in cm_error_last()):
 * report it, remember or forget its failure, and drop an old version. */
static int skip(cm_indexer *ix, const file_state *f, int code)
{
	const char *why = cm_error_last();
	int rc;

	ix->skipped++;
	cm_diag(CM_INDEXER_PROGRAM, f->path, "skipped: %s%s%s", why,
		code == CM_EMISSING ? " (read again on the next run)" : "",
		f->old ? " (its old version is removed from the index)" : "");
	if (remembered(code)) {
		if ((rc = cm_failure_store(ix, &f->failure, f->mtime, f->size, code, why)) < 0 ||
		    (rc = cm_strlist_add(&ix->kept, f->idterm, f->idlen)) < 0)
			return rc;
	} else if ((rc = cm_failure_store(ix, &f->failure, NULL, 0, 0, NULL)) < 0) {
		return rc;
	}
	if (f->old) {
		ix->pending++;
		if ((rc = cm_xdb_delete_by_term(ix->db, f->idterm, f->idlen)) < 0)
			return rc;
	}
	return cm_indexer_maybe_commit(ix);
}

/* Reads the file and replaces its document. */
static int ingest(cm_indexer *ix, const file_state *f)
{
	cm_source *src = NULL;
	cm_xdoc *xdoc = NULL;
	cm_document doc;
	cm_xdocid id;
	char mtime[CM_MTIME_MAX];
	int rc;

	if ((rc = cm_source_load(&src, f->path, ix->max_size, ix->follow)) < 0)
		return fatal(rc) ? rc : skip(ix, f, rc);
	if (src->invalid > 0) {
		ix->warnings++;
		cm_diag(CM_INDEXER_PROGRAM, f->path,
			"warning: %zu invalid %s sequences replaced (not indexed)", src->invalid,
			src->encoding ? src->encoding : "byte");
	}
	if (src->encoding_uncertain) {
		ix->warnings++;
		cm_diag(CM_INDEXER_PROGRAM, f->path, "warning: encoding uncertain (read as %s)",
			src->encoding);
	}
	cm_mtime_format(mtime, sizeof mtime, &src->mtime);
	doc = (cm_document){.path = f->path,
			    .text = src->text,
			    .text_len = src->text_len,
			    .mtime = mtime,
			    .size = src->stat_size,
			    .hash = src->hash,
			    .format = src->format,
			    .title = src->title,
			    .date = src->date};
	if (!ix->words &&
	    ((rc = cm_vocab_new(&ix->words)) < 0 || (rc = cm_vocab_new(&ix->written)) < 0))
		goto cleanup;
	cm_vocab_clear(ix->words);
	if ((rc = cm_document_build(&xdoc, ix->words, &doc)) < 0) {
		rc = fatal(rc) ? rc : skip(ix, f, rc);
		goto cleanup;
	}
	if ((rc = cm_xdb_replace_by_term(&id, ix->db, f->idterm, f->idlen, xdoc)) < 0 ||
	    (rc = cm_vocab_write_new(ix->written, ix->db, ix->words)) < 0 ||
	    (rc = cm_failure_store(ix, &f->failure, NULL, 0, 0, NULL)) < 0)
		goto cleanup;
	ix->indexed++;
	ix->pending++;
	if ((rc = cm_strlist_add(&ix->kept, f->idterm, f->idlen)) == 0)
		rc = cm_indexer_maybe_commit(ix);
cleanup:
	cm_xdoc_free(xdoc);
	cm_source_free(src);
	return rc;
}

int cm_indexer_file(cm_indexer *ix, const char *path, const struct stat *st)
{
	file_state f = {.path = path, .size = (uint64_t)st->st_size};
	int rc, same = 0;

	ix->seen++;
	ix->bytes_seen += f.size;
	if (ix->progress)
		cm_progress_show(ix->progress, ix->seen, ix->bytes_seen);
	cm_document_id_term(f.idterm, &f.idlen, path);
	cm_mtime_format(f.mtime, sizeof f.mtime, &st->st_mtim);
	if ((rc = find_doc(&f.old, ix->db, f.idterm, f.idlen)) < 0)
		return rc;
	if (f.old && (rc = is_unchanged(&same, ix->db, &f)) < 0)
		return rc;
	if (same) {
		ix->unchanged++;
		return cm_strlist_add(&ix->kept, f.idterm, f.idlen);
	}
	if ((rc = cm_failure_load(&f.failure, ix, f.idterm, f.mtime, f.size)) < 0)
		goto cleanup;
	if (f.failure.reason) {
		ix->skipped++;
		cm_diag(CM_INDEXER_PROGRAM, path, "skipped (unchanged since it failed): %s",
			f.failure.reason);
		rc = cm_strlist_add(&ix->kept, f.idterm, f.idlen);
		goto cleanup;
	}
	rc = ingest(ix, &f);
cleanup:
	cm_failure_release(&f.failure);
	return rc;
}

int cm_indexer_begin(cm_indexer *ix)
{
	ix->pending = 0;
	return cm_xdb_begin_transaction(ix->db, 1);
}

int cm_indexer_commit(cm_indexer *ix)
{
	int rc;

	if ((rc = cm_xdb_commit_transaction(ix->db)) < 0)
		return rc;
	return cm_indexer_begin(ix);
}

int cm_indexer_finish(cm_indexer *ix)
{
	ix->pending = 0;
	return cm_xdb_commit_transaction(ix->db);
}

int cm_indexer_maybe_commit(cm_indexer *ix)
{
	return ix->pending < ix->batch ? 0 : cm_indexer_commit(ix);
}

void cm_indexer_release(cm_indexer *ix)
{
	cm_strlist_free(&ix->kept);
	cm_strlist_free(&ix->unread);
	cm_vocab_free(ix->words);
	cm_vocab_free(ix->written);
	ix->words = ix->written = NULL;
}
