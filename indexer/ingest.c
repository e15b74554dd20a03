/* ingest.c: one file into the index: skip it if unchanged (same mtime and
 * size as stored), else read, decode and replace its document; report and
 * count every file that cannot be indexed. It does not walk folders. */
#include "indexer.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/source.h"

static int keep(cm_indexer *ix, const char *idterm)
{
	if (ix->nkept == ix->capkept) {
		size_t cap = ix->capkept ? 2 * ix->capkept : 256;
		char **v = realloc(ix->kept, cap * sizeof *v);
		if (!v)
			return cm_error_set(CM_ENOMEM, "out of memory");
		ix->kept = v;
		ix->capkept = cap;
	}
	if (!(ix->kept[ix->nkept] = strdup(idterm)))
		return cm_error_set(CM_ENOMEM, "out of memory");
	ix->nkept++;
	return 0;
}

/* *out_docid is the document with idterm, or 0. */
static int find_doc(cm_xdocid *out_docid, cm_xdb *db, const char *idterm, size_t len)
{
	cm_xpostings *it;
	unsigned wdf;
	int rc;

	*out_docid = 0;
	if ((rc = cm_xdb_postings(&it, db, idterm, len)) < 0)
		return rc;
	rc = cm_xpostings_next(it, out_docid, &wdf);
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

static int is_unchanged(int *out, cm_xdb *db, cm_xdocid docid, const char *mtime, uint64_t size)
{
	cm_xdoc *doc;
	char sizebuf[32];
	int rc;

	if ((rc = cm_xdb_get_document(&doc, db, docid)) < 0)
		return rc;
	snprintf(sizebuf, sizeof sizebuf, "%" PRIu64, size);
	*out = value_is(doc, CM_SLOT_MTIME, mtime) && value_is(doc, CM_SLOT_SIZE, sizebuf);
	cm_xdoc_free(doc);
	return 0;
}

static int fatal(int rc)
{
	return rc == CM_ENOMEM || rc == CM_ECORRUPT || rc == CM_ELOCKED || rc == CM_ERROR;
}

/* The file could not be read: report it, and drop an old version. */
static int skip(cm_indexer *ix, const char *path, const char *idterm, size_t idlen,
		cm_xdocid old)
{
	ix->skipped++;
	cm_diag(CM_INDEXER_PROGRAM, path, "skipped: %s%s", cm_error_last(),
		old ? " (its old version is removed from the index)" : "");
	if (!old)
		return 0;
	ix->pending++;
	return cm_xdb_delete_by_term(ix->db, idterm, idlen);
}

int cm_indexer_file(cm_indexer *ix, const char *path, const struct stat *st)
{
	char idterm[CM_ID_TERM_MAX + 1], mtime[48];
	size_t idlen;
	cm_xdocid old;
	cm_source *src = NULL;
	cm_xdoc *xdoc = NULL;
	cm_document doc;
	int rc, same = 0;

	ix->seen++;
	if (ix->progress && ix->seen % 64 == 0)
		fprintf(stderr, "\r%s: %lu files…", CM_INDEXER_PROGRAM, ix->seen);
	cm_document_id_term(idterm, &idlen, path);
	snprintf(mtime, sizeof mtime, "%lld.%09ld", (long long)st->st_mtim.tv_sec,
		 (long)st->st_mtim.tv_nsec);
	if ((rc = find_doc(&old, ix->db, idterm, idlen)) < 0)
		return rc;
	if (old && (rc = is_unchanged(&same, ix->db, old, mtime, (uint64_t)st->st_size)) < 0)
		return rc;
	if (same) {
		ix->unchanged++;
		return keep(ix, idterm);
	}
	if ((rc = cm_source_load(&src, path, ix->max_size, ix->follow)) < 0)
		return fatal(rc) ? rc : skip(ix, path, idterm, idlen, old);
	if (src->invalid > 0) {
		ix->warnings++;
		cm_diag(CM_INDEXER_PROGRAM, path,
			"warning: %zu invalid %s sequences replaced (not indexed)", src->invalid,
			src->encoding ? src->encoding : "byte");
	}
	if (src->encoding_uncertain) {
		ix->warnings++;
		cm_diag(CM_INDEXER_PROGRAM, path, "warning: encoding uncertain (read as %s)",
			src->encoding);
	}
	doc = (cm_document){.path = path,
			    .text = src->text,
			    .text_len = src->text_len,
			    .mtime = mtime,
			    .size = src->size,
			    .hash = src->hash,
			    .format = src->format,
			    .title = src->title,
			    .date = src->date};
	if (!ix->words && ((rc = cm_vocab_new(&ix->words)) < 0 || (rc = cm_vocab_new(&ix->written)) < 0))
		goto cleanup;
	cm_vocab_clear(ix->words);
	if ((rc = cm_document_build(&xdoc, ix->words, &doc)) < 0) {
		rc = fatal(rc) ? rc : skip(ix, path, idterm, idlen, old);
		goto cleanup;
	}
	if ((rc = cm_xdb_replace_by_term(&old, ix->db, idterm, idlen, xdoc)) < 0 ||
	    (rc = cm_vocab_write_new(ix->written, ix->db, ix->words)) < 0)
		goto cleanup;
	ix->indexed++;
	ix->pending++;
	if ((rc = keep(ix, idterm)) == 0)
		rc = cm_indexer_maybe_commit(ix);
cleanup:
	cm_xdoc_free(xdoc);
	cm_source_free(src);
	return rc;
}

int cm_indexer_maybe_commit(cm_indexer *ix)
{
	if (ix->pending < ix->batch)
		return 0;
	ix->pending = 0;
	return cm_xdb_commit(ix->db);
}

void cm_indexer_release(cm_indexer *ix)
{
	for (size_t i = 0; i < ix->nkept; i++)
		free(ix->kept[i]);
	free(ix->kept);
	ix->kept = NULL;
	ix->nkept = ix->capkept = 0;
	cm_vocab_free(ix->words);
	cm_vocab_free(ix->written);
	ix->words = ix->written = NULL;
}
