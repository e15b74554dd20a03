/* SPDX-License-Identifier: GPL-2.0-or-later */

/* warm.c: answers through the cache, and the warmer's thread (warm.h):
 * each key of the cache turned back into its request (path, then
 * NUL-separated names and values) and answered by its route on the
 * warmer's handle at the new revision. */
#include "warm.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chimuc/error.h"
#include "serve_limits.h"

struct cm_serve_warm {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stopping;
	cm_serve_pool *pool;
	cm_serve_cache *cache;
	cm_index *ix;
	int published; /* a revision was published */
	uint64_t rev;  /* the one published */
};

/* The revision ix reads, brought up to the published one first when it is
 * older (a handle taken just before a revision was published: the cache
 * no longer holds its answers, and reading them at the old revision would
 * cost every request in flight a read of the index). */
static int current_revision(uint64_t *rev, cm_serve_cache *cache, cm_index *ix)
{
	int changed, rc;

	if ((rc = cm_index_revision(rev, ix)) < 0 || *rev >= cm_serve_cache_published(cache))
		return rc;
	if ((rc = cm_index_refresh(&changed, ix)) < 0)
		return rc;
	return cm_index_revision(rev, ix);
}

int cm_serve_cached_reply(cm_serve_reply *rep, cm_serve_cache *cache, const cm_serve_route *route,
			  const cm_serve_call *call, int warming)
{
	uint64_t rev = 0, after = 0;
	char *key = NULL;
	size_t len = 0;
	int rc;

	/* warming reads the answer anew: the cache would give the published one */
	if (strcmp(route->method, "GET") == 0 && current_revision(&rev, cache, call->ix) == 0 &&
	    (rc = cm_serve_cache_key(&key, &len, call->req)) == 0 && !warming &&
	    (rc = cm_serve_cache_get(rep, cache, rev, key, len)) != 0) {
		free(key);
		return rc < 0 ? rc : 0;
	}
	/* an answer the cache cannot keep (out of memory) is still given */
	if ((rc = route->handler(rep, call)) == 0 && key && rep->status == 200 &&
	    cm_index_revision(&after, call->ix) == 0 && after == rev &&
	    cm_serve_cache_put(cache, rev, key, len, rep, !warming) < 0)
		cm_error_clear();
	free(key);
	return rc;
}

/* The request of a cache key (cache.c writes it): 0 or CM_ENOMEM. */
static int request_of_key(cm_serve_request *req, const char *key, size_t len)
{
	size_t at = strlen(key) + 1;

	*req = (cm_serve_request){0};
	if (!(req->path = strdup(key)))
		return cm_error_nomem();
	while (at < len && req->nparams < CM_SERVE_PARAMS_MAX) {
		cm_serve_param *p = &req->params[req->nparams];
		const char *k = key + at, *v = k + strlen(k) + 1;
		if (!(p->key = strdup(k)) || !(p->value = strdup(v))) {
			free(p->key);
			cm_serve_request_release(req);
			return cm_error_nomem();
		}
		req->nparams++;
		at = (size_t)(v - key) + strlen(v) + 1;
	}
	return 0;
}

/* Reads again the answer to key on w's handle, kept in the cache. A
 * commit while it is read moves the handle (the read is retried at the
 * newer commit) and the answer is not kept: it is read again at the
 * handle's new revision, CM_SERVE_WARM_TRIES times at most, so that no
 * question asked is missing from the cache when the revision is published
 * (every thread asking it would read it at once). */
static void warm_one(cm_serve_warm *w, const cm_serve_cached_key *k)
{
	cm_serve_request req;
	const cm_serve_route *route;
	cm_serve_call call = {0};
	uint64_t before = 0, after = 0;

	if (request_of_key(&req, k->key, k->len) < 0)
		return;
	if (cm_serve_route_find(&route, &call.rest, "GET", req.path) == 200) {
		call.req = &req;
		call.ix = w->ix;
		call.body = "";
		for (int i = 0; i < CM_SERVE_WARM_TRIES; i++) {
			cm_serve_reply rep = {0};
			int rc = cm_index_revision(&before, w->ix);
			if (rc == 0)
				rc = cm_serve_cached_reply(&rep, w->cache, route, &call, 1);
			cm_serve_reply_release(&rep);
			if (rc < 0 || cm_index_revision(&after, w->ix) < 0 || after == before)
				break;
		}
	}
	cm_serve_request_release(&req);
	cm_error_clear();
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 1 when asked to stop. */
static int stopping(cm_serve_warm *w)
{
	int s;

	pthread_mutex_lock(&w->lock);
	s = w->stopping;
	pthread_mutex_unlock(&w->lock);
	return s;
}

/* The answers of the published revision read again on w's handle. */
static void warm(cm_serve_warm *w)
{
	cm_serve_cached_key *keys = NULL;
	size_t n = 0;
	double until = now() + CM_SERVE_WARM_SECONDS;

	if (!w->published ||
	    cm_serve_cache_recent(&keys, &n, w->cache, w->rev, CM_SERVE_WARM_MAX) < 0)
		return;
	for (size_t i = 0; i < n && now() < until && !stopping(w); i++)
		warm_one(w, &keys[i]);
	cm_serve_cache_keys_free(keys, n);
}

/* One look: a new commit is warmed, then published. */
static void look(cm_serve_warm *w)
{
	uint64_t rev;
	int changed;

	if (!w->ix && cm_serve_pool_open(&w->ix, w->pool) < 0)
		return; /* no index yet: the requests say so */
	if (cm_index_refresh(&changed, w->ix) < 0) {
		cm_index_free(w->ix); /* replaced under it: open it anew next time */
		w->ix = NULL;
		cm_serve_pool_advance(w->pool);
		return;
	}
	if (cm_index_revision(&rev, w->ix) < 0) {
		/* no revision to key answers by: the handles follow the commits,
		 * the cache is not used (cm_serve_cached_reply) */
		if (changed)
			cm_serve_pool_advance(w->pool);
		return;
	}
	if (w->published && rev == w->rev)
		return;
	warm(w);
	/* the handles move first: a request that begins once the revision is
	 * published reads it (one in flight ends at the one before) */
	cm_serve_pool_advance(w->pool);
	cm_serve_cache_publish(w->cache, rev);
	w->published = 1;
	w->rev = rev;
}

static void *run(void *arg)
{
	cm_serve_warm *w = arg;
	struct timespec until;

	for (;;) {
		pthread_mutex_lock(&w->lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += (long)CM_SERVE_WATCH_MS * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		while (!w->stopping &&
		       pthread_cond_timedwait(&w->wake, &w->lock, &until) != ETIMEDOUT)
			;
		if (w->stopping) {
			pthread_mutex_unlock(&w->lock);
			break;
		}
		pthread_mutex_unlock(&w->lock);
		look(w);
		cm_error_clear();
	}
	return NULL;
}

int cm_serve_warm_start(cm_serve_warm **out, cm_serve_pool *pool, cm_serve_cache *cache)
{
	cm_serve_warm *w = calloc(1, sizeof *w);

	*out = NULL;
	if (!w)
		return cm_error_nomem();
	w->pool = pool;
	w->cache = cache;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return cm_error_set(CM_ERROR, "cannot start the warmer's thread");
	}
	*out = w;
	return 0;
}

void cm_serve_warm_stop(cm_serve_warm *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = 1;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	cm_index_free(w->ix);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
