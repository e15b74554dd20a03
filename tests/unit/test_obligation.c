/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_obligation.c: who owes each deadline, what, to whom (chimuc/date.h:
 * actor, task, recipient, channel, partners), on the set phrases of plans:
 * the sentence's subject, the body asked to act, the heading above, the
 * document's issuer; and the forms that must give none. */
#include <criterion/criterion.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"

typedef struct {
	const char *text;
	const char *date; /* the deadline's text */
	const char *actor, *recipient, *channel, *partners, *task;
	cm_actor_from from;
} case_t;

static const case_t cases[] = {
	/* the heading names the actor of the list below it */
	{"3. Ban Tuyên giáo Tỉnh ủy\n- Chủ trì, phối hợp với Ban Dân vận Tỉnh ủy hướng dẫn tuyên "
	 "truyền.\n- Tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) "
	 "trước ngày 15/10/2024.\n",
	 "15/10/2024", "Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy", NULL,
	 "Tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy)",
	 CM_ACTOR_HEADING},
	/* the sentence's subject, its partners */
	{"Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Sở Tư pháp xây dựng đề án, trình Ủy ban "
	 "nhân dân tỉnh trước ngày 30/6/2025.\n",
	 "30/6/2025", "Sở Nội vụ", "Ủy ban nhân dân tỉnh", NULL, "Sở Tài chính và Sở Tư pháp",
	 "chủ trì, phối hợp với Sở Tài chính và Sở Tư pháp xây dựng đề án, trình Ủy ban nhân dân "
	 "tỉnh",
	 CM_ACTOR_SENTENCE},
	/* the body asked to act, not the one asking */
	{"Chủ tịch UBND tỉnh đề nghị Ủy ban MTTQ tỉnh, các sở, ban, ngành triển khai thực hiện và "
	 "báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ) trước ngày 20/12/2023.\n",
	 "20/12/2023", "Ủy ban MTTQ tỉnh, các sở, ban, ngành", "Chủ tịch UBND tỉnh", "Sở Nội vụ",
	 NULL, "triển khai thực hiện và báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ)",
	 CM_ACTOR_SENTENCE},
	/* a clause after ';' keeps the subject of its sentence */
	{"Đề nghị Ban Thường trực Ủy ban MTTQ các huyện báo cáo sơ kết gửi trước ngày 10/6/2020; "
	 "báo cáo năm trước ngày 20/12/2020 gửi về Ban Thường trực Ủy ban MTTQ tỉnh.\n",
	 "20/12/2020", "Ban Thường trực Ủy ban MTTQ các huyện", "Ban Thường trực Ủy ban MTTQ tỉnh",
	 NULL, NULL, "báo cáo năm", CM_ACTOR_SENTENCE},
	/* a level in lower case after ';' */
	{"Về thời gian: Cấp xã hoàn thành trước ngày 10/6/2021; cấp huyện hoàn thành trước ngày "
	 "14/6/2021.\n",
	 "14/6/2021", "cấp huyện", NULL, NULL, NULL, "hoàn thành", CM_ACTOR_SENTENCE},
	/* a sentence that opens with its date */
	{"Dự kiến giữa tháng 06/2025, HĐND huyện tổ chức kỳ họp chuyên đề.\n", "tháng 06/2025",
	 "HĐND huyện", NULL, NULL, NULL, "tổ chức kỳ họp chuyên đề", CM_ACTOR_SENTENCE},
	/* the issuer of a work plan owns the tasks nobody else is named for */
	{"Kế hoạch số 12-KH/BDVTU ngày 02/01/2024 của Ban Dân vận Tỉnh ủy về công tác năm 2024\n\n"
	 "1. Nhiệm vụ trọng tâm\n- Tham mưu Ban Thường vụ Tỉnh ủy sơ kết Chỉ thị (trình quý "
	 "II/2024).\n",
	 "quý II/2024", "Ban Dân vận Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", NULL, NULL,
	 "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết Chỉ thị", CM_ACTOR_ISSUER},
	/* a heading that counts its bodies: "Hai cơ quan X và Y" */
	{"2. Hai cơ quan Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh tăng cường trao đổi thông tin\n"
	 "- Tổ chức giao ban trước ngày 15/6/2024.\n",
	 "15/6/2024", "Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh", NULL, NULL, NULL,
	 "Tổ chức giao ban", CM_ACTOR_HEADING},
	/* none: a count before no body's name */
	{"2. Hai cơ quan phối hợp trao đổi thông tin\n- Tổ chức giao ban trước ngày 15/6/2024.\n",
	 "15/6/2024", NULL, NULL, NULL, NULL, "Tổ chức giao ban", CM_ACTOR_NONE},
	/* the issuer named by the preamble ("X xây dựng kế hoạch … như sau:"), not by
	 * the "của X" of the document it follows */
	{"KẾ HOẠCH\nTriển khai Phong trào thi đua năm 2020\nCăn cứ Kế hoạch số 54-KH/BCĐ ngày "
	 "12/02/2020 của Ban Chỉ đạo Phong trào thi đua của tỉnh;\n\nBan Thường trực Ủy ban MTTQ "
	 "tỉnh xây dựng kế hoạch như sau: \n\nI. Mục đích\n- Sơ kết phong trào trước ngày "
	 "10/6/2020.\n",
	 "10/6/2020", "Ban Thường trực Ủy ban MTTQ tỉnh", NULL, NULL, NULL, "Sơ kết phong trào",
	 CM_ACTOR_ISSUER},
	{"HƯỚNG DẪN\nThực hiện Thông báo số 915-TB/TU ngày 22/11/2023; căn cứ Kế hoạch năm 2024, "
	 "Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" của tỉnh hướng dẫn như sau:\n\n1. "
	 "Nhiệm vụ\n- Tổ chức hội thi trước ngày 15/10/2024.\n",
	 "15/10/2024", "Ban Chỉ đạo Phong trào thi đua \"Dân vận khéo\" của tỉnh", NULL, NULL, NULL,
	 "Tổ chức hội thi", CM_ACTOR_ISSUER},
	/* none: a preamble whose last part opens with no body */
	{"HƯỚNG DẪN\nCăn cứ Kế hoạch số 54-KH/BCĐ ngày 12/02/2020, hướng dẫn như sau:\n\n1. Nhiệm "
	 "vụ\n- Tổ chức hội thi trước ngày 15/10/2024.\n",
	 "15/10/2024", NULL, NULL, NULL, NULL, "Tổ chức hội thi", CM_ACTOR_NONE},
	/* the body holding the event: its congress */
	{"Đại hội Đảng bộ huyện Phú Ninh hoàn thành trước tháng 7/2020.\n", "tháng 7/2020",
	 "Đảng bộ huyện Phú Ninh", NULL, NULL, NULL, "Đại hội Đảng bộ huyện Phú Ninh hoàn thành",
	 CM_ACTOR_SENTENCE},
	/* a line that introduces the items below it and asks a body to act, nearer than
	 * the heading; without its colon the heading owns them */
	{"1. Ban Tuyên giáo Tỉnh ủy\nĐề nghị các chi bộ thực hiện như sau:\n- Báo cáo trước ngày "
	 "15/6/2024.\n",
	 "15/6/2024", "các chi bộ", NULL, NULL, NULL, "Báo cáo", CM_ACTOR_HEADING},
	{"1. Ban Tuyên giáo Tỉnh ủy\nĐề nghị các chi bộ phối hợp.\n- Báo cáo trước ngày "
	 "15/6/2024.\n",
	 "15/6/2024", "Ban Tuyên giáo Tỉnh ủy", NULL, NULL, NULL, "Báo cáo", CM_ACTOR_HEADING},
	/* the subject of the clause that holds the date, after the adverbials; not
	 * that of the clause before it */
	{"Sáng 3-2, tại Trung tâm Hội nghị tỉnh, Tỉnh ủy Tuyên Quang tổ chức gặp mặt, hoàn thành "
	 "trước ngày 15/2/2025.\n",
	 "15/2/2025", NULL, NULL, NULL, NULL,
	 "Sáng 3-2, tại Trung tâm Hội nghị tỉnh, Tỉnh ủy Tuyên Quang tổ chức gặp mặt, hoàn thành",
	 CM_ACTOR_NONE},
	{"Sáng 3-2, tại Trung tâm Hội nghị tỉnh, Tỉnh ủy Tuyên Quang tổ chức gặp mặt trước ngày "
	 "15/2/2025.\n",
	 "15/2/2025", "Tỉnh ủy Tuyên Quang", NULL, NULL, NULL, "tổ chức gặp mặt",
	 CM_ACTOR_SENTENCE},
	/* the body of the paragraph that advises ("X sẽ tham mưu Y"), for a sentence
	 * that goes on with it ("Việc này …"); else the paragraph's subject */
	{"Bộ Chính trị sẽ chỉ định bí thư; Ban Tổ chức Trung ương sẽ tham mưu Bộ Chính trị. Việc "
	 "này cần thực hiện chậm nhất trước 15/9/2025.\n",
	 "15/9/2025", "Ban Tổ chức Trung ương", "Bộ Chính trị", NULL, NULL,
	 "Việc này cần thực hiện", CM_ACTOR_SENTENCE},
	{"Bộ Chính trị sẽ chỉ định bí thư; Ban Tổ chức Trung ương sẽ hướng dẫn. Việc này cần thực "
	 "hiện chậm nhất trước 15/9/2025.\n",
	 "15/9/2025", "Bộ Chính trị", NULL, NULL, NULL, "Việc này cần thực hiện",
	 CM_ACTOR_SENTENCE},
	/* a list of the bodies asked runs on across ';'; a clause of its own does not */
	{"Ban Tuyên giáo Tỉnh ủy đề nghị Ban Tuyên giáo các huyện; Tuyên huấn các Đảng ủy trực "
	 "thuộc Tỉnh ủy báo cáo trước ngày 15/5/2020.\n",
	 "15/5/2020", "Ban Tuyên giáo các huyện; Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy", NULL,
	 NULL, NULL, "báo cáo", CM_ACTOR_SENTENCE},
	{"Đề nghị Ban Tuyên giáo các huyện tuyên truyền; Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy "
	 "báo cáo trước ngày 15/5/2020.\n",
	 "15/5/2020", "Tuyên huấn các Đảng ủy trực thuộc Tỉnh ủy", NULL, NULL, NULL, "báo cáo",
	 CM_ACTOR_SENTENCE},
	/* none: a congress others celebrate ("chào mừng đại hội X") is not held by them */
	{"Tổ chức các hoạt động chào mừng đại hội đảng bộ các cấp, hoàn thành trước tháng "
	 "10/2020.\n",
	 "tháng 10/2020", NULL, NULL, NULL, NULL,
	 "Tổ chức các hoạt động chào mừng đại hội đảng bộ các cấp, hoàn thành", CM_ACTOR_NONE},
	/* a body chosen to act ("chọn X làm điểm") */
	{"Ban Thường trực chọn Ủy ban MTTQ huyện Hạ Lang làm điểm, tổ chức trong quý I/2019.\n",
	 "quý I/2019", "Ủy ban MTTQ huyện Hạ Lang", NULL, NULL, NULL, "làm điểm, tổ chức",
	 CM_ACTOR_SENTENCE},
	/* none: no body anywhere; a heading of another section does not carry over */
	{"Các đại biểu dự đại hội, hoàn thành hồ sơ trước ngày 10/5/2024.\n", "10/5/2024", NULL,
	 NULL, NULL, NULL, "Các đại biểu dự đại hội, hoàn thành hồ sơ", CM_ACTOR_NONE},
	{"Hoàn thành việc kiểm kê trước ngày 31/12/2024.\n", "31/12/2024", NULL, NULL, NULL, NULL,
	 "Hoàn thành việc kiểm kê", CM_ACTOR_NONE},
	{"1. Ban Dân vận Tỉnh ủy\n- Tham mưu tổ chức hội nghị.\nII. CHẾ ĐỘ BÁO CÁO\n- Báo cáo năm "
	 "gửi trước ngày 15/12/2024.\n",
	 "15/12/2024", NULL, NULL, NULL, NULL, "Báo cáo năm", CM_ACTOR_NONE},
	/* none: "về" before a report's verb is a topic, not a recipient */
	{"Tuyên truyền về Ban Chấp hành Đảng bộ, hoàn thành trước ngày 30/9/2024.\n", "30/9/2024",
	 NULL, NULL, NULL, NULL, "Tuyên truyền về Ban Chấp hành Đảng bộ, hoàn thành",
	 CM_ACTOR_NONE},
};

static void expect_field(const char *what, const char *got, const char *want, const char *text)
{
	if (!want)
		cr_expect_null(got, "%s: %s «%s», want none", text, what, got);
	else
		cr_expect(got && !strcmp(got, want), "%s: %s «%s», want «%s»", text, what,
			  got ? got : "(none)", want);
}

/* Checks the obligation the extractor finds at case c's date, which must be
 * a deadline (an occasion too when occasion is set); channel and partners
 * only where the case table gives them (check_all). */
static void expect_case(const case_t *c, int occasion, int check_all)
{
	const char *at = strstr(c->text, c->date);
	const cm_date *d = NULL;
	cm_dates *dates;

	cr_assert(at, "%s not in the text", c->date);
	cr_assert_eq(cm_dates_extract(&dates, c->text, strlen(c->text)), 0, "%s", cm_error_last());
	for (size_t k = 0; k < dates->n && !d; k++)
		if (dates->v[k].start == (size_t)(at - c->text))
			d = &dates->v[k];
	cr_assert(d && d->deadline && (!occasion || d->occasion), "%s: %s is not found as %s",
		  c->text, c->date, occasion ? "an occasion" : "a deadline");
	expect_field("actor", d->actor, c->actor, c->text);
	expect_field("recipient", d->recipient, c->recipient, c->text);
	if (check_all) {
		expect_field("channel", d->channel, c->channel, c->text);
		expect_field("partners", d->partners, c->partners, c->text);
	}
	expect_field("task", d->task, c->task, c->text);
	cr_expect_eq(d->actor_from, c->from, "%s: actor from %d, want %d", c->text, d->actor_from,
		     c->from);
	cm_dates_free(dates);
}

Test(obligation, table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_case(&cases[i], 0, 1);
}

/* An occasion's obligation: that of the words before its "kỷ niệm …"; an
 * occasion listed after another shares its obligation. */
static const case_t occasions[] = {
	{"- Ban Dân vận Tỉnh ủy tham mưu Thường trực Tỉnh ủy tổ chức Hội thảo nhân dịp kỷ niệm 75 "
	 "năm Chủ tịch Hồ Chí Minh viết bài báo \"Dân vận\" (15/10/1949-15/10/2024).\n",
	 "15/10/2024", "Ban Dân vận Tỉnh ủy", "Thường trực Tỉnh ủy", NULL, NULL,
	 "tham mưu Thường trực Tỉnh ủy tổ chức Hội thảo nhân dịp kỷ niệm 75 năm Chủ tịch Hồ Chí "
	 "Minh viết bài báo \"Dân vận\"",
	 CM_ACTOR_SENTENCE},
	{"1. Ủy ban MTTQ tỉnh\n- Tổ chức các hoạt động kỷ niệm 90 năm ngày Truyền thống công tác "
	 "Dân vận của Đảng (15/10/1930 - 15/10/2020), 90 năm ngày Truyền thống MTTQ Việt Nam "
	 "(18/11/1930 - 18/11/2020).\n",
	 "18/11/2020", "Ủy ban MTTQ tỉnh", NULL, NULL, NULL,
	 "Tổ chức các hoạt động kỷ niệm 90 năm ngày Truyền thống công tác Dân vận của Đảng",
	 CM_ACTOR_HEADING},
	{"- Tổ chức giao ban vào dịp kỷ niệm Ngày Báo chí cách mạng Việt Nam (21/6) và kỷ niệm "
	 "Ngày Truyền thống công tác Dân vận của Đảng (15/10).\n",
	 "15/10", NULL, NULL, NULL, NULL,
	 "Tổ chức giao ban vào dịp kỷ niệm Ngày Báo chí cách mạng Việt Nam", CM_ACTOR_NONE},
	/* the issuer named by a preamble that opens with its ground ("Thực hiện …, X
	 * hướng dẫn …"); none when it names none: "của X" there is another's */
	{"Đề cương tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai (30/9/1910 - "
	 "30/9/2020)\n\nThực hiện Hướng dẫn số 149-HD/BTGTW ngày 8/9/2020 của Ban Tuyên giáo Trung "
	 "ương, Ban Tuyên giáo Tỉnh ủy hướng dẫn công tác tuyên truyền.\n",
	 "30/9/2020", "Ban Tuyên giáo Tỉnh ủy", NULL, NULL, NULL,
	 "Đề cương tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai",
	 CM_ACTOR_ISSUER},
	{"Đề cương tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai (30/9/1910 - "
	 "30/9/2020)\n\nThực hiện Hướng dẫn số 149-HD/BTGTW ngày 8/9/2020 của Ban Tuyên giáo Trung "
	 "ương.\n",
	 "30/9/2020", NULL, NULL, NULL, NULL,
	 "Đề cương tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Thị Minh Khai",
	 CM_ACTOR_NONE},
	/* the issuer of a news item's document: "X vừa ban hành …" in its lead */
	{"Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890- 19/5/2020)\nBan "
	 "Tuyên giáo Tỉnh ủy Trà Vinh vừa ban hành Công văn số 1510-CV/BTGTU.\n",
	 "19/5/2020", "Ban Tuyên giáo Tỉnh ủy Trà Vinh", NULL, NULL, NULL,
	 "Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh", CM_ACTOR_ISSUER},
	{"Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890- 19/5/2020)\nBan "
	 "Tuyên giáo Tỉnh ủy Trà Vinh vừa tổ chức hội nghị.\n",
	 "19/5/2020", NULL, NULL, NULL, NULL,
	 "Tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh", CM_ACTOR_NONE},
	/* a sentence that opens with its occasion: the words after it */
	{"Nhân kỷ niệm 125 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2015), UBND tỉnh "
	 "thông báo treo cờ Tổ quốc.\n",
	 "19/5/2015", "UBND tỉnh", NULL, NULL, NULL, "thông báo treo cờ Tổ quốc",
	 CM_ACTOR_SENTENCE},
	{"Tổ chức kỷ niệm 125 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2015), UBND tỉnh "
	 "thông báo treo cờ Tổ quốc.\n",
	 "19/5/2015", NULL, NULL, NULL, NULL,
	 "Tổ chức kỷ niệm 125 năm Ngày sinh Chủ tịch Hồ Chí Minh", CM_ACTOR_NONE},
	/* not listed: a sentence between them has its own task */
	{"1. Ủy ban MTTQ tỉnh\n- Tổ chức các hoạt động kỷ niệm 90 năm ngày Truyền thống công tác "
	 "Dân vận của Đảng (15/10/1930 - 15/10/2020). Tuyên truyền kỷ niệm 90 năm ngày Truyền "
	 "thống MTTQ Việt Nam (18/11/1930 - 18/11/2020).\n",
	 "18/11/2020", "Ủy ban MTTQ tỉnh", NULL, NULL, NULL,
	 "Tuyên truyền kỷ niệm 90 năm ngày Truyền thống MTTQ Việt Nam", CM_ACTOR_HEADING},
};

Test(obligation, occasions)
{
	for (size_t i = 0; i < sizeof occasions / sizeof occasions[0]; i++)
		expect_case(&occasions[i], 1, 0);
}

/* A range's start is the origin, not a deadline: it owes nothing; its end
 * owes what the text says (here, no body is named). */
Test(obligation, occasions_owe_nothing_at_their_origin)
{
	static const char text[] = "Tổ chức các hoạt động kỷ niệm Ngày truyền thống công tác "
				   "dân vận của Đảng (15/10/1930 - 15/10/2024).\n";
	cm_dates *dates;

	cr_assert_eq(cm_dates_extract(&dates, text, strlen(text)), 0);
	cr_assert_eq(dates->n, 2);
	for (size_t k = 0; k < dates->n; k++)
		cr_expect_null(dates->v[k].actor, "no body is named: «%s»", dates->v[k].actor);
	cr_expect_null(dates->v[0].task, "the origin owes nothing: «%s»", dates->v[0].task);
	cr_expect_str_eq(
		dates->v[1].task,
		"Tổ chức các hoạt động kỷ niệm Ngày truyền thống công tác dân vận của Đảng");
	cm_dates_free(dates);
}
