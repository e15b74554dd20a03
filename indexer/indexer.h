/* indexer.h: the state of one chimuc-index run, shared by its files (walk,
 * per-file ingestion, pruning of vanished files). Internal to chimuc-index. */
#ifndef CHIMUC_INDEXER_H
#define CHIMUC_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "chimuc/vocab.h"
#include "chimuc/xapian_c.h"

#define CM_INDEXER_PROGRAM "chimuc-index"

typedef struct {
	cm_xdb *db;
	int follow;         /* follow symbolic links */
	int progress;       /* show a progress line (standard error is a TTY) */
	uint64_t max_size;  /* larger files are skipped */
	unsigned batch;     /* documents per commit */
	unsigned pending;   /* documents changed since the last commit */
	unsigned long seen, indexed, unchanged, removed, skipped, warnings, ignored;
	char **kept;        /* id terms of the files indexed or unchanged */
	size_t nkept, capkept;
	cm_vocab *words;    /* the vocabulary of the document being indexed */
	cm_vocab *written;  /* the vocabulary pairs written by this run */
} cm_indexer;

/* Indexes one file found at path (st from lstat, or stat with --follow).
 * Problems with the file are reported and counted; only failures of the
 * index itself (or memory) are returned as errors. */
int cm_indexer_file(cm_indexer *ix, const char *path, const struct stat *st);

/* Walks the folder root, indexing every document file below it. */
int cm_indexer_walk(cm_indexer *ix, const char *root);

/* Removes from the index the documents below folder root that this run
 * neither indexed nor found unchanged. */
int cm_indexer_prune(cm_indexer *ix, const char *root);

/* Commits when a batch is full. */
int cm_indexer_maybe_commit(cm_indexer *ix);

/* Frees what the run collected (not the database). */
void cm_indexer_release(cm_indexer *ix);

#endif
