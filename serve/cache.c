/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cache.c: the answer cache (cache.h): a hash table of entries (each of a
 * revision and a key) chained in their bucket and on one
 * least-recently-used list, under a mutex; the revision served, whose
 * publication drops the entries of older ones. */
#include "cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* The answer larger than max_bytes / CACHE_ENTRY_SHARE is not kept. */
#define CACHE_ENTRY_SHARE 8
/* One bucket for this many bytes of the limit (a power of two of them). */
#define CACHE_BYTES_PER_BUCKET 2048

typedef struct entry entry;
struct entry {
	entry *next; /* in its bucket */
	entry *prev_lru, *next_lru;
	uint64_t hash, rev;
	char *key;
	size_t key_len;
	unsigned status;
	const char *type;
	char *body;
	size_t len;
	int used; /* asked by a client (not only read by the warmer) */
};

struct cm_serve_cache {
	pthread_mutex_t lock;
	size_t max_bytes, bytes, count;
	size_t hits, misses;
	uint64_t published;
	entry **buckets;
	size_t nbuckets;             /* a power of two */
	entry *lru_first, *lru_last; /* most recently used first */
};

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static size_t entry_bytes(const entry *e)
{
	return sizeof *e + e->key_len + e->len;
}

int cm_serve_cache_new(cm_serve_cache **out, size_t max_bytes)
{
	cm_serve_cache *c = calloc(1, sizeof *c);
	size_t n = 64;

	*out = NULL;
	while (n < max_bytes / CACHE_BYTES_PER_BUCKET)
		n *= 2;
	if (!c || !(c->buckets = calloc(n, sizeof *c->buckets))) {
		free(c);
		return cm_error_nomem();
	}
	c->nbuckets = n;
	c->max_bytes = max_bytes;
	pthread_mutex_init(&c->lock, NULL);
	*out = c;
	return 0;
}

static void lru_unlink(cm_serve_cache *c, entry *e)
{
	if (e->prev_lru)
		e->prev_lru->next_lru = e->next_lru;
	else
		c->lru_first = e->next_lru;
	if (e->next_lru)
		e->next_lru->prev_lru = e->prev_lru;
	else
		c->lru_last = e->prev_lru;
	e->prev_lru = e->next_lru = NULL;
}

static void lru_push(cm_serve_cache *c, entry *e)
{
	e->prev_lru = NULL;
	e->next_lru = c->lru_first;
	if (c->lru_first)
		c->lru_first->prev_lru = e;
	else
		c->lru_last = e;
	c->lru_first = e;
}

static void entry_free(entry *e)
{
	free(e->key);
	free(e->body);
	free(e);
}

/* Takes e out of the table and the list, and frees it. */
static void drop(cm_serve_cache *c, entry *e)
{
	entry **p = &c->buckets[e->hash & (c->nbuckets - 1)];

	while (*p != e)
		p = &(*p)->next;
	*p = e->next;
	lru_unlink(c, e);
	c->bytes -= entry_bytes(e);
	c->count--;
	entry_free(e);
}

static void drop_all(cm_serve_cache *c)
{
	while (c->lru_first)
		drop(c, c->lru_first);
}

static entry *find(cm_serve_cache *c, uint64_t h, uint64_t rev, const char *key, size_t len)
{
	for (entry *e = c->buckets[h & (c->nbuckets - 1)]; e; e = e->next)
		if (e->hash == h && e->rev == rev && e->key_len == len && !memcmp(e->key, key, len))
			return e;
	return NULL;
}

/* The entry of key at the newest revision from lo to hi. */
static entry *find_newest(cm_serve_cache *c, uint64_t h, uint64_t lo, uint64_t hi, const char *key,
			  size_t len)
{
	entry *best = NULL;

	for (entry *e = c->buckets[h & (c->nbuckets - 1)]; e; e = e->next)
		if (e->hash == h && e->rev >= lo && e->rev <= hi && (!best || e->rev > best->rev) &&
		    e->key_len == len && !memcmp(e->key, key, len))
			best = e;
	return best;
}

void cm_serve_cache_free(cm_serve_cache *c)
{
	if (!c)
		return;
	drop_all(c);
	free(c->buckets);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static int param_order(const void *a, const void *b)
{
	const cm_serve_param *const *x = a, *const *y = b;
	return strcmp((*x)->key, (*y)->key);
}

int cm_serve_cache_key(char **key, size_t *len, const cm_serve_request *req)
{
	const cm_serve_param *sorted[CM_SERVE_PARAMS_MAX];
	size_t n = strlen(req->path) + 1, at;
	char *k;

	*key = NULL;
	*len = 0;
	for (size_t i = 0; i < req->nparams; i++) {
		sorted[i] = &req->params[i];
		n += strlen(req->params[i].key) + strlen(req->params[i].value) + 2;
	}
	qsort(sorted, req->nparams, sizeof sorted[0], param_order);
	if (!(k = malloc(n)))
		return cm_error_nomem();
	/* NUL-separated: path, then key and value of each parameter; NUL is
	 * in no decoded string, so two requests have one key only if equal */
	memcpy(k, req->path, (at = strlen(req->path) + 1));
	for (size_t i = 0; i < req->nparams; i++) {
		size_t kl = strlen(sorted[i]->key) + 1, vl = strlen(sorted[i]->value) + 1;
		memcpy(k + at, sorted[i]->key, kl);
		memcpy(k + at + kl, sorted[i]->value, vl);
		at += kl + vl;
	}
	*key = k;
	*len = n;
	return 0;
}

int cm_serve_cache_get(cm_serve_reply *rep, cm_serve_cache *c, uint64_t rev, const char *key,
		       size_t len)
{
	uint64_t h = hash_of(key, len);
	entry *e;
	int rc = 0;

	pthread_mutex_lock(&c->lock);
	/* a handle past the published revision (a commit came while the
	 * warmer read the last one) is answered at the newest revision kept
	 * from the published one to its own */
	if (rev >= c->published && (e = find_newest(c, h, c->published, rev, key, len))) {
		char *body = malloc(e->len + 1);
		if (!body) {
			rc = cm_error_nomem();
			goto cleanup;
		}
		memcpy(body, e->body, e->len + 1);
		*rep = (cm_serve_reply){
			.status = e->status, .type = e->type, .body = body, .len = e->len};
		e->used = 1;
		c->hits++;
		lru_unlink(c, e);
		lru_push(c, e);
		rc = 1;
	} else {
		c->misses++;
	}
cleanup:
	pthread_mutex_unlock(&c->lock);
	return rc;
}

/* A new entry of rep under key, not in the table. */
static entry *entry_new(uint64_t h, uint64_t rev, const char *key, size_t len,
			const cm_serve_reply *rep)
{
	entry *e = calloc(1, sizeof *e);

	if (!e || !(e->key = malloc(len)) || !(e->body = malloc(rep->len + 1))) {
		if (e)
			entry_free(e);
		return NULL;
	}
	memcpy(e->key, key, len);
	memcpy(e->body, rep->body, rep->len);
	e->body[rep->len] = '\0';
	e->key_len = len;
	e->hash = h;
	e->rev = rev;
	e->status = rep->status;
	e->type = rep->type;
	e->len = rep->len;
	return e;
}

int cm_serve_cache_put(cm_serve_cache *c, uint64_t rev, const char *key, size_t len,
		       const cm_serve_reply *rep, int used)
{
	uint64_t h = hash_of(key, len);
	entry *e, *old;
	size_t slot;

	if (sizeof *e + len + rep->len > c->max_bytes / CACHE_ENTRY_SHARE)
		return 0;
	if (!(e = entry_new(h, rev, key, len, rep)))
		return cm_error_nomem();
	e->used = used;
	pthread_mutex_lock(&c->lock);
	if (rev < c->published) {
		pthread_mutex_unlock(&c->lock);
		entry_free(e);
		return 0;
	}
	if ((old = find(c, h, rev, key, len)))
		drop(c, old);
	while (c->lru_last && c->bytes + entry_bytes(e) > c->max_bytes)
		drop(c, c->lru_last);
	slot = h & (c->nbuckets - 1);
	e->next = c->buckets[slot];
	c->buckets[slot] = e;
	lru_push(c, e);
	c->bytes += entry_bytes(e);
	c->count++;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

size_t cm_serve_cache_count(cm_serve_cache *c)
{
	size_t n;

	pthread_mutex_lock(&c->lock);
	n = c->count;
	pthread_mutex_unlock(&c->lock);
	return n;
}

size_t cm_serve_cache_bytes(cm_serve_cache *c)
{
	size_t n;

	pthread_mutex_lock(&c->lock);
	n = c->bytes;
	pthread_mutex_unlock(&c->lock);
	return n;
}

void cm_serve_cache_publish(cm_serve_cache *c, uint64_t rev)
{
	entry *e, *older;

	pthread_mutex_lock(&c->lock);
	if (rev > c->published) {
		c->published = rev;
		for (e = c->lru_first; e; e = older) {
			older = e->next_lru;
			if (e->rev < rev)
				drop(c, e);
		}
	}
	pthread_mutex_unlock(&c->lock);
}

uint64_t cm_serve_cache_published(cm_serve_cache *c)
{
	uint64_t rev;

	pthread_mutex_lock(&c->lock);
	rev = c->published;
	pthread_mutex_unlock(&c->lock);
	return rev;
}

int cm_serve_cache_recent(cm_serve_cached_key **out, size_t *n, cm_serve_cache *c, uint64_t rev,
			  size_t max)
{
	cm_serve_cached_key *keys;
	size_t k = 0;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (max == 0 || !(keys = calloc(max, sizeof *keys)))
		return max == 0 ? 0 : cm_error_nomem();
	pthread_mutex_lock(&c->lock);
	for (entry *e = c->lru_first; e && k < max; e = e->next_lru) {
		if (e->rev < rev || !e->used)
			continue;
		if (!(keys[k].key = malloc(e->key_len))) {
			rc = cm_error_nomem();
			break;
		}
		memcpy(keys[k].key, e->key, e->key_len);
		keys[k++].len = e->key_len;
	}
	pthread_mutex_unlock(&c->lock);
	if (rc < 0) {
		cm_serve_cache_keys_free(keys, k);
		return rc;
	}
	*out = keys;
	*n = k;
	return 0;
}

void cm_serve_cache_keys_free(cm_serve_cached_key *keys, size_t n)
{
	for (size_t i = 0; keys && i < n; i++)
		free(keys[i].key);
	free(keys);
}

void cm_serve_cache_tally(size_t *hits, size_t *misses, cm_serve_cache *c)
{
	pthread_mutex_lock(&c->lock);
	*hits = c->hits;
	*misses = c->misses;
	pthread_mutex_unlock(&c->lock);
}
