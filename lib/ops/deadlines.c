/* SPDX-License-Identifier: GPL-2.0-or-later */

/* deadlines.c: the deadlines listing of chimuc/deadlines.h. The index
 * narrows the documents (the date filter, a type: filter); each document's
 * dates (chimuc/docinfo.h) give the mentions, their sentences and who owes
 * them to whom; the whole list is filtered by body, sorted, then paged. */
#include "chimuc/deadlines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/body.h"
#include "chimuc/citation.h"
#include "chimuc/docinfo.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "ops/match.h"
#include "ops/datespan.h"

struct cm_deadlines_result {
	cm_array_t(cm_deadline_item) items;
	size_t first, end; /* the page: items [first, end) */
	cm_deadlines_by by;
};

const char *cm_deadline_kind_name(cm_deadline_kind kind)
{
	static const char *const names[] = {"deadline", "occasion", "date"};
	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "date";
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void free_item(cm_deadline_item *it)
{
	free((char *)it->path);
	free((char *)it->title);
	free((char *)it->text);
	free((char *)it->context);
	free((char *)it->occasion);
	free((char *)it->recurrence);
	free((char *)it->actor);
	free((char *)it->actor_key);
	free((char *)it->task);
	free((char *)it->recipient);
	free((char *)it->channel);
	for (size_t i = 0; i < it->npartners; i++)
		free((char *)it->partners[i]);
	free((char **)it->partners);
}

static void clear_items(cm_deadlines_result *r)
{
	for (size_t i = 0; i < r->items.size; i++)
		free_item(&r->items.ptr[i]);
	cm_array_clear(r->items);
}

/* What the listing is asked for, parsed once. */
typedef struct {
	const cm_deadlines_options *o;
	char on_iso[CM_ISO_MAX]; /* on as ISO, or "" */
	cm_datespan on, from, to;
	char *actor_key, *recipient_key; /* of the bodies asked for (cm_body_key), or NULL */
	cm_deadlines_result *r;
} listing;

static int parse_dates(listing *l, const cm_deadlines_options *o)
{
	int rc;

	if (o->version != CM_DEADLINES_OPTIONS_VERSION)
		return cm_error_version("deadlines", o->version, CM_DEADLINES_OPTIONS_VERSION);
	if ((unsigned)o->by > CM_DEADLINES_BY_ACTOR)
		return cm_error_set(CM_EINVAL, "deadlines: no order %d", (int)o->by);
	if (o->on && (o->from || o->to))
		return cm_error_set(CM_EINVAL, "a date (on) excludes a period (from, to)");
	l->on_iso[0] = '\0';
	if (o->on) {
		if ((rc = cm_date_parse_user(l->on_iso, o->on)) < 0)
			return rc;
		if (l->on_iso[0] != '-' && !cm_datespan_of_iso(&l->on, l->on_iso))
			return cm_error_set(CM_EINVAL, "not a date: '%s'", o->on);
	}
	if ((o->from && cm_datespan_parse(&l->from, o->from) < 0) ||
	    (o->to && cm_datespan_parse(&l->to, o->to) < 0))
		return cm_error_set(CM_EINVAL, "from and to need a dated day, month or year");
	return 0;
}

int cm_deadlines_check(const cm_deadlines_options *opts)
{
	static const cm_deadlines_options defaults = CM_DEADLINES_OPTIONS_INIT;
	listing l;

	return parse_dates(&l, opts ? opts : &defaults);
}

/* 1 if the mention (iso as written; key: resolved, else iso) is in the
 * date or period asked for. */
static int wanted(const listing *l, const char *iso, const char *key)
{
	const cm_deadlines_options *o = l->o;
	cm_datespan k;

	if (o->on && l->on_iso[0] == '-') /* a day-month: any year */
		return strlen(iso) >= 7 && !strcmp(iso + strlen(iso) - 5, l->on_iso + 2);
	if (!o->on && !o->from && !o->to)
		return 1;
	if (!cm_datespan_of_iso(&k, key))
		return 0;
	if (o->on)
		return cm_datespan_overlaps(&k, &l->on);
	return (!o->from || strcmp(k.hi, l->from.lo) >= 0) &&
	       (!o->to || strcmp(k.lo, l->to.hi) <= 0);
}

/* 1 if the body whose key is name_key (NULL: none) is the one asked for
 * (query_key; NULL: any), else 0. */
static int key_wanted(const char *name_key, const char *query_key)
{
	return !query_key || (name_key && cm_body_key_matches(name_key, query_key));
}

/* *out: the key of name, NULL for none. */
static int key_of(char **out, const char *name)
{
	*out = NULL;
	return name ? cm_body_key(out, name, strlen(name)) : 0;
}

static int copy_partners(cm_deadline_item *it, const cm_docdate *d)
{
	char **v;

	if (!d->npartners)
		return 0;
	if (!(v = calloc(d->npartners, sizeof *v)))
		return cm_error_nomem();
	it->partners = (const char *const *)v;
	for (; it->npartners < d->npartners; it->npartners++)
		if (!(v[it->npartners] = strdup(d->partners[it->npartners])))
			return cm_error_nomem();
	return 0;
}

/* who owes it to whom: the strings copied; *actor_key (the key of d's
 * actor, or NULL) taken into it */
static int copy_obligation(cm_deadline_item *it, const cm_docdate *d, char **actor_key)
{
	if ((d->actor && !(it->actor = strdup(d->actor))) ||
	    (d->task && !(it->task = strdup(d->task))) ||
	    (d->recipient && !(it->recipient = strdup(d->recipient))) ||
	    (d->channel && !(it->channel = strdup(d->channel))))
		return cm_error_nomem();
	it->actor_key = *actor_key;
	*actor_key = NULL;
	return copy_partners(it, d);
}

static int add_item(listing *l, const cm_docinfo *info, const cm_docdate *d, cm_deadline_kind kind,
		    char **actor_key)
{
	cm_deadline_item *it = cm_array_alloc(l->r->items);
	int rc;

	if (!it)
		return CM_ENOMEM;
	snprintf(it->iso, sizeof it->iso, "%s", d->iso);
	snprintf(it->resolved, sizeof it->resolved, "%s", d->resolved ? d->resolved : "");
	snprintf(it->key, sizeof it->key, "%s", d->resolved ? d->resolved : d->iso);
	it->kind = kind;
	it->start = (long)d->start;
	it->end = (long)d->end;
	it->path = strdup(cm_docinfo_path(info));
	it->title = strdup(cm_docinfo_title(info));
	it->occasion = dup_or_null(d->occasion);
	it->recurrence = dup_or_null(d->recurrence);
	if (!it->path || !it->title || (d->occasion && !it->occasion) ||
	    (d->recurrence && !it->recurrence))
		return cm_error_nomem();
	if ((rc = cm_docinfo_excerpt((char **)&it->text, info, d->start, d->end)) < 0 ||
	    (rc = cm_docinfo_excerpt((char **)&it->context, info, d->ctx_start, d->ctx_end)) < 0)
		return rc;
	return copy_obligation(it, d, actor_key);
}

/* The kind of d, or -1 when the listing leaves it out. */
static int kind_of(const listing *l, const cm_docdate *d)
{
	cm_deadline_kind kind = d->occasion && !d->in_citation ? CM_DEADLINE_OCCASION
				: d->deadline                  ? CM_DEADLINE_DEADLINE
							       : CM_DEADLINE_DATE;

	if (!d->iso[0] || (!l->o->all && kind == CM_DEADLINE_DATE))
		return -1;
	if (kind == CM_DEADLINE_OCCASION && d->range == CM_RANGE_START && !l->o->all)
		return -1; /* the historical origin of an anniversary */
	return (int)kind;
}

static int collect_doc(listing *l, const cm_docinfo *info)
{
	int rc = 0;

	for (size_t i = 0; i < info->ndates && rc == 0; i++) {
		const cm_docdate *d = &info->dates[i];
		int kind = kind_of(l, d);
		char *actor = NULL, *recipient = NULL;

		if (kind < 0 || !wanted(l, d->iso, d->resolved ? d->resolved : d->iso))
			continue;
		if ((rc = key_of(&actor, d->actor)) == 0 &&
		    (!l->recipient_key || (rc = key_of(&recipient, d->recipient)) == 0) &&
		    key_wanted(actor, l->actor_key) && key_wanted(recipient, l->recipient_key))
			rc = add_item(l, info, d, (cm_deadline_kind)kind, &actor);
		free(actor);
		free(recipient);
	}
	return rc < 0 ? rc : 0;
}

/* The documents that can hold a wanted date: the date filter of the
 * index, and the type's. */
static int documents_query(cm_xquery **out, const listing *l, cm_xdb *db)
{
	const cm_deadlines_options *o = l->o;
	cm_xquery *q = NULL, *pair[2];
	cm_query *type = NULL;
	char *range = NULL, text[64];
	int rc;

	if (o->on)
		rc = cm_date_filter(&q, db, o->on);
	else if (o->from || o->to) {
		const char *from = o->from ? o->from : "0001", *to = o->to ? o->to : "9999";
		if (!(range = malloc(strlen(from) + strlen(to) + 3)))
			return cm_error_nomem();
		sprintf(range, "%s..%s", from, to);
		rc = cm_date_filter(&q, db, range);
		free(range);
	} else {
		rc = cm_xquery_match_all(&q);
	}
	if (rc < 0 || !o->type) {
		*out = q;
		return rc;
	}
	/* the type in the query language (type:CODE), whose filter term the
	 * schema defines */
	snprintf(text, sizeof text, "type:%s",
		 cm_citation_type_code(cm_citation_type_from_user(o->type)));
	if ((rc = cm_query_parse(&type, db, text, strlen(text))) == 0) {
		pair[0] = q;
		pair[1] = (cm_xquery *)cm_query_xapian(type);
		rc = cm_xquery_combine(out, CM_XQ_FILTER, pair, 2, 0);
	}
	cm_query_free(type);
	cm_xquery_free(q);
	return rc;
}

static int by_date(const void *a, const void *b)
{
	const cm_deadline_item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c == 0)
		c = strcmp(x->path, y->path);
	return c ? c : (x->start > y->start) - (x->start < y->start);
}

static int by_actor(const void *a, const void *b)
{
	const cm_deadline_item *x = a, *y = b;
	int c;

	if (!x->actor_key != !y->actor_key)
		return x->actor_key ? -1 : 1; /* no actor last */
	if (x->actor_key && (c = strcmp(x->actor_key, y->actor_key)))
		return c;
	return by_date(a, b);
}

/* One read of the index (cm_index_read): the whole list from scratch. */
static int read_listing(void *ctx, cm_xdb *db)
{
	listing *l = ctx;
	cm_xquery *q = NULL;
	cm_xmset *m = NULL;
	int rc;

	clear_items(l->r);
	if ((rc = documents_query(&q, l, db)) < 0 || (rc = cm_match_all(&m, db, q)) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m) && rc == 0; i++) {
		cm_xdoc *doc = NULL;
		cm_docinfo *info = NULL;
		if ((rc = cm_xmset_document(&doc, m, i)) == 0 &&
		    (rc = cm_docinfo_load(&info, doc)) == 0)
			rc = collect_doc(l, info);
		cm_docinfo_free(info);
		cm_xdoc_free(doc);
	}
cleanup:
	cm_xmset_free(m);
	cm_xquery_free(q);
	return rc;
}

int cm_deadlines(cm_deadlines_result **out, cm_index *ix, const cm_deadlines_options *opts)
{
	static const cm_deadlines_options defaults = CM_DEADLINES_OPTIONS_INIT;
	listing l = {.o = opts ? opts : &defaults};
	cm_deadlines_result *r = NULL;
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = parse_dates(&l, l.o)) < 0)
		return rc;
	if (l.o->type && !cm_citation_type_code(cm_citation_type_from_user(l.o->type)))
		return cm_error_set(CM_EINVAL, "unknown document type '%s'", l.o->type);
	if ((rc = key_of(&l.actor_key, l.o->actor)) < 0 ||
	    (rc = key_of(&l.recipient_key, l.o->recipient)) < 0)
		goto cleanup;
	if (!(r = l.r = calloc(1, sizeof *r))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	if ((rc = cm_index_read(ix, read_listing, &l)) < 0) {
		cm_deadlines_free(r);
		goto cleanup;
	}
	n = r->items.size;
	if (n)
		qsort(r->items.ptr, n, sizeof *r->items.ptr,
		      l.o->by == CM_DEADLINES_BY_ACTOR ? by_actor : by_date);
	r->by = l.o->by;
	r->first = l.o->offset < n ? l.o->offset : n;
	r->end = n - r->first < l.o->limit ? n : r->first + l.o->limit;
	*out = r;
cleanup:
	free(l.actor_key);
	free(l.recipient_key);
	return rc;
}

size_t cm_deadlines_size(const cm_deadlines_result *r)
{
	return r->end - r->first;
}

size_t cm_deadlines_total(const cm_deadlines_result *r)
{
	return r->items.size;
}

const cm_deadline_item *cm_deadlines_get(const cm_deadlines_result *r, size_t i)
{
	return i < r->end - r->first ? &r->items.ptr[r->first + i] : NULL;
}

cm_deadlines_by cm_deadlines_order(const cm_deadlines_result *r)
{
	return r->by;
}

void cm_deadlines_free(cm_deadlines_result *r)
{
	if (!r)
		return;
	clear_items(r);
	free(r);
}
