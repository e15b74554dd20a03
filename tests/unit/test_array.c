/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_array.c: the one growable array (chimuc/array.h): items appended
 * zeroed and kept across every growth, in both its forms (cm_array_t and
 * the three fields of a struct), at and past each doubling. */
#include <criterion/criterion.h>

#include "chimuc/array.h"

typedef struct {
	int a, b;
} pair;

Test(array, alloc_keeps_items_across_growth)
{
	static const size_t counts[] = {0, 1, 7, 8, 9, 16, 17, 1000};

	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		cm_array_t(pair) v = CM_ARRAY_INIT;

		for (size_t i = 0; i < counts[k]; i++) {
			pair *p = cm_array_alloc(v);

			cr_assert_not_null(p);
			cr_assert(p->a == 0 && p->b == 0, "item %zu not zeroed", i);
			p->a = (int)i;
			p->b = (int)(2 * i);
		}
		cr_expect_eq(v.size, counts[k]);
		cr_expect_geq(v.asize, v.size);
		for (size_t i = 0; i < v.size; i++)
			cr_expect(v.ptr[i].a == (int)i && v.ptr[i].b == (int)(2 * i),
				  "%zu items: item %zu lost", counts[k], i);
		cm_array_clear(v);
		cr_expect(v.ptr == NULL && v.size == 0 && v.asize == 0);
	}
}

Test(array, push_on_struct_fields)
{
	struct {
		pair *v;
		size_t n;
	} list = {NULL, 0};
	size_t room = 0;

	for (int i = 0; i < 100; i++) {
		pair *p = cm_array_push(&list.v, &list.n, &room, sizeof *p);

		cr_assert_not_null(p);
		cr_assert_eq(p->a, 0);
		p->a = i;
	}
	cr_expect_eq(list.n, 100);
	cr_expect_geq(room, 100);
	for (int i = 0; i < 100; i++)
		cr_expect_eq(list.v[i].a, i);
	free(list.v);
}
