/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/indexer.h: indexing files and folders into an index, the operation
 * chimuc-index runs. A folder is walked in sorted order (hidden entries
 * passed over, symbolic links followed only with the follow option); a file
 * whose mtime and size are those stored is left alone, a changed one is
 * replaced, and the documents of files gone from a walked folder are
 * removed. A file skipped for its content is remembered, and not read again
 * until its mtime or size changes. Changes are committed every batch
 * documents in one transaction, so that a failure or a kill leaves the index
 * at its last commit. An index that holds nothing yet is built by jobs
 * threads into shards merged at the end and put in place in one atomic step.
 *
 * What happens to each file is told to the caller through an event callback
 * (and counted, cm_indexer_counts); the library prints nothing. The
 * callbacks may be called from the build's worker threads, one at a time
 * per thread: with jobs > 1 they must be thread-safe.
 *
 * Ownership: *out of cm_indexer_open is the caller's (cm_indexer_free); the
 * strings of an event are borrowed for the call only. */
#ifndef CHIMUC_INDEXER_H
#define CHIMUC_INDEXER_H

#include <stdint.h>

#include "chimuc/source.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What happened to a file or folder. */
typedef enum {
	CM_INDEXER_ADDED,     /* indexed, new to the index */
	CM_INDEXER_UPDATED,   /* indexed, replacing its changed document */
	CM_INDEXER_UNCHANGED, /* the mtime and size stored: left alone */
	CM_INDEXER_REMOVED,   /* gone from a walked folder: its document removed */
	CM_INDEXER_SKIPPED,   /* not indexed (message: why) */
	CM_INDEXER_WARNING,   /* indexed, with a problem (message: which) */
	CM_INDEXER_OCR_PAGE   /* OCR starts on page of pages of the file being
			       * read (not counted: the file has its own) */
} cm_indexer_event_kind;

typedef struct {
	cm_indexer_event_kind kind;
	const char *path;     /* the file or folder (REMOVED: the path the
			      * document was indexed under) */
	const char *message;  /* SKIPPED and WARNING: one line for the user
			      * ("skipped: empty file"); else NULL */
	unsigned page, pages; /* OCR_PAGE: the page (1-based) and the file's
			       * pages; else 0 */
} cm_indexer_event;

typedef void (*cm_indexer_event_fn)(const cm_indexer_event *ev, void *data);

/* How far a run is: with start set, the count starts again with total files
 * of total_bytes (0: not known), total being a guess when estimated is set
 * (the documents of the index, for an update); else done files of bytes are
 * finished. A parallel build starts again with the files its walk found. */
typedef struct {
	int start;
	unsigned long done, total;
	uint64_t bytes, total_bytes;
	int estimated;
} cm_indexer_progress;

typedef void (*cm_indexer_progress_fn)(const cm_indexer_progress *p, void *data);

/* The most threads of a parallel build. */
#define CM_INDEXER_JOBS_MAX 16

#define CM_INDEXER_OPTIONS_VERSION 1

typedef struct {
	unsigned version;  /* CM_INDEXER_OPTIONS_VERSION */
	int follow;        /* follow symbolic links (loops are detected) */
	uint64_t max_size; /* larger files are skipped */
	unsigned batch;    /* changed documents per commit, at least 1 */
	/* Threads building a new index (above CM_INDEXER_JOBS_MAX: that many);
	 * 1: one file after another. */
	unsigned jobs;
	cm_indexer_event_fn on_event;       /* NULL: none */
	void *event_data;                   /* handed to on_event */
	cm_indexer_progress_fn on_progress; /* NULL: none */
	void *progress_data;                /* handed to on_progress */
	/* Which PDF pages OCR reads. Its text is cached by the file's content
	 * in the folder DBPATH.ocr beside the index, so that a scan unchanged,
	 * renamed or touched is never read by OCR again. */
	cm_ocr_mode ocr;
} cm_indexer_options;

#define CM_INDEXER_OPTIONS_INIT                                                                  \
	{                                                                                        \
		CM_INDEXER_OPTIONS_VERSION, 0, CM_SOURCE_MAX_DEFAULT, 1000, 1, NULL, NULL, NULL, \
			NULL, CM_OCR_AUTO                                                        \
	}

/* What a run did, counted as the events were told. seen counts every file
 * and folder met (not the ignored ones: files without a document name in a
 * walked folder); ocr_read the files indexed with pages read by OCR, and
 * ocr_cached those of them whose text the OCR cache gave. */
typedef struct {
	unsigned long seen, added, updated, unchanged, removed, skipped, warnings, ignored;
	unsigned long ocr_read, ocr_cached;
} cm_indexer_counts;

typedef struct cm_indexer cm_indexer;

/* Opens (or creates) the index at dbpath for writing, its parent folder
 * existing. opts NULL: the defaults. Errors: CM_ELOCKED (another writer
 * holds it), CM_EUNSUPPORTED (an index of another format), CM_EINVAL (an
 * unknown opts->version, a batch of 0), CM_ENOMEM, the binding's. */
int cm_indexer_open(cm_indexer **out, const char *dbpath, const cm_indexer_options *opts);

/* Indexes the n files and folders at paths, each under its canonical
 * absolute path; a path that cannot be read is an event, not an error.
 * Returns only failures of the index itself (or of memory): then the index
 * keeps its last commit. Runs once per indexer (again: CM_EINVAL). */
int cm_indexer_run(cm_indexer *ix, const char *const *paths, size_t n);

/* Closes the index: what a run committed is written; the changes of a run
 * stopped by an error are dropped. Errors: CM_EIO and the binding's. */
int cm_indexer_close(cm_indexer *ix);

/* The counts of the run so far (also after an error or a close); borrowed. */
const cm_indexer_counts *cm_indexer_counts_get(const cm_indexer *ix);

/* Closes the index if still open and frees ix (NULL: nothing). */
void cm_indexer_free(cm_indexer *ix);

#ifdef __cplusplus
}
#endif

#endif
