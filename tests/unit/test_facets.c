/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_facets.c: the facets operation (chimuc/facets.h) on an index of the
 * five sample directives: the counts by type, issuer and year of whole
 * matches, each equal to the search total of the query with that filter,
 * a bad query, a bad options version. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/facets.h"
#include "chimuc/search.h"
#include "test_index.h"

TestSuite(facets, .init = cm_test_open_samples, .fini = cm_test_close);

typedef struct {
	const char *query;
	size_t total;
	const char *facets[CM_FACET_END]; /* "VALUE=N VALUE=N" in byte order */
} case_t;

static const case_t cases[] = {
	{"dan van kheo", 5, {"HD=1 KH=3", "BCĐ=1 BDVTU-HNB=1 BDVTW=1", "2017=1 2018=2"}},
	{"dan van kheo type:KH", 3, {"KH=3", "BDVTU-HNB=1 BDVTW=1", "2018=2"}},
	{"zzqqxx", 0, {"", "", ""}},
};

/* The facet as "VALUE=N …". */
static void flat(char *buf, size_t len, const cm_facets_result *r, cm_facet f)
{
	buf[0] = '\0';
	for (size_t i = 0; i < cm_facets_size(r, f); i++) {
		const cm_facet_item *it = cm_facets_get(r, f, i);
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s=%zu", i ? " " : "", it->value, it->count);
	}
}

Test(facets, the_counts_of_whole_matches)
{
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const case_t *t = &cases[c];
		cm_facets_result *r;
		char buf[512];

		cr_assert_eq(cm_facets(&r, cm_test_ix, t->query, strlen(t->query), NULL), 0,
			     "%s: %s", t->query, cm_error_last());
		cr_expect_eq(cm_facets_total(r), t->total, "%s", t->query);
		for (int f = 0; f < CM_FACET_END; f++) {
			flat(buf, sizeof buf, r, (cm_facet)f);
			cr_expect_str_eq(buf, t->facets[f], "%s: %s", t->query,
					 cm_facet_name((cm_facet)f));
		}
		cr_expect_null(cm_facets_get(r, CM_FACET_TYPE, 99));
		cm_facets_free(r);
	}
}

/* Each count is what the search with that filter counts. */
Test(facets, each_count_is_a_search_total)
{
	static const char *const query = "dan van";
	static const char *const fields[CM_FACET_END] = {"type", "issuer", "year"};
	cm_facets_result *r;

	cr_assert_eq(cm_facets(&r, cm_test_ix, query, strlen(query), NULL), 0, "%s",
		     cm_error_last());
	for (int f = 0; f < CM_FACET_END; f++) {
		for (size_t i = 0; i < cm_facets_size(r, (cm_facet)f); i++) {
			const cm_facet_item *it = cm_facets_get(r, (cm_facet)f, i);
			cm_search_options o = CM_SEARCH_OPTIONS_INIT;
			cm_search_result *s;
			char q[256];

			o.limit = 0;
			snprintf(q, sizeof q, "%s %s:%s", query, fields[f], it->value);
			cr_assert_eq(cm_search(&s, cm_test_ix, q, strlen(q), &o), 0, "%s: %s", q,
				     cm_error_last());
			cr_expect_eq(cm_search_total(s), it->count, "%s", q);
			cm_search_free(s);
		}
	}
	cm_facets_free(r);
}

Test(facets, errors)
{
	cm_facets_options o = CM_FACETS_OPTIONS_INIT;
	cm_facets_result *r = (cm_facets_result *)1;

	cr_expect_eq(cm_facets(&r, cm_test_ix, "", 0, NULL), CM_EINVAL);
	cr_expect_null(r);
	cr_expect_eq(cm_facets(&r, cm_test_ix, "year:20", 7, NULL), CM_EINVAL);
	o.version = 99;
	cr_expect_eq(cm_facets(&r, cm_test_ix, "dan", 3, &o), CM_EINVAL);
	cr_expect_null(cm_facet_name(CM_FACET_END));
	cr_expect_str_eq(cm_facet_name(CM_FACET_YEAR), "year");
}
