/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/check.h: the check of an index: Xapian's own consistency check of
 * its files, then every document read back whole: its data parses, its id
 * term is its path's and unique, and its file, where unchanged since (same
 * mtime), still has the stored content hash. The problems are typed items;
 * on request the result also has one entry per document (path, content
 * hash, number of terms, size of its data), sorted by path, for comparing
 * two indexes. And the writers of `chimuc check`.
 *
 * Ownership: *out of cm_check is the caller's (cm_check_free); the items
 * and every string they point to are borrowed from the result. */
#ifndef CHIMUC_CHECK_H
#define CHIMUC_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version; /* CM_CHECK_OPTIONS_VERSION */
	int entries;      /* also one entry per document */
} cm_check_options;

#define CM_CHECK_OPTIONS_VERSION 1
#define CM_CHECK_OPTIONS_INIT               \
	{                                   \
		CM_CHECK_OPTIONS_VERSION, 0 \
	}

typedef enum {
	CM_CHECK_UNREADABLE, /* its data does not parse (message: why) */
	CM_CHECK_ID_TERM,    /* its id term is missing or not unique */
	CM_CHECK_HASH        /* its file is unchanged but its content hash differs */
} cm_check_kind;

/* What the kind means, as `chimuc check` says it ("id term missing or not
 * unique"); for CM_CHECK_UNREADABLE the problem's message says more. */
const char *cm_check_kind_message(cm_check_kind kind);

typedef struct {
	cm_check_kind kind;
	unsigned docid;
	const char *path;    /* the document's; NULL when its data is unreadable */
	const char *message; /* CM_CHECK_UNREADABLE: why; else NULL */
} cm_check_problem;

typedef struct {
	const char *path, *hash; /* hash: the stored content hash */
	unsigned terms;          /* distinct terms */
	size_t data_bytes;       /* of its stored data */
} cm_check_entry;

typedef struct cm_check_result cm_check_result;

/* Checks ix (opts NULL: the defaults). A damaged index is a result with
 * problems, not an error. Errors: CM_EINVAL (an unknown opts->version),
 * CM_ENOMEM, the index's (Xapian's check failing to run, a read failing
 * past the retries of chimuc/index.h). */
int cm_check(cm_check_result **out, cm_index *ix, const cm_check_options *opts);
void cm_check_free(cm_check_result *r);

/* 1 if Xapian's check found no error and no document has a problem. */
int cm_check_ok(const cm_check_result *r);
/* The path of the index checked (borrowed from the index). */
const char *cm_check_path(const cm_check_result *r);
/* The number of errors of Xapian's check, and its report (the checker's
 * whole output, written by cm_check_write_problems only with errors). */
size_t cm_check_xapian_errors(const cm_check_result *r);
const char *cm_check_xapian_report(const cm_check_result *r);

/* The problems of the documents, in order of document id. */
size_t cm_check_problems(const cm_check_result *r);
const cm_check_problem *cm_check_problem_get(const cm_check_result *r, size_t i);

/* With opts->entries: one entry per readable document, sorted by path. */
size_t cm_check_entries(const cm_check_result *r);
const cm_check_entry *cm_check_entry_get(const cm_check_result *r, size_t i);

/* "PATH: the index is consistent" when it is; nothing otherwise. */
int cm_check_write_text(FILE *f, const cm_check_result *r);
/* Every problem, prefixed by "program: ": Xapian's report, then one line
 * per document ("program: PATH: what"). */
int cm_check_write_problems(FILE *f, const char *program, const cm_check_result *r);
/* The entries, one line each: path, hash, terms, data bytes, tab-separated. */
int cm_check_write_entries(FILE *f, const cm_check_result *r);

#ifdef __cplusplus
}
#endif

#endif
