/* SPDX-License-Identifier: GPL-2.0-or-later */

/* request.c: the request target taken apart (request.h): percent-decoding,
 * the path's checks, the query string's parameters, their typed reading. */
#include "request.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int cm_serve_decode(char *out, size_t *out_len, const char *in, size_t len, int plus)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c == '%') {
			int hi = i + 1 < len ? hex(in[i + 1]) : -1;
			int lo = i + 2 < len ? hex(in[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return cm_error_set(CM_EINVAL, "bad %%-escape in the request");
			c = (char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		if (c == '\0')
			return cm_error_set(CM_EINVAL, "NUL in the request");
		out[n++] = c;
	}
	out[n] = '\0';
	*out_len = n;
	return 0;
}

/* A decoded path is one of the routes' or nothing: no dot segments, no
 * backslash (another system's separator). */
static int path_check(const char *path, size_t len)
{
	if (len == 0 || path[0] != '/')
		return cm_error_set(CM_EINVAL, "the path must start with '/'");
	if (memchr(path, '\\', len))
		return cm_error_set(CM_EINVAL, "backslash in the path");
	for (size_t i = 0; i < len;) {
		size_t j = i + 1, n;
		while (j < len && path[j] != '/')
			j++;
		n = j - i - 1;
		if ((n == 1 && path[i + 1] == '.') ||
		    (n == 2 && path[i + 1] == '.' && path[i + 2] == '.'))
			return cm_error_set(CM_EINVAL, "'.' or '..' in the path");
		i = j;
	}
	return 0;
}

static char *decoded(const char *s, size_t len, int plus, int *rc)
{
	char *out = malloc(len + 1);
	size_t n;

	if (!out) {
		*rc = cm_error_nomem();
		return NULL;
	}
	if ((*rc = cm_serve_decode(out, &n, s, len, plus)) < 0) {
		free(out);
		return NULL;
	}
	return out;
}

static int param_add(cm_serve_request *req, const char *s, size_t len)
{
	const char *eq = memchr(s, '=', len);
	size_t klen = eq ? (size_t)(eq - s) : len;
	cm_serve_param *p;
	int rc;

	if (len == 0)
		return 0; /* "a=1&&b=2" */
	if (req->nparams == CM_SERVE_PARAMS_MAX)
		return cm_error_set(CM_EINVAL, "more than %d parameters", CM_SERVE_PARAMS_MAX);
	p = &req->params[req->nparams];
	if (!(p->key = decoded(s, klen, 1, &rc)))
		return rc;
	if (!(p->value = eq ? decoded(eq + 1, len - klen - 1, 1, &rc) : strdup(""))) {
		free(p->key);
		return eq ? rc : cm_error_nomem();
	}
	req->nparams++;
	for (size_t i = 0; i + 1 < req->nparams; i++)
		if (!strcmp(req->params[i].key, p->key))
			return cm_error_set(CM_EINVAL, "parameter '%s' given twice", p->key);
	return 0;
}

int cm_serve_request_parse(cm_serve_request *req, const char *uri, size_t len)
{
	const char *q = memchr(uri, '?', len);
	size_t plen = q ? (size_t)(q - uri) : len, n;
	int rc;

	*req = (cm_serve_request){0};
	if (len > CM_SERVE_URL_MAX)
		return cm_error_set(CM_ELIMIT, "the URL is longer than %d bytes", CM_SERVE_URL_MAX);
	if (!(req->path = decoded(uri, plen, 0, &rc)))
		return rc;
	if ((rc = path_check(req->path, strlen(req->path))) < 0)
		goto fail;
	for (size_t i = plen + 1; q && i <= len; i += n + 1) {
		const char *amp = memchr(uri + i, '&', len - i);
		n = amp ? (size_t)(amp - uri - i) : len - i;
		if ((rc = param_add(req, uri + i, n)) < 0)
			goto fail;
	}
	return 0;
fail:
	cm_serve_request_release(req);
	return rc;
}

void cm_serve_request_release(cm_serve_request *req)
{
	for (size_t i = 0; i < req->nparams; i++) {
		free(req->params[i].key);
		free(req->params[i].value);
	}
	free(req->path);
	*req = (cm_serve_request){0};
}

const char *cm_serve_param_get(const cm_serve_request *req, const char *key)
{
	for (size_t i = 0; i < req->nparams; i++)
		if (!strcmp(req->params[i].key, key))
			return req->params[i].value;
	return NULL;
}

const char *cm_serve_param_set(const cm_serve_request *req, const char *key)
{
	const char *v = cm_serve_param_get(req, key);
	return v && *v ? v : NULL;
}

int cm_serve_param_count(size_t *out, const cm_serve_request *req, const char *key, size_t def,
			 size_t min, size_t max)
{
	const char *v = cm_serve_param_set(req, key);
	size_t n = 0;

	*out = def;
	if (!v)
		return 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || n > max || n > (SIZE_MAX - 9) / 10)
			return cm_error_set(CM_EINVAL, "%s needs a number from %zu to %zu", key,
					    min, max);
		n = n * 10 + (size_t)(*p - '0');
	}
	if (n < min || n > max)
		return cm_error_set(CM_EINVAL, "%s needs a number from %zu to %zu", key, min, max);
	*out = n;
	return 0;
}

int cm_serve_param_word(size_t *out, const cm_serve_request *req, const char *key,
			const char *const *words, size_t def)
{
	const char *v = cm_serve_param_set(req, key);

	*out = def;
	if (!v)
		return 0;
	for (size_t i = 0; words[i]; i++)
		if (!strcmp(words[i], v)) {
			*out = i;
			return 0;
		}
	return cm_error_set(CM_EINVAL, "unknown %s '%s'", key, v);
}

int cm_serve_params_known(const cm_serve_request *req, const char *const *known)
{
	for (size_t i = 0; i < req->nparams; i++) {
		size_t k = 0;
		while (known[k] && strcmp(known[k], req->params[i].key))
			k++;
		if (!known[k])
			return cm_error_set(CM_EINVAL, "unknown parameter '%s'",
					    req->params[i].key);
	}
	return 0;
}
