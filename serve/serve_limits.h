/* SPDX-License-Identifier: GPL-2.0-or-later */

/* serve_limits.h: every limit of `chimuc serve`, named once: what a request may
 * be (URL, headers, body, parameters), how many connections it may hold,
 * how long a client may take, how large a page may be. Internal to the
 * server. */
#ifndef CHIMUC_SERVE_LIMITS_H
#define CHIMUC_SERVE_LIMITS_H

/* The request line's target (path and query string) in bytes: longer is
 * 414 URI Too Long. */
#define CM_SERVE_URL_MAX 8192
/* The memory of one connection (libmicrohttpd's buffer for the request
 * line and headers): headers beyond it are 431. */
#define CM_SERVE_HEADERS_MAX (32 * 1024)
/* A request's body (the draft of POST /api/map) in bytes: larger is 413. */
#define CM_SERVE_BODY_MAX (8u << 20)
/* What a multipart/form-data upload may hold beyond its draft of at most
 * CM_SERVE_BODY_MAX bytes (the parts' boundaries and headers, other small
 * fields): more is 413. */
#define CM_SERVE_UPLOAD_FRAMING_MAX (64u << 10)
/* Parameters in a query string: more is 400. */
#define CM_SERVE_PARAMS_MAX 32
/* Connections at once, in all and from one address. */
#define CM_SERVE_CONNECTIONS_MAX 256
#define CM_SERVE_CONNECTIONS_PER_IP 64
/* Seconds a connection may stay idle (a slow client's half request) before
 * it is closed. */
#define CM_SERVE_TIMEOUT 10
/* Seconds SIGTERM waits for the requests in flight to end. */
#define CM_SERVE_DRAIN_SECONDS 30
/* Worker threads: the default and the most --threads takes. A connection
 * is served by one thread, after the other requests of that thread: with
 * 16, a slow question (one not in the cache) holds few connections. */
#define CM_SERVE_THREADS_DEFAULT 16
#define CM_SERVE_THREADS_MAX 64
/* The memory of the answer cache (cache.h), in bytes: whole answers of GET
 * requests at the index's revision, the least recently used evicted. */
#define CM_SERVE_CACHE_BYTES (64u << 20)
/* Milliseconds between two looks of the warmer (warm.h) for a new commit:
 * a commit is answered from at most this long after it, plus the warming. */
#define CM_SERVE_WATCH_MS 250
/* The answers the warmer reads again at a new commit before the server
 * answers at it (the most recently used of the cache), and the seconds it
 * may take at most. */
#define CM_SERVE_WARM_MAX 256
#define CM_SERVE_WARM_SECONDS 10
/* The reads of one answer by the warmer when commits keep moving its
 * handle while it reads (warm.c). */
#define CM_SERVE_WARM_TRIES 3
/* The largest page of a listing (limit=), and the default page of search. */
#define CM_SERVE_PAGE_MAX 1000
#define CM_SERVE_SEARCH_LIMIT 10

#endif
