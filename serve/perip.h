/* SPDX-License-Identifier: GPL-2.0-or-later */

/* perip.h: the connections open from each client address, and the refusal
 * of one more past a limit: counted across all the server's threads
 * (libmicrohttpd's own per-address limit is not, with a thread pool, and
 * refuses well below it). Thread-safe. Internal to the server.
 *
 * Ownership: the caller's (cm_serve_perip_free). */
#ifndef CHIMUC_SERVE_PERIP_H
#define CHIMUC_SERVE_PERIP_H

#include <stddef.h>
#include <sys/socket.h>

typedef struct cm_serve_perip cm_serve_perip;

/* Counts for at most slots addresses at once (the connections the server
 * holds in all), limit connections each. 0 or CM_ENOMEM. */
int cm_serve_perip_new(cm_serve_perip **out, size_t slots, unsigned limit);
void cm_serve_perip_free(cm_serve_perip *p);

/* 1 when a connection from addr may be accepted (fewer than limit open). */
int cm_serve_perip_admit(cm_serve_perip *p, const struct sockaddr *addr);
/* Counts a connection from addr: what cm_serve_perip_leave takes when it
 * closes (NULL: not counted, no slot free). */
void *cm_serve_perip_enter(cm_serve_perip *p, const struct sockaddr *addr);
void cm_serve_perip_leave(cm_serve_perip *p, void *slot);

#endif
