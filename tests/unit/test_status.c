/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_status.c: the status operation on an index of tests/data/validity/
 * (A replaces B, another repeals B too, a plan amended in part, a decision
 * in force later) and the real validity documents, one row per status,
 * with the day judged on; errors on a bad ref, a bad day, a bad version. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/map.h"
#include "chimuc/stale.h"
#include "chimuc/status.h"
#include "test_index.h"

static cm_index *ix;

static void open_index(void)
{
	static const char *const paths[] = {"tests/data/validity/corpus",
					    "tests/data/validity/more", "tests/data/real/validity"};
	char *path = cm_test_index(paths, 3);

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	free(path);
}

static void close_index(void)
{
	cm_index_free(ix);
}

TestSuite(status, .init = open_index, .fini = close_index);

typedef struct {
	const char *ref, *today;
	cm_status_kind status;
	const char *since; /* NULL: none */
	size_t nby, nconflicts;
	const char *first; /* the first claim's key, or NULL */
} row;

static const row rows[] = {
	/* replaced from the replacing decision's own date, repealed too: conflict */
	{"3080/QĐ-UBND", "2026-01-01", CM_STATUS_REPLACED, "2024-11-18", 2, 2, "3218/QĐ-UBND@2024"},
	/* before the repeal, the replacement alone: no conflict */
	{"3080/QĐ-UBND", "2024-11-20", CM_STATUS_REPLACED, "2024-11-18", 2, 0, "3218/QĐ-UBND@2024"},
	/* before both: in force, the claims still listed */
	{"3080/QĐ-UBND", "2024-01-01", CM_STATUS_IN_FORCE, NULL, 2, 0, "3218/QĐ-UBND@2024"},
	{"3080/QĐ-UBND@2023", "2026-01-01", CM_STATUS_REPLACED, "2024-11-18", 2, 2, NULL},
	{"3218/QĐ-UBND", "2026-01-01", CM_STATUS_IN_FORCE, NULL, 0, 0, NULL},
	{"45/KH-UBND", "2026-01-01", CM_STATUS_AMENDED, "2024-04-02", 1, 0, "9/QĐ-UBND@2024"},
	{"77/QĐ-UBND", "2026-01-01", CM_STATUS_NOT_YET, "2030-01-01", 0, 0, NULL},
	{"77/QĐ-UBND", "2030-01-01", CM_STATUS_IN_FORCE, NULL, 0, 0, NULL},
	{"999/QĐ-UBND", "2026-01-01", CM_STATUS_UNKNOWN, NULL, 0, 0, NULL},
	/* only cited, and stated of by a history table: replaced */
	{"57/2009/NĐ-CP", "2026-01-01", CM_STATUS_REPLACED, "2016-02-01", 1, 0, "129/2015/NĐ-CP"},
	{"03/2009/TT-BCT", "2026-01-01", CM_STATUS_REPEALED, "2019-11-05", 3, 0, "06/2015/TT-BCT"},
	{"69/2008/NĐ-CP", "2026-01-01", CM_STATUS_AMENDED, NULL, 1, 0, "59/2014/NĐ-CP@2014"},
	/* an end in part is an amendment */
	{"30/2013/QĐ-UBND", "2016-01-01", CM_STATUS_AMENDED, "2015-01-09", 4, 0, "79/2014/QĐ-UBND"},
};

Test(status, table)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const row *w = &rows[i];
		cm_status_options o = CM_STATUS_OPTIONS_INIT;
		cm_status_result *r = NULL;
		const cm_status_item *it;
		o.today = w->today;
		cr_assert_eq(cm_status(&r, ix, &w->ref, 1, &o), 0, "%s", cm_error_last());
		cr_assert_eq(cm_status_size(r), 1);
		it = cm_status_get(r, 0);
		cr_expect_str_eq(cm_status_name(it->status), cm_status_name(w->status),
				 "row %zu %s", i, w->ref);
		if (w->since)
			cr_expect(it->since && !strcmp(it->since, w->since), "row %zu since %s", i,
				  it->since ? it->since : "(none)");
		else
			cr_expect_null(it->since, "row %zu since %s", i, it->since);
		cr_expect_eq(it->nby, w->nby, "row %zu: %zu claims", i, it->nby);
		cr_expect_eq(it->nconflicts, w->nconflicts, "row %zu: %zu conflicts", i,
			     it->nconflicts);
		if (w->first && it->nby)
			cr_expect_str_eq(it->by[0].key, w->first, "row %zu", i);
		for (size_t k = 0; k < it->nby; k++)
			cr_expect(it->by[k].path && it->by[k].context, "row %zu claim %zu", i, k);
		cm_status_free(r);
	}
}

Test(status, errors)
{
	cm_status_options o = CM_STATUS_OPTIONS_INIT;
	cm_status_result *r = NULL;
	const char *bad = "không có số", *good = "3080/QĐ-UBND";

	cr_expect_eq(cm_status(&r, ix, &bad, 1, NULL), CM_EINVAL);
	cr_expect_null(r);
	o.today = "2026-13-01";
	cr_expect_eq(cm_status(&r, ix, &good, 1, &o), CM_EINVAL);
	o.today = "hôm nay";
	cr_expect_eq(cm_status(&r, ix, &good, 1, &o), CM_EINVAL);
	o.today = NULL;
	o.version = 99;
	cr_expect_eq(cm_status(&r, ix, &good, 1, &o), CM_EINVAL);
	cr_expect_null(cm_status_name((cm_status_kind)99));
}

/* The map of a draft citing the replaced decision names the replacement; one
 * citing the amended plan gets a note; a draft that is itself the
 * replacing decision gets none. */
Test(status, map_names_the_replacement)
{
	static const char draft[] = "Số: 200/KH-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2026\n"
				    "Căn cứ Quyết định số 3080/QĐ-UBND ngày 05/10/2023;\n"
				    "Căn cứ Kế hoạch số 45/KH-UBND ngày 12/3/2024;\n";
	static const char self[] = "Số: 3218/QĐ-UBND\nLạng Sơn, ngày 18 tháng 11 năm 2024\n"
				   "Quyết định này thay thế Quyết định số 3080/QĐ-UBND.\n";
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	cm_map_result *r = NULL;
	char *msg = NULL;

	o.today = "2026-01-01";
	cr_assert_eq(cm_map(&r, ix, draft, strlen(draft), &o), 0, "%s", cm_error_last());
	cr_assert_eq(cm_map_size(r), 2);
	cr_expect(cm_map_get(r, 0)->problems & CM_MAP_SUPERSEDED);
	cr_expect_eq(cm_map_get(r, 0)->validity, CM_STATUS_REPLACED);
	cr_assert_eq(cm_map_problem_message(&msg, cm_map_get(r, 0), CM_MAP_SUPERSEDED), 0);
	cr_expect_str_eq(msg, "3080/QĐ-UBND was replaced by 3218/QĐ-UBND from 18/11/2024: cite "
			      "that instead");
	free(msg);
	cr_expect(cm_map_get(r, 1)->problems & CM_MAP_AMENDED);
	cr_assert_eq(cm_map_problem_message(&msg, cm_map_get(r, 1), CM_MAP_AMENDED), 0);
	cr_expect_str_eq(msg, "45/KH-UBND was amended (Điều 2) by 9/QĐ-UBND from 02/04/2024: "
			      "cite it with the amendment");
	free(msg);
	cm_map_free(r);
	o.today = "2024-01-01"; /* before: nothing to say */
	cr_assert_eq(cm_map(&r, ix, draft, strlen(draft), &o), 0);
	cr_expect_not(cm_map_get(r, 0)->problems & (CM_MAP_SUPERSEDED | CM_MAP_AMENDED));
	cm_map_free(r);
	o.today = "2026-01-01";
	cr_assert_eq(cm_map(&r, ix, self, strlen(self), &o), 0);
	cr_expect_not(cm_map_get(r, 0)->problems & CM_MAP_SUPERSEDED, "its own claim");
	cm_map_free(r);
}

/* stale lists the replaced decision with the plan citing it after, not the
 * plan citing it before nor the documents that replace or repeal it. */
Test(status, stale)
{
	cm_stale_options o = CM_STALE_OPTIONS_INIT;
	cm_stale_result *r = NULL;
	const cm_stale_item *it = NULL;

	o.today = "2026-01-01";
	cr_assert_eq(cm_stale(&r, ix, &o), 0, "%s", cm_error_last());
	for (size_t i = 0; i < cm_stale_size(r); i++)
		if (!strcmp(cm_stale_get(r, i)->key, "3080/QĐ-UBND"))
			it = cm_stale_get(r, i);
	cr_assert(it);
	cr_expect_str_eq(it->since, "2024-11-18");
	cr_expect_eq(it->nciting, 1);
	cr_expect_str_eq(cm_test_base(it->citing[0].path), "c-kh-150-sau.txt");
	cm_stale_free(r);
	o.today = "2024-01-01";
	cr_assert_eq(cm_stale(&r, ix, &o), 0);
	for (size_t i = 0; i < cm_stale_size(r); i++)
		cr_expect_str_neq(cm_stale_get(r, i)->key, "3080/QĐ-UBND");
	cm_stale_free(r);
}
