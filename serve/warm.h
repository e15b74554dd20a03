/* SPDX-License-Identifier: GPL-2.0-or-later */

/* warm.h: answers through the cache (cache.h), and the warmer: a thread
 * that looks for a new commit every CM_SERVE_WATCH_MS on a handle of its
 * own, reads again at it the answers the cache holds that clients asked
 * for since the last commit (the CM_SERVE_WARM_MAX most recently used, in
 * CM_SERVE_WARM_SECONDS at most),
 * then publishes it: the cache drops the older answers and the pool's
 * handles move to the new commit (a new epoch, pool.h). Until then the
 * server answers at the revision before, consistently (its cached answers
 * and those it reads are of the same revision); after it, never at an
 * older one. A commit is thus answered a moment after it is made, as it
 * would be read, without the requests of that moment paying for it.
 * Internal to the server.
 *
 * Ownership: the warmer is the caller's (cm_serve_warm_stop frees it); it
 * borrows the pool and the cache until then. */
#ifndef CHIMUC_SERVE_WARM_H
#define CHIMUC_SERVE_WARM_H

#include "api.h"
#include "cache.h"
#include "pool.h"
#include "route.h"

/* The route's reply to call: from the cache when it holds the answer at
 * the revision call->ix reads (a handle older than the published revision
 * is brought up to date first); else the handler's, and a 200 of a GET
 * kept in the cache when the index did not move while it was read (as
 * asked by a client unless warming). The handler's return value. */
int cm_serve_cached_reply(cm_serve_reply *rep, cm_serve_cache *cache, const cm_serve_route *route,
			  const cm_serve_call *call, int warming);

typedef struct cm_serve_warm cm_serve_warm;

/* Starts the warmer's thread. 0, CM_ENOMEM, CM_ERROR (no thread). */
int cm_serve_warm_start(cm_serve_warm **out, cm_serve_pool *pool, cm_serve_cache *cache);
/* Stops the thread (within CM_SERVE_WATCH_MS, or the answer it reads) and
 * frees w. NULL is a no-op. */
void cm_serve_warm_stop(cm_serve_warm *w);

#endif
