/* SPDX-License-Identifier: GPL-2.0-or-later */

/* body.c: a POST's body as it arrives (body.h): raw bytes appended up to
 * CM_SERVE_BODY_MAX, or a multipart/form-data body fed to libmicrohttpd's
 * post processor, whose field `draft` is appended the same way. */
#include "body.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chimuc/error.h"
#include "serve_limits.h"

/* The post processor's buffer for a part's headers and a field's name. */
#define UPLOAD_BUFFER (16 * 1024)

/* Appends n bytes; past CM_SERVE_BODY_MAX they are only flagged. */
static void append(cm_serve_body *b, const char *data, size_t n)
{
	if (b->too_large || n > CM_SERVE_BODY_MAX - b->len) {
		b->too_large = 1;
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(p = realloc(b->data, cap))) {
			b->too_large = 1;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static enum MHD_Result field(void *cls, enum MHD_ValueKind kind, const char *key,
			     const char *filename, const char *content_type,
			     const char *transfer_encoding, const char *data, uint64_t off,
			     size_t size)
{
	cm_serve_body *b = cls;

	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	(void)off;
	if (!key || strcmp(key, CM_SERVE_UPLOAD_FIELD))
		return MHD_YES;
	b->has_field = 1;
	append(b, data, size);
	return b->too_large ? MHD_NO : MHD_YES;
}

static int multipart(struct MHD_Connection *c)
{
	static const char type[] = "multipart/form-data";
	const char *v =
		MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	return v && !strncasecmp(v, type, sizeof type - 1);
}

int cm_serve_body_begin(cm_serve_body *b, struct MHD_Connection *c)
{
	*b = (cm_serve_body){0};
	if (!multipart(c))
		return 0;
	if (!(b->pp = MHD_create_post_processor(c, UPLOAD_BUFFER, field, b)))
		return cm_error_set(CM_EINVAL, "multipart/form-data without a boundary");
	return 0;
}

size_t cm_serve_body_limit(const cm_serve_body *b)
{
	return CM_SERVE_BODY_MAX + (b->pp ? CM_SERVE_UPLOAD_FRAMING_MAX : 0);
}

void cm_serve_body_add(cm_serve_body *b, const char *data, size_t n)
{
	if (n > cm_serve_body_limit(b) - b->seen) {
		b->too_large = 1;
		return;
	}
	b->seen += n;
	if (!b->pp) {
		append(b, data, n);
		return;
	}
	if (!b->malformed && !b->too_large && MHD_post_process(b->pp, data, n) != MHD_YES)
		b->malformed = !b->too_large;
}

int cm_serve_body_end(const char **data, size_t *len, cm_serve_body *b)
{
	*data = b->data ? b->data : "";
	*len = b->len;
	if (b->too_large)
		return cm_error_set(CM_ELIMIT, "the body is larger than %u bytes",
				    CM_SERVE_BODY_MAX);
	if (!b->pp)
		return 0;
	if (b->malformed)
		return cm_error_set(CM_EINVAL, "the multipart/form-data body is malformed");
	if (!b->has_field)
		return cm_error_set(CM_EINVAL, "the upload has no field '" CM_SERVE_UPLOAD_FIELD
					       "' (the draft)");
	return 0;
}

void cm_serve_body_release(cm_serve_body *b)
{
	if (b->pp)
		MHD_destroy_post_processor(b->pp);
	free(b->data);
	*b = (cm_serve_body){0};
}
