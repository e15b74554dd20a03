/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_request.c: libFuzzer target for the request parsing of chimuc serve
 * (serve/request.h): the request target taken apart, then every parameter
 * read as a count and as a word; and the same bytes as --listen ADDR:PORT
 * (serve/listen.h). Properties: any input is taken apart or refused with
 * CM_EINVAL or CM_ELIMIT; a path taken apart starts with '/' and has no "."
 * or ".." segment nor NUL nor backslash; an address parsed has a family
 * and a length of its own; never a crash, leak or hang. */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "listen.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void path_holds(const char *path)
{
	size_t n = strlen(path);

	if (path[0] != '/' || strchr(path, '\\'))
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1;
		while (j < n && path[j] != '/')
			j++;
		if ((j - i == 2 && path[i + 1] == '.') ||
		    (j - i == 3 && path[i + 1] == '.' && path[i + 2] == '.'))
			abort();
		i = j - 1;
	}
}

/* The bytes as --listen's argument (up to their first NUL). */
static void listen_holds(const unsigned char *data, size_t size)
{
	struct sockaddr_storage ss;
	socklen_t len = 0;
	char *s = malloc(size + 1);

	if (!s)
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	if (cm_serve_listen_parse(&ss, &len, s) == 0) {
		if ((ss.ss_family != AF_INET || len != sizeof(struct sockaddr_in)) &&
		    (ss.ss_family != AF_INET6 || len != sizeof(struct sockaddr_in6)))
			abort();
		(void)cm_serve_loopback((const struct sockaddr *)&ss);
	} else if (cm_error_code() != CM_EINVAL) {
		abort();
	}
	free(s);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const words[] = {"json", "ics", "dot", NULL};
	cm_serve_request req;
	int rc = cm_serve_request_parse(&req, (const char *)data, size);

	listen_holds(data, size);
	if (rc < 0) {
		if (rc != CM_EINVAL && rc != CM_ELIMIT)
			abort();
		return 0;
	}
	path_holds(req.path);
	if (req.nparams > CM_SERVE_PARAMS_MAX)
		abort();
	for (size_t i = 0; i < req.nparams; i++) {
		const char *key = req.params[i].key;
		size_t n, w;
		if (cm_serve_param_get(&req, key) != req.params[i].value)
			abort();
		if (cm_serve_param_count(&n, &req, key, 7, 1, 1000) == 0 && *req.params[i].value &&
		    (n < 1 || n > 1000))
			abort();
		if (cm_serve_param_word(&w, &req, key, words, 0) == 0 && w > 2)
			abort();
	}
	cm_serve_request_release(&req);
	return 0;
}
