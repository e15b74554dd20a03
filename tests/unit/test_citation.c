/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_citation.c: every citation pattern with its expected parts, the
 * document's identity, keys and user references. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"

/* The names of x's flags, comma separated. */
static void flag_names(char *out, size_t cap, unsigned flags)
{
	out[0] = '\0';
	for (unsigned f = 1; f < CM_CITE_FLAG_END; f <<= 1)
		if (flags & f)
			snprintf(out + strlen(out), cap - strlen(out), "%s%s", out[0] ? "," : "",
				 cm_citation_flag_name(f));
}

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
		char flags[128];
		flag_names(flags, sizeof flags, x->flags);
		snprintf(out + n, cap - n, "%s%s|%s|%s|%s|%s|%s|%s|%s|%s", i ? " ## " : "",
			 x->type ? x->type : "", x->number, x->symbol, x->date,
			 x->issuer ? x->issuer : "", x->term ? x->term : "",
			 x->relation ? x->relation : "", x->key, flags);
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
	{"thực hiện Chỉ thị số 25-NQ/TW", "Chỉ thị|25|NQ/TW||||thực hiện|25-NQ/TW|type_mismatch"},
	{"đánh giá Thông báo Kết luận số 148-TB/TW, ngày 04/4/2008",
	 "Thông báo|148|TB/TW|2008-04-04|||đánh giá|148-TB/TW@2008|"},
	{"báo cáo đánh giá 5 năm thực hiện Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, "
	 "ngày 12/12/2013 của Bộ Chính trị",
	 "Quyết định|217|QĐ/TW|2013-12-12|Bộ Chính trị||đánh giá 5 năm thực hiện|217-QĐ/TW@2013|"
	 "shared_date,shared_issuer,in_list ## "
	 "Quyết định|218|QĐ/TW|2013-12-12|Bộ Chính trị||đánh giá 5 năm thực hiện|218-QĐ/TW@2013|in_list"},
	{"ban hành \"Hướng dẫn\" (Quyết định số 99-QĐ/TW)", "Quyết định|99|QĐ/TW|||||99-QĐ/TW|"},
	{"thay thế Quyết định số 5-QĐ/TU", "Quyết định|5|QĐ/TU||||thay thế|5-QĐ/TU|"},
	{"Năm 2020 có 15/2020 văn bản, số 12/3 và 3-4 lần", ""},
	/* TƯ for TW: the same document, the same key */
	{"Thực hiện Nghị quyết số 25-NQ/TƯ ngày 16/6/2013 của Bộ Chính trị",
	 "Nghị quyết|25|NQ/TW|2013-06-16|Bộ Chính trị||thực hiện|25-NQ/TW@2013|"},
	{"theo Chương trình số 25-CTr/TƯ", "Chương trình|25|CTr/TW||||theo|25-CTr/TW|"},
	{"thực hiện Kế hoạch số 1599-KH/BDVTƯ-ĐĐHNBVN",
	 "Kế hoạch|1599|KH/BDVTW-ĐĐHNBVN||||thực hiện|1599-KH/BDVTW-ĐĐHNBVN|"},
	{"XẾP LOẠI 25-NQ/TƯƠNG ĐƯƠNG; các văn bản NQ/TƯ", ""},
	/* spaces and dashes around the parts */
	{"theo Hướng dẫn số 27- HD/BTCTW", "Hướng dẫn|27|HD/BTCTW||||theo|27-HD/BTCTW|"},
	{"theo Công văn số 493 -CV/TU", "Công văn|493|CV/TU||||theo|493-CV/TU|"},
	{"thực hiện Chỉ thị số 40 – CT/TW", "Chỉ thị|40|CT/TW||||thực hiện|40-CT/TW|"},
	{"thực hiện văn bản số: 12- CT/TU", "Chỉ thị|12|CT/TU||||thực hiện|12-CT/TU|"},
	{"theo văn bản Số: 12 -KH/TU", "Kế hoạch|12|KH/TU||||theo|12-KH/TU|"},
	{"giai đoạn 2016 - 2020, từ 15 - 20 người, khối 10 - A", ""},
	/* lists share the type, date and issuer they state once */
	{"Quán triệt các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6",
	 "Nghị quyết|18|NQ/TW|2017-10-25|Hội nghị Trung ương 6||quán triệt|18-NQ/TW@2017|"
	 "shared_date,shared_issuer,in_list ## "
	 "Nghị quyết|19|NQ/TW|2017-10-25|Hội nghị Trung ương 6||quán triệt|19-NQ/TW@2017|"
	 "shared_type,in_list"},
	{"theo Quy định số 217-QĐ/TW, 218-QĐ/TW",
	 "Quy định|217|QĐ/TW||||theo|217-QĐ/TW|in_list ## "
	 "Quy định|218|QĐ/TW||||theo|218-QĐ/TW|shared_type,in_list"},
	{"thực hiện Kết luận số 01-KL/TW, 02-KL/TW và 03-KL/TW",
	 "Kết luận|01|KL/TW||||thực hiện|01-KL/TW|in_list ## "
	 "Kết luận|02|KL/TW||||thực hiện|02-KL/TW|shared_type,in_list ## "
	 "Kết luận|03|KL/TW||||thực hiện|03-KL/TW|shared_type,in_list"},
	{"Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017. Nghị quyết số 19-NQ/TW ngày 26/10/2017.",
	 "Nghị quyết|18|NQ/TW|2017-10-25|||thực hiện|18-NQ/TW@2017| ## "
	 "Nghị quyết|19|NQ/TW|2017-10-26||||19-NQ/TW@2017|"},
	{"thực hiện Nghị quyết số 25-NQ/TW, Quyết định số 99-QĐ/TW, ngày 03/10/2017",
	 "Nghị quyết|25|NQ/TW||||thực hiện|25-NQ/TW|in_list ## "
	 "Quyết định|99|QĐ/TW|2017-10-03|||thực hiện|99-QĐ/TW@2017|in_list"},
	{"thực hiện Hướng dẫn số 23-HD/ĐUK, ngày 28/11/2019 của Đảng ủy Khối Doanh nghiệp Trung ương "
	 "“một số nội dung về đại hội”",
	 "Hướng dẫn|23|HD/ĐUK|2019-11-28|Đảng ủy Khối Doanh nghiệp Trung ương||thực hiện|"
	 "23-HD/ĐUK@2019|"},
	/* the long and upper-case date after a citation is its date */
	{"căn cứ Nghị quyết số 25-NQ/TW ngày 05 tháng 5 năm 2022",
	 "Nghị quyết|25|NQ/TW|2022-05-05|||căn cứ|25-NQ/TW@2022|"},
	{"CĂN CỨ CHỈ THỊ SỐ 05-CT/TW NGÀY 05 THÁNG 5 NĂM 2022",
	 "Chỉ thị|05|CT/TW|2022-05-05|||căn cứ|05-CT/TW@2022|"},
	{"theo Kết luận số 9-KL/TW ngày 5.6.2012",
	 "Kết luận|9|KL/TW|2012-06-05|||theo|9-KL/TW@2012|"},
	{"Căn cứ Quyết định số 640/QĐ-TTg ngày 31 tháng 5 năm 2012 của Thủ tướng Chính phủ",
	 "Quyết định|640|QĐ-TTg|2012-05-31|Thủ tướng Chính phủ||căn cứ|640/QĐ-TTg@2012|"},
	{"theo Chỉ thị số 05-CT/TW ngày 5.6, Kế hoạch số 12-KH/TU năm 2022",
	 "Chỉ thị|05|CT/TW||||theo|05-CT/TW| ## Kế hoạch|12|KH/TU|||||12-KH/TU|"},
	/* type words and "ngày" without their marks, scrambled or lost */
	{"tại Kết lúận số 121-KL/TW, ngàỷ 24/01/2025 của Bộ Chính trị",
	 "Kết luận|121|KL/TW|2025-01-24|Bộ Chính trị|||121-KL/TW@2025|"},
	{"Thuc hien Ke hoach so 01/KH-BTC ngay 13/10/2020 cua Ban To chuc",
	 "Kế hoạch|01|KH-BTC|2020-10-13||||01/KH-BTC@2020|"},
	{"theo Kết luận số 121-KL/TW ngay sau 24/01/2025", "Kết luận|121|KL/TW||||theo|121-KL/TW|"},
	/* a line break before the number, "số" or "ngày" */
	{"căn cứ Nghị định số\n34/2016/NĐ-CP ngày 14 tháng 5 năm 2016",
	 "Nghị định|34/2016|NĐ-CP|2016-05-14|||căn cứ|34/2016/NĐ-CP@2016|"},
	{"và Nghị định\nsố 154/2020/NĐ-CP của Chính phủ",
	 "Nghị định|154/2020|NĐ-CP||Chính phủ|||154/2020/NĐ-CP|"},
	{"cho Báo cáo số 102/BC-CP\nngày 15/02/2025",
	 "Báo cáo|102|BC-CP|2025-02-15||||102/BC-CP@2025|"},
	{"theo Kế hoạch số 12-KH/TU.\nNgày 15/02/2025, tỉnh",
	 "Kế hoạch|12|KH/TU||||theo|12-KH/TU|"},
	/* a space for the dash after "số" */
	{"kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013",
	 "Quyết định|84|QĐ/TWĐTN|2013-02-22|||theo|84-QĐ/TWĐTN@2013|"},
	{"có 84 QĐ/TW mới", ""},
	/* a number with a letter */
	{"Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011",
	 "Nghị quyết|30c|NQ-CP|2011-11-08|||căn cứ|30c/NQ-CP@2011|"},
	{"lớp 10a/ các lớp 12ab/CD", ""},
	/* a dash glued before and a space after */
	{"theo Báo cáo số 46/BC- HĐND ngày 08 tháng 12 năm 2011",
	 "Báo cáo|46|BC-HĐND|2011-12-08|||theo|46/BC-HĐND@2011|"},
	{"theo Kế hoạch số 12/KH- Ban Tổ chức", "Kế hoạch|12|KH||||theo|12/KH|"},
	{"theo Kế hoạch số 12/KH - UBND tỉnh", "Kế hoạch|12|KH||||theo|12/KH|"},
	/* symbols of any body, by their shape */
	{"Tổng Bí thư vừa ký ban hành Quyết định số 01-QĐNS/TW về phân công",
	 "Quyết định|01|QĐNS/TW|||||01-QĐNS/TW|"},
	{"theo Chương trình số 3-CTr/BCĐCCTPTW",
	 "Chương trình|3|CTr/BCĐCCTPTW||||theo|3-CTr/BCĐCCTPTW|"},
	{"theo Hướng dẫn số 05-HD/ĐUK", "Hướng dẫn|05|HD/ĐUK||||theo|05-HD/ĐUK|"},
	{"theo Kế hoạch số 12-KH/ĐU", "Kế hoạch|12|KH/ĐU||||theo|12-KH/ĐU|"},
	{"theo Công văn số 5/UBBC-THNC", "Công văn|5|UBBC-THNC||||theo|5/UBBC-THNC|"},
	{"theo Kế hoạch số 7-KH/BTGTU", "Kế hoạch|7|KH/BTGTU||||theo|7-KH/BTGTU|"},
	{"theo Công văn số 100-CV/BDVTU", "Công văn|100|CV/BDVTU||||theo|100-CV/BDVTU|"},
	{"theo Thông báo số 9-TB/VPTU", "Thông báo|9|TB/VPTU||||theo|9-TB/VPTU|"},
	{"căn cứ Nghị quyết số 12/2020/NQ-HĐND",
	 "Nghị quyết|12/2020|NQ-HĐND||||căn cứ|12/2020/NQ-HĐND|"},
	{"căn cứ Thông tư số 01/2021/TT-BNV", "Thông tư|01/2021|TT-BNV||||căn cứ|01/2021/TT-BNV|"},
	{"theo văn bản số 4912/UBND-NC", "Công văn|4912|UBND-NC||||theo|4912/UBND-NC|"},
	/* "văn bản số": the type the code names, none when it names two or none */
	{"có văn bản số 71-HD/BTGTW hướng dẫn", "Hướng dẫn|71|HD/BTGTW|||||71-HD/BTGTW|"},
	{"theo văn bản số 8011-CV/BTCTW", "Công văn|8011|CV/BTCTW||||theo|8011-CV/BTCTW|"},
	{"theo văn bản số 12/QĐ-UBND", "|12|QĐ-UBND||||theo|12/QĐ-UBND|"},
	{"theo văn bản số 01/HDLB-TC-DV-TW", "|01|HDLB-TC-DV-TW||||theo|01/HDLB-TC-DV-TW|"},
	{"theo văn bản số 5-XY/TU", "|5|XY/TU||||theo|5-XY/TU|"},
	{"nhóm 12-KH/tu, tổ 3-Tổ/Đội, 12-kh/TU", ""},
};

Test(citation, patterns_table)
{
	char got[2048];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		describe(got, sizeof got, cases[i].text);
		cr_expect_str_eq(got, cases[i].want, "case %zu: got '%s'", i, got);
	}
}

/* A symbol glued to the "ngày" of its date is still the symbol. */
Test(citation, symbol_glued_to_its_date)
{
	const char *text = "Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư";
	cm_dates *d;
	cm_citations *c;

	cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
	cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
	cr_assert_eq(c->n, 1);
	cr_expect_str_eq(c->v[0].symbol, "TB/TW");
	cr_expect_eq(c->v[0].end, strlen("Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012"));
	cr_expect_str_eq(c->v[0].date, "2012-01-06");
	cm_citations_free(c);
	cm_dates_free(d);
}

/* Short forms: "text|key|flags" of each, in order. */
Test(citation, short_forms_table)
{
	static const struct {
		const char *text, *want;
	} shorts[] = {
		{"Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Bộ Chính trị. Nghị quyết 25 đã "
		 "đi vào cuộc sống.",
		 "Nghị quyết 25|25-NQ/TW@2013|"},
		{"theo Chỉ thị số 40-CT/TW; Chỉ thị số 40 và Chỉ thị 040 được quán triệt",
		 "Chỉ thị số 40|40-CT/TW| ## Chỉ thị 040|40-CT/TW|"},
		{"căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ; Nghị định 61 quy định",
		 "Nghị định 61|61/2018/NĐ-CP|"},
		{"Thực hiện Nghị quyết số 25-NQ/TW và Chỉ thị số 40-CT/TW. Nghị quyết nói trên và Chỉ "
		 "thị này",
		 "Nghị quyết nói trên|25-NQ/TW| ## Chỉ thị này|40-CT/TW|"},
		{"KẾ HOẠCH\nThực hiện Chỉ thị số 40-CT/TW, Kế hoạch số 12-KH/TU. Kế hoạch này và Chỉ thị "
		 "này",
		 "Chỉ thị này|40-CT/TW|"},
		{"Sơ kết Nghị quyết số 25-NQ/TW ngày 03/6/2013; tổng kết Nghị quyết số 25-NQ/TW ngày "
		 "12/3/2003. Nghị quyết 25 là",
		 "Nghị quyết 25||ambiguous"},
		{"Quán triệt các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017. Nghị quyết nói trên; "
		 "các Nghị quyết nói trên",
		 "Nghị quyết nói trên||ambiguous ## Nghị quyết nói trên||ambiguous"},
		{"Ngày 10/12/2019, Ban Thường vụ Đảng ủy NHPT đã ban hành Kế hoạch số 101-KH/ĐU về tổ "
		 "chức đại hội. Nội dung Kế hoạch này của Đảng ủy NHPT đã bám sát",
		 "Kế hoạch này|101-KH/ĐU|"},
		{"Chỉ thị 35 của Bộ Chính trị quy định rõ các mốc thời gian", ""},
		{"thực hiện Chỉ thị số 25-CT/TW. Nghị quyết 25 và Nghị quyết này", ""},
		{"theo Kế hoạch số 12-KH/TU; triển khai Kế hoạch trên địa bàn, Kế hoạch 12.5 và Kế hoạch "
		 "12/2020",
		 ""},
	};
	for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
		const char *text = shorts[i].text;
		cm_dates *d;
		cm_citations *c;
		char got[512] = "";

		cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
		cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
		for (size_t k = 0; k < c->nshort; k++) {
			const cm_citation *r = &c->shorts[k];
			char flags[128];
			flag_names(flags, sizeof flags, r->flags);
			cr_expect_eq(r->kind, CM_CITE_SHORT_REF);
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s|%s|%s",
				 k ? " ## " : "", (int)(r->end - r->start), text + r->start, r->key,
				 flags);
		}
		for (size_t k = 0; k < c->n; k++)
			cr_expect_neq(c->v[k].kind, CM_CITE_SHORT_REF,
				      "case %zu: a short form among citations", i);
		cr_expect_str_eq(got, shorts[i].want, "case %zu: got '%s'", i, got);
		cm_citations_free(c);
		cm_dates_free(d);
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
	const char *text =
		"BAN DÂN VẬN\nSố: 3218/QĐ-UBND\n  Tuyên Quang, ngày 04 tháng 3 năm 2018\n"
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

/* The header's "Số" is the document's own number at a line start or after
 * the issuer in capitals, not in a sentence; a title line is not when the
 * text cites its number before it. "number|symbol|type|start" of the
 * identity and the keys of the citations, '*' before a self mention. */
Test(citation, identity_table)
{
	static const struct {
		const char *text, *want;
	} ids[] = {
		{"QUYẾT ĐỊNH\nSố: 12/QĐ-UBND\nVề việc X", "12|QĐ-UBND|Quyết định|16|"},
		{"(1)BỘ GIÁO DỤC VÀ ĐÀO TẠO Số: 2699/CT-BGDĐT\nHà Nội, ngày 08 tháng 9 năm 2017\nCHỈ "
		 "THỊ\nVề nhiệm vụ\nthực hiện Nghị quyết số 29-NQ/TW",
		 "2699|CT-BGDĐT|Chỉ thị|36| 29-NQ/TW"},
		{"Tin tức\ntheo văn bản Số: 12-KH/TU của Tỉnh ủy", "|||0| 12-KH/TU"},
		{"Kế hoạch số 1600-KH/BDVTW ngày 02/3/2018 của Ban Dân vận về X\nNội dung",
		 "1600|KH/BDVTW|Kế hoạch|0|"},
		{"TIÊU ĐỀ\nỦy ban đã thẩm tra Nghị quyết số 31/2021/QH15 của Quốc hội.\nNghị quyết số "
		 "31/2021/QH15 ngày 12/11/2021 của Quốc hội đề ra",
		 "|||0| 31/2021/QH15@2021 31/2021/QH15@2021"},
		{"Quyết định số 1961/2019/QĐ-UBND\nSố: 1961/QĐUBND\nKiên Giang, ngày 28 tháng 8 năm "
		 "2019\nQUYẾT ĐỊNH\nVề việc X\nthay thế Quyết định số 1961/2018/QĐ-UBND",
		 "1961|QĐUBND|Quyết định|40| *1961/2019/QĐ-UBND 1961/2018/QĐ-UBND"},
		/* the own number again: with the own year a mention, with another a citation */
		{"Số 23-QĐ/TW\nThái Nguyên, ngày 12 tháng 9 năm 2019\nTheo Quyết định số 23-QĐ/TW, "
		 "ngày 30/07/2021 của Bộ Chính trị; Quyết định số 23-QĐ/TW ngày 12/9/2019 nêu rõ",
		 "23|QĐ/TW||0| 23-QĐ/TW@2021 *23-QĐ/TW@2019"},
		/* a page that publishes the document: the lead issues it with the title's subject */
		{"Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ phát triển kinh tế - xã hội năm "
		 "2020\n\nLTS: Ngày 25-11-2019, Ban Chấp hành Đảng bộ tỉnh đã ban hành Nghị quyết số "
		 "19-NQ/TU về nhiệm vụ phát triển kinh tế - xã hội năm 2020. Báo xin giới thiệu toàn văn "
		 "Nghị quyết số 19-NQ/TU.",
		 "19|NQ/TU|Nghị quyết|198| *19-NQ/TU"},
		{"Nghị quyết của Tỉnh ủy về phát triển du lịch trở thành ngành kinh tế mũi nhọn\nThực "
		 "hiện Nghị quyết số 08-NQ/TW ngày 16/01/2017 của Bộ Chính trị về phát triển du lịch trở "
		 "thành ngành kinh tế mũi nhọn, Tỉnh ủy đã ban hành nghị quyết.",
		 "|||0| 08-NQ/TW@2017"},
	};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const char *text = ids[i].text;
		cm_dates *d;
		cm_citations *c;
		char got[512];

		cr_assert_eq(cm_dates_extract(&d, text, strlen(text)), 0);
		cr_assert_eq(cm_citations_extract(&c, text, strlen(text), d), 0);
		snprintf(got, sizeof got, "%s|%s|%s|%zu|", c->self.number, c->self.symbol,
			 c->self.type && c->self.number[0] ? c->self.type : "", c->self.start);
		for (size_t k = 0; k < c->n; k++)
			snprintf(got + strlen(got), sizeof got - strlen(got), " %s%s",
				 c->v[k].kind == CM_CITE_SELF_MENTION ? "*" : "", c->v[k].key);
		cr_expect_str_eq(got, ids[i].want, "case %zu: got '%s'", i, got);
		cm_citations_free(c);
		cm_dates_free(d);
	}
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
		{"25-NQ/TƯ", "25-NQ/TW", 0},
		{"25-NQ/TƯ@2013", "25-NQ/TW", 2013},
		{"Chương trình hành động số 25-CTr/TƯ", "25-CTr/TW", 0},
	};
	char key[CM_KEY_MAX];
	int year;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		cr_assert_eq(cm_citation_parse_ref(key, &year, ok[i].in), 0, "%s", ok[i].in);
		cr_expect_str_eq(key, ok[i].key);
		cr_expect_eq(year, ok[i].year);
	}
	cr_expect_eq(cm_citation_parse_ref(key, &year, "Nghị quyết"), CM_EINVAL);
	cr_expect_eq(cm_citation_parse_ref(key, &year, "NQ/TƯ"), CM_EINVAL);
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
				 (int)(c->named[0].end - c->named[0].start),
				 text + c->named[0].start);
		cr_expect_str_eq(got, named[i].want, "case %zu: got '%s'", i, got);
		cm_citations_free(c);
		cm_dates_free(d);
	}
}
