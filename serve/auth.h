/* SPDX-License-Identifier: GPL-2.0-or-later */

/* auth.h: --auth FILE: the users who may use the server, one "user:hash"
 * a line (a salted crypt(3) hash: "$y$…" yescrypt from mkpasswd, "$6$…"
 * from `openssl passwd -6`; '#' starts a comment), checked against HTTP
 * Basic credentials with libcrypt. Internal to the server.
 *
 * Ownership: a cm_serve_auth is the caller's (cm_serve_auth_free). */
#ifndef CHIMUC_SERVE_AUTH_H
#define CHIMUC_SERVE_AUTH_H

typedef struct cm_serve_auth cm_serve_auth;

/* The users of the file at path. Errors: CM_ENOTFOUND, CM_EIO (cannot read
 * it), CM_EPARSE (a line that is no "user:$id$…hash", a user given twice,
 * no user at all: the message names the line), CM_ENOMEM. */
int cm_serve_auth_load(cm_serve_auth **out, const char *path);
void cm_serve_auth_free(cm_serve_auth *a);

/* 1 if password is user's (either NULL: 0). An unknown user costs a hash
 * all the same, so that timing does not tell which users exist. */
int cm_serve_auth_check(const cm_serve_auth *a, const char *user, const char *password);

#endif
