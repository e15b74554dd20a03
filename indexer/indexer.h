/* SPDX-License-Identifier: GPL-2.0-or-later */

/* indexer.h: the state of one chimuc-index run, shared by its files (walk,
 * per-file ingestion, pruning of vanished files). Internal to chimuc-index. */
#ifndef CHIMUC_INDEXER_H
#define CHIMUC_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "chimuc/document.h"
#include "chimuc/vocab.h"
#include "chimuc/xapian_c.h"

#define CM_INDEXER_PROGRAM "chimuc-index"

/* Owned strings; lookups sort the list first. */
typedef struct {
	char **v;
	size_t n, cap;
	int sorted;
} cm_strlist;

int cm_strlist_add(cm_strlist *l, const char *s, size_t len);
int cm_strlist_has(cm_strlist *l, const char *s);
/* 1 if one of the strings of l begins s. */
int cm_strlist_has_prefix_of(const cm_strlist *l, const char *s);
void cm_strlist_free(cm_strlist *l);

/* Files found by a walk, to be indexed later (a parallel build). */
typedef struct {
	struct found_file {
		char *path;
		struct stat st;
	} * v;
	size_t n, cap;
} cm_filelist;

/* The progress line (progress.c), shown only when standard error is a
 * terminal. */
#define CM_PROGRESS_INTERVAL 0.2 /* seconds between two drawings at least */

typedef struct {
	struct timespec start;
	double last; /* seconds from start of the last drawing, -1 before */
	unsigned long total, done;
	uint64_t total_bytes; /* the bytes of the total files, 0 when not known */
	uint64_t bytes;       /* the bytes of the files done */
	int estimated;        /* total is a guess (the documents of the index) */
} cm_progress;

/* Starts the clock for total files (of total_bytes, 0 if not known). */
void cm_progress_start(cm_progress *p, unsigned long total, uint64_t total_bytes, int estimated);
/* done files of bytes so far: redraws the line, at most every interval. */
void cm_progress_show(cm_progress *p, unsigned long done, uint64_t bytes);
/* Clears the line, if it was ever drawn. */
void cm_progress_end(const cm_progress *p);

typedef struct {
	cm_xdb *db;
	cm_filelist *found;    /* when set, found files are listed here, not indexed */
	int follow;            /* follow symbolic links */
	cm_progress *progress; /* the progress line, or NULL (not a terminal) */
	uint64_t bytes_seen;   /* the sizes of the files seen, for the progress line */
	uint64_t max_size;     /* larger files are skipped */
	unsigned batch;        /* documents per commit */
	unsigned pending;      /* documents changed since the last commit */
	unsigned long seen, indexed, unchanged, removed, skipped, warnings, ignored;
	cm_strlist kept;   /* id terms of the files indexed, unchanged or
			     * remembered as failed */
	cm_strlist unread; /* "Q<folder>/" of the folders that could not be read */
	cm_vocab *words;   /* the vocabulary of the document being indexed */
	cm_vocab *written; /* the vocabulary pairs written by this run */
} cm_indexer;

/* Indexes one file found at path (st from lstat, or stat with --follow).
 * Problems with the file are reported and counted; only failures of the
 * index itself (or memory) are returned as errors. */
int cm_indexer_file(cm_indexer *ix, const char *path, const struct stat *st);

/* A document file found by a walk or named on the command line: indexed,
 * or listed in ix->found when that is set. */
int cm_indexer_found(cm_indexer *ix, const char *path, const struct stat *st);

/* Walks the folder root, indexing every document file below it. */
int cm_indexer_walk(cm_indexer *ix, const char *root);

/* Removes from the index the documents below folder root that this run
 * neither indexed nor found unchanged, except below folders it could not
 * read. */
int cm_indexer_prune(cm_indexer *ix, const char *root);

/* 1 if the document or failure record with id term may stay: the file was
 * seen by this run, or lies below a folder it could not read. */
int cm_indexer_kept(cm_indexer *ix, const char *idterm);

/* The failure record of a file (see CM_FAILED_PREFIX). */
typedef struct {
	char key[sizeof CM_FAILED_PREFIX + CM_ID_TERM_MAX];
	char *record;       /* the stored value ("" if none) */
	const char *reason; /* in record: the reason, when it still applies */
} cm_failure;

/* Reads the record of the file with idterm; f->reason is set when the file
 * failed with the same mtime and size and would fail again (a file too big
 * is retried when max_size now admits it). */
int cm_failure_load(cm_failure *f, cm_indexer *ix, const char *idterm, const char *mtime,
		    uint64_t size);
/* Stores (code, reason) for the file, or drops the record (reason NULL). */
int cm_failure_store(cm_indexer *ix, const cm_failure *f, const char *mtime, uint64_t size,
		     int code, const char *reason);
void cm_failure_release(cm_failure *f);
/* Drops the records below folder root of files this run did not see. */
int cm_failure_prune(cm_indexer *ix, const char *root);

/* Indexing runs in transactions, so that a failure leaves the index at its
 * last commit: cm_indexer_begin opens the first, cm_indexer_commit commits
 * the current one and opens the next, cm_indexer_finish commits the last. */
int cm_indexer_begin(cm_indexer *ix);
int cm_indexer_commit(cm_indexer *ix);
int cm_indexer_finish(cm_indexer *ix);

/* Commits when a batch is full. */
int cm_indexer_maybe_commit(cm_indexer *ix);

/* Frees what the run collected (not the database). */
void cm_indexer_release(cm_indexer *ix);

/* *out = 1 if a run may build the index in ix in parallel (parallel.c):
 * jobs > 1, and it holds no document and no failure record. */
int cm_parallel_wanted(int *out, cm_indexer *ix, unsigned jobs);

/* Indexes the files of list, found by a walk with ix->found set: by jobs
 * threads into shards that Xapian's compaction merges into a new index,
 * which takes the place of the empty one at dbpath (open in ix, which is
 * closed: ix->db is NULL after, and it must have no pending change) in one
 * atomic step; or, where that cannot be done (no room for DB.build beside
 * the index, a file system that cannot exchange folders), one by one into
 * ix->db. Counts go to ix; only
 * failures of the index are returned. */
int cm_parallel_build(cm_indexer *ix, const char *dbpath, const cm_filelist *list, unsigned jobs);
void cm_filelist_free(cm_filelist *l);

#endif
