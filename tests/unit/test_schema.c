/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_schema.c: the index schema's builders and parsers (chimuc/schema.h):
 * each term builder with a form that fits, one exactly at the buffer's
 * limit and one past it; the stored mtime, size and hash forms both ways;
 * the slot lines written and split back. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/schema.h"

typedef int (*term_fn)(char *buf, size_t len, const char *value);

Test(schema, term_builders_table)
{
	static const struct {
		term_fn make;
		const char *value, *want;
	} cases[] = {
		{cm_term_cites, "25-NQ/TW@2021", "XC25-NQ/TW@2021"},
		{cm_term_number, "15-KH/BDVTU", "XN15-KH/BDVTU"},
		{cm_term_type, "NQ", "XTNQ"},
		{cm_term_issuer, "TW", "XITW"},
		{cm_term_year, "2024-06-15", "Y2024"},
		{cm_term_date, "2024-06-15", "XD20240615"},
		{cm_term_date, "2024-06", "XD202406"},
		{cm_term_day_month, "2024-10-15", "XDM1015"},
		{cm_term_day_month, "--06-21", "XDM0621"},
		{cm_meta_failed_key, "Q/a/b.txt", "FQ/a/b.txt"},
		{cm_term_id_folder, "/a/b", "Q/a/b/"},
		{cm_term_id_folder, "/a/b/", "Q/a/b/"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].want);
		char buf[64];

		memset(buf, 'x', sizeof buf);
		cr_expect_eq(cases[i].make(buf, sizeof buf, cases[i].value), (int)n, "case %zu", i);
		cr_expect_str_eq(buf, cases[i].want, "case %zu", i);
		cr_expect_eq(cases[i].make(buf, n + 1, cases[i].value), (int)n,
			     "case %zu fits exactly", i);
		cr_expect_str_eq(buf, cases[i].want, "case %zu at the limit", i);
		cr_expect_eq(cases[i].make(buf, n, cases[i].value), CM_ELIMIT,
			     "case %zu one byte short", i);
		cr_expect_eq(buf[0], '\0', "case %zu: nothing cut is left", i);
	}
}

Test(schema, term_cites_year)
{
	char buf[16];

	cr_assert_eq(cm_term_cites_year(buf, sizeof buf, "25-NQ/TW", 2021), 15);
	cr_assert_str_eq(buf, "XC25-NQ/TW@2021");
	cr_assert_eq(cm_term_cites_year(buf, 15, "25-NQ/TW", 2021), CM_ELIMIT);
}

Test(schema, dates_refused_table)
{
	static const char *const bad[] = {"2024", "15/10", "2024-06-1", ""};
	char buf[32];

	cr_expect_eq(cm_term_day_month(buf, sizeof buf, "2024-06"), CM_EINVAL);
	cr_expect_eq(cm_term_date(buf, sizeof buf, "--10-15"), CM_EINVAL, "no year: no XD term");
	cr_expect_eq(cm_term_day_month(buf, sizeof buf, "2024/10/15"), CM_EINVAL);
	cr_expect_eq(cm_term_day_month(buf, sizeof buf, "-10-15"), CM_EINVAL);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_expect_eq(cm_term_date(buf, sizeof buf, bad[i]), CM_EINVAL, "%s", bad[i]);
		cr_expect_eq(cm_term_day_month(buf, sizeof buf, bad[i]), CM_EINVAL, "%s", bad[i]);
	}
}

Test(schema, mtime_table)
{
	static const struct {
		struct timespec t;
		const char *want;
	} cases[] = {
		{{1700000000, 5}, "1700000000.000000005"},
		{{0, 0}, "0.000000000"},
		{{1, 999999999}, "1.999999999"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].want);
		char buf[CM_MTIME_MAX];
		struct timespec back;

		cr_expect_eq(cm_mtime_format(buf, sizeof buf, &cases[i].t), (int)n);
		cr_expect_str_eq(buf, cases[i].want);
		cr_expect_eq(cm_mtime_format(buf, n + 1, &cases[i].t), (int)n);
		cr_expect_eq(cm_mtime_format(buf, n, &cases[i].t), CM_ELIMIT);
		cr_expect_eq(cm_mtime_parse(&back, cases[i].want), 0);
		cr_expect_eq(back.tv_sec, cases[i].t.tv_sec);
		cr_expect_eq(back.tv_nsec, cases[i].t.tv_nsec);
	}
}

Test(schema, parsers_refuse_table)
{
	static const char *const mtimes[] = {
		"", "12", "12.5", "12.0000000001", "x.000000000", "1.00000000a"};
	static const char *const sizes[] = {"", "-1", "12a", " 1", "99999999999999999999999"};
	static const char *const hashes[] = {"", "0123", "0123456789ABCDEF", "0123456789abcdef0",
					     "0123456789abcdeg"};
	struct timespec t;
	uint64_t v;

	for (size_t i = 0; i < sizeof mtimes / sizeof mtimes[0]; i++)
		cr_expect_eq(cm_mtime_parse(&t, mtimes[i]), CM_EINVAL, "'%s'", mtimes[i]);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		cr_expect_eq(cm_size_parse(&v, sizes[i]), CM_EINVAL, "'%s'", sizes[i]);
	for (size_t i = 0; i < sizeof hashes / sizeof hashes[0]; i++)
		cr_expect_eq(cm_hash_parse(&v, hashes[i]), CM_EINVAL, "'%s'", hashes[i]);
}

Test(schema, size_and_hash_table)
{
	static const struct {
		uint64_t v;
		const char *size, *hash;
	} cases[] = {
		{0, "0", "0000000000000000"},
		{255, "255", "00000000000000ff"},
		{UINT64_MAX, "18446744073709551615", "ffffffffffffffff"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[CM_SIZE_MAX];
		size_t n = strlen(cases[i].size);
		uint64_t back;

		cr_expect_eq(cm_size_format(buf, sizeof buf, cases[i].v), (int)n);
		cr_expect_str_eq(buf, cases[i].size);
		cr_expect_eq(cm_size_format(buf, n + 1, cases[i].v), (int)n);
		cr_expect_eq(cm_size_format(buf, n, cases[i].v), CM_ELIMIT);
		cr_expect_eq(cm_size_parse(&back, cases[i].size), 0);
		cr_expect_eq(back, cases[i].v);

		cr_expect_eq(cm_hash_format(buf, CM_HASH_MAX, cases[i].v), 16);
		cr_expect_str_eq(buf, cases[i].hash);
		cr_expect_eq(cm_hash_format(buf, CM_HASH_MAX - 1, cases[i].v), CM_ELIMIT);
		cr_expect_eq(cm_hash_parse(&back, cases[i].hash), 0);
		cr_expect_eq(back, cases[i].v);
	}
}

Test(schema, slot_lines_round_trip)
{
	const char *self[CM_SELF_FIELDS] = {"25-NQ/TW@2021", NULL, "2021-10-25"};
	const char *cite[CM_CITE_FIELDS] = {"a\tb", "căn cứ", "NQ", "", "TW", "line\nbreak"};
	const char *f[CM_CITE_FIELDS];
	cm_slot_buf buf = CM_ARRAY_INIT;
	char *end;

	cr_assert_eq(cm_slot_line_append(&buf, self, CM_SELF_FIELDS, '\0'), 0);
	cr_assert_eq(buf.size, strlen("25-NQ/TW@2021\t\t2021-10-25") + 1);
	cr_assert_str_eq(buf.ptr, "25-NQ/TW@2021\t\t2021-10-25");
	end = cm_slot_line_split(f, CM_SELF_FIELDS, buf.ptr);
	cr_expect_str_eq(f[0], "25-NQ/TW@2021");
	cr_expect_null(f[1]);
	cr_expect_str_eq(f[2], "2021-10-25");
	cr_expect_eq(*end, '\0');

	buf.size = 0;
	cr_assert_eq(cm_slot_line_append(&buf, cite, CM_CITE_FIELDS, '\n'), 0);
	cr_assert_eq(cm_slot_line_append(&buf, cite, CM_CITE_FIELDS, '\0'), 0);
	cr_assert_str_eq(buf.ptr,
			 "a b\tcăn cứ\tNQ\t\tTW\tline break\na b\tcăn cứ\tNQ\t\tTW\tline break");
	*strchr(buf.ptr, '\n') = '\0';
	cm_slot_line_split(f, CM_CITE_FIELDS, buf.ptr);
	cr_expect_str_eq(f[0], "a b", "a tab inside a field is a space");
	cr_expect_str_eq(f[1], "căn cứ");
	cr_expect_null(f[3]);
	cr_expect_str_eq(f[5], "line break");
	cm_array_clear(buf);
}

Test(schema, failed_record_table)
{
	static const struct {
		const char *record, *mtime, *reason;
		uint64_t size;
		int code;
	} cases[] = {
		{"1700000000.000000005 12 -11 binary file", "1700000000.000000005", "binary file",
		 12, CM_EUNSUPPORTED},
		{"0.000000000 0 -10 over 5 bytes: x y", "0.000000000", "over 5 bytes: x y", 0,
		 CM_ELIMIT},
		{"1.000000000 3 -11 ", "1.000000000", "", 3, CM_EUNSUPPORTED},
	};
	static const char *const bad[] = {"", "1.0", "1.0 x -11 r", "1.0 3 -11", " 3 -11 r"};
	cm_failed_record r;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_failed_record in = {cases[i].mtime, strlen(cases[i].mtime), cases[i].size,
				       cases[i].code, cases[i].reason};
		char *s;
		size_t n;

		cr_assert_eq(cm_failed_record_format(&s, &n, &in), 0);
		cr_expect_str_eq(s, cases[i].record);
		cr_expect_eq(n, strlen(cases[i].record));
		free(s);
		cr_assert_eq(cm_failed_record_parse(&r, cases[i].record), 0, "case %zu", i);
		cr_expect_eq(r.mtime_len, strlen(cases[i].mtime));
		cr_expect_eq(memcmp(r.mtime, cases[i].mtime, r.mtime_len), 0);
		cr_expect_eq(r.size, cases[i].size);
		cr_expect_eq(r.code, cases[i].code);
		cr_expect_str_eq(r.reason, cases[i].reason);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(cm_failed_record_parse(&r, bad[i]), CM_EINVAL, "'%s'", bad[i]);
}
