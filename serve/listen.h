/* SPDX-License-Identifier: GPL-2.0-or-later */

/* listen.h: --listen ADDR:PORT ("127.0.0.1:8080", "[::1]:8080",
 * "localhost:0", "0.0.0.0:80") as a socket address, and whether it is a
 * loopback one (the only kind served without --no-auth). Internal to the
 * server. */
#ifndef CHIMUC_SERVE_LISTEN_H
#define CHIMUC_SERVE_LISTEN_H

#include <sys/socket.h>

#define CM_SERVE_LISTEN_DEFAULT "127.0.0.1:8080"

/* Parses s (numeric addresses and "localhost" only: no name lookup) into
 * *out and *len. CM_EINVAL with the message otherwise. */
int cm_serve_listen_parse(struct sockaddr_storage *out, socklen_t *len, const char *s);

/* 1 if addr is a loopback address (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
int cm_serve_loopback(const struct sockaddr *addr);

#endif
