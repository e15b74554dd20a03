/* SPDX-License-Identifier: GPL-2.0-or-later */

/* tls.h: the certificate and key of --tls-cert/--tls-key, read and checked
 * (with GnuTLS, as libmicrohttpd will use them) before the server starts,
 * so that a bad file is a one-line error naming it. Internal to the server.
 *
 * Ownership: the caller's (cm_serve_tls_free); the PEM texts are the
 * handle's. */
#ifndef CHIMUC_SERVE_TLS_H
#define CHIMUC_SERVE_TLS_H

/* The largest certificate (chain) or key file read, in bytes. */
#define CM_SERVE_TLS_FILE_MAX (1u << 20)

typedef struct {
	char *cert; /* PEM, NUL-terminated */
	char *key;
} cm_serve_tls;

/* Reads cert_path (a PEM certificate, or a chain) and key_path (its PEM
 * private key), checks that each parses and that they go together. 0;
 * CM_EUNSUPPORTED (libmicrohttpd without TLS), CM_EIO (a file unreadable,
 * or larger than CM_SERVE_TLS_FILE_MAX), CM_EPARSE (not a certificate, not
 * a key, or not each other's), CM_ENOMEM; the message names the file. */
int cm_serve_tls_load(cm_serve_tls **out, const char *cert_path, const char *key_path);
void cm_serve_tls_free(cm_serve_tls *t);

#endif
