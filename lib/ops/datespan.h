/* SPDX-License-Identifier: GPL-2.0-or-later */

/* datespan.h: the days a date value covers, as two 8-digit bounds
 * YYYYMMDD (inclusive; a month is YYYYMM00..YYYYMM99, a year
 * YYYY0000..YYYY9999, so that bounds compare as strings): one reading of
 * "2024-06" / "2024" / "15/6/2024" for the date filter of queries and for
 * the deadlines listing. Internal to libchimuc. */
#ifndef CHIMUC_OPS_DATESPAN_H
#define CHIMUC_OPS_DATESPAN_H

typedef struct {
	char lo[9], hi[9];
} cm_datespan;

/* 1 and the span of an ISO value as the index stores it: "2024-06-15",
 * "2024-06", "2024-Q2", "2024"; 0 for any other (a day-month "--06-15"). */
int cm_datespan_of_iso(cm_datespan *out, const char *iso);

/* The span of a user's dated day, month or year: "2024", or what
 * cm_date_parse_user reads with a year. Errors: CM_EINVAL (not a date, or a
 * day-month, which has no place in a period). */
int cm_datespan_parse(cm_datespan *out, const char *s);

/* 1 if a and b share a day. */
int cm_datespan_overlaps(const cm_datespan *a, const cm_datespan *b);

#endif
