/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/index.h: an index opened for the library's operations (search,
 * cited-by, deadlines, map…): the Xapian database read-only, its format
 * checked, and the one place that handles "database modified". Every
 * operation reads the index through cm_index_read, which reruns the read
 * from the start after the database changed under it (an indexer committed
 * meanwhile), at most CM_INDEX_RETRIES times; so an operation computes its
 * whole result before the caller writes any of it.
 *
 * Ownership: *out of cm_index_open is the caller's (cm_index_free); the
 * path and the database it hands out are borrowed from the index. */
#ifndef CHIMUC_INDEX_H
#define CHIMUC_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "chimuc/xapian_c.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_index cm_index;

/* Opens the index at path read-only (cm_dbpath_resolve finds the default
 * location). Errors: CM_ENOTFOUND (no index there), CM_EUNSUPPORTED (made by
 * another version of chimuc: the message says how to rebuild it),
 * CM_ENOMEM, the binding's. */
int cm_index_open(cm_index **out, const char *path);
void cm_index_free(cm_index *ix);

/* Brings ix to the latest commit of its database (a long-lived reader such
 * as `chimuc serve` calls it before each request): *changed is 1 if new
 * commits were seen. Errors: the binding's. */
int cm_index_refresh(int *changed, cm_index *ix);
/* The commit ix reads (a number that grows with each commit of the
 * indexer): what `chimuc serve` keys its answers by. Errors: the binding's. */
int cm_index_revision(uint64_t *out, cm_index *ix);

const char *cm_index_path(const cm_index *ix);
cm_xdb *cm_index_xdb(cm_index *ix);

/* No limit, in a listing's options. */
#define CM_ALL ((size_t)-1)

/* How many times cm_index_read runs a read that meets "database modified". */
#define CM_INDEX_RETRIES 5

/* One read of the index: fills ctx from db from scratch (a rerun must not
 * keep anything of an earlier, interrupted run); 0 or a CM_E code. */
typedef int (*cm_index_read_fn)(void *ctx, cm_xdb *db);

/* Runs read; after CM_EMODIFIED reopens the database at its latest commit
 * and runs it again, CM_INDEX_RETRIES runs in all. Returns read's result;
 * CM_EMODIFIED if the index changed under every run. */
int cm_index_read(cm_index *ix, cm_index_read_fn read, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
