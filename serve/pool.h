/* SPDX-License-Identifier: GPL-2.0-or-later */

/* pool.h: the server's read-only handles on the index, one per request in
 * flight (a Xapian database is not shared between threads): a request
 * takes one (opened on first need, brought to the indexer's latest commit
 * otherwise), gives it back when answered. An index that is not there (yet)
 * is an error per request (503), not at start. Internal to the server.
 *
 * Ownership: the pool owns every handle; a taken one is borrowed until
 * given back. */
#ifndef CHIMUC_SERVE_POOL_H
#define CHIMUC_SERVE_POOL_H

#include "chimuc/index.h"

typedef struct cm_serve_pool cm_serve_pool;

/* A pool of the index that o opens (copied). 0 or CM_ENOMEM. */
int cm_serve_pool_new(cm_serve_pool **out, const cm_index_options *o);
void cm_serve_pool_free(cm_serve_pool *p);

/* A handle at the index's latest commit. Errors: cm_index_open's
 * (CM_ENOTFOUND: no index there; CM_EUNSUPPORTED), the binding's. */
int cm_serve_pool_take(cm_index **out, cm_serve_pool *p);
/* Gives ix back (NULL: nothing); a handle that failed may be given as
 * broken (it is closed, the next take opens a new one). */
void cm_serve_pool_give(cm_serve_pool *p, cm_index *ix, int broken);

#endif
