/* SPDX-License-Identifier: GPL-2.0-or-later */

/* deadlines_write.c: the writers of a deadlines listing (chimuc/deadlines.h):
 * text (grouped under its actors when by actor), JSON Lines and iCalendar
 * (on top of chimuc/ical.h). */
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

/* "actor → recipient (qua channel)" of an item with an actor, as much of
 * it as the item has. */
static void write_who(FILE *f, const cm_deadline_item *it)
{
	fputs(it->actor, f);
	if (it->recipient)
		fprintf(f, " → %s", it->recipient);
	if (it->recipient && it->channel)
		fprintf(f, " (qua %s)", it->channel);
}

/* With --by actor, a line naming the actor before the first item of each
 * (items without one last, under "(no actor)"). */
static void write_group(FILE *f, const cm_deadline_item *prev, const cm_deadline_item *it)
{
	if (prev && (!prev->actor_key == !it->actor_key) &&
	    (!it->actor_key || !strcmp(prev->actor_key, it->actor_key)))
		return;
	fprintf(f, "%s%s\n", prev ? "\n" : "", it->actor ? it->actor : "(no actor)");
}

int cm_deadlines_write_text(FILE *f, const cm_deadlines_result *r)
{
	for (size_t i = 0; i < cm_deadlines_size(r); i++) {
		const cm_deadline_item *it = cm_deadlines_get(r, i);
		if (cm_deadlines_order(r) == CM_DEADLINES_BY_ACTOR)
			write_group(f, i ? cm_deadlines_get(r, i - 1) : NULL, it);
		fprintf(f, "%-10s  %-8s  ", it->key, cm_deadline_kind_name(it->kind));
		cm_diag_path(f, it->path);
		fprintf(f, "\n            %s\n", it->context);
		if (!it->actor)
			continue;
		fputs("            ", f);
		write_who(f, it);
		fprintf(f, "%s%s\n", it->task ? ": " : "", it->task ? it->task : "");
	}
	return write_status(f);
}

static json_object *string_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static int write_json_item(FILE *f, const cm_deadline_item *it)
{
	json_object *o = json_object_new_object(), *partners = json_object_new_array();
	const char *s;
	size_t n;

	if (!o || !partners) {
		json_object_put(o);
		json_object_put(partners);
		return cm_error_nomem();
	}
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
	json_object_object_add(o, "actor", string_or_null(it->actor));
	json_object_object_add(o, "task", string_or_null(it->task));
	json_object_object_add(o, "recipient", string_or_null(it->recipient));
	json_object_object_add(o, "channel", string_or_null(it->channel));
	json_object_object_add(o, "partners", partners);
	for (size_t i = 0; partners && i < it->npartners; i++)
		json_object_array_add(partners, json_object_new_string(it->partners[i]));
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

/* The RRULE of an item's recurrence (chimuc/date.h names them). */
static void event_recurrence(cm_ical_event *ev, const cm_deadline_item *it)
{
	static const struct {
		const char *name;
		cm_ical_freq freq;
		int interval;
	} rules[] = {
		{"yearly", CM_ICAL_YEARLY, 1},
		{"every 6 months", CM_ICAL_MONTHLY, 6},
		{"quarterly", CM_ICAL_MONTHLY, 3},
		{"monthly", CM_ICAL_MONTHLY, 1},
	};

	for (size_t i = 0; it->recurrence && i < sizeof rules / sizeof rules[0]; i++)
		if (!strcmp(it->recurrence, rules[i].name)) {
			ev->freq = rules[i].freq;
			ev->interval = rules[i].interval;
			return;
		}
}

/* "actor → recipient (qua channel)", a line break, the sentence; the
 * sentence alone without an actor. *out is the caller's. */
static int event_description(char **out, const cm_deadline_item *it)
{
	size_t len = 0;
	FILE *f;

	*out = NULL;
	if (!it->actor)
		return (*out = strdup(it->context)) ? 0 : cm_error_nomem();
	if (!(f = open_memstream(out, &len)))
		return cm_error_nomem();
	write_who(f, it);
	fprintf(f, "\n%s", it->context);
	if (fclose(f) != 0) {
		free(*out);
		*out = NULL;
		return cm_error_nomem();
	}
	return 0;
}

static int add_event(cm_ical *cal, const cm_deadline_item *it)
{
	char uid[1200], summary[400], *description;
	cm_ical_event ev;
	int rc;

	if ((rc = event_description(&description, it)) < 0)
		return rc;
	snprintf(uid, sizeof uid, "%s#%ld@chimuc", it->path, it->start);
	snprintf(summary, sizeof summary, "%s: %s", cm_deadline_kind_name(it->kind),
		 it->occasion ? it->occasion : it->title);
	ev = (cm_ical_event){
		.uid = uid, .summary = it->task ? it->task : summary, .description = description};
	event_day(it, &ev.year, &ev.month, &ev.day);
	if (it->iso[0] == '-') { /* a day-month occasion: every year */
		ev.freq = CM_ICAL_YEARLY;
		ev.year = 0;
	}
	event_recurrence(&ev, it);
	rc = cm_ical_add(cal, &ev, it->resolved[0] ? atoi(it->resolved) : 2000);
	free(description);
	return rc;
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
