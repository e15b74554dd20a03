/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_relation.c: the relation extractor, one row per rule: a form that
 * must give the edge and one that must give none. A row expects every
 * relation found, as "kind source>target[part]@date" joined by " ; ", with
 * "self" for the document's own provisions ("" when none). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/relation.h"

typedef struct {
	const char *text, *want;
} row;

static const row rows[] = {
	/* own provision "X này … thay thế": must, and effective dates */
	{"Số: 12/2020/QĐ-UBND\nHà Nội, ngày 10 tháng 3 năm 2020\nQuyết định này có hiệu lực kể "
	 "từ ngày ký và thay thế Quyết định số 44/2010/QĐ-UBND ngày 28/10/2010 của UBND tỉnh.",
	 "replaces self>44/2010/QĐ-UBND@2010[]@2020-03-10"},
	{"Số: 12/2020/QĐ-UBND\nHà Nội, ngày 10 tháng 3 năm 2020\nQuyết định này có hiệu lực thi "
	 "hành sau 10 ngày kể từ ngày ký và thay thế Quyết định số 44/2010/QĐ-UBND.",
	 "replaces self>44/2010/QĐ-UBND[]@2020-03-20"},
	{"Điều 2. Chỉ thị này có hiệu lực kể từ ngày 01/7/2025, thay thế Chỉ thị số 05/CT-UBND "
	 "ngày 02/3/2019.",
	 "replaces self>05/CT-UBND@2019[]@2025-07-01"},
	/* must not: a replacement with no numbered target */
	{"Quyết định này thay thế các quy định trước đây trái với Quyết định này.", ""},
	/* must not: "thay thế" not about documents */
	{"Công ty thay thế thiết bị cũ theo Quyết định số 44/2010/QĐ-UBND.", ""},
	/* a provision that opens with the cue, with a part */
	{"Điều 3. Bãi bỏ khoản 7 Điều 15 của Quyết định số 20/2018/QĐ-UBND.",
	 "repeals self>20/2018/QĐ-UBND[khoản 7 Điều 15]@"},
	/* a revocation ("thu hồi") is a repeal; the symbol's stray space before its dot */
	{"Điều 1. Thu hồi Quyết định số 2093/2005/QĐ .UBND ngày 06/9/2005 của Ủy ban nhân dân tỉnh.",
	 "repeals self>2093/2005/QĐ.UBND@2005[]@"},
	/* must not: "thu hồi" of land, not of a document */
	{"Điều 1. Thu hồi đất của hộ gia đình theo Quyết định số 44/2010/QĐ-UBND.", ""},
	/* must not: the repeal of contrary rules */
	{"Điều 3. Các quy định trước đây trái với Quyết định này đều bãi bỏ.", ""},
	/* a statement about two cited documents */
	{"Căn cứ Nghị định số 04/2008/NĐ-CP ngày 11 tháng 01 năm 2008 của Chính phủ sửa đổi, bổ "
	 "sung một số điều của Nghị định số 92/2006/NĐ-CP;",
	 "amends 04/2008/NĐ-CP@2008>92/2006/NĐ-CP[một số điều]@"},
	{"Số: 01/BC-UBND\nBình Định, ngày 02 tháng 3 năm 2021\n"
	 "Nghị định 30/2020/NĐ-CP thay thế Nghị định 110/2004/NĐ-CP.",
	 "replaces 30/2020/NĐ-CP>110/2004/NĐ-CP[]@"},
	/* must not: amending documents not numbered, a task, another clause */
	{"Căn cứ Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ "
	 "sung một số điều của các Nghị định liên quan đến kiểm soát thủ tục hành chính;",
	 ""},
	{"Hướng dẫn số 01/HD-BTC ngày 25/5/2000 về tổ chức; tham gia sửa đổi, bổ sung Quyết định "
	 "số 219-QĐ/TW, ngày 27/12/2013 của Ban Bí thư.",
	 ""},
	/* the passive: source after "bởi", target the sentence's first citation */
	{"Số: 01/BC-UBND\nBình Định, ngày 02 tháng 3 năm 2021\n"
	 "Quyết định 119/QĐ-UBND đã được thay thế bởi Quyết định 366/QĐ-UBND và được áp dụng kể từ "
	 "ngày 25/08/2015.",
	 "replaces 366/QĐ-UBND>119/QĐ-UBND[]@2015-08-25"},
	/* must not: a metadata field with no source */
	{"Ngày bị bãi bỏ, thay thế: 23-07-2012", ""},
	/* a history table */
	{"Lịch sử hiệu lực: Quyết định 30/2013/QĐ-UBND\n09/01/2015 Được sửa đổi 79/2014/QĐ-UBND\n"
	 "27/02/2015 Bị hết hiệu lực 1 phần 413/QĐ-UBND\n06/05/2019 Văn bản hết hiệu lực "
	 "30/2013/QĐ-UBND\n06/05/2019 Bị thay thế 14/2019/QĐ-UBND\n",
	 "amends 79/2014/QĐ-UBND>30/2013/QĐ-UBND[]@2015-01-09 ; expires "
	 "413/QĐ-UBND>30/2013/QĐ-UBND[1 phần]@2015-02-27 ; replaces "
	 "14/2019/QĐ-UBND>30/2013/QĐ-UBND[]@2019-05-06"},
	/* must not: a row without a history heading */
	{"06/05/2019 Bị thay thế 14/2019/QĐ-UBND\n", ""},
	/* a list that ends: one edge per member */
	{"Điều 5. Các Thông tư sau đây hết hiệu lực: Thông tư số 10/2015/TT-BTC, Thông tư số "
	 "11/2016/TT-BTC.",
	 "expires self>10/2015/TT-BTC[]@ ; expires self>11/2016/TT-BTC[]@"},
	/* a cited document that ends from a date */
	{"Số: 01/BC-UBND\nBình Định, ngày 02 tháng 3 năm 2021\n"
	 "Quyết định số 44/2010/QĐ-UBND hết hiệu lực kể từ ngày 01/01/2021.",
	 "expires self>44/2010/QĐ-UBND[]@2021-01-01"},
	/* must not: a status note */
	{"Nghị quyết số 19/2011/NQ-HĐND ngày 29/07/2011 của Hội đồng nhân dân tỉnh Nghệ An (Văn "
	 "bản hết hiệu lực)",
	 ""},
};

static void render(char *out, size_t cap, const cm_relations *r)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < r->n && n < cap; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s%s %s>%s[%s]@%s", i ? " ; " : "",
				      cm_relation_name(r->v[i].kind),
				      r->v[i].own ? "self" : r->v[i].source, r->v[i].target,
				      r->v[i].part, r->v[i].date);
}

Test(relation, table)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *s = rows[i].text;
		size_t len = strlen(s);
		cm_dates *d = NULL;
		cm_citations *c = NULL;
		cm_relations *r = NULL;
		char got[1024];
		cr_assert_eq(cm_dates_extract(&d, s, len), 0);
		cr_assert_eq(cm_citations_extract(&c, s, len, d), 0);
		cr_assert_eq(cm_relations_extract(&r, s, len, c, d), 0);
		render(got, sizeof got, r);
		cr_expect_str_eq(got, rows[i].want, "row %zu: %s", i, s);
		for (size_t k = 0; k < r->n; k++) {
			cr_expect(r->v[k].target[0], "row %zu: an edge without a target", i);
			cr_expect(r->v[k].start < r->v[k].end && r->v[k].end <= len, "row %zu", i);
		}
		cm_relations_free(r);
		cm_citations_free(c);
		cm_dates_free(d);
	}
}

Test(relation, names)
{
	cm_relation_kind k;

	for (int i = 0; i < CM_REL_KINDS; i++) {
		cr_assert_eq(cm_relation_from_name(&k, cm_relation_name((cm_relation_kind)i)), 0);
		cr_expect_eq(k, (cm_relation_kind)i);
	}
	cr_expect_lt(cm_relation_from_name(&k, "nosuch"), 0);
	cr_expect_null(cm_relation_name(CM_REL_KINDS));
}
