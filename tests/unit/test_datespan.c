/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_datespan.c: the days a date value covers (lib/ops/datespan.h): the
 * stored ISO forms, a user's dated day, month or year, and overlap. */
#include <criterion/criterion.h>
#include <string.h>

#include "chimuc/error.h"
#include "ops/datespan.h"

Test(datespan, each_stored_form_covers_its_days)
{
	static const struct {
		const char *iso;
		int ok;
		const char *lo, *hi;
	} cases[] = {
		{"2024-06-15", 1, "20240615", "20240615"},
		{"2024-06", 1, "20240600", "20240699"},
		{"2024-Q1", 1, "20240100", "20240399"},
		{"2024-Q4", 1, "20241000", "20241299"},
		{"2024", 1, "20240000", "20249999"},
		{"--06-15", 0, NULL, NULL},
		{"2024-Q5", 0, NULL, NULL},
		{"", 0, NULL, NULL},
		{"24-06", 0, NULL, NULL},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_datespan s;
		cr_expect_eq(cm_datespan_of_iso(&s, cases[i].iso), cases[i].ok, "%s", cases[i].iso);
		if (cases[i].ok) {
			cr_expect_str_eq(s.lo, cases[i].lo, "%s", cases[i].iso);
			cr_expect_str_eq(s.hi, cases[i].hi, "%s", cases[i].iso);
		}
	}
}

Test(datespan, a_users_day_month_or_year)
{
	static const struct {
		const char *text;
		int rc;
		const char *lo, *hi; /* or the message */
	} cases[] = {
		{"2024", 0, "20240000", "20249999"},
		{"2024-06", 0, "20240600", "20240699"},
		{"6/2024", 0, "20240600", "20240699"},
		{"2024-06-15", 0, "20240615", "20240615"},
		{"15/6/2024", 0, "20240615", "20240615"},
		{"15/10", CM_EINVAL, "has no year", NULL},
		{"--10-15", CM_EINVAL, "has no year", NULL},
		{"32/13/2024", CM_EINVAL, "not a date", NULL},
		{"tomorrow", CM_EINVAL, "not a date", NULL},
		{"", CM_EINVAL, "not a date", NULL},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_datespan s;
		int rc = cm_datespan_parse(&s, cases[i].text);
		cr_expect_eq(rc, cases[i].rc, "'%s': %d", cases[i].text, rc);
		if (rc == 0) {
			cr_expect_str_eq(s.lo, cases[i].lo, "%s", cases[i].text);
			cr_expect_str_eq(s.hi, cases[i].hi, "%s", cases[i].text);
		} else {
			cr_expect(strstr(cm_error_last(), cases[i].lo), "'%s': %s", cases[i].text,
				  cm_error_last());
		}
	}
}

Test(datespan, spans_overlap_when_they_share_a_day)
{
	static const struct {
		const char *a, *b;
		int overlap;
	} cases[] = {
		{"2024-06", "2024-06-15", 1},    {"2024-06", "2024-07-01", 0},
		{"2024", "2024-Q3", 1},          {"2024-Q2", "2024-06", 1},
		{"2024-Q2", "2024-07", 0},       {"2023", "2024", 0},
		{"2024-06-15", "2024-06-15", 1},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_datespan a, b;
		cr_assert(cm_datespan_of_iso(&a, cases[i].a) && cm_datespan_of_iso(&b, cases[i].b));
		cr_expect_eq(cm_datespan_overlaps(&a, &b), cases[i].overlap, "%s %s", cases[i].a,
			     cases[i].b);
		cr_expect_eq(cm_datespan_overlaps(&b, &a), cases[i].overlap, "%s %s", cases[i].b,
			     cases[i].a);
	}
}
