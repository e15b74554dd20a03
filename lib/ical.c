/* ical.c: builds an iCalendar of all-day events with libical (we do not
 * write RFC 5545 by hand: libical handles escaping and line folding). */
#include "chimuc/ical.h"

#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "chimuc/error.h"

struct cm_ical {
	icalcomponent *vcal;
};

int cm_ical_new(cm_ical **out)
{
	cm_ical *cal = calloc(1, sizeof *cal);

	if (!cal)
		return cm_error_set(CM_ENOMEM, "out of memory");
	cal->vcal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
					icalproperty_new_version("2.0"),
					icalproperty_new_prodid("-//chimuc//deadlines//VI"), NULL);
	if (!cal->vcal) {
		free(cal);
		return cm_error_set(CM_ENOMEM, "out of memory");
	}
	*out = cal;
	return 0;
}

void cm_ical_free(cm_ical *cal)
{
	if (!cal)
		return;
	icalcomponent_free(cal->vcal);
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
	struct icaltimetype t = icaltime_null_date();
	icalcomponent *vev;
	int year = ev->year ? ev->year : base_year;

	if (!valid_date(year, ev->month, ev->day))
		return cm_error_set(CM_EINVAL, "not a date: %04d-%02d-%02d", year, ev->month,
				    ev->day);
	t.year = year;
	t.month = ev->month;
	t.day = ev->day;
	vev = icalcomponent_vanew(ICAL_VEVENT_COMPONENT, icalproperty_new_uid(ev->uid),
				  icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
					  0, 0, icaltimezone_get_utc_timezone())),
				  icalproperty_new_dtstart(t), icalproperty_new_summary(ev->summary),
				  icalproperty_new_description(ev->description), NULL);
	if (!vev)
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (ev->yearly) {
		struct icalrecurrencetype r;
		icalrecurrencetype_clear(&r);
		r.freq = ICAL_YEARLY_RECURRENCE;
		icalcomponent_add_property(vev, icalproperty_new_rrule(r));
	}
	icalcomponent_add_component(cal->vcal, vev);
	return 0;
}

int cm_ical_text(char **out, cm_ical *cal)
{
	char *s = icalcomponent_as_ical_string_r(cal->vcal);

	if (!s)
		return cm_error_set(CM_ENOMEM, "out of memory");
	*out = s;
	return 0;
}
