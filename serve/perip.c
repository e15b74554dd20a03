/* SPDX-License-Identifier: GPL-2.0-or-later */

/* perip.c: connections per client address (perip.h): one slot per address
 * with connections open (its bytes, IPv4 or IPv6, and their count), in a
 * table as large as the connections the server holds, under a mutex. */
#include "perip.h"

#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

typedef struct {
	unsigned char addr[16];
	size_t len; /* 4 or 16 */
	unsigned count;
} slot;

struct cm_serve_perip {
	pthread_mutex_t lock;
	unsigned limit;
	size_t nslots;
	slot *slots;
};

/* The address bytes of a (without the port): their length, 0 if neither
 * IPv4 nor IPv6. */
static size_t addr_bytes(unsigned char out[16], const struct sockaddr *a)
{
	if (a && a->sa_family == AF_INET) {
		memcpy(out, &((const struct sockaddr_in *)a)->sin_addr, 4);
		return 4;
	}
	if (a && a->sa_family == AF_INET6) {
		memcpy(out, &((const struct sockaddr_in6 *)a)->sin6_addr, 16);
		return 16;
	}
	return 0;
}

int cm_serve_perip_new(cm_serve_perip **out, size_t slots, unsigned limit)
{
	cm_serve_perip *p = calloc(1, sizeof *p);

	*out = NULL;
	if (!p || !(p->slots = calloc(slots, sizeof *p->slots))) {
		free(p);
		return cm_error_nomem();
	}
	p->nslots = slots;
	p->limit = limit;
	pthread_mutex_init(&p->lock, NULL);
	*out = p;
	return 0;
}

void cm_serve_perip_free(cm_serve_perip *p)
{
	if (!p)
		return;
	pthread_mutex_destroy(&p->lock);
	free(p->slots);
	free(p);
}

/* The slot of the address, or a free one when create (NULL if none). */
static slot *find(cm_serve_perip *p, const unsigned char *addr, size_t len, int create)
{
	slot *free_slot = NULL;

	for (size_t i = 0; i < p->nslots; i++) {
		slot *s = &p->slots[i];
		if (s->count == 0) {
			if (!free_slot)
				free_slot = s;
			continue;
		}
		if (s->len == len && !memcmp(s->addr, addr, len))
			return s;
	}
	if (create && free_slot) {
		memcpy(free_slot->addr, addr, len);
		free_slot->len = len;
	}
	return create ? free_slot : NULL;
}

int cm_serve_perip_admit(cm_serve_perip *p, const struct sockaddr *addr)
{
	unsigned char a[16];
	size_t len = addr_bytes(a, addr);
	slot *s;
	int ok;

	if (len == 0)
		return 1;
	pthread_mutex_lock(&p->lock);
	s = find(p, a, len, 0);
	ok = !s || s->count < p->limit;
	pthread_mutex_unlock(&p->lock);
	return ok;
}

void *cm_serve_perip_enter(cm_serve_perip *p, const struct sockaddr *addr)
{
	unsigned char a[16];
	size_t len = addr_bytes(a, addr);
	slot *s;

	if (len == 0)
		return NULL;
	pthread_mutex_lock(&p->lock);
	if ((s = find(p, a, len, 1)))
		s->count++;
	pthread_mutex_unlock(&p->lock);
	return s;
}

void cm_serve_perip_leave(cm_serve_perip *p, void *slot_)
{
	slot *s = slot_;

	if (!s)
		return;
	pthread_mutex_lock(&p->lock);
	s->count--;
	pthread_mutex_unlock(&p->lock);
}
