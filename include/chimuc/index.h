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
#include <stdio.h>
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

/* A remote shard's default timeout (connecting and each call). */
#define CM_INDEX_SHARD_TIMEOUT_MS 10000
/* How often (seconds) cm_index_refresh tries the shards down again. */
#define CM_INDEX_SHARD_RETRY 2

/* An index of many shards. Each of paths is an index folder or a Xapian
 * stub file (lines `auto PATH`, `remote HOST:PORT`, `remote :PROGRAM
 * ARGS`; relative paths are relative to the stub's folder); every shard is
 * an ordinary chimuc index. Document d of the k-th of n shards is document
 * (d - 1) * n + k + 1 of the index (cm_index_shard_of). */
typedef struct {
	unsigned version;         /* CM_INDEX_OPTIONS_VERSION */
	const char *const *paths; /* n >= 1 folders or stub files */
	size_t n;
	unsigned timeout_ms; /* a remote shard's (0: CM_INDEX_SHARD_TIMEOUT_MS) */
	int all_shards;      /* a shard that does not answer fails the open or read */
} cm_index_options;

#define CM_INDEX_OPTIONS_VERSION 1
#define CM_INDEX_OPTIONS_INIT                           \
	{                                               \
		CM_INDEX_OPTIONS_VERSION, NULL, 0, 0, 0 \
	}

/* Opens every shard, checks each one's format and combines them. A remote
 * shard that does not answer within the timeout is left down (its
 * documents are missing: cm_index_shards_down), unless all_shards is set
 * or no shard answers (CM_EIO). Errors as cm_index_open's, the message
 * naming the shard when there are many; CM_EPARSE for a stub line not
 * understood. */
int cm_index_open_many(cm_index **out, const cm_index_options *opts);
void cm_index_free(cm_index *ix);

/* Brings ix to the latest commit of its database (a long-lived reader such
 * as `chimuc serve` calls it before each request): *changed is 1 if new
 * commits were seen. A shard down is tried again (at most every
 * CM_INDEX_SHARD_RETRY seconds) and used again once it answers; a shard
 * that stopped answering is put down. Errors: the binding's. */
int cm_index_refresh(int *changed, cm_index *ix);
/* The commit ix reads (a number that grows with each commit of the
 * indexer): what `chimuc serve` keys its answers by. Errors: CM_EUNSUPPORTED
 * for an index of many shards (Xapian keeps a revision per database, and
 * no number made of theirs both grows and never repeats when a shard is
 * replaced) or a backend that keeps none; the binding's. */
int cm_index_revision(uint64_t *out, cm_index *ix);

const char *cm_index_path(const cm_index *ix);
cm_xdb *cm_index_xdb(cm_index *ix);

/* The shards: how many, the name of shard i (its path, HOST:PORT or
 * PROGRAM ARGS), its folder (NULL if remote), whether it is down (did not
 * answer: answers lack its documents), how many are down, and the shard
 * holding document id. */
size_t cm_index_shards(const cm_index *ix);
const char *cm_index_shard_name(const cm_index *ix, size_t i);
const char *cm_index_shard_folder(const cm_index *ix, size_t i);
int cm_index_shard_down(const cm_index *ix, size_t i);
size_t cm_index_shards_down(const cm_index *ix);
size_t cm_index_shard_of(const cm_index *ix, cm_xdocid id);

/* With shards down, the line {"partial":true,"missing":[NAMES]} on f
 * (nothing otherwise): 0, CM_EIO, CM_ENOMEM. */
int cm_index_write_partial_json(FILE *f, const cm_index *ix);

/* No limit, in a listing's options. */
#define CM_ALL ((size_t)-1)

/* How many times cm_index_read runs a read that meets "database modified". */
#define CM_INDEX_RETRIES 5

/* One read of the index: fills ctx from db from scratch (a rerun must not
 * keep anything of an earlier, interrupted run); 0 or a CM_E code. */
typedef int (*cm_index_read_fn)(void *ctx, cm_xdb *db);

/* Runs read; after CM_EMODIFIED reopens the database at its latest commit
 * and runs it again, CM_INDEX_RETRIES runs in all; after a remote shard
 * failed, runs it again without that shard (with all_shards: fails). Returns read's result;
 * CM_EMODIFIED if the index changed under every run. */
int cm_index_read(cm_index *ix, cm_index_read_fn read, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
