/* SPDX-License-Identifier: GPL-2.0-or-later */

/* pool.c: the index handles of the server (pool.h): a free list under a
 * mutex, each handle refreshed (cm_index_refresh) when taken in an epoch
 * later than its own, or at every take for an index of many shards. */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"

struct cm_serve_pool {
	pthread_mutex_t lock;
	cm_index_options o;
	char **paths; /* o's, copied */
	atomic_uint epoch;
	cm_array_t(cm_serve_handle) free;
};

static void free_paths(cm_serve_pool *p)
{
	for (size_t i = 0; i < p->o.n; i++)
		free(p->paths[i]);
	free(p->paths);
}

int cm_serve_pool_new(cm_serve_pool **out, const cm_index_options *o)
{
	cm_serve_pool *p = calloc(1, sizeof *p);

	*out = NULL;
	if (!p || !(p->paths = calloc(o->n, sizeof *p->paths))) {
		free(p);
		return cm_error_nomem();
	}
	p->o = *o;
	p->o.paths = (const char *const *)p->paths;
	for (size_t i = 0; i < o->n; i++)
		if (!(p->paths[i] = strdup(o->paths[i]))) {
			free_paths(p);
			free(p);
			return cm_error_nomem();
		}
	pthread_mutex_init(&p->lock, NULL);
	atomic_init(&p->epoch, 0);
	*out = p;
	return 0;
}

void cm_serve_pool_free(cm_serve_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->free.size; i++)
		cm_index_free(p->free.ptr[i].ix);
	cm_array_clear(p->free);
	pthread_mutex_destroy(&p->lock);
	free_paths(p);
	free(p);
}

int cm_serve_pool_take(cm_serve_handle *out, cm_serve_pool *p)
{
	cm_serve_handle h = {NULL, atomic_load(&p->epoch)};
	unsigned epoch = h.epoch;
	int changed, rc;

	*out = (cm_serve_handle){NULL, 0};
	pthread_mutex_lock(&p->lock);
	if (p->free.size > 0)
		h = p->free.ptr[--p->free.size];
	pthread_mutex_unlock(&p->lock);
	/* the shards of many are looked at on each take (one down is put
	 * down, one back used again); a single index follows the epochs */
	if (h.ix && ((h.epoch == epoch && cm_index_shards(h.ix) == 1) ||
		     cm_index_refresh(&changed, h.ix) == 0)) {
		*out = (cm_serve_handle){h.ix, epoch};
		return 0;
	}
	cm_index_free(h.ix); /* gone or replaced under it: open it anew */
	if ((rc = cm_index_open_many(&h.ix, &p->o)) < 0)
		return rc;
	*out = (cm_serve_handle){h.ix, epoch};
	return 0;
}

void cm_serve_pool_give(cm_serve_pool *p, cm_serve_handle h, int broken)
{
	cm_serve_handle *slot = NULL;

	if (!h.ix)
		return;
	if (!broken) {
		pthread_mutex_lock(&p->lock);
		if ((slot = cm_array_alloc(p->free)))
			*slot = h;
		pthread_mutex_unlock(&p->lock);
	}
	if (!slot)
		cm_index_free(h.ix);
}

int cm_serve_pool_open(cm_index **out, const cm_serve_pool *p)
{
	return cm_index_open_many(out, &p->o);
}

void cm_serve_pool_advance(cm_serve_pool *p)
{
	atomic_fetch_add(&p->epoch, 1);
}
