/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/deadlines.h: the deadlines and occasions (or every date) of the
 * indexed documents, optionally on a day or in a period, of one document
 * type, of one actor or recipient, sorted by date (then path, then offset)
 * or grouped by actor, each with its document, the sentence around it and
 * who owes what to whom; and its writers (text, JSON Lines, iCalendar).
 *
 * Ownership: *out of cm_deadlines is the caller's (cm_deadlines_free);
 * the items and every string they point to are borrowed from the result.
 * The options' strings are only read during the call. */
#ifndef CHIMUC_DEADLINES_H
#define CHIMUC_DEADLINES_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/date.h"
#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CM_DEADLINE_DEADLINE, /* a date something is due by */
	CM_DEADLINE_OCCASION, /* an anniversary, a day of the year */
	CM_DEADLINE_DATE      /* any other date (listed with all) */
} cm_deadline_kind;

/* "deadline", "occasion", "date". */
const char *cm_deadline_kind_name(cm_deadline_kind kind);

/* How the listing is ordered. */
typedef enum {
	CM_DEADLINES_BY_DATE = 0, /* by date, then path, then offset */
	CM_DEADLINES_BY_ACTOR     /* by the actor's key (chimuc/body.h), then date; no actor last */
} cm_deadlines_by;

typedef struct {
	unsigned version; /* CM_DEADLINES_OPTIONS_VERSION */
	/* on: one date, "15/10" (that day in every year), "15/10/2024" or
	 * "2024-10-15", "2024-06" or "6/2024"; excludes from and to. from, to:
	 * the first and last day, month or year ("2024-06-01", "2024-06",
	 * "2024"). NULL: no bound. */
	const char *on, *from, *to;
	const char *type;     /* "KH", "Kế hoạch", "NQ"…; NULL: any */
	int all;              /* every date, not only deadlines and occasions */
	size_t offset, limit; /* the page; limit CM_ALL: no limit */
	/* actor, recipient: only the deadlines whose actor or recipient
	 * matches (cm_body_matches: "Ban Dân vận", "BDV", "ban dan van" match
	 * "Ban Dân vận Tỉnh ủy"); NULL: any, with or without one. */
	const char *actor, *recipient;
	cm_deadlines_by by;
} cm_deadlines_options;

#define CM_DEADLINES_OPTIONS_VERSION 2
#define CM_DEADLINES_OPTIONS_INIT                                                               \
	{                                                                                       \
		CM_DEADLINES_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, 0, CM_ALL, NULL, NULL, \
			CM_DEADLINES_BY_DATE                                                    \
	}

typedef struct {
	const char *path, *title;  /* the document */
	char iso[CM_ISO_MAX];      /* the date as the text says it */
	char resolved[CM_ISO_MAX]; /* a year-less date with the document's year, else "" */
	char key[CM_ISO_MAX];      /* resolved, else iso: what the list is sorted by */
	cm_deadline_kind kind;
	const char *text;       /* the date's words */
	const char *context;    /* the sentence around it */
	const char *occasion;   /* the occasion's canonical text, or NULL */
	const char *recurrence; /* "yearly", "every 6 months"…, or NULL */
	long start, end;        /* the date's bytes in the document's text */
	/* Who owes what to whom (chimuc/date.h), NULL when the text does not
	 * say (or the index predates them): */
	const char *actor;     /* the body that must act */
	const char *actor_key; /* its key (cm_body_key): what --by actor groups by */
	const char *task, *recipient, *channel;
	const char *const *partners; /* npartners bodies it works with */
	size_t npartners;
} cm_deadline_item;

typedef struct cm_deadlines_result cm_deadlines_result;

/* 0 if the dates of opts are well formed (no index needed); CM_EINVAL with
 * the message otherwise: on not a date, from or to not a dated day, month
 * or year, on with from or to, an unknown opts->version. */
int cm_deadlines_check(const cm_deadlines_options *opts);

/* The listing of ix for opts (NULL: the defaults). Errors: those of
 * cm_deadlines_check, CM_EINVAL (an unknown type), CM_ENOMEM, the index's
 * (after "database modified" the read is rerun, see chimuc/index.h). */
int cm_deadlines(cm_deadlines_result **out, cm_index *ix, const cm_deadlines_options *opts);

size_t cm_deadlines_size(const cm_deadlines_result *r);  /* items in this page */
size_t cm_deadlines_total(const cm_deadlines_result *r); /* items in the whole answer */
const cm_deadline_item *cm_deadlines_get(const cm_deadlines_result *r, size_t i);
cm_deadlines_by cm_deadlines_order(const cm_deadlines_result *r); /* opts->by */
void cm_deadlines_free(cm_deadlines_result *r);

/* The page of r: one entry per item (date, kind, path; the sentence; with
 * an actor, "actor → recipient (qua channel): task"), under a line per
 * actor ("(no actor)" last) when r is by actor; one JSON object per line
 * (path, title, iso, resolved, kind, text, context, occasion, recurrence,
 * start, end, actor, task, recipient, channel, partners); an iCalendar
 * (RFC 5545) with one all-day event per item (SUMMARY its task, else its
 * kind and occasion or title; DESCRIPTION "actor → recipient (qua
 * channel)" then the sentence), day-month occasions recurring yearly and
 * recurring deadlines by their recurrence (written whole or not at all). 0, or CM_EIO, CM_ENOMEM, CM_EINVAL (an
 * impossible date in the calendar), the iCalendar library's errors. */
int cm_deadlines_write_text(FILE *f, const cm_deadlines_result *r);
int cm_deadlines_write_json(FILE *f, const cm_deadlines_result *r);
int cm_deadlines_write_ics(FILE *f, const cm_deadlines_result *r);

#ifdef __cplusplus
}
#endif

#endif
