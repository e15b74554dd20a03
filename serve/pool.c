/* SPDX-License-Identifier: GPL-2.0-or-later */

/* pool.c: the index handles of the server (pool.h): a free list under a
 * mutex, each handle refreshed (cm_index_refresh) when taken. */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"

struct cm_serve_pool {
	pthread_mutex_t lock;
	cm_index_options o;
	char **paths; /* o's, copied */
	cm_array_t(cm_index *) free;
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
	*out = p;
	return 0;
}

void cm_serve_pool_free(cm_serve_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->free.size; i++)
		cm_index_free(p->free.ptr[i]);
	cm_array_clear(p->free);
	pthread_mutex_destroy(&p->lock);
	free_paths(p);
	free(p);
}

int cm_serve_pool_take(cm_index **out, cm_serve_pool *p)
{
	cm_index *ix = NULL;
	int changed, rc;

	*out = NULL;
	pthread_mutex_lock(&p->lock);
	if (p->free.size > 0)
		ix = p->free.ptr[--p->free.size];
	pthread_mutex_unlock(&p->lock);
	if (ix && cm_index_refresh(&changed, ix) == 0) {
		*out = ix;
		return 0;
	}
	cm_index_free(ix); /* gone or replaced under it: open it anew */
	if ((rc = cm_index_open_many(&ix, &p->o)) < 0)
		return rc;
	*out = ix;
	return 0;
}

void cm_serve_pool_give(cm_serve_pool *p, cm_index *ix, int broken)
{
	cm_index **slot = NULL;

	if (!ix)
		return;
	if (!broken) {
		pthread_mutex_lock(&p->lock);
		if ((slot = cm_array_alloc(p->free)))
			*slot = ix;
		pthread_mutex_unlock(&p->lock);
	}
	if (!slot)
		cm_index_free(ix);
}
