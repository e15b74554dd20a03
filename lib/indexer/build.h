/* SPDX-License-Identifier: GPL-2.0-or-later */

/* indexer/build.h: the state of one indexing run (chimuc/indexer.h), shared
 * by the files of lib/indexer/: the walk (walk.c), a found file listed or
 * indexed (found.c), one file into the index (ingest.c), failure records
 * (failed.c), what the run keeps (kept.c), pruning (prune.c), transactions
 * (transaction.c), events (event.c) and the parallel build (parallel.c).
 * Internal to the library. */
#ifndef CHIMUC_BUILD_H
#define CHIMUC_BUILD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "chimuc/array.h"
#include "chimuc/indexer.h"
#include "chimuc/schema.h"
#include "chimuc/vocab.h"
#include "chimuc/xapian_c.h"

/* Owned strings; lookups sort the list first. */
typedef struct {
	cm_array_t(char *) v;
	int sorted;
} cm_strlist;

int cm_strlist_add(cm_strlist *l, const char *s, size_t len);
int cm_strlist_has(cm_strlist *l, const char *s);
/* 1 if one of the strings of l begins s. */
int cm_strlist_has_prefix_of(const cm_strlist *l, const char *s);
void cm_strlist_free(cm_strlist *l);

/* A file found by a walk, to be indexed later (a parallel build). */
typedef struct {
	char *path;
	uint64_t size;
	struct timespec mtime;
} cm_found_file;

typedef cm_array_t(cm_found_file) cm_filelist;

void cm_filelist_free(cm_filelist *l);

typedef struct {
	cm_xdb *db;
	const cm_indexer_options *opts; /* the callbacks and limits */
	cm_filelist *found;             /* when set, found files are listed here, not indexed */
	uint64_t bytes_seen;            /* the sizes of the files seen, for the progress */
	unsigned pending;               /* documents changed since the last commit */
	cm_indexer_counts counts;
	int fresh;             /* building a new index: nothing to prune, so
				* nothing is kept */
	cm_strlist kept;       /* id terms of the files indexed, unchanged or
			    * remembered as failed */
	cm_strlist unread;     /* the id-term folder prefixes of the folders that
			    * could not be read */
	cm_vocab *words;       /* the vocabulary of the document being indexed */
	cm_vocab *written;     /* the vocabulary pairs written by this run */
	const char *ocr_cache; /* the folder of OCR text by content hash */
} cm_build;

/* Tells the caller (opts->on_event) what happened to path and counts it;
 * fmt (printf) makes the message of SKIPPED and WARNING, NULL for others. */
void cm_build_event(cm_build *b, cm_indexer_event_kind kind, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Tells the caller (opts->on_event) that OCR starts on page of pages of
 * the file at path (an OCR_PAGE event, not counted). */
void cm_build_ocr_page(const cm_build *b, const char *path, unsigned page, unsigned pages);

/* Tells the caller (opts->on_progress) how far the run is. */
void cm_build_progress(const cm_build *b, const cm_indexer_progress *p);

/* Indexes one file found at path, of size bytes last modified at mtime
 * (from lstat, or stat with follow). Problems with the file are events;
 * only failures of the index itself (or memory) are returned as errors. */
int cm_build_file(cm_build *b, const char *path, uint64_t size, const struct timespec *mtime);

/* A document file found by a walk or named by the caller: indexed, or
 * listed in b->found when that is set. */
int cm_build_found(cm_build *b, const char *path, const struct stat *st);

/* Walks the folder root, handing every document file to cm_build_found. */
int cm_build_walk(cm_build *b, const char *root);

/* Adds the id term (or folder prefix) s of len bytes to what the run keeps. */
int cm_build_keep(cm_build *b, const char *s, size_t len);
/* Remembers a folder that could not be read: what lies below stays. */
int cm_build_keep_unread(cm_build *b, const char *folder);
/* 1 if the document or failure record with id term may stay: the file was
 * seen by this run, or lies below a folder it could not read. */
int cm_build_kept(cm_build *b, const char *idterm);
/* Adds to *gone every name it lists (id terms, or failure keys whose id term
 * starts skip bytes in) that the run does not keep; frees it. */
int cm_build_unkept(cm_strlist *gone, cm_build *b, cm_xterms *it, size_t skip);

/* Removes from the index the documents below folder root that this run
 * neither indexed nor found unchanged, except below folders it could not
 * read. */
int cm_build_prune(cm_build *b, const char *root);

/* The failure record of a file (see CM_FAILED_PREFIX). */
typedef struct {
	char key[sizeof CM_FAILED_PREFIX + CM_ID_TERM_MAX];
	char *record;       /* the stored value ("" if none) */
	const char *reason; /* in record: the reason, when it still applies */
} cm_failure;

/* Reads the record of the file with idterm; f->reason is set when the file
 * failed with the same mtime and size and would fail again (a file too big
 * is retried when max_size now admits it). */
int cm_failure_load(cm_failure *f, cm_build *b, const char *idterm, const char *mtime,
		    uint64_t size);
/* Stores (code, reason) for the file, or drops the record (reason NULL). */
int cm_failure_store(cm_build *b, const cm_failure *f, const char *mtime, uint64_t size, int code,
		     const char *reason);
void cm_failure_release(cm_failure *f);
/* Drops the records below folder root of files this run did not see. */
int cm_failure_prune(cm_build *b, const char *root);

/* Indexing runs in transactions, so that a failure leaves the index at its
 * last commit: cm_build_begin opens the first, cm_build_commit commits the
 * current one and opens the next, cm_build_finish commits the last. */
int cm_build_begin(cm_build *b);
int cm_build_commit(cm_build *b);
int cm_build_finish(cm_build *b);

/* Commits when a batch is full. */
int cm_build_maybe_commit(cm_build *b);

/* Frees what the run collected (not the database). */
void cm_build_release(cm_build *b);

/* *out = 1 if a run may build the index in b in parallel (parallel.c):
 * jobs > 1, and it holds no document and no failure record. */
int cm_parallel_wanted(int *out, cm_build *b, unsigned jobs);

/* Indexes the files of list, found by a walk with b->found set: by jobs
 * threads into shards that Xapian's compaction merges into a new index,
 * which takes the place of the empty one at dbpath (open in b, which is
 * closed: b->db is NULL after, and it must have no pending change) in one
 * atomic step; or, where that cannot be done (no room for DB.build beside
 * the index, a file system that cannot exchange folders), one by one into
 * b->db. Counts go to b; only failures of the index are returned. */
int cm_parallel_build(cm_build *b, const char *dbpath, const cm_filelist *list, unsigned jobs);

#endif
