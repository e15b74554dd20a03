/* SPDX-License-Identifier: GPL-2.0-or-later */

/* pool.h: the server's read-only handles on the index, one per request in
 * flight (a Xapian database is not shared between threads): a request
 * takes one (opened on first need), gives it back when answered. A handle
 * is brought to the indexer's latest commit once per epoch of the pool:
 * the warmer (warm.h) starts a new epoch when it has published a new
 * revision, so that between two epochs a take costs no look at the disk.
 * A handle on many shards is brought up to date at every take instead (a
 * shard that stopped answering is put down, one back is used again; such
 * an index has no one revision: its answers are not cached).
 * An index that is not there (yet) is an error per request (503), not at
 * start. Internal to the server.
 *
 * Ownership: the pool owns every handle; a taken one is borrowed until
 * given back. */
#ifndef CHIMUC_SERVE_POOL_H
#define CHIMUC_SERVE_POOL_H

#include "chimuc/index.h"

typedef struct cm_serve_pool cm_serve_pool;

/* A handle taken, and the epoch it was brought up to date in. */
typedef struct {
	cm_index *ix;
	unsigned epoch;
} cm_serve_handle;

/* A pool of the index that o opens (copied). 0 or CM_ENOMEM. */
int cm_serve_pool_new(cm_serve_pool **out, const cm_index_options *o);
void cm_serve_pool_free(cm_serve_pool *p);

/* A handle at the latest commit as of the pool's epoch. Errors:
 * cm_index_open's (CM_ENOTFOUND: no index there; CM_EUNSUPPORTED), the
 * binding's. */
int cm_serve_pool_take(cm_serve_handle *out, cm_serve_pool *p);
/* Gives h back (a NULL ix: nothing); a handle that failed may be given as
 * broken (it is closed, the next take opens a new one). */
void cm_serve_pool_give(cm_serve_pool *p, cm_serve_handle h, int broken);

/* A handle of the pool's own index that is not the pool's (the caller's:
 * cm_index_free). cm_index_open's errors. */
int cm_serve_pool_open(cm_index **out, const cm_serve_pool *p);
/* A new epoch: every handle is brought to the latest commit when next taken. */
void cm_serve_pool_advance(cm_serve_pool *p);

#endif
