/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_deadlines.c: the deadlines listing of chimuc/deadlines.h on an index
 * of the five sample directives: the filters (a day-month, a day, a month,
 * a period, a type, an actor or recipient, every date), the order (by
 * date, by actor), paging and total, who owes what to whom, the writers,
 * and the errors (a bad date, a bad period, an unknown type or order, a bad
 * options version). The expected answers are those of `chimuc deadlines`
 * on the samples; a plan of recurring reports, written by the test, gives
 * the calendar's recurrences. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/body.h"
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
		/* a year-less occasion, "(21/6)" in 000, on its day-month */
		{"21/6", NULL, NULL, NULL, 0, 1, "2018-06-21", "000_04ed2d92d4fbe0fc.txt",
		 "2018-06-21"},
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
	cr_expect_eq(count(s, "\n"), 36); /* each: date, sentence, who owes what */
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

Test(deadlines, the_body_filters_match_folded_names_and_abbreviations)
{
	static const struct {
		const char *actor, *recipient, *from, *to;
		size_t total, occasions; /* occasions: how many of total */
	} cases[] = {
		/* deadlines of Ban Dân vận Tỉnh ủy once, of Ban Dân vận Trung ương
		 * twice; occasions of Ban Dân vận Tỉnh ủy (with Hội Nhà báo tỉnh
		 * for 3) 6 times, of Ban Dân vận Trung ương once */
		{"Ban Dân vận", NULL, NULL, NULL, 10, 7},
		{"BDV", NULL, NULL, NULL, 10, 7},
		{"ban dan van", NULL, NULL, NULL, 10, 7},
		{"Ban Dân vận Trung ương", NULL, NULL, NULL, 3, 1},
		{"Dâ", NULL, NULL, NULL, 0, 0}, /* whole words only */
		{"Ủy ban MTTQ", NULL, NULL, NULL, 8, 6},
		{"Ủy ban Mặt trận Tổ quốc", NULL, NULL, NULL, 8, 6},
		{"Ban Thường vụ", NULL, NULL, NULL, 2,
		 0}, /* in a list: "…, Ban Thường vụ Tỉnh đoàn; …" */
		{NULL, "Ban Thường trực", NULL, NULL, 2, 0},
		{NULL, "Bộ Chính trị", NULL, NULL, 2, 0},
		{NULL, "Ban Chỉ đạo", NULL, NULL, 4, 0},
		{NULL, "Ban Thường vụ", NULL, NULL, 0, 0},
		{"Ban Dân vận", "Bộ Chính trị", NULL, NULL, 2, 0},
		{"Ban Dân vận", NULL, "2018-06", "2018-12", 6, 4},
		{"Ban Dân vận", NULL, "2019", NULL, 3, 3},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r;
		size_t occasions = 0;

		o.actor = cases[i].actor;
		o.recipient = cases[i].recipient;
		o.from = cases[i].from;
		o.to = cases[i].to;
		cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "case %zu: %s", i,
			     cm_error_last());
		cr_expect_eq(cm_deadlines_total(r), cases[i].total, "case %zu: %zu", i,
			     cm_deadlines_total(r));
		for (size_t k = 0; k < cm_deadlines_size(r); k++) {
			const cm_deadline_item *it = cm_deadlines_get(r, k);
			occasions += it->kind == CM_DEADLINE_OCCASION;
			if (cases[i].actor)
				cr_expect_eq(cm_body_matches(it->actor, cases[i].actor), 1,
					     "case %zu: %s", i, it->actor);
			if (cases[i].recipient)
				cr_expect_eq(cm_body_matches(it->recipient, cases[i].recipient), 1,
					     "case %zu: %s", i, it->recipient);
		}
		cr_expect_eq(occasions, cases[i].occasions, "case %zu: %zu occasions", i,
			     occasions);
		cm_deadlines_free(r);
	}
}

Test(deadlines, each_deadline_has_who_owes_it_to_whom)
{
	static const struct {
		const char *actor_query, *actor, *task, *recipient, *channel, *partner;
		size_t total, index; /* index: the item looked at, in date order */
	} cases[] = {
		{"Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
		 "Chủ trì phối hợp với Hội Nhà báo tỉnh sơ kết 01 năm triển khai Cuộc thi báo chí "
		 "viết về tấm gương \"Dân vận khéo\", giai đoạn 2017-2020",
		 NULL, NULL, "Hội Nhà báo tỉnh", 7, 3},
		/* an occasion: owed by the two bodies its heading names */
		{"Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh",
		 "Tổ chức giao ban trao đổi thông tin về tình hình Nhân dân, đánh giá tình hình, kết "
		 "quả triển khai thực hiện Chương trình phối hợp công tác dân vận của năm vào dịp kỷ "
		 "niệm Ngày Báo chí cách mạng Việt Nam",
		 NULL, NULL, NULL, 7, 0},
		{"MTTQ", "Ban Thường trực Ủy ban MTTQ các huyện, thành phố",
		 "căn cứ nội dung kế hoạnh này triển khai thực hiện, báo cáo sơ kết 6 tháng đầu năm",
		 "Ban Thường trực Ủy ban MTTQ tỉnh", "Ban Tuyên giáo", NULL, 8, 0},
		{"Ban Dân vận Trung ương", "Ban Dân vận Trung ương", NULL,
		 "Bộ Chính trị, Ban Bí thư", NULL, NULL, 3, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r;
		const cm_deadline_item *it;

		o.actor = cases[i].actor_query;
		cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "case %zu: %s", i,
			     cm_error_last());
		cr_assert_eq(cm_deadlines_total(r), cases[i].total, "case %zu", i);
		it = cm_deadlines_get(r, cases[i].index);
		cr_expect_str_eq(it->actor, cases[i].actor, "case %zu", i);
		cr_expect_not_null(it->actor_key, "case %zu", i);
		cr_expect_not_null(it->task, "case %zu", i);
		if (cases[i].task)
			cr_expect_str_eq(it->task, cases[i].task, "case %zu", i);
		if (cases[i].recipient)
			cr_expect_str_eq(it->recipient, cases[i].recipient, "case %zu", i);
		else
			cr_expect_null(it->recipient, "case %zu", i);
		if (cases[i].channel)
			cr_expect_str_eq(it->channel, cases[i].channel, "case %zu", i);
		else
			cr_expect_null(it->channel, "case %zu", i);
		cr_expect_eq(it->npartners, cases[i].partner ? 1 : 0, "case %zu", i);
		if (cases[i].partner && it->npartners)
			cr_expect_str_eq(it->partners[0], cases[i].partner, "case %zu", i);
		cm_deadlines_free(r);
	}
}

/* 1 if the actor keys of a and b (NULL: none) are in order: none last. */
static int actors_in_order(const cm_deadline_item *a, const cm_deadline_item *b)
{
	if (!a->actor_key || !b->actor_key)
		return !a->actor_key <= !b->actor_key;
	return strcmp(a->actor_key, b->actor_key) <= 0;
}

static int same_actor(const cm_deadline_item *a, const cm_deadline_item *b)
{
	return a->actor_key && b->actor_key ? !strcmp(a->actor_key, b->actor_key)
					    : !a->actor_key && !b->actor_key;
}

Test(deadlines, by_actor_groups_under_the_body_that_owes_them)
{
	static const struct {
		size_t offset, limit, size;
		const char *first_actor; /* NULL: no actor */
		const char *first_key;
	} cases[] = {
		/* 10 deadlines and 16 occasions of 10 bodies, each under its own */
		{0, CM_ALL, 26,
		 "Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" các huyện, thành phố", "2024-03"},
		{11, 2, 2, "Ban Dân vận Trung ương", "2018-03"},
		{23, 2, 2,
		 "Các thành viên Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" của tỉnh",
		 "2024-12-15"},
		{24, CM_ALL, 2, "Ủy ban MTTQ các huyện, thành phố", "2020-10-15"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
		cm_deadlines_result *r;
		const cm_deadline_item *it;
		size_t n;

		o.by = CM_DEADLINES_BY_ACTOR;
		o.offset = cases[i].offset;
		o.limit = cases[i].limit;
		cr_assert_eq(cm_deadlines(&r, cm_test_ix, &o), 0, "case %zu: %s", i,
			     cm_error_last());
		cr_expect_eq(cm_deadlines_order(r), CM_DEADLINES_BY_ACTOR);
		cr_expect_eq(cm_deadlines_total(r), 26, "case %zu", i);
		cr_assert_eq(n = cm_deadlines_size(r), cases[i].size, "case %zu", i);
		it = cm_deadlines_get(r, 0);
		if (cases[i].first_actor)
			cr_expect_str_eq(it->actor, cases[i].first_actor, "case %zu", i);
		else
			cr_expect_null(it->actor, "case %zu", i);
		cr_expect_str_eq(it->key, cases[i].first_key, "case %zu", i);
		for (size_t k = 0; k < n; k++)
			cr_expect_not_null(cm_deadlines_get(r, k)->actor, "case %zu at %zu", i, k);
		for (size_t k = 1; k < n; k++) {
			const cm_deadline_item *a = cm_deadlines_get(r, k - 1),
					       *b = cm_deadlines_get(r, k);
			cr_expect(actors_in_order(a, b), "case %zu at %zu", i, k);
			if (same_actor(a, b))
				cr_expect(strcmp(a->key, b->key) <= 0, "case %zu at %zu", i, k);
		}
		cm_deadlines_free(r);
	}
}

Test(deadlines, an_unknown_order_is_refused)
{
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	cm_deadlines_result *r = (cm_deadlines_result *)1;

	o.by = (cm_deadlines_by)(CM_DEADLINES_BY_ACTOR + 1);
	cr_expect_eq(cm_deadlines_check(&o), CM_EINVAL);
	cr_expect_eq(cm_deadlines(&r, cm_test_ix, &o), CM_EINVAL);
	cr_expect_null(r);
}

/* s with the line folds of an iCalendar undone. */
static char *unfolded(char *s)
{
	char *w = s;

	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		*w++ = *p;
	}
	*w = '\0';
	return s;
}

Test(deadlines, the_writers_carry_who_owes_what_to_whom)
{
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	char *s;

	o.actor = "Ủy ban MTTQ";
	o.recipient = "Ủy ban MTTQ tỉnh"; /* the two reports, not the occasions */
	s = written(cm_deadlines_write_json, &o);
	cr_expect_eq(count(s, "\n"), 2);
	cr_expect(
		strstr(s,
		       ",\"start\":7576,\"end\":7586,\"actor\":\"Ban Thường trực Ủy ban MTTQ "
		       "các huyện, thành phố\",\"task\":\"báo cáo kết quả 01 năm\","
		       "\"recipient\":\"Ban Thường trực Ủy ban MTTQ tỉnh\",\"channel\":\"Ban Tuyên "
		       "giáo\",\"partners\":[]}\n"),
		"%s", s);
	free(s);
	s = written(cm_deadlines_write_text, &o);
	cr_expect_eq(count(s, "\n"), 6);
	cr_expect(strstr(s, "\n            Ban Thường trực Ủy ban MTTQ các huyện, thành phố → Ban "
			    "Thường trực Ủy ban MTTQ tỉnh (qua Ban Tuyên giáo): báo cáo kết quả 01 "
			    "năm\n"),
		  "%s", s);
	free(s);
	s = unfolded(written(cm_deadlines_write_ics, &o));
	cr_expect_eq(count(s, "BEGIN:VEVENT"), 2);
	cr_expect(strstr(s, "SUMMARY:báo cáo kết quả 01 năm\r\n"), "%s", s);
	cr_expect_eq(count(s,
			   "DESCRIPTION:Ban Thường trực Ủy ban MTTQ các huyện\\, thành phố → Ban "
			   "Thường trực Ủy ban MTTQ tỉnh (qua Ban Tuyên giáo)\\n"),
		     2, "%s", s);
	cr_expect_eq(count(s, "RRULE"), 0);
	free(s);

	o.actor = "Ban Dân vận Tỉnh ủy"; /* partners, no recipient */
	o.recipient = NULL;
	s = written(cm_deadlines_write_json, &o);
	cr_expect(strstr(s, ",\"recipient\":null,\"channel\":null,\"partners\":[\"Hội Nhà báo "
			    "tỉnh\"]}\n"),
		  "%s", s);
	free(s);
	s = unfolded(written(cm_deadlines_write_ics, &o));
	cr_expect(strstr(s, "DESCRIPTION:Ban Dân vận Tỉnh ủy\\nChủ trì phối hợp"), "%s", s);
	free(s);

	o.actor = NULL; /* an occasion: owed by its heading's two bodies, its task the summary */
	o.on = "2018-06-21";
	s = written(cm_deadlines_write_json, &o);
	cr_expect_eq(count(s, "\n"), 1, "%s", s);
	cr_expect(
		strstr(s,
		       ",\"actor\":\"Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh\",\"task\":\"Tổ "
		       "chức giao ban trao đổi thông tin về tình hình Nhân dân, đánh giá tình "
		       "hình, kết quả triển khai thực hiện Chương trình phối hợp công tác dân vận "
		       "của năm vào dịp kỷ niệm Ngày Báo chí cách mạng Việt "
		       "Nam\",\"recipient\":null,\"channel\":null,\"partners\":[]}\n"),
		"%s", s);
	free(s);
	s = unfolded(written(cm_deadlines_write_ics, &o));
	cr_expect_eq(count(s, "BEGIN:VEVENT"), 1, "%s", s);
	cr_expect_eq(count(s, "SUMMARY:occasion: "), 0, "%s", s);
	cr_expect(strstr(s, "SUMMARY:Tổ chức giao ban trao đổi thông tin"), "%s", s);
	cr_expect(strstr(s, "DESCRIPTION:Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh\\n"), "%s", s);
	cr_expect_eq(count(s, "RRULE:FREQ=YEARLY"), 1, "%s", s);
	free(s);
}

Test(deadlines, the_text_by_actor_has_a_line_per_actor)
{
	cm_deadlines_options o = CM_DEADLINES_OPTIONS_INIT;
	char *s;

	o.by = CM_DEADLINES_BY_ACTOR;
	s = written(cm_deadlines_write_text, &o);
	cr_expect_eq(strncmp(s,
			     "Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" các huyện, thành "
			     "phố\n2024-03     deadline  ",
			     strlen("Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" các huyện, "
				    "thành phố\n2024-03     deadline  ")),
		     0, "%s", s);
	cr_expect_eq(count(s, "\n\nBan Dân vận Trung ương\n2018-03 "), 1, "%s", s);
	cr_expect_eq(count(s, "\n\n"), 9, "%s", s);       /* 10 groups */
	cr_expect_null(strstr(s, "(no actor)"), "%s", s); /* every one has its body */
	cr_expect(strstr(s, "\n\nỦy ban MTTQ các huyện, thành phố\n") >
			  strstr(s, "\n\nCác thành viên"),
		  "%s", s);
	/* 26 entries of two lines and an obligation line, 10 headers, 9 blanks */
	cr_expect_eq(count(s, "\n"), 26 * 3 + 10 + 9);
	free(s);
	o.by = CM_DEADLINES_BY_DATE; /* no header */
	s = written(cm_deadlines_write_text, &o);
	cr_expect_eq(count(s, "\n"), 26 * 3);
	cr_expect_null(strstr(s, "(no actor)"));
	free(s);
}

/* A plan of one body's recurring reports (written to a file of its own). */
static const char recurring_plan[] =
	"TỈNH ỦY BÌNH PHƯỚC\nSố 12-KH/TU\nBình Phước, ngày 05 tháng 3 năm 2024\n\n"
	"KẾ HOẠCH\nthực hiện công tác dân vận năm 2024\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
	"1. Ban Dân vận Tỉnh ủy\n"
	"- Chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy và Hội Nông dân tỉnh hướng dẫn triển "
	"khai thực hiện kế hoạch xong trước ngày 30/4/2024.\n"
	"- Hằng năm tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) "
	"trước ngày 15/12.\n\n"
	"2. Các huyện ủy, thành ủy\n"
	"- Định kỳ 6 tháng báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy trước ngày "
	"15/6/2024.\n"
	"- Hằng quý báo cáo Ban Dân vận Tỉnh ủy trước ngày 25/3/2024.\n";

static char *recurring_index(void)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char dir[4096], file[4200];
	const char *paths[1] = {file};
	FILE *f;

	snprintf(dir, sizeof dir, "%s/cm-recurring-XXXXXX", tmp);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/kh.txt", dir);
	cr_assert_not_null(f = fopen(file, "w"));
	fputs(recurring_plan, f);
	cr_assert_eq(fclose(f), 0);
	return cm_test_index(paths, 1);
}

Test(deadlines_recurring, a_recurring_deadline_repeats_in_the_calendar)
{
	static const struct {
		const char *key, *recurrence, *actor, *recipient, *rrule;
		size_t npartners;
	} cases[] = {
		{"2024-03-25", "quarterly", "Các huyện ủy, thành ủy", "Ban Dân vận Tỉnh ủy",
		 "RRULE:FREQ=MONTHLY;INTERVAL=3", 0},
		{"2024-04-30", NULL, "Ban Dân vận Tỉnh ủy", NULL, NULL, 2},
		{"2024-06-15", "every 6 months", "Các huyện ủy, thành ủy", "Ban Thường vụ Tỉnh ủy",
		 "RRULE:FREQ=MONTHLY;INTERVAL=6", 0},
		{"2024-12-15", "yearly", "Ban Dân vận Tỉnh ủy", "Ban Thường vụ Tỉnh ủy",
		 "RRULE:FREQ=YEARLY", 0},
	};
	char *path = recurring_index(), *s;
	cm_index *rix;
	cm_deadlines_result *r;
	FILE *f;
	size_t len = 0;

	cr_assert_eq(cm_index_open(&rix, path), 0, "%s", cm_error_last());
	cr_assert_eq(cm_deadlines(&r, rix, NULL), 0, "%s", cm_error_last());
	cr_assert_eq(cm_deadlines_total(r), sizeof cases / sizeof cases[0]);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const cm_deadline_item *it = cm_deadlines_get(r, i);
		cr_expect_str_eq(it->key, cases[i].key, "case %zu", i);
		if (cases[i].recurrence)
			cr_expect_str_eq(it->recurrence, cases[i].recurrence, "case %zu", i);
		else
			cr_expect_null(it->recurrence, "case %zu", i);
		cr_expect_str_eq(it->actor, cases[i].actor, "case %zu", i);
		if (cases[i].recipient)
			cr_expect_str_eq(it->recipient, cases[i].recipient, "case %zu", i);
		cr_expect_eq(it->npartners, cases[i].npartners, "case %zu", i);
	}
	cr_expect_str_eq(cm_deadlines_get(r, 1)->partners[0], "Ban Tuyên giáo Tỉnh ủy");
	cr_expect_str_eq(cm_deadlines_get(r, 1)->partners[1], "Hội Nông dân tỉnh");
	cr_expect_str_eq(cm_deadlines_get(r, 3)->channel, "Văn phòng Tỉnh ủy");
	cr_assert_not_null(f = open_memstream(&s, &len));
	cr_assert_eq(cm_deadlines_write_ics(f, r), 0, "%s", cm_error_last());
	fclose(f);
	unfolded(s);
	cr_expect_eq(count(s, "RRULE"), 3, "%s", s);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (cases[i].rrule)
			cr_expect_eq(count(s, cases[i].rrule), 1, "case %zu: %s", i, s);
	cr_expect(strstr(s,
			 "DESCRIPTION:Ban Dân vận Tỉnh ủy → Ban Thường vụ Tỉnh ủy (qua Văn phòng "
			 "Tỉnh ủy)\\n"),
		  "%s", s);
	cr_expect(strstr(s, "DTSTART;VALUE=DATE:20241215\r\n"), "%s", s);
	free(s);
	cm_deadlines_free(r);
	cm_index_free(rix);
	free(path);
}
