/* SPDX-License-Identifier: GPL-2.0-or-later */

/* deadlines_write.c: the writers of a deadlines listing (chimuc/deadlines.h):
 * text, JSON Lines and iCalendar (on top of chimuc/ical.h). */
#include "chimuc/deadlines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/ical.h"

static int write_status(FILE *f)
{
	return ferror(f) ? cm_error_set(CM_EIO, "cannot write the listing") : 0;
}

int cm_deadlines_write_text(FILE *f, const cm_deadlines_result *r)
{
	for (size_t i = 0; i < cm_deadlines_size(r); i++) {
		const cm_deadline_item *it = cm_deadlines_get(r, i);
		fprintf(f, "%-10s  %-8s  ", it->key, cm_deadline_kind_name(it->kind));
		cm_diag_path(f, it->path);
		fprintf(f, "\n            %s\n", it->context);
	}
	return write_status(f);
}

static json_object *string_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static int write_json_item(FILE *f, const cm_deadline_item *it)
{
	json_object *o = json_object_new_object();
	const char *s;
	size_t n;

	if (!o)
		return cm_error_nomem();
	json_object_object_add(o, "path", json_object_new_string(it->path));
	json_object_object_add(o, "title", json_object_new_string(it->title));
	json_object_object_add(o, "iso", json_object_new_string(it->iso));
	json_object_object_add(o, "resolved",
			       string_or_null(it->resolved[0] ? it->resolved : NULL));
	json_object_object_add(o, "kind", json_object_new_string(cm_deadline_kind_name(it->kind)));
	json_object_object_add(o, "text", json_object_new_string(it->text));
	json_object_object_add(o, "context", json_object_new_string(it->context));
	json_object_object_add(o, "occasion", string_or_null(it->occasion));
	json_object_object_add(o, "recurrence", string_or_null(it->recurrence));
	json_object_object_add(o, "start", json_object_new_int64(it->start));
	json_object_object_add(o, "end", json_object_new_int64(it->end));
	s = json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	fwrite(s, 1, n, f);
	fputc('\n', f);
	json_object_put(o);
	return 0;
}

int cm_deadlines_write_json(FILE *f, const cm_deadlines_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_deadlines_size(r) && rc == 0; i++)
		rc = write_json_item(f, cm_deadlines_get(r, i));
	return rc < 0 ? rc : write_status(f);
}

/* The day of an item's event: the last day of a year, quarter or month,
 * the day itself, or year 0 for a day-month. */
static void event_day(const cm_deadline_item *it, int *y, int *m, int *d)
{
	static const int last[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	const char *k = it->key;

	*y = *m = *d = 0;
	if (k[0] == '-') {
		sscanf(k, "--%2d-%2d", m, d);
		return;
	}
	if (strlen(k) == 10) {
		sscanf(k, "%4d-%2d-%2d", y, m, d);
		return;
	}
	if (strlen(k) == 4)
		*m = 12;
	else if (k[5] == 'Q')
		*m = 3 * (k[6] - '0');
	else
		sscanf(k + 5, "%2d", m);
	sscanf(k, "%4d", y);
	*d = last[*m - 1] + (*m == 2 && *y % 4 == 0 && (*y % 100 != 0 || *y % 400 == 0));
}

static int add_event(cm_ical *cal, const cm_deadline_item *it)
{
	char uid[1200], summary[400];
	cm_ical_event ev;

	snprintf(uid, sizeof uid, "%s#%ld@chimuc", it->path, it->start);
	snprintf(summary, sizeof summary, "%s: %s", cm_deadline_kind_name(it->kind),
		 it->occasion ? it->occasion : it->title);
	ev = (cm_ical_event){.uid = uid, .summary = summary, .description = it->context};
	event_day(it, &ev.year, &ev.month, &ev.day);
	if (it->iso[0] == '-') { /* a day-month occasion: every year */
		ev.yearly = 1;
		ev.year = 0;
	}
	return cm_ical_add(cal, &ev, it->resolved[0] ? atoi(it->resolved) : 2000);
}

int cm_deadlines_write_ics(FILE *f, const cm_deadlines_result *r)
{
	cm_ical *cal = NULL;
	char *text = NULL;
	int rc;

	if ((rc = cm_ical_new(&cal)) < 0)
		return rc;
	for (size_t i = 0; i < cm_deadlines_size(r) && rc == 0; i++)
		rc = add_event(cal, cm_deadlines_get(r, i));
	if (rc == 0 && (rc = cm_ical_text(&text, cal)) == 0) {
		fputs(text, f);
		rc = write_status(f);
	}
	free(text);
	cm_ical_free(cal);
	return rc;
}
