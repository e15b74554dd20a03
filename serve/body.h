/* SPDX-License-Identifier: GPL-2.0-or-later */

/* body.h: the body of a POST, gathered as it arrives, at most
 * CM_SERVE_BODY_MAX bytes: the bytes themselves, or for a
 * multipart/form-data upload (a browser's form, curl -F) the bytes of its
 * field `draft` (libmicrohttpd's post processor takes the parts apart;
 * other fields are skipped). Internal to the server.
 *
 * Ownership: the bytes are the body's until cm_serve_body_release. */
#ifndef CHIMUC_SERVE_BODY_H
#define CHIMUC_SERVE_BODY_H

#include <microhttpd.h>
#include <stddef.h>

/* The name of the upload's field that holds the draft. */
#define CM_SERVE_UPLOAD_FIELD "draft"

typedef struct {
	struct MHD_PostProcessor *pp; /* a multipart body's, else NULL */
	char *data;                   /* NUL after len bytes; NULL while empty */
	size_t len, cap;
	size_t seen;   /* bytes of the request's body that came */
	int too_large; /* more than CM_SERVE_BODY_MAX bytes came */
	int malformed; /* the multipart framing did not parse */
	int has_field; /* the multipart body had the field */
} cm_serve_body;

/* Starts the body of c's request (a multipart one by its Content-Type).
 * 0, or CM_EINVAL (multipart without a boundary) with the message set. */
int cm_serve_body_begin(cm_serve_body *b, struct MHD_Connection *c);
/* The most bytes the request's body may have: CM_SERVE_BODY_MAX, and
 * CM_SERVE_UPLOAD_FRAMING_MAX more for a multipart one. */
size_t cm_serve_body_limit(const cm_serve_body *b);
/* Takes the next n bytes of the request's body. */
void cm_serve_body_add(cm_serve_body *b, const char *data, size_t n);
/* The whole body (or the draft field's bytes) once all came: 0; CM_ELIMIT
 * (too large), CM_EINVAL (a malformed multipart body, or one without the
 * field), with the message set. */
int cm_serve_body_end(const char **data, size_t *len, cm_serve_body *b);
void cm_serve_body_release(cm_serve_body *b);

#endif
