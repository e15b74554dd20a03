/* test_citation.c: every citation pattern with its expected parts, the
 * document's identity, keys and user references. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"

/* Each citation as "type|number|symbol|date|issuer|term|relation|key|flags". */
static void describe(char *out, size_t cap, const char *text)
{
	cm_dates *d;
	cm_citations *c;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
	cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0, "%s", cm_error_last());
	out[0] = '\0';
	for (size_t i = 0; i < c->n; i++) {
		const cm_citation *x = &c->v[i];
		size_t n = strlen(out);
		snprintf(out + n, cap - n, "%s%s|%s|%s|%s|%s|%s|%s|%s|%s", i ? " ## " : "",
			 x->type ? x->type : "", x->number, x->symbol, x->date,
			 x->issuer ? x->issuer : "", x->term ? x->term : "",
			 x->relation ? x->relation : "", x->key,
			 x->flags & CM_CITE_TYPE_MISMATCH ? "mismatch" : "");
	}
	cm_citations_free(c);
	cm_dates_free(d);
}

static const struct {
	const char *text, *want;
} cases[] = {
	{"Căn cứ Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI về",
	 "Nghị quyết|25|NQ/TW|2013-06-03|Ban Chấp hành Trung ương Đảng|khóa XI|căn cứ|25-NQ/TW@2013|"},
	{"Thực hiện Kế hoạch phối hợp số 1599-KH/BDVTW-ĐĐHNBVN, ngày 01/03/2018 về",
	 "Kế hoạch|1599|KH/BDVTW-ĐĐHNBVN|2018-03-01|||thực hiện|1599-KH/BDVTW-ĐĐHNBVN@2018|"},
	{"theo Quy định số 08-QĐi/TW của Ban Chấp hành",
	 "Quy định|08|QĐi/TW||Ban Chấp hành||theo|08-QĐi/TW|"},
	{"thực hiện Nghị quyết số 23 – NQ/TW.", "Nghị quyết|23|NQ/TW||||thực hiện|23-NQ/TW|"},
	{"căn cứ Nghị định 15/2020/NĐ-CP của Chính phủ",
	 "Nghị định|15/2020|NĐ-CP||Chính phủ||căn cứ|15/2020/NĐ-CP|"},
	{"theo Quyết định 1234/QĐ-UBND ngày 01-10-1997",
	 "Quyết định|1234|QĐ-UBND|1997-10-01|||theo|1234/QĐ-UBND@1997|"},
	{"căn cứ Luật số 45/2019/QH14", "Luật|45/2019|QH14||||căn cứ|45/2019/QH14|"},
	{"theo Hướng dẫn số 01/HDLB-TC-DV-TW, ngày 25/5/2000",
	 "Hướng dẫn|01|HDLB-TC-DV-TW|2000-05-25|||theo|01/HDLB-TC-DV-TW@2000|"},
	{"theo Công văn số 640/TCT-TCCB", "Công văn|640|TCT-TCCB||||theo|640/TCT-TCCB|"},
	{"theo Tờ trình số 3236/TTr -SNN", "Tờ trình|3236|TTr-SNN||||theo|3236/TTr-SNN|"},
	{"thực hiện Kết luận số 126-\nKL/TW", "Kết luận|126|KL/TW||||thực hiện|126-KL/TW|"},
	{"CĂN CỨ NGHỊ QUYẾT SỐ 25-NQ/TW", "Nghị quyết|25|NQ/TW||||căn cứ|25-NQ/TW|"},
	{"thực hiện Chỉ thị số 25-NQ/TW", "Chỉ thị|25|NQ/TW||||thực hiện|25-NQ/TW|mismatch"},
	{"đánh giá Thông báo Kết luận số 148-TB/TW, ngày 04/4/2008",
	 "Thông báo|148|TB/TW|2008-04-04|||đánh giá|148-TB/TW@2008|"},
	{"báo cáo đánh giá 5 năm thực hiện Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, "
	 "ngày 12/12/2013 của Bộ Chính trị",
	 "Quyết định|217|QĐ/TW|2013-12-12|Bộ Chính trị||đánh giá 5 năm thực hiện|217-QĐ/TW@2013| ## "
	 "Quyết định|218|QĐ/TW|2013-12-12|Bộ Chính trị||đánh giá 5 năm thực hiện|218-QĐ/TW@2013|"},
	{"ban hành \"Hướng dẫn\" (Quyết định số 99-QĐ/TW)", "Quyết định|99|QĐ/TW|||||99-QĐ/TW|"},
	{"thay thế Quyết định số 5-QĐ/TU", "Quyết định|5|QĐ/TU||||thay thế|5-QĐ/TU|"},
	{"Năm 2020 có 15/2020 văn bản, số 12/3 và 3-4 lần", ""},
};

Test(citation, patterns_table)
{
	char got[2048];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		describe(got, sizeof got, cases[i].text);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got '%s'", i, got);
	}
}

Test(citation, year_from_a_cue_and_from_an_earlier_mention)
{
	const char *text = "Hà Nội, ngày 28 tháng 02 năm 2018\nKẾ HOẠCH\nCông tác năm 2018\n"
			   "Sơ kết 5 năm thực hiện Nghị quyết số 25-NQ/TW về dân vận; "
			   "tổng kết 15 năm thực hiện Nghị quyết số 25-NQ/TW về tôn giáo; "
			   "Chỉ thị số 18-CT/TW, ngày 10/01/2018 và Chỉ thị số 18-CT/TW.";
	cm_dates *d;
	cm_citations *c;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
	cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
	cr_assert_eq(c->n, 4);
	cr_expect_str_eq(c->v[0].key, "25-NQ/TW@2013");
	cr_expect_str_eq(c->v[1].key, "25-NQ/TW@2003");
	cr_expect_str_eq(c->v[3].key, "18-CT/TW@2018", "a bare repeat takes the dated one's year");
	cr_expect_str_eq(c->self.type, "Kế hoạch");
	cr_expect_str_eq(c->self.date, "2018-02-28");
	cr_expect_str_eq(c->self.title, "Công tác năm 2018");
	cm_citations_free(c);
	cm_dates_free(d);
}

Test(citation, identity_from_the_header_and_self_mentions)
{
	const char *text = "BAN DÂN VẬN\nSố: 3218/QĐ-UBND\n  Tuyên Quang, ngày 04 tháng 3 năm 2018\n"
			   "QUYẾT ĐỊNH\nVề việc X\nCăn cứ Luật số 45/2019/QH14;\n"
			   "File: Quyết định số 3218/QĐ-UBND";
	cm_dates *d;
	cm_citations *c;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
	cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
	cr_expect_str_eq(c->self.number, "3218");
	cr_expect_str_eq(c->self.symbol, "QĐ-UBND");
	cr_expect_str_eq(c->self.type, "Quyết định");
	cr_expect_str_eq(c->self.key, "3218/QĐ-UBND@2018");
	cr_expect_str_eq(c->self.title, "Về việc X");
	cr_assert_eq(c->n, 2);
	cr_expect_eq(c->v[0].kind, CM_CITE_CITATION);
	cr_expect_eq(c->v[1].kind, CM_CITE_SELF_MENTION);
	cm_citations_free(c);
	cm_dates_free(d);
}

Test(citation, user_references_table)
{
	static const struct {
		const char *in, *key;
		int year;
	} ok[] = {
		{"25-NQ/TW", "25-NQ/TW", 0},
		{"Nghị quyết số 25-NQ/TW", "25-NQ/TW", 0},
		{"25-NQ/TW@2013", "25-NQ/TW", 2013},
		{"25 – NQ/TW", "25-NQ/TW", 0},
		{"15/2020/NĐ-CP", "15/2020/NĐ-CP", 0},
	};
	char key[CM_KEY_MAX];
	int year;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		cr_assert_eq(cm_citation_parse_ref(key, &year, ok[i].in), 0, "%s", ok[i].in);
		cr_expect_str_eq(key, ok[i].key);
		cr_expect_eq(year, ok[i].year);
	}
	cr_expect_eq(cm_citation_parse_ref(key, &year, "Nghị quyết"), CM_EINVAL);
	cr_expect_str_eq(cm_citation_type_from_user("KH"), "Kế hoạch");
	cr_expect_str_eq(cm_citation_type_from_user("kế hoạch"), "Kế hoạch");
	cr_expect_null(cm_citation_type_from_user("xyz"));
}

Test(citation, named_references_table)
{
	static const struct {
		const char *text, *want; /* "type|term|text", or "" for none */
	} named[] = {
		{"quán triệt Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
		 "Nghị quyết|khóa XII|Nghị quyết Trung ương 4 (khóa XII)"},
		{"thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XII.",
		 "Nghị quyết|lần thứ XII|Nghị quyết Đại hội Đảng toàn quốc lần thứ XII"},
		{"tuyên truyền Luật Báo chí 2016, Luật Xuất bản", "Luật||Luật Báo chí 2016"},
		{"theo Kế hoạch số 12-KH/TU", ""},
		{"xây dựng kế hoạch phối hợp năm 2018", ""},
		{"KẾ HOẠCH\nPhối hợp", ""},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		const char *text = named[i].text;
		cm_dates *d;
		cm_citations *c;
		char got[512] = "";

		cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
		cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
		if (c->nnamed > 0)
			snprintf(got, sizeof got, "%s|%s|%.*s", c->named[0].type, c->named[0].term,
				 (int)(c->named[0].end - c->named[0].start), text + c->named[0].start);
		cr_expect_str_eq(got, named[i].want, "case %zu: got '%s'", i, got);
		cm_citations_free(c);
		cm_dates_free(d);
	}
}
