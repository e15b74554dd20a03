/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_ical.c: the calendar writer's output parses back with libical, with
 * the events, dates, recurrence (yearly, every n months) and Vietnamese
 * text intact. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "chimuc/error.h"
#include "chimuc/ical.h"

static const struct {
	cm_ical_event ev;
	const char *rrule; /* NULL: none */
} events[] = {
	{{"a.txt#10", 2024, 6, 15, CM_ICAL_ONCE, 0, "Hạn gửi báo cáo",
	  "gửi trước ngày 15/6/2024, về Ban Dân vận; x"},
	 NULL},
	{{"a.txt#99", 0, 10, 15, CM_ICAL_YEARLY, 0, "Ngày Truyền thống công tác Dân vận của Đảng",
	  "kỷ niệm (15/10), \"dịp\"; dòng\nmới"},
	 "FREQ=YEARLY"},
	{{"b.txt#5", 2024, 2, 29, CM_ICAL_ONCE, 0, "ngày nhuận", "29/02/2024"}, NULL},
	{{"c.txt#7", 2024, 6, 30, CM_ICAL_MONTHLY, 6, "Báo cáo định kỳ 6 tháng",
	  "Ban Dân vận Tỉnh ủy → Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy)\nđịnh kỳ 6 tháng"},
	 "FREQ=MONTHLY;INTERVAL=6"},
	{{"c.txt#9", 2024, 3, 31, CM_ICAL_MONTHLY, 3, "hằng quý", "hằng quý"},
	 "FREQ=MONTHLY;INTERVAL=3"},
	{{"c.txt#11", 2024, 1, 31, CM_ICAL_MONTHLY, 1, "hằng tháng", "hằng tháng"}, "FREQ=MONTHLY"},
};

Test(ical, round_trip)
{
	cm_ical *cal;
	char *text;
	icalcomponent *root, *ev;
	size_t n = 0;

	cr_assert_eq(cm_ical_new(&cal), 0);
	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
		cr_assert_eq(cm_ical_add(cal, &events[i].ev, 2018), 0, "%s", cm_error_last());
	cr_assert_eq(cm_ical_text(&text, cal), 0);
	root = icalparser_parse_string(text);
	cr_assert_not_null(root);
	for (ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), n++) {
		const cm_ical_event *want = &events[n].ev;
		struct icaltimetype t = icalcomponent_get_dtstart(ev);
		icalproperty *rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);

		cr_expect_str_eq(icalcomponent_get_uid(ev), want->uid);
		cr_expect_str_eq(icalcomponent_get_summary(ev), want->summary);
		cr_expect_str_eq(icalcomponent_get_description(ev), want->description);
		cr_expect_eq(t.year, want->year ? want->year : 2018);
		cr_expect_eq(t.month, want->month);
		cr_expect_eq(t.day, want->day);
		cr_expect(t.is_date);
		cr_expect_eq(rr != NULL, events[n].rrule != NULL, "%zu", n);
		if (rr && events[n].rrule)
			cr_expect_str_eq(icalproperty_get_value_as_string(rr), events[n].rrule);
	}
	cr_expect_eq(n, sizeof events / sizeof events[0]);
	icalcomponent_free(root);
	free(text);
	cm_ical_free(cal);
}

Test(ical, impossible_dates_rejected)
{
	static const cm_ical_event bad[] = {
		{"x", 2023, 2, 29, CM_ICAL_ONCE, 0, "s", "d"},
		{"x", 2024, 13, 1, CM_ICAL_ONCE, 0, "s", "d"},
		{"x", 2024, 4, 31, CM_ICAL_ONCE, 0, "s", "d"},
		{"x", 0, 1, 1, CM_ICAL_ONCE, 0, "s", "d"}, /* no year, base 0 */
	};
	cm_ical *cal;

	cr_assert_eq(cm_ical_new(&cal), 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(cm_ical_add(cal, &bad[i], 0), CM_EINVAL, "case %zu", i);
	cm_ical_free(cal);
}
