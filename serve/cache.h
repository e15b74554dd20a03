/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cache.h: whole answers of the server kept in memory, keyed by the index
 * revision they were read at and the normalized request (its path and its
 * decoded parameters in the order of their names), so that the same
 * question at the same revision is answered without reading the index.
 * At most a named number of bytes (CM_SERVE_CACHE_BYTES in the server), the
 * least recently used answers evicted first. An answer is only ever given
 * for the revision it was read at; the cache has a published revision (the
 * one the server answers at, warm.h), and publishing a newer one drops
 * every answer of the older ones: never an answer of an older revision.
 * Thread-safe (one mutex). Internal to the server.
 *
 * Ownership: the cache is the caller's (cm_serve_cache_free); what it
 * gives and takes is copied. */
#ifndef CHIMUC_SERVE_CACHE_H
#define CHIMUC_SERVE_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "reply.h"
#include "request.h"

typedef struct cm_serve_cache cm_serve_cache;

/* A cache of at most max_bytes (answers, keys and their bookkeeping);
 * max_bytes 0: a cache that keeps nothing. 0 or CM_ENOMEM. */
int cm_serve_cache_new(cm_serve_cache **out, size_t max_bytes);
void cm_serve_cache_free(cm_serve_cache *c);

/* The normalized request as a key into *key (the caller's, *len bytes):
 * requests that differ only in their parameters' order or escapes have the
 * same key. 0 or CM_ENOMEM. */
int cm_serve_cache_key(char **key, size_t *len, const cm_serve_request *req);

/* A copy of the answer to key read at revision rev (or, for a rev newer
 * than the published one, at the newest revision kept from the published
 * one to rev) into rep: 1; 0 when there
 * is none, or rev is older than the published one (rep untouched);
 * CM_ENOMEM. */
int cm_serve_cache_get(cm_serve_reply *rep, cm_serve_cache *c, uint64_t rev, const char *key,
		       size_t len);
/* Keeps a copy of rep as the answer to key at revision rev (nothing when
 * rev is older than the published one, or rep is larger than an eighth of
 * the cache); used: a client asked it (else it is so once one gets it).
 * 0 or CM_ENOMEM. */
int cm_serve_cache_put(cm_serve_cache *c, uint64_t rev, const char *key, size_t len,
		       const cm_serve_reply *rep, int used);

/* Makes rev the published revision when it is newer, dropping the answers
 * of older ones. */
void cm_serve_cache_publish(cm_serve_cache *c, uint64_t rev);
/* The published revision (0 before the first). */
uint64_t cm_serve_cache_published(cm_serve_cache *c);

typedef struct {
	char *key;
	size_t len;
} cm_serve_cached_key;

/* Copies of the keys of at most max answers at revision rev or a newer one
 * (a key may come twice) that a client
 * asked for (not those only the warmer read, never asked since), the most
 * recently used first, into *out (*n of them; cm_serve_cache_keys_free).
 * 0 or CM_ENOMEM. */
int cm_serve_cache_recent(cm_serve_cached_key **out, size_t *n, cm_serve_cache *c, uint64_t rev,
			  size_t max);
void cm_serve_cache_keys_free(cm_serve_cached_key *keys, size_t n);

/* The answers asked for and found (hits), or not (misses), so far. */
void cm_serve_cache_tally(size_t *hits, size_t *misses, cm_serve_cache *c);

/* The answers kept and the bytes they take. */
size_t cm_serve_cache_count(cm_serve_cache *c);
size_t cm_serve_cache_bytes(cm_serve_cache *c);

#endif
