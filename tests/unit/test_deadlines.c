/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_deadlines.c: the deadlines listing of chimuc/deadlines.h on an index
 * of the five sample directives: the filters (a day-month, a day, a month,
 * a period, a type, every date), the order, paging and total, the writers,
 * and the errors (a bad date, a bad period, an unknown type, a bad options
 * version). The expected answers are those of `chimuc deadlines` on the
 * samples. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/deadlines.h"
#include "chimuc/error.h"
#include "chimuc/index.h"
#include "test_index.h"

TestSuite(deadlines, .init = cm_test_open_samples, .fini = cm_test_close);

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

Test(deadlines, each_filter_gives_the_dates_of_the_samples)
{
	static const struct {
		const char *on, *from, *to, *type;
		int all;
		size_t total;
		const char *first_key, *first_doc, *last_key; /* NULL: no item */
	} cases[] = {
		{NULL, NULL, NULL, NULL, 0, 26, "2018-03", "004_3c74891c68df0f2c.txt",
		 "2024-12-20"},
		{"15/10", NULL, NULL, NULL, 0, 12, "2018-10-15", "000_04ed2d92d4fbe0fc.txt",
		 "2024-10-15"},
		{"15/10/2024", NULL, NULL, NULL, 0, 5, "2024-10-15", "003_33f224fdd1db13f7.txt",
		 "2024-10-15"},
		{"2024-10", NULL, NULL, NULL, 0, 5, "2024-10-15", "003_33f224fdd1db13f7.txt",
		 "2024-10-15"},
		{"21/6", NULL, NULL, NULL, 0, 0, NULL, NULL, NULL},
		{NULL, "2024-06", "2025", NULL, 0, 9, "2024-06-15", "003_33f224fdd1db13f7.txt",
		 "2024-12-20"},
		{NULL, NULL, "2024-06-30", NULL, 0, 19, "2018-03", "004_3c74891c68df0f2c.txt",
		 "2024-06-15"},
		{NULL, "2025", NULL, NULL, 0, 0, NULL, NULL, NULL},
		/* a quarter (quý III/2018) is in the periods it overlaps */
		{NULL, "2018-06", "2018-12", NULL, 0, 6, "2018-06-21", "000_04ed2d92d4fbe0fc.txt",
		 "2018-Q3"},
		{NULL, NULL, "2018-09", NULL, 0, 4, "2018-03", "004_3c74891c68df0f2c.txt",
		 "2018-Q3"},
		{NULL, "2018-10", "2018-12", NULL, 0, 3, "2018-10-15", "000_04ed2d92d4fbe0fc.txt",
		 "2018-10-15"},
		{NULL, NULL, NULL, "KH", 0, 15, NULL, NULL, NULL},
		{NULL, NULL, NULL, "Kế hoạch", 0, 15, NULL, NULL, NULL},
		{NULL, NULL, NULL, "NQ", 0, 0, NULL, NULL, NULL},
		{NULL, NULL, NULL, NULL, 1, 73, NULL, NULL, NULL},
		{NULL, NULL, NULL, "KH", 1, 51, NULL, NULL, NULL},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r;
		size_t n;

		o.on = cases[i].on;
		o.from = cases[i].from;
		o.to = cases[i].to;
		o.type = cases[i].type;
		o.all = cases[i].all;
		cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "case %zu: %s", i,
			     cm_error_last());
		n = cm_deadlines_size(r);
		cr_expect_eq(cm_deadlines_total(r), cases[i].total, "case %zu: %zu", i,
			     cm_deadlines_total(r));
		cr_expect_eq(n, cases[i].total, "case %zu", i);
		if (cases[i].first_key && n) {
			cr_expect_str_eq(cm_deadlines_get(r, 0)->key, cases[i].first_key,
					 "case %zu", i);
			cr_expect(ends_with(cm_deadlines_get(r, 0)->path, cases[i].first_doc),
				  "case %zu: %s", i, cm_deadlines_get(r, 0)->path);
			cr_expect_str_eq(cm_deadlines_get(r, n - 1)->key, cases[i].last_key,
					 "case %zu", i);
		}
		for (size_t k = 1; k < n; k++)
			cr_expect(strcmp(cm_deadlines_get(r, k - 1)->key,
					 cm_deadlines_get(r, k)->key) <= 0,
				  "case %zu: not sorted at %zu", i, k);
		for (size_t k = 0; k < n && !cases[i].all; k++)
			cr_expect_neq(cm_deadlines_get(r, k)->kind, CM_DEADLINE_DATE, "case %zu",
				      i);
		cr_expect_null(cm_deadlines_get(r, n));
		cm_deadlines_free(r);
	}
}

Test(deadlines, a_day_month_gives_the_occasions_of_every_year)
{
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	cm_deadlines_result *r;
	const cm_deadline_item *it;

	o.on = "15/10";
	cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "%s", cm_error_last());
	for (size_t i = 0; i < cm_deadlines_size(r); i++) {
		it = cm_deadlines_get(r, i);
		cr_expect_eq(it->kind, CM_DEADLINE_OCCASION, "%zu", i);
		cr_expect(ends_with(it->key, "-10-15"), "%zu: %s", i, it->key);
		cr_expect_str_eq(cm_deadline_kind_name(it->kind), "occasion");
		cr_expect(it->context[0] && it->text[0] && it->title[0], "%zu", i);
		cr_expect_lt(it->start, it->end, "%zu", i);
	}
	/* "ngày 15/10" without a year, resolved with the document's */
	it = cm_deadlines_get(r, 0);
	cr_expect_str_eq(it->iso, "--10-15");
	cr_expect_str_eq(it->resolved, "2018-10-15");
	cr_expect_eq(it->start, 6053);
	it = cm_deadlines_get(r, 1);
	cr_expect_str_eq(it->iso, "2018-10-15");
	cr_expect_str_eq(it->resolved, "2018-10-15");
	cm_deadlines_free(r);
}

Test(deadlines, a_page_is_a_slice_of_the_whole_answer)
{
	static const struct {
		size_t offset, limit, size;
		const char *first_key;
		long first_start;
	} cases[] = {
		{0, CM_ALL, 26, "2018-03", 1226},
		{5, 3, 3, "2018-Q3", 7684},
		{7, 1, 1, "2020-06-10", 7520},
		{25, 10, 1, "2024-12-20", 12195},
		{26, 10, 0, NULL, 0},
		{1000, CM_ALL, 0, NULL, 0},
		{0, 0, 0, NULL, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r;

		o.offset = cases[i].offset;
		o.limit = cases[i].limit;
		cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "case %zu: %s", i,
			     cm_error_last());
		cr_expect_eq(cm_deadlines_total(r), 26, "case %zu", i);
		cr_expect_eq(cm_deadlines_size(r), cases[i].size, "case %zu", i);
		if (cases[i].first_key) {
			cr_expect_str_eq(cm_deadlines_get(r, 0)->key, cases[i].first_key,
					 "case %zu", i);
			cr_expect_eq(cm_deadlines_get(r, 0)->start, cases[i].first_start,
				     "case %zu", i);
		}
		cm_deadlines_free(r);
	}
}

Test(deadlines, bad_options_are_refused_with_a_message)
{
	static const struct {
		unsigned version;
		const char *on, *from, *to, *type, *message;
	} cases[] = {
		{CM_DEADLINES_OPTIONS_VERSION, "32/13", NULL, NULL, NULL, "not a date: '32/13'"},
		{CM_DEADLINES_OPTIONS_VERSION, "2024", NULL, NULL, NULL, "not a date"},
		{CM_DEADLINES_OPTIONS_VERSION, NULL, "15/10", NULL, NULL, "dated day"},
		{CM_DEADLINES_OPTIONS_VERSION, NULL, NULL, "tomorrow", NULL, "dated day"},
		{CM_DEADLINES_OPTIONS_VERSION, "15/10", "2024", NULL, NULL, "excludes"},
		{CM_DEADLINES_OPTIONS_VERSION, NULL, NULL, NULL, "XYZ", "unknown document type"},
		{CM_DEADLINES_OPTIONS_VERSION + 1, NULL, NULL, NULL, NULL, "version"},
		{0, NULL, NULL, NULL, NULL, "version"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r = (cm_deadlines_result *)1;

		o.version = cases[i].version;
		o.on = cases[i].on;
		o.from = cases[i].from;
		o.to = cases[i].to;
		o.type = cases[i].type;
		cr_expect_eq(cm_deadlines(&r, cm_test_ix, &o), CM_EINVAL, "case %zu", i);
		cr_expect_null(r, "case %zu", i);
		cr_expect(strstr(cm_error_last(), cases[i].message), "case %zu: %s", i,
			  cm_error_last());
		/* the dates are checked without an index; the type with it */
		cr_expect_eq(cm_deadlines_check(&o), cases[i].type ? 0 : CM_EINVAL, "case %zu", i);
	}
}

Test(deadlines, no_options_are_the_defaults)
{
	cm_deadlines_result *r;

	cr_assert_eq(cm_deadlines_check(NULL), 0);
	cr_assert_eq(cm_deadlines(&r, cm_test_ix, NULL), 0, "%s", cm_error_last());
	cr_expect_eq(cm_deadlines_total(r), 26);
	cm_deadlines_free(r);
}

/* The output of writer on the listing for opts, in a buffer the caller frees. */
static char *written(int (*writer)(FILE *, const cm_deadlines_result *),
		     const cm_deadlines_options *opts)
{
	cm_deadlines_result *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	cr_assert_eq(cm_deadlines(&r, cm_test_ix, opts), 0, "%s", cm_error_last());
	cr_assert_eq(writer(f, r), 0, "%s", cm_error_last());
	fclose(f);
	cm_deadlines_free(r);
	return buf;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

Test(deadlines, the_writers_write_one_entry_per_item)
{
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	char *s;

	o.on = "15/10";
	s = written(cm_deadlines_write_json, &o);
	cr_expect_eq(count(s, "\n"), 12);
	cr_expect_eq(count(s, "{\"path\":"), 12);
	cr_expect_eq(count(s, "\"kind\":\"occasion\""), 12);
	cr_expect(strstr(s, "\"iso\":\"--10-15\",\"resolved\":\"2018-10-15\""), "%s", s);
	free(s);
	s = written(cm_deadlines_write_text, &o);
	cr_expect_eq(count(s, "\n"), 24);
	cr_expect_eq(strncmp(s, "2018-10-15  occasion  ", 22), 0, "%s", s);
	free(s);
	s = written(cm_deadlines_write_ics, &o);
	cr_expect_eq(count(s, "BEGIN:VEVENT"), 12);
	cr_expect_eq(count(s, "RRULE:FREQ=YEARLY"), 1); /* the one without a year */
	free(s);
	o.offset = 10; /* a page: its items only */
	s = written(cm_deadlines_write_json, &o);
	cr_expect_eq(count(s, "\n"), 2);
	free(s);
}
