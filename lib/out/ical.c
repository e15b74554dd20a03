/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ical.c: builds an iCalendar of all-day events with libical (we do not
 * write RFC 5545 by hand: libical handles escaping and line folding),
 * loaded when the first calendar is made. */
#include "chimuc/ical.h"

#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "chimuc/error.h"
#include "util/lazylib.h"

/* The libical functions used, found in the library loaded on first use
 * (lazylib.h): only `deadlines --ics` needs it. */
/* clang-format off */
#define ICAL_FUNCTIONS(X, a) \
	X(a, icalcomponent_add_component) X(a, icalcomponent_add_property) \
	X(a, icalcomponent_as_ical_string_r) X(a, icalcomponent_free) \
	X(a, icalcomponent_vanew) X(a, icalproperty_new_description) \
	X(a, icalproperty_new_dtstamp) X(a, icalproperty_new_dtstart) \
	X(a, icalproperty_new_prodid) X(a, icalproperty_new_rrule) \
	X(a, icalproperty_new_summary) X(a, icalproperty_new_uid) \
	X(a, icalproperty_new_version) X(a, icalrecurrencetype_clear) \
	X(a, icaltime_from_timet_with_zone) X(a, icaltime_null_date) \
	X(a, icaltimezone_get_utc_timezone)
/* clang-format on */
CM_LAZYLIB(li, libical, ICAL_FUNCTIONS, CM_LIBICAL_SONAME, "iCalendar support");

struct cm_ical {
	icalcomponent *vcal;
};

int cm_ical_new(cm_ical **out)
{
	cm_ical *cal;
	int rc;

	if ((rc = cm_lazylib_load(&libical)) < 0)
		return rc;
	if (!(cal = calloc(1, sizeof *cal)))
		return cm_error_nomem();
	cal->vcal = li.icalcomponent_vanew(
		ICAL_VCALENDAR_COMPONENT, li.icalproperty_new_version("2.0"),
		li.icalproperty_new_prodid("-//chimuc//deadlines//VI"), NULL);
	if (!cal->vcal) {
		free(cal);
		return cm_error_nomem();
	}
	*out = cal;
	return 0;
}

void cm_ical_free(cm_ical *cal)
{
	if (!cal)
		return;
	li.icalcomponent_free(cal->vcal);
	free(cal);
}

static int valid_date(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return m != 2 || d < 29 || leap;
}

int cm_ical_add(cm_ical *cal, const cm_ical_event *ev, int base_year)
{
	struct icaltimetype t = li.icaltime_null_date();
	icalcomponent *vev;
	int year = ev->year ? ev->year : base_year;

	if (!valid_date(year, ev->month, ev->day))
		return cm_error_set(CM_EINVAL, "not a date: %04d-%02d-%02d", year, ev->month,
				    ev->day);
	t.year = year;
	t.month = ev->month;
	t.day = ev->day;
	vev = li.icalcomponent_vanew(ICAL_VEVENT_COMPONENT, li.icalproperty_new_uid(ev->uid),
				     li.icalproperty_new_dtstamp(li.icaltime_from_timet_with_zone(
					     0, 0, li.icaltimezone_get_utc_timezone())),
				     li.icalproperty_new_dtstart(t),
				     li.icalproperty_new_summary(ev->summary),
				     li.icalproperty_new_description(ev->description), NULL);
	if (!vev)
		return cm_error_nomem();
	if (ev->freq != CM_ICAL_ONCE) {
		struct icalrecurrencetype r;
		li.icalrecurrencetype_clear(&r);
		r.freq = ev->freq == CM_ICAL_YEARLY ? ICAL_YEARLY_RECURRENCE
						    : ICAL_MONTHLY_RECURRENCE;
		if (ev->interval > 1)
			r.interval = (short)ev->interval;
		li.icalcomponent_add_property(vev, li.icalproperty_new_rrule(r));
	}
	li.icalcomponent_add_component(cal->vcal, vev);
	return 0;
}

int cm_ical_text(char **out, cm_ical *cal)
{
	char *s = li.icalcomponent_as_ical_string_r(cal->vcal);

	if (!s)
		return cm_error_nomem();
	*out = s;
	return 0;
}
