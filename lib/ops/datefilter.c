/* SPDX-License-Identifier: GPL-2.0-or-later */

/* datefilter.c: turns a user's date or date range into a weightless query
 * over the XD/XDM terms of the index (see chimuc/document.h). A range is
 * answered by walking the XD terms that exist, so it costs one pass over
 * the dates of the index, not one term per day. */
#include "chimuc/document.h"

#include <stdio.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/date.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "ops/datespan.h"

static int combine_or(cm_xquery **out, cm_xquery **v, size_t n)
{
	cm_xquery *any = NULL;
	int rc;

	if (n == 0)
		return cm_xquery_match_nothing(out);
	if ((rc = cm_xquery_combine(&any, CM_XQ_OR, v, n, 0)) < 0)
		return rc;
	rc = cm_xquery_scale(out, 0, any);
	cm_xquery_free(any);
	return rc;
}

/* Every XD term whose day or month overlaps [lo, hi]. */
static int range_query(cm_xquery **out, cm_xdb *db, const cm_datespan *r)
{
	cm_xterms *it = NULL;
	cm_array_t(cm_xquery *) v = CM_ARRAY_INIT;
	cm_xquery **slot;
	size_t plen = strlen(CM_PREFIX_DATE);
	const char *term;
	size_t len;
	unsigned freq;
	int rc;

	if ((rc = cm_xdb_allterms(&it, db, CM_PREFIX_DATE, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&term, &len, &freq, it)) == 1) {
		cm_datespan day;
		size_t k = len - plen;
		if ((k != 8 && k != 6) || strspn(term + plen, "0123456789") < k)
			continue;
		snprintf(day.lo, sizeof day.lo, "%.*s%s", (int)k, term + plen, k == 6 ? "00" : "");
		snprintf(day.hi, sizeof day.hi, "%.*s%s", (int)k, term + plen, k == 6 ? "99" : "");
		if (!cm_datespan_overlaps(&day, r))
			continue;
		if (!(slot = cm_array_alloc(v))) {
			rc = CM_ENOMEM;
			break;
		}
		if ((rc = cm_xquery_term(slot, term, len, 1, 0)) < 0) {
			v.size--;
			break;
		}
	}
	cm_xterms_free(it);
	if (rc >= 0)
		rc = combine_or(out, v.ptr, v.size);
	for (size_t i = 0; i < v.size; i++)
		cm_xquery_free(v.ptr[i]);
	cm_array_clear(v);
	return rc;
}

int cm_date_filter(cm_xquery **out, cm_xdb *db, const char *spec)
{
	const char *dots = strstr(spec, "..");
	char iso[CM_ISO_MAX], term[16];
	cm_datespan a, b;
	int rc;

	if (dots) {
		char left[32];
		if ((size_t)(dots - spec) >= sizeof left)
			return cm_error_set(CM_EINVAL, "not a date range: '%s'", spec);
		memcpy(left, spec, (size_t)(dots - spec));
		left[dots - spec] = '\0';
		if ((rc = cm_datespan_parse(&a, left)) < 0 ||
		    (rc = cm_datespan_parse(&b, dots + 2)) < 0)
			return rc;
		memcpy(a.hi, b.hi, sizeof a.hi);
		return range_query(out, db, &a);
	}
	if (cm_date_parse_user(iso, spec) == 0 && iso[0] == '-') {
		cm_xquery *t;
		int n = cm_term_day_month(term, sizeof term, iso);

		if (n < 0)
			return n;
		if ((rc = cm_xquery_term(&t, term, (size_t)n, 1, 0)) < 0)
			return rc;
		rc = combine_or(out, &t, 1);
		cm_xquery_free(t);
		return rc;
	}
	if ((rc = cm_datespan_parse(&a, spec)) < 0)
		return rc;
	return range_query(out, db, &a);
}
