/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_strmap.c: the growable array and the byte-string hash map: items
 * appended zeroed and kept in order across growth; keys found by bytes and
 * length (a key that is a prefix of another, an embedded NUL), the first
 * value kept, thousands of keys through many growths. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/strmap.h"

typedef struct {
	int a;
	char b[8];
} item;

Test(array, grows_zeroed_in_order)
{
	cm_array_t(item) v = CM_ARRAY_INIT;

	for (int i = 0; i < 1000; i++) {
		item *it = cm_array_alloc(v);
		cr_assert_not_null(it);
		cr_assert_eq(it->a, 0, "a new item is zeroed");
		cr_assert_eq(it->b[0], '\0');
		it->a = i;
		snprintf(it->b, sizeof it->b, "%d", i % 100);
	}
	cr_expect_eq(v.size, 1000);
	for (size_t i = 0; i < v.size; i++)
		cr_expect_eq(v.ptr[i].a, (int)i);
	v.size = 10;
	cr_expect_eq(((item *)cm_array_alloc(v))->a, 0, "a reused slot is zeroed again");
	cm_array_clear(v);
	cr_expect_null(v.ptr);
	cr_expect_eq(v.size, 0);
}

static const struct {
	const char *key;
	size_t len;
	int added;    /* 1: new key, 0: already there */
	size_t value; /* the value after the put */
} put_cases[] = {
	{"25-NQ/TW", 8, 1, 0},       {"25-NQ/TW", 8, 0, 0}, /* the first value stays */
	{"25-NQ/TW@2013", 13, 1, 2},                        /* a longer key with the same start */
	{"25-NQ", 5, 1, 3},                                 /* a prefix of a key */
	{"a\0b", 3, 1, 4},                                  /* an embedded NUL */
	{"a\0c", 3, 1, 5},           {"a", 1, 1, 6},        {"", 0, 1, 7}, {"", 0, 0, 7},
};

Test(strmap, put_and_get)
{
	cm_strmap m = CM_STRMAP_INIT;
	size_t v;

	cr_expect_eq(cm_strmap_get(&v, &m, "x", 1), 0, "an empty map has nothing");
	for (size_t i = 0; i < sizeof put_cases / sizeof put_cases[0]; i++) {
		cr_expect_eq(cm_strmap_put(&v, &m, put_cases[i].key, put_cases[i].len, i),
			     put_cases[i].added, "case %zu", i);
		cr_expect_eq(v, put_cases[i].value, "case %zu", i);
		cr_expect_eq(cm_strmap_get(&v, &m, put_cases[i].key, put_cases[i].len), 1);
		cr_expect_eq(v, put_cases[i].value, "case %zu", i);
	}
	cr_expect_eq(cm_strmap_count(&m), 7);
	cr_expect_eq(cm_strmap_get(NULL, &m, "a\0d", 3), 0, "not a key");
	cr_expect_eq(cm_strmap_get(NULL, &m, "25-NQ/T", 7), 0, "a prefix is not a key");
	cm_strmap_free(&m);
	cr_expect_eq(cm_strmap_count(&m), 0);
}

Test(strmap, many_keys)
{
	cm_strmap m = CM_STRMAP_INIT;
	char key[32];
	size_t v;

	for (size_t i = 0; i < 50000; i++) {
		int n = snprintf(key, sizeof key, "/corpus/%zu.txt", i);
		cr_assert_eq(cm_strmap_put(NULL, &m, key, (size_t)n, i), 1);
	}
	cr_expect_eq(cm_strmap_count(&m), 50000);
	for (size_t i = 0; i < 50000; i += 7) {
		int n = snprintf(key, sizeof key, "/corpus/%zu.txt", i);
		cr_expect_eq(cm_strmap_get(&v, &m, key, (size_t)n), 1);
		cr_expect_eq(v, i);
	}
	cr_expect_eq(cm_strmap_get(NULL, &m, "/corpus/50000.txt", 17), 0);
	cm_strmap_free(&m);
}
