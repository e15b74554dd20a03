/* SPDX-License-Identifier: GPL-2.0-or-later */

/* vocab.c: a set of (folded, exact) word pairs: an open-addressing hash
 * table of indexes into an array of pairs kept in the order added, each
 * pair's bytes in one arena. It writes new pairs to an index as synonyms; it
 * does not tokenize. */
#include "chimuc/vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/hash.h"
#include "chimuc/text.h"

typedef struct {
	size_t at;                /* offset of the folded form in the arena */
	size_t slot;              /* its place in the hash table */
	unsigned char flen, elen; /* the exact form follows the folded one */
} pair;

struct cm_vocab {
	pair *pairs;
	size_t n, cap;
	size_t *slots; /* index + 1 into pairs, 0 if empty */
	size_t nslots; /* a power of two, at least twice n */
	char *arena;
	size_t used, room;
};

int cm_vocab_new(cm_vocab **out)
{
	cm_vocab *v = calloc(1, sizeof *v);

	if (!v)
		return cm_error_nomem();
	*out = v;
	return 0;
}

void cm_vocab_free(cm_vocab *v)
{
	if (!v)
		return;
	free(v->pairs);
	free(v->slots);
	free(v->arena);
	free(v);
}

static uint64_t hash_pair(const char *f, size_t fl, const char *e, size_t el)
{
	uint64_t h = cm_hash64(f, fl);

	return h ^ (cm_hash64(e, el) * 0x9E3779B97F4A7C15u);
}

static int same(const cm_vocab *v, const pair *p, const char *f, size_t fl, const char *e,
		size_t el)
{
	const char *s = v->arena + p->at;

	return p->flen == fl && p->elen == el && memcmp(s, f, fl) == 0 &&
	       memcmp(s + fl, e, el) == 0;
}

/* The slot of the pair, or of the empty slot where it would go. */
static size_t *find(const cm_vocab *v, const char *f, size_t fl, const char *e, size_t el)
{
	size_t mask = v->nslots - 1, i = (size_t)hash_pair(f, fl, e, el) & mask;

	while (v->slots[i] && !same(v, &v->pairs[v->slots[i] - 1], f, fl, e, el))
		i = (i + 1) & mask;
	return &v->slots[i];
}

static int grow_slots(cm_vocab *v)
{
	size_t n = v->nslots ? v->nslots * 2 : 1024;
	size_t *slots = calloc(n, sizeof *slots), *old = v->slots;

	if (!slots)
		return cm_error_nomem();
	v->slots = slots;
	v->nslots = n;
	for (size_t k = 0; k < v->n; k++) {
		pair *p = &v->pairs[k];
		const char *s = v->arena + p->at;
		size_t *slot = find(v, s, p->flen, s + p->flen, p->elen);
		*slot = k + 1;
		p->slot = (size_t)(slot - v->slots);
	}
	free(old);
	return 0;
}

static int reserve(cm_vocab *v, size_t bytes)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 512;
		pair *p = realloc(v->pairs, cap * sizeof *p);
		if (!p)
			return cm_error_nomem();
		v->pairs = p;
		v->cap = cap;
	}
	if (v->used + bytes > v->room) {
		size_t room = v->room ? v->room * 2 : 16384;
		char *a;
		while (room < v->used + bytes)
			room *= 2;
		if (!(a = realloc(v->arena, room)))
			return cm_error_nomem();
		v->arena = a;
		v->room = room;
	}
	if (2 * (v->n + 1) > v->nslots)
		return grow_slots(v);
	return 0;
}

int cm_vocab_add(cm_vocab *v, const char *folded, size_t folded_len, const char *exact,
		 size_t exact_len)
{
	size_t *slot;
	int rc;

	if (folded_len > CM_TERM_MAX || exact_len > CM_TERM_MAX)
		return cm_error_set(CM_EINVAL, "vocabulary word longer than %d bytes", CM_TERM_MAX);
	if (v->nslots && *find(v, folded, folded_len, exact, exact_len))
		return 0;
	if ((rc = reserve(v, folded_len + exact_len)) < 0)
		return rc;
	slot = find(v, folded, folded_len, exact, exact_len);
	memcpy(v->arena + v->used, folded, folded_len);
	memcpy(v->arena + v->used + folded_len, exact, exact_len);
	v->pairs[v->n] = (pair){v->used, (size_t)(slot - v->slots), (unsigned char)folded_len,
				(unsigned char)exact_len};
	v->used += folded_len + exact_len;
	*slot = ++v->n;
	return 1;
}

size_t cm_vocab_count(const cm_vocab *v)
{
	return v->n;
}

void cm_vocab_get(const char **folded, size_t *folded_len, const char **exact, size_t *exact_len,
		  const cm_vocab *v, size_t i)
{
	const pair *p = &v->pairs[i];

	*folded = v->arena + p->at;
	*folded_len = p->flen;
	*exact = v->arena + p->at + p->flen;
	*exact_len = p->elen;
}

/* Empties only the slots in use: after one huge document the table is
 * large, and every later document clears it. */
void cm_vocab_clear(cm_vocab *v)
{
	for (size_t k = 0; k < v->n; k++)
		v->slots[v->pairs[k].slot] = 0;
	v->n = 0;
	v->used = 0;
}

int cm_vocab_write_new(cm_vocab *seen, cm_xdb *db, const cm_vocab *words)
{
	for (size_t i = 0; i < words->n; i++) {
		const char *f, *e;
		size_t fl, el;
		int rc;

		cm_vocab_get(&f, &fl, &e, &el, words, i);
		if ((rc = cm_vocab_add(seen, f, fl, e, el)) < 0)
			return rc;
		if (rc == 1 && (rc = cm_xdb_add_synonym(db, f, fl, e, el)) < 0)
			return rc;
	}
	return 0;
}
