/* SPDX-License-Identifier: GPL-2.0-or-later */

/* http.h: the HTTP side of `chimuc serve` on libmicrohttpd: its internal
 * thread pool, the limits of serve_limits.h (connections in all and per address,
 * the idle timeout, the URL, headers and body sizes), each request's raw
 * target (parsed by request.h, never libmicrohttpd's unescaping), routing
 * (route.h), HTTP Basic authentication against --auth's users (auth.h), an
 * index handle per request (pool.h), HTTPS with the certificate and key of
 * tls.h (plain HTTP is then refused), and a stop that lets the requests in
 * flight finish. Internal to the server.
 *
 * Ownership: the server is the caller's (cm_serve_stop frees it); it
 * borrows the pool, the users and the certificate until then. */
#ifndef CHIMUC_SERVE_HTTP_H
#define CHIMUC_SERVE_HTTP_H

#include <sys/socket.h>

#include "auth.h"
#include "pool.h"
#include "tls.h"

typedef struct cm_serve_server cm_serve_server;

typedef struct {
	const struct sockaddr *addr; /* where to listen (port 0: any free one) */
	socklen_t addrlen;
	unsigned threads;
	cm_serve_pool *pool;
	const cm_serve_auth *auth; /* NULL: no authentication */
	const cm_serve_tls *tls;   /* NULL: plain HTTP */
} cm_serve_config;

/* Starts listening and answering. Errors: CM_EIO (the address is taken,
 * or libmicrohttpd cannot start), CM_ENOMEM. */
int cm_serve_start(cm_serve_server **out, const cm_serve_config *cfg);
/* The port it listens on (the one chosen for port 0). */
unsigned cm_serve_port(const cm_serve_server *s);
/* The GET answers given from the cache (hits) and read from the index
 * (misses) so far. */
void cm_serve_tally(size_t *hits, size_t *misses, cm_serve_server *s);
/* Stops accepting, waits for the requests in flight (at most
 * CM_SERVE_DRAIN_SECONDS), stops and frees s. */
void cm_serve_stop(cm_serve_server *s);

#endif
