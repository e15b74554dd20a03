/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/ical.h: an iCalendar (RFC 5545) calendar of all-day events, written
 * with libical: one VEVENT per deadline or occasion, with its recurrence
 * (yearly for a day-month with no year).
 *
 * Ownership: a cm_ical is the caller's (cm_ical_free); cm_ical_text's *out
 * is the caller's (free()). Strings given to cm_ical_add are copied. */
#ifndef CHIMUC_ICAL_H
#define CHIMUC_ICAL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_ical cm_ical;

/* How an event repeats (its RRULE's FREQ). */
typedef enum { CM_ICAL_ONCE = 0, CM_ICAL_YEARLY, CM_ICAL_MONTHLY } cm_ical_freq;

typedef struct {
	const char *uid;         /* unique and stable, e.g. path#offset */
	int year, month, day;    /* the date; year 0 with yearly set: see below */
	cm_ical_freq freq;       /* repeats every interval years or months */
	int interval;            /* 0 or 1: every one */
	const char *summary;     /* one line */
	const char *description; /* who owes it to whom, the sentence around the date */
} cm_ical_event;

int cm_ical_new(cm_ical **out);
void cm_ical_free(cm_ical *cal);

/* Adds one all-day event. A repeating event with year 0 starts in base_year
 * (its first occurrence). Errors: CM_EINVAL (an impossible date), CM_ENOMEM. */
int cm_ical_add(cm_ical *cal, const cm_ical_event *ev, int base_year);

/* The calendar as RFC 5545 text (CRLF line ends, folded lines). */
int cm_ical_text(char **out, cm_ical *cal);

#ifdef __cplusplus
}
#endif

#endif
