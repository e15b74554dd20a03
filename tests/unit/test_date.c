/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_date.c: every date form with its ISO value, the not-dates, deadline
 * and occasion cues, ranges, resolution with the document's year, and the
 * parsing of dates typed by users. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"

/* Each found date as "text=iso[+D][+C][+S][+start|+end][+A][/resolved][+R]
 * [@occasion]", joined; +A marks an ambiguous form. */
static void describe(char *out, size_t cap, const char *text)
{
	cm_dates *d;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0, "%s", cm_error_last());
	out[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		const cm_date *x = &d->v[i];
		size_t n = strlen(out);
		snprintf(out + n, cap - n, "%s%.*s=%s%s%s%s%s%s%s%s%s", i ? " | " : "",
			 (int)(x->end - x->start), text + x->start, x->iso, x->deadline ? "+D" : "",
			 x->in_citation ? "+C" : "", x->in_self ? "+S" : "",
			 x->range == CM_RANGE_START ? "+start"
			 : x->range == CM_RANGE_END ? "+end"
						    : "",
			 x->ambiguous ? "+A" : "",
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
	/* real */
	{"31 năm ngày Nhà giáo Việt Nam (20/11); 193 năm ngày sinh Ph.Ăng – Ghen (28/11)",
	 "20/11=--11-20+D@31 năm ngày Nhà giáo Việt Nam (20/11) | "
	 "28/11=--11-28+D@193 năm ngày sinh Ph.Ăng – Ghen (28/11)"},
	{"đã 193 năm. Ngày sinh (28/11)", "28/11=--11-28"},
	{"31/02/2020 0/5/2020 32/1 29/02/2023", ""},
	{"29/02/2024", "29/02/2024=2024-02-29"},
	{"Nghị định 15/2020/NĐ-CP và 12/2020/QH14", ""},
	{"giai đoạn 2017-2021, năm 2018, 16:00, 6 tháng, 3 tháng 1 lần, 1/2 số", ""},
	{"mục 1.1.2 và 1/1 lần", ""},
	{"họp hằng năm vào ngày 15/10/2021", "15/10/2021=2021-10-15+R"},

	/* News style: a day word before a dotted or dashed day-month. Rows
	 * marked "real" quote public portal and news pages. */
	{"Sáng 12/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị", "12/1=--01-12"}, /* real */
	{"Chiều 7-8, tại Hà Nội", "7-8=--08-07"},
	{"Sáng ngày 23-10, Ban Thường vụ Tỉnh uỷ tổ chức", "23-10=--10-23"}, /* real */
	{"hội nghị.\nNgày 24-10, Tỉnh ủy tổ chức; sáng 3-2 họp", "24-10=--10-24 | 3-2=--02-03"},
	{"hội nghị.\nSố 24-10, Tỉnh ủy; tăng 3-2 lần", ""},
	{"tổ chức sáng qua 12-4 tại Gia Lai", "12-4=--04-12"},                          /* real */
	{"đã hoàn thành toàn bộ nội dung chương trình đề ra và bế mạc vào chiều 6/10.", /* real */
	 "6/10=--10-06"},
	{"ngày 25.3 tại Hà Nội; mồng 2/9", "25.3=--03-25 | 2/9=--09-02"},
	{"Hội nghị ngày 5.6.2012 và ngày 7-8-2024", "5.6.2012=2012-06-05 | 7-8-2024=2024-08-07"},
	{"vào tháng 6.2012 và tháng 6-2012", "tháng 6.2012=2012-06 | tháng 6-2012=2012-06"},
	{"tỷ số 7-8, thắng 2-1, tăng 3.5%, từ 15-20 người", ""},
	{"đạt 15/15 chỉ tiêu, 1/2 số hộ, mỗi ngày 2-3 lần, ngày 3.5%", ""},
	{"có 6.783 hộ, 1.200 người, 1.900 đại biểu/75 điểm cầu", ""}, /* real, the last */
	{"quyết toán 199.927,19 tỷ đồng, 3,5 ha", ""},                /* real, the first */
	{"phiên bản 2.1.3, ĐT 0912.345.678, số 024.3825", ""},
	{"hoàn thành trước 7-8.", "7-8=--08-07+D+A"},
	{"trước 7-8 người", ""},

	/* The long form in either case, inside a citation too. */
	{"Thực hiện Kết luận số 12-KL/TW NGÀY 05 THÁNG 5 NĂM 2022 của",
	 "NGÀY 05 THÁNG 5 NĂM 2022=2022-05-05+C"},
	{"Thực hiện Chỉ thị số 05-CT/TW ngày 5.6.2012 của", "5.6.2012=2012-06-05+C"},

	/* A citation's date after a symbol whose dash stands apart. */
	{"thực hiện Kết luận số 100 - KL/TW ngày 18/8/2014 của Ban Bí thư", /* real */
	 "18/8/2014=2014-08-18+C"},
	{"theo Hướng dẫn 27- HD/BTCTW ngày 25/9/2020, Công văn 493 -CV/TU ngày 2/3/2021",
	 "25/9/2020=2020-09-25+C | 2/3/2021=2021-03-02+C"},
	{"theo Chỉ thị 40 – CT/TW ngày 14/8/2020", "14/8/2020=2020-08-14+C"},
	{"ý kiến của Văn phòng UBND/TU ngày 14/8/2020, mục A - KL/TW ngày 1/1/2020",
	 "14/8/2020=2020-08-14 | 1/1/2020=2020-01-01"},
	{"Ngày 05 tháng 5 năm 2022, tại", "Ngày 05 tháng 5 năm 2022=2022-05-05"},
	{"chậm nhất vào ngày 25 tháng 11 hằng năm", "ngày 25 tháng 11=--11-25+D+R"},
	{"Kon Tum, ngày 25\ntháng 01 năm 2024\nQUYẾT ĐỊNH", /* real */
	 "ngày 25\ntháng 01 năm 2024=2024-01-25+S"},
	{"ngày 25\n\ntháng 01 năm 2024", "tháng 01 năm 2024=2024-01"},
	{"Căn cứ Luật tổ chức Chính phủngày 25 tháng 12 năm 2001;", /* real */
	 "ngày 25 tháng 12 năm 2001=2001-12-25"},
	{"Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của", /* real */
	 "ngày 06 tháng 01 năm 2012=2012-01-06+C"},
	{"Căn cứ Luật Chính phủngày 5/6/2012", "5/6/2012=2012-06-05"},
	{"(Nghị định 37/2019/NĐ-CP ngày7/5/2019) chậm so với", "7/5/2019=2019-05-07+C"}, /* real */
	{"hàngngày7/5 hộ, tháng7/5", ""},
	{"hàngngày 25 người, Chính phủngày 5 và tháng", ""},
	{"3 ngày 2 tháng 1 lần, ngày 31 tháng 2", ""},
	{"các ngày 30/4 và 1/5", "30/4=--04-30 | 1/5=--05-01"},
	{"quý I và 1/2 số hộ", "quý I=--Q1"},

	/* Months of a list that states the year once. */
	{"hoàn thành các nhiệm vụ trong tháng 11, tháng 12 năm 2025 theo", /* real */
	 "tháng 11=2025-11+D | tháng 12 năm 2025=2025-12+D"},
	{"gửi trong tháng 9, tháng 10 và tháng 11/2024",
	 "tháng 9=2024-09+D | tháng 10=2024-10+D | tháng 11/2024=2024-11+D"},
	{"trong tháng 11, các đơn vị; tháng 12 năm 2025", "tháng 12 năm 2025=2025-12"},
	{"họp mỗi tháng 2 lần, tháng 3 năm 2024 họp", "tháng 3 năm 2024=2024-03"},

	/* Quarters in every spelling; "quý" that is no quarter. */
	{"hoàn thành trong quý III/2024", "quý III/2024=2024-Q3+D"},
	{"Khởi công Quý II-2025", "Quý II-2025=2025-Q2"},
	{"quý 3 năm 2024 và QUÝ IV năm 2024", "quý 3 năm 2024=2024-Q3 | QUÝ IV năm 2024=2024-Q4"},
	{"hoàn thành trong quý I.", "quý I=--Q1+D"},
	{"Kính gửi quý khách, quý báu, quý vị, quý 5/2024, quý 2-3 lần, quý Ivan", ""},

	/* Ranges: the end is the deadline, the start never. */
	{"từ ngày 30/5 - 7/6", "30/5=--05-30+start | 7/6=--06-07+D+end"},
	{"từ ngày 30/5 đến ngày 7/6/2024", "30/5=--05-30+start | 7/6/2024=2024-06-07+D+end"},
	{"từ Quý III/2017 đến ngày 30/11/2017",
	 "Quý III/2017=2017-Q3+start | 30/11/2017=2017-11-30+D+end"},
	{"diễn ra từ ngày 27-3 đến 10-4 trong cả nước", /* real */
	 "27-3=--03-27+start | 10-4=--04-10+D+end"},
	{"từ ngày 1/6 tới ngày 30/6", "1/6=--06-01+start | 30/6=--06-30+D+end"},
	{"Trong các ngày 7-8/6, Tỉnh ủy Gia Lai đã tổ chức", /* real */
	 "7=--06-07+start | 8/6=--06-08+end"},
	{"họp ngày 7-8/6/2024", "7=2024-06-07+start | 8/6/2024=2024-06-08+D+end"},
	{"tỷ lệ 7-8/10 người, ngày 8-7/6", ""},
	{"ngày 30/5 - Ngày Môi trường; từ năm 2015 đến nay", "30/5=--05-30"},
	/* real */
	{"kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai (30/9 - 1910/ 30/9/2020)",
	 "30/9/2020=2020-09-30+D@110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai (30/9 - 1910/ "
	 "30/9/2020)"},
	{"kỷ niệm 110 năm Ngày sinh (họp ngày 30/9/2020)", "30/9/2020=2020-09-30"},
	{"số liệu tính từ ngày 01/01/2024 đến ngày 30/6/2024",
	 "01/01/2024=2024-01-01+start | 30/6/2024=2024-06-30+end"},

	/* Deadline cues as officials write them. */
	{"chậm nhất là vào ngày 15/10/2024", "15/10/2024=2024-10-15+D"},
	{"gửi về Ban Tuyên giáo Tỉnh ủy trước ngày 15/10", "15/10=--10-15+D"},
	{"Số liệu phải được gửi về Bộ Nội vụ trước 30/8.", "30/8=--08-30+D"}, /* real */
	{"hạn chót: 30/9/2024", "30/9/2024=2024-09-30+D"},
	{"không muộn hơn ngày 30/6/2024", "30/6/2024=2024-06-30+D"},
	{"xong trước 31/12/2024", "31/12/2024=2024-12-31+D"},
	{"hoàn thành trong tháng 10/2024", "tháng 10/2024=2024-10+D"},
	{"Ban tổ chức sẽ nhận tác phẩm dự thi đến hết tháng 6 năm 2023 tính theo dấu", /* real */
	 "tháng 6 năm 2023=2023-06+D"},
	{"Từ đầu năm đến hết tháng 6 năm 2023, toàn tỉnh đã tiếp nhận", "tháng 6 năm 2023=2023-06"},
	{"trình Ban Thường vụ Tỉnh ủy quý III/2024", "quý III/2024=2024-Q3+D"},
	{"báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2024", "15/12/2024=2024-12-15+D"},
	{"dự kiến hoàn thành vào cuối tháng 6/2012.", "tháng 6/2012=2012-06+D"}, /* real */
	{"Trước ngày 15/10, các đơn vị gửi báo cáo về Ban", "15/10=--10-15+D"},
	{"gửi trước ngày 15/6 và ngày 15/12", "15/6=--06-15+D | 15/12=--12-15+D"},
	{"Ngày 30/4 và 1/5, toàn tỉnh đã tổ chức", "30/4=--04-30 | 1/5=--05-01"},
	{"Thời gian thực hiện: Quý III/2024; Tiến độ: quý IV/2024",
	 "Quý III/2024=2024-Q3+D | quý IV/2024=2024-Q4+D"},
	{"Thời gian: 8 giờ, ngày 15/10/2024", "15/10/2024=2024-10-15"},
	{"Đại hội Đảng bộ xã dự kiến tổ chức vào tháng 3 năm 2020.", /* real */
	 "tháng 3 năm 2020=2020-03+D"},
	{"Tháng 3 năm 2020, Đảng bộ xã dự kiến", "Tháng 3 năm 2020=2020-03"},
	{"các sự kiện phải xong trong tháng 04 năm 2015", "tháng 04 năm 2015=2015-04+D"},

	/* A table flattened to lines: the cells of a column of deadlines. */
	/* real */
	{"Ngày chậm nhất phải hoàn thành\n\n1\n\nTriển khai ở tỉnh\n\n \n\n21/01/2021\n\n"
	 "2\n\nDự kiến người ứng cử\n\n105 ngày\n\n07/02/2021 (chủ Nhật)\n\n3",
	 "21/01/2021=2021-01-21+D | 07/02/2021=2021-02-07+D"},
	{"Thời hạn hoàn thành\n\nHọp ngày 21/01/2021 tại tỉnh\n", "21/01/2021=2021-01-21"},
	{"Ngày ban hành\n\n21/01/2021\n", "21/01/2021=2021-01-21"},
	{"Thời hạn hoàn thành\n\nNgày ban hành\n\n21/01/2021\n", "21/01/2021=2021-01-21"},
	{"Thời hạn\n\n21/01/2021\n\nHạn chế\n\n22/01/2021\n",
	 "21/01/2021=2021-01-21+D | 22/01/2021=2021-01-22+D"},
	{"Hạn chế\n\n21/01/2021\n", "21/01/2021=2021-01-21"},

	/* What is not a deadline. */
	{"tính đến ngày 31/12/2016, toàn tỉnh có", "31/12/2016=2016-12-31"},
	{"Đến ngày 30/6/2024, đã có 95% số hộ", "30/6/2024=2024-06-30"},
	{"Đến ngày 30/6/2024, toàn tỉnh có 95% số hộ", "30/6/2024=2024-06-30"},
	{"Đến ngày 30/6/2024, các đơn vị phải gửi báo cáo", "30/6/2024=2024-06-30+D"},
	{"Ngày 20/11/2013, Ban Chấp hành Trung ương đã ban hành", "20/11/2013=2013-11-20"},
	{"Trong tháng 10/2022 có 23/27 ngành sản xuất tăng", "tháng 10/2022=2022-10"}, /* real */
	{"các sự kiện quan trọng diễn ra trong tháng 04 năm 2015 như:",                /* real */
	 "tháng 04 năm 2015=2015-04"},
	{"báo cáo kết quả thực hiện trong quý I/2024", "quý I/2024=2024-Q1"},
	{"Chương trình công tác quý III/2024", "quý III/2024=2024-Q3"},
	{"đã được thông xe kỹ thuật từ ngày 31/12/2025", "31/12/2025=2025-12-31"}, /* real */
	{"có hiệu lực từ ngày 01/6/2023", "01/6/2023=2023-06-01"},                 /* real */
	{"trong 6 tháng đầu năm 2024", ""},
};

Test(date, forms_table)
{
	char got[1024];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		describe(got, sizeof got, cases[i].text);
		cr_expect_str_eq(got, cases[i].want, "case %zu: '%s' gave '%s'", i, cases[i].text,
				 got);
	}
}

Test(date, document_date_resolves_day_month)
{
	char got[1024];

	describe(
		got, sizeof got,
		"Tuyên Quang, ngày 04 tháng 3 năm 2018\nKẾ HOẠCH\nvào dịp kỷ niệm Ngày Truyền thống (15/10).");
	cr_expect_str_eq(got, "ngày 04 tháng 3 năm 2018=2018-03-04+S | "
			      "15/10=--10-15+D/2018-10-15@Ngày Truyền thống (15/10)");
	describe(got, sizeof got, "Tuyên Quang, ngày 04 tháng 3 năm 2018\nhoàn thành trong quý I.");
	cr_expect_str_eq(got, "ngày 04 tháng 3 năm 2018=2018-03-04+S | quý I=--Q1+D/2018-Q1");
	describe(got, sizeof got,
		 "Thứ Sáu, 7/10/2022\nKế hoạch số 1600-KH/BDVTW ngày 28/02/2018 của");
	cr_expect_str_eq(got, "7/10/2022=2022-10-07 | 28/02/2018=2018-02-28+S");
}

Test(date, spans_map_to_the_raw_text)
{
	const char *text = "(kho\xcc\x81"
			   "a XI) nga\xcc\x80y 03/6/2013 \xe2\x80\x9c"
			   "x\xe2\x80\x9d";
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
		{"15/10", "--10-15"},         {"--10-15", "--10-15"}, {"15/10/2024", "2024-10-15"},
		{"2024-10-15", "2024-10-15"}, {"2024-06", "2024-06"}, {"6/2024", "2024-06"},
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
