/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_serve_request.c: the request parsing of chimuc serve
 * (serve/request.h), table-driven: targets taken apart or refused (dot
 * segments plain and %-encoded, bad escapes, NUL, too many or repeated
 * parameters, a URL too long), percent-decoding, counts and words. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "request.h"

typedef struct {
	const char *uri;
	int rc;
	const char *path;   /* when rc is 0 */
	const char *params; /* "k=v|k=v" as decoded */
} target_case;

static const target_case targets[] = {
	{"/", 0, "/", ""},
	{"/api/stats", 0, "/api/stats", ""},
	{"/api/search?q=dan+van+kheo&limit=5", 0, "/api/search", "q=dan van kheo|limit=5"},
	{"/api/search?q=d%C3%A2n%20v%E1%BA%ADn", 0, "/api/search", "q=dân vận"},
	{"/api/search?q=a%2Bb&&x", 0, "/api/search", "q=a+b|x="},
	{"/api/search?q=a=b", 0, "/api/search", "q=a=b"},
	{"/api/search?", 0, "/api/search", ""},
	{"/api/doc/1600-KH/BDVTW", 0, "/api/doc/1600-KH/BDVTW", ""},
	{"/api/doc/1600-KH%2FBDVTW", 0, "/api/doc/1600-KH/BDVTW", ""},
	{"/api/doc/a+b", 0, "/api/doc/a+b", ""},
	{"/api/doc/.hidden", 0, "/api/doc/.hidden", ""},
	{"/api/doc/...", 0, "/api/doc/...", ""},
	{"/api/../etc/passwd", CM_EINVAL, NULL, NULL},
	{"/api/./stats", CM_EINVAL, NULL, NULL},
	{"/..", CM_EINVAL, NULL, NULL},
	{"/api/%2e%2e/etc/passwd", CM_EINVAL, NULL, NULL},
	{"/api/%2E%2E/etc/passwd", CM_EINVAL, NULL, NULL},
	{"/api/.%2e/x", CM_EINVAL, NULL, NULL},
	{"/api/doc/%2e", CM_EINVAL, NULL, NULL},
	{"/api/doc/..%2Fetc", CM_EINVAL, NULL, NULL},
	{"/api/doc/a%5C..%5Cb", CM_EINVAL, NULL, NULL},
	{"api/stats", CM_EINVAL, NULL, NULL},
	{"", CM_EINVAL, NULL, NULL},
	{"/api/doc/%00", CM_EINVAL, NULL, NULL},
	{"/api/search?q=%00", CM_EINVAL, NULL, NULL},
	{"/api/search?q=%zz", CM_EINVAL, NULL, NULL},
	{"/api/search?q=%4", CM_EINVAL, NULL, NULL},
	{"/api/search?q=%", CM_EINVAL, NULL, NULL},
	{"/api/search?q=a&q=b", CM_EINVAL, NULL, NULL},
};

/* The parameters as "k=v|k=v". */
static void flat(char *buf, size_t len, const cm_serve_request *req)
{
	buf[0] = '\0';
	for (size_t i = 0; i < req->nparams; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s=%s", i ? "|" : "", req->params[i].key,
			 req->params[i].value);
	}
}

Test(serve_request, targets)
{
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		const target_case *t = &targets[i];
		cm_serve_request req;
		char buf[512];
		int rc = cm_serve_request_parse(&req, t->uri, strlen(t->uri));

		cr_expect_eq(rc, t->rc, "%s: %d (%s)", t->uri, rc, cm_error_last());
		if (rc < 0) {
			cr_expect_null(req.path, "%s", t->uri);
			continue;
		}
		cr_expect_str_eq(req.path, t->path, "%s", t->uri);
		flat(buf, sizeof buf, &req);
		cr_expect_str_eq(buf, t->params, "%s", t->uri);
		cm_serve_request_release(&req);
	}
}

Test(serve_request, limits)
{
	cm_serve_request req;
	size_t n = CM_SERVE_URL_MAX + 1;
	char *uri = malloc(n + 1);
	char many[1024] = "/api/search?";

	cr_assert(uri);
	memset(uri, 'a', n);
	uri[0] = '/';
	uri[n] = '\0';
	cr_expect_eq(cm_serve_request_parse(&req, uri, n), CM_ELIMIT);
	cr_expect_eq(cm_serve_request_parse(&req, uri, n - 1), 0);
	cm_serve_request_release(&req);
	free(uri);
	for (int i = 0; i <= CM_SERVE_PARAMS_MAX; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "p%d=1&", i);
	cr_expect_eq(cm_serve_request_parse(&req, many, strlen(many)), CM_EINVAL);
	many[strlen(many) - strlen("p32=1&")] = '\0';
	cr_expect_eq(cm_serve_request_parse(&req, many, strlen(many)), 0, "%s", cm_error_last());
	cr_expect_eq(req.nparams, CM_SERVE_PARAMS_MAX);
	cm_serve_request_release(&req);
}

typedef struct {
	const char *query; /* the query string */
	int rc;
	size_t n;
} count_case;

static const count_case counts[] = {
	{"", 0, 10},
	{"limit=", 0, 10},
	{"limit=0", CM_EINVAL, 0},
	{"limit=1", 0, 1},
	{"limit=100", 0, 100},
	{"limit=101", CM_EINVAL, 0},
	{"limit=-1", CM_EINVAL, 0},
	{"limit=1x", CM_EINVAL, 0},
	{"limit=+5", CM_EINVAL, 0},
	{"limit=99999999999999999999999", CM_EINVAL, 0},
	{"limit=007", 0, 7},
};

Test(serve_request, counts)
{
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		char uri[128];
		cm_serve_request req;
		size_t n = 0;
		int rc;

		snprintf(uri, sizeof uri, "/x?%s", counts[i].query);
		cr_assert_eq(cm_serve_request_parse(&req, uri, strlen(uri)), 0, "%s", uri);
		rc = cm_serve_param_count(&n, &req, "limit", 10, 1, 100);
		cr_expect_eq(rc, counts[i].rc, "%s", uri);
		if (rc == 0)
			cr_expect_eq(n, counts[i].n, "%s", uri);
		cm_serve_request_release(&req);
	}
}

Test(serve_request, words_and_known_parameters)
{
	static const char *const formats[] = {"json", "ics", NULL};
	static const char *const known[] = {"format", "on", NULL};
	cm_serve_request req;
	size_t w;
	const char *uri = "/api/deadlines?format=ics&on=15%2F10";

	cr_assert_eq(cm_serve_request_parse(&req, uri, strlen(uri)), 0);
	cr_expect_eq(cm_serve_param_word(&w, &req, "format", formats, 0), 0);
	cr_expect_eq(w, 1);
	cr_expect_eq(cm_serve_param_word(&w, &req, "by", formats, 0), 0);
	cr_expect_eq(w, 0);
	cr_expect_eq(cm_serve_param_word(&w, &req, "on", formats, 0), CM_EINVAL);
	cr_expect_str_eq(cm_serve_param_get(&req, "on"), "15/10");
	cr_expect_null(cm_serve_param_get(&req, "to"));
	cr_expect_eq(cm_serve_params_known(&req, known), 0);
	cr_expect_eq(cm_serve_params_known(&req, formats), CM_EINVAL);
	cr_expect(strstr(cm_error_last(), "'format'"));
	cm_serve_request_release(&req);
}

Test(serve_request, decode)
{
	char out[32];
	size_t n;

	cr_expect_eq(cm_serve_decode(out, &n, "a+b%41", 6, 1), 0);
	cr_expect_str_eq(out, "a bA");
	cr_expect_eq(cm_serve_decode(out, &n, "a+b", 3, 0), 0);
	cr_expect_str_eq(out, "a+b");
	cr_expect_eq(n, 3);
	cr_expect_eq(cm_serve_decode(out, &n, "%g1", 3, 0), CM_EINVAL);
}
