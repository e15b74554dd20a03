/* SPDX-License-Identifier: GPL-2.0-or-later */

/* datefilter.c: turns a user's date or date range into a weightless query
 * over the XD/XDM terms of the index (see chimuc/document.h). A range is
 * answered by walking the XD terms that exist, so it costs one pass over
 * the dates of the index, not one term per day. */
#include "chimuc/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"

/* Bounds as 8 digits, YYYYMMDD, inclusive. */
typedef struct {
	char lo[9], hi[9];
} span8;

static int is_year(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

/* One side of a range (or a whole single value) as its lowest and highest
 * day. Day-months have no place in a range. */
static int parse_bound(span8 *out, const char *s)
{
	char iso[CM_ISO_MAX];
	int rc;

	if (is_year(s)) {
		snprintf(out->lo, sizeof out->lo, "%s0000", s);
		snprintf(out->hi, sizeof out->hi, "%s9999", s);
		return 0;
	}
	if ((rc = cm_date_parse_user(iso, s)) < 0)
		return rc;
	if (iso[0] == '-')
		return cm_error_set(CM_EINVAL, "'%s' has no year: a range needs years", s);
	if (strlen(iso) == 7) {
		snprintf(out->lo, sizeof out->lo, "%.4s%.2s00", iso, iso + 5);
		snprintf(out->hi, sizeof out->hi, "%.4s%.2s99", iso, iso + 5);
	} else {
		snprintf(out->lo, sizeof out->lo, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
		memcpy(out->hi, out->lo, sizeof out->hi);
	}
	return 0;
}

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
static int range_query(cm_xquery **out, cm_xdb *db, const span8 *r)
{
	cm_xterms *it = NULL;
	cm_xquery **v = NULL, *t;
	size_t n = 0, cap = 0, plen = strlen(CM_PREFIX_DATE);
	const char *term;
	size_t len;
	unsigned freq;
	int rc;

	if ((rc = cm_xdb_allterms(&it, db, CM_PREFIX_DATE, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(it, &term, &len, &freq)) == 1) {
		char lo[9], hi[9];
		size_t k = len - plen;
		if ((k != 8 && k != 6) || strspn(term + plen, "0123456789") < k)
			continue;
		snprintf(lo, sizeof lo, "%.*s%s", (int)k, term + plen, k == 6 ? "00" : "");
		snprintf(hi, sizeof hi, "%.*s%s", (int)k, term + plen, k == 6 ? "99" : "");
		if (strcmp(lo, r->hi) > 0 || strcmp(hi, r->lo) < 0)
			continue;
		if (n == cap) {
			cm_xquery **nv = realloc(v, (cap = cap ? 2 * cap : 16) * sizeof *nv);
			if (!nv) {
				rc = cm_error_nomem();
				break;
			}
			v = nv;
		}
		if ((rc = cm_xquery_term(&t, term, len, 1, 0)) < 0)
			break;
		v[n++] = t;
	}
	cm_xterms_free(it);
	if (rc >= 0)
		rc = combine_or(out, v, n);
	for (size_t i = 0; i < n; i++)
		cm_xquery_free(v[i]);
	free(v);
	return rc;
}

int cm_date_filter(cm_xquery **out, cm_xdb *db, const char *spec)
{
	const char *dots = strstr(spec, "..");
	char iso[CM_ISO_MAX], term[16];
	span8 a, b;
	int rc;

	if (dots) {
		char left[32];
		if ((size_t)(dots - spec) >= sizeof left)
			return cm_error_set(CM_EINVAL, "not a date range: '%s'", spec);
		memcpy(left, spec, (size_t)(dots - spec));
		left[dots - spec] = '\0';
		if ((rc = parse_bound(&a, left)) < 0 || (rc = parse_bound(&b, dots + 2)) < 0)
			return rc;
		memcpy(a.hi, b.hi, sizeof a.hi);
		return range_query(out, db, &a);
	}
	if (!is_year(spec) && cm_date_parse_user(iso, spec) == 0 && iso[0] == '-') {
		cm_xquery *t;
		int n = snprintf(term, sizeof term, "%s%.2s%.2s", CM_PREFIX_DAY_MONTH, iso + 2,
				 iso + 5);
		if ((rc = cm_xquery_term(&t, term, (size_t)n, 1, 0)) < 0)
			return rc;
		rc = combine_or(out, &t, 1);
		cm_xquery_free(t);
		return rc;
	}
	if ((rc = parse_bound(&a, spec)) < 0)
		return rc;
	return range_query(out, db, &a);
}
