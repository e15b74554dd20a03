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
	/* the body holding the event: its congress */
	{"Đại hội Đảng bộ huyện Phú Ninh hoàn thành trước tháng 7/2020.\n", "tháng 7/2020",
	 "Đảng bộ huyện Phú Ninh", NULL, NULL, NULL, "Đại hội Đảng bộ huyện Phú Ninh hoàn thành",
	 CM_ACTOR_SENTENCE},
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

Test(obligation, table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const case_t *c = &cases[i];
		const char *at = strstr(c->text, c->date);
		const cm_date *d = NULL;
		cm_dates *dates;

		cr_assert(at, "%s not in the text", c->date);
		cr_assert_eq(cm_dates_extract(&dates, c->text, strlen(c->text)), 0, "%s",
			     cm_error_last());
		for (size_t k = 0; k < dates->n && !d; k++)
			if (dates->v[k].start == (size_t)(at - c->text))
				d = &dates->v[k];
		cr_assert(d && d->deadline, "%s: %s is not found as a deadline", c->text, c->date);
		expect_field("actor", d->actor, c->actor, c->text);
		expect_field("recipient", d->recipient, c->recipient, c->text);
		expect_field("channel", d->channel, c->channel, c->text);
		expect_field("partners", d->partners, c->partners, c->text);
		expect_field("task", d->task, c->task, c->text);
		cr_expect_eq(d->actor_from, c->from, "%s: actor from %d, want %d", c->text,
			     d->actor_from, c->from);
		cm_dates_free(dates);
	}
}

Test(obligation, occasions_owe_nothing)
{
	static const char text[] = "Tổ chức các hoạt động kỷ niệm Ngày truyền thống công tác "
				   "dân vận của Đảng (15/10/1930 - 15/10/2024).\n";
	cm_dates *dates;

	cr_assert_eq(cm_dates_extract(&dates, text, strlen(text)), 0);
	for (size_t k = 0; k < dates->n; k++)
		cr_expect_null(dates->v[k].actor, "an occasion has no actor: «%s»",
			       dates->v[k].actor);
	cm_dates_free(dates);
}
