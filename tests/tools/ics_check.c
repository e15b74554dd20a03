/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ics_check.c: a test tool: parses an iCalendar file from standard input
 * with libical and prints "EVENTS RECURRING", or fails (exit 1) when libical
 * cannot parse it or an event lacks DTSTART, SUMMARY or UID. */
#include <stdio.h>
#include <stdlib.h>

#include <libical/ical.h>

int main(void)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	icalcomponent *root, *ev;
	unsigned events = 0, recurring = 0;

	do {
		if (len == cap && !(buf = realloc(buf, cap = cap ? 2 * cap : 65536)))
			return 1;
		n = fread(buf + len, 1, cap - len - 1, stdin);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	root = icalparser_parse_string(buf);
	free(buf);
	if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
		fputs("ics_check: not an iCalendar\n", stderr);
		return 1;
	}
	for (ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
		if (icaltime_is_null_time(icalcomponent_get_dtstart(ev)) ||
		    !icalcomponent_get_summary(ev) || !icalcomponent_get_uid(ev)) {
			fputs("ics_check: an event lacks DTSTART, SUMMARY or UID\n", stderr);
			return 1;
		}
		events++;
		recurring += icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) != NULL;
	}
	icalcomponent_free(root);
	printf("%u %u\n", events, recurring);
	return 0;
}
