/* chimuc/date.h: date mentions, deadlines and occasions in a document.
 *
 * Forms found (on the canonical text, spans reported in the input):
 *   03/6/2013, 01-10-1997             full date            iso 2013-06-03
 *   ngày 04 tháng 3 năm 2018          written full date    iso 2018-03-04
 *   (15/10), ngày 21/6                day-month, no year   iso --10-15
 *   tháng 3/2024, tháng 3 năm 2024    month                iso 2024-03
 *   quý III/2018                      quarter              iso 2018-Q3
 *   15/10/1930 - 15/10/2020           a range: two dates, start and end
 * Impossible dates (31/02/2020) are not dates; nor are bare years, numbers
 * inside document symbols (15/2020/NĐ-CP) or clock times.
 *
 * A date is a deadline when the text ties a task to it ("gửi trước ngày",
 * "chậm nhất", "xong trong tháng", "trình quý", "dự kiến", "vào dịp kỷ niệm
 * … (15/10)"); a range's start (the historical origin) never is, and
 * "Trước ngày 01/3/2025, …" opening a sentence describes the past. An
 * occasion is the commemoration a date is given for.
 *
 * Ownership: a cm_dates is the caller's (cm_dates_free); everything in it is
 * borrowed from it. */
#ifndef CHIMUC_DATE_H
#define CHIMUC_DATE_H

#include <stddef.h>

#define CM_ISO_MAX 11 /* "2013-06-03" + NUL */

enum cm_range_role { CM_RANGE_NONE = 0, CM_RANGE_START = 1, CM_RANGE_END = 2 };

typedef struct {
	size_t start, end;         /* the date's bytes in the input */
	char iso[CM_ISO_MAX];      /* as the text says it */
	char resolved[CM_ISO_MAX]; /* a year-less date with the document's year, else "" */
	int in_citation;           /* the date of a cited document's symbol */
	int in_self;               /* the document's own date */
	int deadline;
	enum cm_range_role range;
	size_t range_start, range_end; /* the whole range, when range is set */
	const char *occasion;      /* canonical text, or NULL */
	const char *recurrence;    /* "yearly", "every 6 months"…, or NULL */
	size_t context_start, context_end; /* the sentence around it, in the input */
} cm_date;

typedef struct {
	cm_date *v;
	size_t n;
	char doc_date[CM_ISO_MAX]; /* the document's own date, or "" */
} cm_dates;

/* Every date mention of text (valid UTF-8), in order. Errors: CM_ENOMEM. */
int cm_dates_extract(cm_dates **out, const char *text, size_t len);

void cm_dates_free(cm_dates *d);

/* 1 and the ISO value and byte length of the numeric full date (03/6/2013,
 * 01-10-1997) that starts s (n bytes), else 0. */
int cm_date_numeric_at(char iso[CM_ISO_MAX], size_t *len, const char *s, size_t n);

/* Parses a user's date: "15/10" or "--10-15" (day-month: *out "--10-15"),
 * "15/10/2024" or "2024-10-15" (full), "2024-06" or "6/2024" (month). *out
 * gets the ISO form. Errors: CM_EINVAL. */
int cm_date_parse_user(char out[CM_ISO_MAX], const char *s);

#endif
