/* test_date.c: every date form with its ISO value, the not-dates, deadline
 * and occasion cues, ranges, resolution with the document's year, and the
 * parsing of dates typed by users. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"

/* Each found date as "text=iso[+D][+C][+S][/resolved][@occasion]", joined. */
static void describe(char *out, size_t cap, const char *text)
{
	cm_dates *d;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0, "%s", cm_error_last());
	out[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		const cm_date *x = &d->v[i];
		size_t n = strlen(out);
		snprintf(out + n, cap - n, "%s%.*s=%s%s%s%s%s%s%s%s", i ? " | " : "",
			 (int)(x->end - x->start), text + x->start, x->iso, x->deadline ? "+D" : "",
			 x->in_citation ? "+C" : "", x->in_self ? "+S" : "",
			 x->range == CM_RANGE_START ? "+start" : x->range == CM_RANGE_END ? "+end" : "",
			 strcmp(x->resolved, x->iso) && x->resolved[0] ? "/" : "",
			 strcmp(x->resolved, x->iso) ? x->resolved : "", x->recurrence ? "+R" : "");
		if (x->occasion) {
			n = strlen(out);
			snprintf(out + n, cap - n, "@%s", x->occasion);
		}
	}
	cm_dates_free(d);
}

static const struct {
	const char *text, *want;
} cases[] = {
	{"vào 03/6/2013 và 01-10-1997", "03/6/2013=2013-06-03 | 01-10-1997=1997-10-01"},
	{"ngày 04  tháng 3 năm 2018", "ngày 04  tháng 3 năm 2018=2018-03-04"},
	{"NGÀY 4 THÁNG 3 NĂM 2018", "NGÀY 4 THÁNG 3 NĂM 2018=2018-03-04"},
	{"xong trong tháng 3/2024.", "tháng 3/2024=2024-03+D"},
	{"trong tháng 3 năm 2024", "tháng 3 năm 2024=2024-03+D"},
	{"(dự kiến quý III/2018)", "quý III/2018=2018-Q3+D"},
	{"trình quý 2/2019", "quý 2/2019=2019-Q2+D"},
	{"gửi trước ngày 10/6/2020;", "10/6/2020=2020-06-10+D"},
	{"chậm nhất ngày 5/1/2021", "5/1/2021=2021-01-05+D"},
	{"Trước ngày 01/3/2025, Cục Thuế gồm có", "01/3/2025=2025-03-01"},
	{"Căn cứ Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của", "03/6/2013=2013-06-03+C"},
	{"Thực hiện Quyết định số 290-QĐ/TW ngày 25/02/2010", "25/02/2010=2010-02-25+C"},
	{"Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban", "03/6/2013=2013-06-03+S"},
	{"kỷ niệm 90 năm Ngày truyền thống (15/10/1930 – 15/10/2020)",
	 "15/10/1930=1930-10-15+start@90 năm Ngày truyền thống (15/10/1930 – 15/10/2020) | "
	 "15/10/2020=2020-10-15+D+end@90 năm Ngày truyền thống (15/10/1930 – 15/10/2020)"},
	{"kỷ niệm Ngày Báo chí (21/6)", "21/6=--06-21+D@Ngày Báo chí (21/6)"},
	{"31/02/2020 0/5/2020 32/1 29/02/2023", ""},
	{"29/02/2024", "29/02/2024=2024-02-29"},
	{"Nghị định 15/2020/NĐ-CP và 12/2020/QH14", ""},
	{"giai đoạn 2017-2021, năm 2018, 16:00, 6 tháng, 3 tháng 1 lần, 1/2 số", ""},
	{"mục 1.1.2 và 1/1 lần", ""},
	{"họp hằng năm vào ngày 15/10/2021", "15/10/2021=2021-10-15+R"},
};

Test(date, forms_table)
{
	char got[1024];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		describe(got, sizeof got, cases[i].text);
		cr_expect_str_eq(got, cases[i].want, "case %zu: '%s' gave '%s'", i, cases[i].text, got);
	}
}

Test(date, document_date_resolves_day_month)
{
	char got[1024];

	describe(got, sizeof got,
		 "Tuyên Quang, ngày 04 tháng 3 năm 2018\nKẾ HOẠCH\nvào dịp kỷ niệm Ngày Truyền thống (15/10).");
	cr_expect_str_eq(got, "ngày 04 tháng 3 năm 2018=2018-03-04+S | "
			      "15/10=--10-15+D/2018-10-15@Ngày Truyền thống (15/10)");
	describe(got, sizeof got, "Thứ Sáu, 7/10/2022\nKế hoạch số 1600-KH/BDVTW ngày 28/02/2018 của");
	cr_expect_str_eq(got, "7/10/2022=2022-10-07 | 28/02/2018=2018-02-28+S");
}

Test(date, spans_map_to_the_raw_text)
{
	const char *text = "(kho\xcc\x81" "a XI) nga\xcc\x80y 03/6/2013 \xe2\x80\x9c" "x\xe2\x80\x9d";
	cm_dates *d;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
	cr_assert_eq(d->n, 1);
	cr_expect_eq(strncmp(text + d->v[0].start, "03/6/2013", 9), 0);
	cr_expect_eq(d->v[0].end - d->v[0].start, 9);
	cm_dates_free(d);
}

Test(date, user_dates_table)
{
	static const struct {
		const char *in, *want;
	} ok[] = {
		{"15/10", "--10-15"},         {"--10-15", "--10-15"},  {"15/10/2024", "2024-10-15"},
		{"2024-10-15", "2024-10-15"}, {"2024-06", "2024-06"},  {"6/2024", "2024-06"},
		{"29/2", "--02-29"},
	};
	static const char *const bad[] = {"", "31/2", "2024-13", "15/10/", "abc", "2023-02-29"};
	char iso[CM_ISO_MAX];

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		cr_assert_eq(cm_date_parse_user(iso, ok[i].in), 0, "%s", ok[i].in);
		cr_expect_str_eq(iso, ok[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(cm_date_parse_user(iso, bad[i]), CM_EINVAL, "'%s'", bad[i]);
}
