/* SPDX-License-Identifier: GPL-2.0-or-later */

/* request.h: a request target ("/api/search?q=dan+van&limit=5") taken
 * apart: its path percent-decoded and checked (no "." or ".." segment, no
 * NUL, no backslash: nothing can name a file outside the routes), its
 * query string split into decoded parameters; and the typed reading of a
 * parameter (a count in a range, one of a set of words). Pure code, no
 * HTTP library: the unit tests and the fuzzer drive it directly.
 *
 * Ownership: a cm_serve_request is the caller's (cm_serve_request_release);
 * the strings it hands out are borrowed from it. */
#ifndef CHIMUC_SERVE_REQUEST_H
#define CHIMUC_SERVE_REQUEST_H

#include <stddef.h>

#include "serve_limits.h"

typedef struct {
	char *key, *value; /* decoded, NUL-terminated ("" for "key" alone) */
} cm_serve_param;

typedef struct {
	char *path; /* decoded, starts with '/' */
	cm_serve_param params[CM_SERVE_PARAMS_MAX];
	size_t nparams;
} cm_serve_request;

/* Decodes %XX escapes (and '+' as a space when plus is set) of in[0, len)
 * into out (at least len + 1 bytes), NUL-terminated; *out_len its bytes.
 * CM_EINVAL for a bad escape or an escaped NUL. */
int cm_serve_decode(char *out, size_t *out_len, const char *in, size_t len, int plus);

/* Takes the target uri[0, len) apart into req. Errors: CM_ELIMIT (longer
 * than CM_SERVE_URL_MAX: 414), CM_EINVAL (not starting with '/', a bad
 * escape, a "." or ".." segment, a backslash, more than CM_SERVE_PARAMS_MAX
 * parameters, a parameter given twice: 400), CM_ENOMEM. The message says
 * which. On error req holds nothing to release. */
int cm_serve_request_parse(cm_serve_request *req, const char *uri, size_t len);
void cm_serve_request_release(cm_serve_request *req);

/* The value of parameter key, or NULL when not given. */
const char *cm_serve_param_get(const cm_serve_request *req, const char *key);
/* The value of key, or NULL when not given or empty. */
const char *cm_serve_param_set(const cm_serve_request *req, const char *key);

/* The count of key into *out: def when not given or empty, else a decimal
 * number from min to max. CM_EINVAL (with the message) otherwise. */
int cm_serve_param_count(size_t *out, const cm_serve_request *req, const char *key, size_t def,
			 size_t min, size_t max);

/* The index in words (NULL-terminated) of key's value: def when not
 * given; CM_EINVAL for a value not among them. */
int cm_serve_param_word(size_t *out, const cm_serve_request *req, const char *key,
			const char *const *words, size_t def);

/* CM_EINVAL (with the message) if the request has a parameter not among
 * known (NULL-terminated): a misspelt filter is an error, not ignored. */
int cm_serve_params_known(const cm_serve_request *req, const char *const *known);

#endif
