/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ingest.c: one file into the index: skip it if unchanged (same mtime and
 * size as stored) or if it failed before with the same mtime and size, else
 * read, decode and replace its document, recording the mtime and size of the
 * file as opened; tell (event.c) every file that cannot be indexed, and
 * remember those that failed for their content (failed.c). It does not walk
 * folders. */
#include "build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/source.h"

/* What one call of cm_build_file knows of its file. */
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
static int skip(cm_build *b, const file_state *f, int code)
{
	const char *why = cm_error_last();
	int rc;

	cm_build_event(b, CM_INDEXER_SKIPPED, f->path, "skipped: %s%s%s", why,
		       code == CM_EMISSING ? " (read again on the next run)" : "",
		       f->old ? " (its old version is removed from the index)" : "");
	if (remembered(code)) {
		if ((rc = cm_failure_store(b, &f->failure, f->mtime, f->size, code, why)) < 0 ||
		    (rc = cm_build_keep(b, f->idterm, f->idlen)) < 0)
			return rc;
	} else if ((rc = cm_failure_store(b, &f->failure, NULL, 0, 0, NULL)) < 0) {
		return rc;
	}
	if (f->old) {
		b->pending++;
		if ((rc = cm_xdb_delete_by_term(b->db, f->idterm, f->idlen)) < 0)
			return rc;
	}
	return cm_build_maybe_commit(b);
}

/* The build and the file whose pages OCR reads, for on_ocr_page. */
typedef struct {
	const cm_build *b;
	const char *path;
} ocr_reading;

static void on_ocr_page(unsigned page, unsigned pages, void *data)
{
	const ocr_reading *r = data;

	cm_build_ocr_page(r->b, r->path, page, pages);
}

/* Reads the file and replaces its document. */
static int ingest(cm_build *b, const file_state *f)
{
	cm_source *src = NULL;
	cm_xdoc *xdoc = NULL;
	cm_document doc;
	cm_xdocid id;
	char mtime[CM_MTIME_MAX];
	cm_source_options so = CM_SOURCE_OPTIONS_INIT;
	ocr_reading reading = {b, f->path};
	int rc;

	so.max_size = b->opts->max_size;
	so.follow = b->opts->follow;
	so.ocr = b->opts->ocr;
	so.ocr_cache = b->ocr_cache;
	so.on_ocr_page = on_ocr_page;
	so.ocr_page_data = &reading;
	if ((rc = cm_source_load_with(&src, f->path, &so)) < 0)
		return fatal(rc) ? rc : skip(b, f, rc);
	if (src->ocr_pages > 0) {
		b->counts.ocr_read++;
		b->counts.ocr_cached += src->ocr_cached != 0;
	}
	if (src->ocr_low_pages > 0) {
		cm_build_event(b, CM_INDEXER_WARNING, f->path,
			       "warning: %u of %u pages read by OCR under %d%% confidence "
			       "(lowest: page %u, %d%%)",
			       src->ocr_low_pages, src->ocr_pages, CM_OCR_LOW_CONFIDENCE,
			       src->ocr_lowest_page, src->ocr_lowest_confidence);
	}
	if (src->invalid > 0) {
		cm_build_event(b, CM_INDEXER_WARNING, f->path,
			       "warning: %zu invalid %s sequences replaced (not indexed)",
			       src->invalid, src->encoding ? src->encoding : "byte");
	}
	if (src->encoding_uncertain) {
		cm_build_event(b, CM_INDEXER_WARNING, f->path,
			       "warning: encoding uncertain (read as %s)", src->encoding);
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
			    .date = src->date,
			    .ocr_pages = src->ocr_pages,
			    .ocr_low_pages = src->ocr_low_pages,
			    .ocr_repairs = src->ocr_repairs,
			    .ocr_confidence = src->ocr_confidence};
	if (!b->words &&
	    ((rc = cm_vocab_new(&b->words)) < 0 || (rc = cm_vocab_new(&b->written)) < 0))
		goto cleanup;
	cm_vocab_clear(b->words);
	if ((rc = cm_document_build(&xdoc, b->words, &doc)) < 0) {
		rc = fatal(rc) ? rc : skip(b, f, rc);
		goto cleanup;
	}
	if ((rc = cm_xdb_replace_by_term(&id, b->db, f->idterm, f->idlen, xdoc)) < 0 ||
	    (rc = cm_vocab_write_new(b->written, b->db, b->words)) < 0 ||
	    (rc = cm_failure_store(b, &f->failure, NULL, 0, 0, NULL)) < 0)
		goto cleanup;
	cm_build_event(b, f->old ? CM_INDEXER_UPDATED : CM_INDEXER_ADDED, f->path, NULL);
	b->pending++;
	if ((rc = cm_build_keep(b, f->idterm, f->idlen)) == 0)
		rc = cm_build_maybe_commit(b);
cleanup:
	cm_xdoc_free(xdoc);
	cm_source_free(src);
	return rc;
}

int cm_build_file(cm_build *b, const char *path, uint64_t size, const struct timespec *mtime)
{
	file_state f = {.path = path, .size = size};
	int rc, same = 0;

	b->counts.seen++;
	b->bytes_seen += f.size;
	cm_build_progress(b,
			  &(cm_indexer_progress){.done = b->counts.seen, .bytes = b->bytes_seen});
	cm_document_id_term(f.idterm, &f.idlen, path);
	cm_mtime_format(f.mtime, sizeof f.mtime, mtime);
	if ((rc = find_doc(&f.old, b->db, f.idterm, f.idlen)) < 0)
		return rc;
	if (f.old && (rc = is_unchanged(&same, b->db, &f)) < 0)
		return rc;
	if (same) {
		cm_build_event(b, CM_INDEXER_UNCHANGED, path, NULL);
		return cm_build_keep(b, f.idterm, f.idlen);
	}
	if ((rc = cm_failure_load(&f.failure, b, f.idterm, f.mtime, f.size)) < 0)
		goto cleanup;
	if (f.failure.reason) {
		cm_build_event(b, CM_INDEXER_SKIPPED, path,
			       "skipped (unchanged since it failed): %s", f.failure.reason);
		rc = cm_build_keep(b, f.idterm, f.idlen);
		goto cleanup;
	}
	rc = ingest(b, &f);
cleanup:
	cm_failure_release(&f.failure);
	return rc;
}

void cm_build_release(cm_build *b)
{
	cm_strlist_free(&b->kept);
	cm_strlist_free(&b->unread);
	cm_vocab_free(b->words);
	cm_vocab_free(b->written);
	b->words = b->written = NULL;
}
