/* SPDX-License-Identifier: GPL-2.0-or-later */

/* datespan.c: the days a date value covers (see datespan.h). */
#include "ops/datespan.h"

#include <stdio.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"

static int is_year(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

int cm_datespan_of_iso(cm_datespan *out, const char *iso)
{
	size_t n = strlen(iso);

	if (n == 10 && iso[0] != '-') {
		snprintf(out->lo, sizeof out->lo, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
		memcpy(out->hi, out->lo, sizeof out->hi);
	} else if (n == 7 && iso[4] == '-' && iso[5] == 'Q' && iso[6] >= '1' && iso[6] <= '4') {
		int first = 3 * (iso[6] - '0') - 2, last = first + 2;
		snprintf(out->lo, sizeof out->lo, "%.4s%c%c00", iso, '0' + first / 10,
			 '0' + first % 10);
		snprintf(out->hi, sizeof out->hi, "%.4s%c%c99", iso, '0' + last / 10,
			 '0' + last % 10);
	} else if (n == 7 && iso[4] == '-' && strspn(iso, "0123456789") == 4 &&
		   strspn(iso + 5, "0123456789") == 2) {
		snprintf(out->lo, sizeof out->lo, "%.4s%.2s00", iso, iso + 5);
		snprintf(out->hi, sizeof out->hi, "%.4s%.2s99", iso, iso + 5);
	} else if (n == 4 && iso[0] != '-') {
		snprintf(out->lo, sizeof out->lo, "%s0000", iso);
		snprintf(out->hi, sizeof out->hi, "%s9999", iso);
	} else {
		return 0;
	}
	return 1;
}

int cm_datespan_parse(cm_datespan *out, const char *s)
{
	char iso[CM_ISO_MAX];
	int rc;

	if (is_year(s))
		return cm_datespan_of_iso(out, s) ? 0 : CM_EINVAL;
	if ((rc = cm_date_parse_user(iso, s)) < 0)
		return rc;
	if (iso[0] == '-' || !cm_datespan_of_iso(out, iso))
		return cm_error_set(CM_EINVAL, "'%s' has no year: a range needs years", s);
	return 0;
}

int cm_datespan_overlaps(const cm_datespan *a, const cm_datespan *b)
{
	return strcmp(a->lo, b->hi) <= 0 && strcmp(a->hi, b->lo) >= 0;
}
