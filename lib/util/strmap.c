/* SPDX-License-Identifier: GPL-2.0-or-later */

/* strmap.c: the byte-string hash map of chimuc/strmap.h. */
#include "chimuc/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/hash.h"

struct cm_strmap_slot {
	char *key; /* NULL: empty */
	size_t len, value;
	uint64_t hash;
};

/* The slot of key, or the empty one where it would go. */
static struct cm_strmap_slot *find(const cm_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->slots[i].key && !(m->slots[i].hash == h && m->slots[i].len == len &&
				    !memcmp(m->slots[i].key, key, len)))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static int grow(cm_strmap *m)
{
	size_t cap = m->cap ? 2 * m->cap : 64;
	cm_strmap bigger = {calloc(cap, sizeof *bigger.slots), m->n, cap};

	if (!bigger.slots)
		return cm_error_nomem();
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			*find(&bigger, m->slots[i].key, m->slots[i].len, m->slots[i].hash) =
				m->slots[i];
	free(m->slots);
	*m = bigger;
	return 0;
}

int cm_strmap_put(size_t *out_value, cm_strmap *m, const char *key, size_t len, size_t value)
{
	uint64_t h = cm_hash64(key, len);
	struct cm_strmap_slot *s;

	if (2 * (m->n + 1) > m->cap && grow(m) < 0)
		return CM_ENOMEM;
	s = find(m, key, len, h);
	if (s->key) {
		if (out_value)
			*out_value = s->value;
		return 0;
	}
	if (!(s->key = malloc(len + 1)))
		return cm_error_nomem();
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->len = len;
	s->value = value;
	s->hash = h;
	m->n++;
	if (out_value)
		*out_value = value;
	return 1;
}

int cm_strmap_get(size_t *out_value, const cm_strmap *m, const char *key, size_t len)
{
	const struct cm_strmap_slot *s;

	if (!m->cap)
		return 0;
	s = find(m, key, len, cm_hash64(key, len));
	if (!s->key)
		return 0;
	if (out_value)
		*out_value = s->value;
	return 1;
}

size_t cm_strmap_count(const cm_strmap *m)
{
	return m->n;
}

void cm_strmap_free(cm_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	*m = (cm_strmap)CM_STRMAP_INIT;
}
