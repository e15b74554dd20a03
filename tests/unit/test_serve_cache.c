/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_serve_cache.c: the answer cache of chimuc serve (serve/cache.h):
 * keys of requests that differ only in order or escapes are equal, others
 * differ; an answer is given only at the revision it was kept at, never
 * once a newer one is published; the keys of the most recently used
 * answers of a revision; least recently used answers go first once the bytes
 * pass the limit; an answer too large or of an older revision is not kept. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "request.h"

/* The key of uri into *key (the caller's). */
static size_t key_of(char **key, const char *uri)
{
	cm_serve_request req;
	size_t len;

	cr_assert_eq(cm_serve_request_parse(&req, uri, strlen(uri)), 0, "%s", uri);
	cr_assert_eq(cm_serve_cache_key(key, &len, &req), 0);
	cm_serve_request_release(&req);
	return len;
}

typedef struct {
	const char *a, *b;
	int same;
} key_case;

static const key_case keys[] = {
	{"/api/search?q=dan&limit=5", "/api/search?limit=5&q=dan", 1},
	{"/api/search?q=dan+van", "/api/search?q=dan%20van", 1},
	{"/api/search?q=d%C3%A2n", "/api/search?q=d%c3%a2n", 1},
	{"/api/search?q=dan", "/api/search?q=dan&limit=10", 0},
	{"/api/search?q=dan", "/api/search?q=Dan", 0},
	{"/api/search?q=ab", "/api/search?qa=b", 0},
	{"/api/search?a=b&c=", "/api/search?a=&bc=", 0},
	{"/api/doc/1", "/api/doc/1?", 1},
	{"/api/cites?id=x", "/api/cited-by?id=x", 0},
};

Test(serve_cache, keys)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *a, *b;
		size_t la = key_of(&a, keys[i].a), lb = key_of(&b, keys[i].b);
		int same = la == lb && !memcmp(a, b, la);
		cr_expect_eq(same, keys[i].same, "%s vs %s", keys[i].a, keys[i].b);
		free(a);
		free(b);
	}
}

static cm_serve_reply reply_of(const char *body)
{
	cm_serve_reply r = {
		.status = 200, .type = CM_SERVE_JSON, .body = (char *)body, .len = strlen(body)};
	return r;
}

/* The body the cache gives for key at rev, or NULL (to free). */
static char *got(cm_serve_cache *c, uint64_t rev, const char *key)
{
	cm_serve_reply r = {0};
	int rc = cm_serve_cache_get(&r, c, rev, key, strlen(key));

	cr_assert_geq(rc, 0);
	if (rc == 0)
		return NULL;
	cr_assert_eq(r.status, 200);
	cr_assert_str_eq(r.type, CM_SERVE_JSON);
	cr_assert_eq(strlen(r.body), r.len);
	return r.body;
}

static void put(cm_serve_cache *c, uint64_t rev, const char *key, const char *body)
{
	cm_serve_reply r = reply_of(body);
	cr_assert_eq(cm_serve_cache_put(c, rev, key, strlen(key), &r, 1), 0);
}

static void expect_body(cm_serve_cache *c, uint64_t rev, const char *key, const char *want)
{
	char *b = got(c, rev, key);
	if (want) {
		cr_assert_not_null(b, "%s at %llu", key, (unsigned long long)rev);
		cr_expect_str_eq(b, want);
	} else {
		cr_expect_null(b, "%s at %llu: %s", key, (unsigned long long)rev, b);
	}
	free(b);
}

Test(serve_cache, revisions)
{
	cm_serve_cache *c;

	cr_assert_eq(cm_serve_cache_new(&c, 1 << 20), 0);
	cr_expect_eq(cm_serve_cache_published(c), 0);
	expect_body(c, 5, "a", NULL);
	put(c, 5, "a", "{\"total\":1}");
	put(c, 5, "b", "{\"total\":2}");
	expect_body(c, 5, "a", "{\"total\":1}");
	expect_body(c, 5, "b", "{\"total\":2}");
	/* never at an older revision; at a newer one, the newest kept */
	expect_body(c, 4, "a", NULL);
	expect_body(c, 6, "a", "{\"total\":1}");
	cm_serve_cache_publish(c, 5);
	/* a handle past the published revision: its answer */
	expect_body(c, 6, "a", "{\"total\":1}");
	expect_body(c, 4, "a", NULL);
	/* a newer revision published: the answers of 5 are gone */
	cm_serve_cache_publish(c, 6);
	expect_body(c, 5, "a", NULL);
	cr_expect_eq(cm_serve_cache_count(c), 0);
	/* an answer read at 5 once 6 is published is not kept */
	put(c, 5, "a", "{\"total\":1}");
	cr_expect_eq(cm_serve_cache_count(c), 0);
	put(c, 6, "a", "{\"total\":3}");
	expect_body(c, 6, "a", "{\"total\":3}");
	/* kept again under the same key: the new answer */
	put(c, 6, "a", "{\"total\":4}");
	expect_body(c, 6, "a", "{\"total\":4}");
	cr_expect_eq(cm_serve_cache_count(c), 1);
	/* read at 7 before it is published (the warmer): both are kept */
	expect_body(c, 7, "b", NULL);
	put(c, 7, "a", "{\"total\":5}");
	expect_body(c, 6, "a", "{\"total\":4}");
	expect_body(c, 7, "a", "{\"total\":5}");
	/* a handle at 8: the newest kept, from the published 6 to 8 */
	expect_body(c, 8, "a", "{\"total\":5}");
	expect_body(c, 8, "b", NULL);
	cm_serve_cache_publish(c, 7);
	expect_body(c, 6, "a", NULL);
	expect_body(c, 7, "a", "{\"total\":5}");
	/* publishing an older one changes nothing */
	cm_serve_cache_publish(c, 6);
	cr_expect_eq(cm_serve_cache_published(c), 7);
	expect_body(c, 7, "a", "{\"total\":5}");
	put(c, 6, "a", "{\"total\":1}");
	expect_body(c, 6, "a", NULL);
	cm_serve_cache_free(c);
}

Test(serve_cache, recent_keys)
{
	cm_serve_cache *c;
	cm_serve_cached_key *kk;
	size_t n;

	cr_assert_eq(cm_serve_cache_new(&c, 1 << 20), 0);
	put(c, 3, "a", "{}");
	put(c, 3, "b", "{}");
	put(c, 3, "c", "{}");
	put(c, 4, "d", "{}");
	free(got(c, 3, "a")); /* a: the most recently used */
	{
		cm_serve_reply r = reply_of("{}");
		/* read by the warmer and never asked: not among them */
		cr_assert_eq(cm_serve_cache_put(c, 3, "w", 1, &r, 0), 0);
		cr_assert_eq(cm_serve_cache_put(c, 3, "x", 1, &r, 0), 0);
		free(got(c, 3, "x")); /* until asked */
	}
	cr_assert_eq(cm_serve_cache_recent(&kk, &n, c, 3, 2), 0);
	cr_assert_eq(n, 2);
	cr_expect_eq(kk[0].len, 1);
	cr_expect_eq(memcmp(kk[0].key, "x", 1), 0);
	cr_expect_eq(memcmp(kk[1].key, "a", 1), 0);
	cm_serve_cache_keys_free(kk, n);
	cr_assert_eq(cm_serve_cache_recent(&kk, &n, c, 3, 10), 0);
	cr_expect_eq(n, 5); /* x a d c b: not w; d is at the newer 4 */
	cr_expect_eq(memcmp(kk[2].key, "d", 1), 0);
	cr_expect_eq(memcmp(kk[3].key, "c", 1), 0);
	cr_expect_eq(memcmp(kk[4].key, "b", 1), 0);
	cm_serve_cache_keys_free(kk, n);
	cr_assert_eq(cm_serve_cache_recent(&kk, &n, c, 4, 10), 0);
	cr_expect_eq(n, 1); /* d, at 4 */
	cm_serve_cache_keys_free(kk, n);
	cr_assert_eq(cm_serve_cache_recent(&kk, &n, c, 5, 10), 0);
	cr_expect_eq(n, 0);
	cm_serve_cache_keys_free(kk, n);
	cm_serve_cache_free(c);
}

Test(serve_cache, lru_within_the_limit)
{
	enum { LIMIT = 64 * 1024, BODY = 4000 };
	char *body = malloc(BODY + 1), key[16];
	cm_serve_cache *c;

	memset(body, 'x', BODY);
	body[BODY] = '\0';
	cr_assert_eq(cm_serve_cache_new(&c, LIMIT), 0);
	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "k%d", i);
		put(c, 1, key, body);
		cr_assert_leq(cm_serve_cache_bytes(c), LIMIT);
		/* k0 used after each put: the most recently used, never evicted */
		free(got(c, 1, "k0"));
	}
	cr_expect_leq(cm_serve_cache_count(c), 16);
	cr_expect_gt(cm_serve_cache_count(c), 10);
	expect_body(c, 1, "k0", body);
	expect_body(c, 1, "k99", body);
	expect_body(c, 1, "k1", NULL);
	expect_body(c, 1, "k50", NULL);
	cm_serve_cache_free(c);
	free(body);
}

Test(serve_cache, too_large_not_kept)
{
	char *body = malloc(20000);
	cm_serve_cache *c, *none;

	memset(body, 'y', 19999);
	body[19999] = '\0';
	cr_assert_eq(cm_serve_cache_new(&c, 64 * 1024), 0);
	put(c, 1, "big", body); /* more than an eighth of the cache */
	expect_body(c, 1, "big", NULL);
	body[4000] = '\0';
	put(c, 1, "small", body);
	expect_body(c, 1, "small", body);
	cm_serve_cache_free(c);
	cr_assert_eq(cm_serve_cache_new(&none, 0), 0);
	put(none, 1, "a", "{}");
	expect_body(none, 1, "a", NULL);
	cm_serve_cache_free(none);
	free(body);
}
