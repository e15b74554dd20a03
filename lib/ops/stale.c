/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stale.c: the stale operation (chimuc/stale.h): every key with claims (the
 * XR terms), its status (ops/validity.h), and the documents citing it (its
 * XC postlist) whose own date is after the date it stopped. */
#include "chimuc/stale.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "ops/citegraph.h"
#include "ops/validity.h"

typedef struct {
	cm_stale_item item;
	cm_validity v;
	cm_array_t(cm_stale_citing) citing;
} entry;

struct cm_stale_result {
	cm_array_t(entry) entries;
	cm_array_t(char *) strs;
	char today[CM_ISO_MAX];
};

typedef struct {
	cm_stale_result *r;
	entry *e;
	const char *base;
} scan;

static void reset(cm_stale_result *r)
{
	for (size_t i = 0; i < r->entries.size; i++) {
		cm_validity_release(&r->entries.ptr[i].v);
		cm_array_clear(r->entries.ptr[i].citing);
	}
	cm_array_clear(r->entries);
	for (size_t i = 0; i < r->strs.size; i++)
		free(r->strs.ptr[i]);
	cm_array_clear(r->strs);
}

static int keep(const char **out, cm_stale_result *r, const char *s)
{
	char **slot;

	*out = NULL;
	if (!s)
		return 0;
	if (!(slot = cm_array_alloc(r->strs)) || !(*slot = strdup(s)))
		return cm_error_nomem();
	*out = *slot;
	return 0;
}

/* 1 if document id makes one of the claims. */
static int claims(const cm_validity *v, cm_xdocid id)
{
	for (size_t i = 0; i < v->claims.size; i++)
		if (v->claims.ptr[i].id == id)
			return 1;
	return 0;
}

static int each_citing(void *ctx, cm_xdb *db, cm_xdocid id)
{
	scan *s = ctx;
	cm_graphdoc d = {0};
	cm_stale_citing *c;
	int rc;

	if (claims(&s->e->v, id))
		return 0;
	if ((rc = cm_graphdoc_load(&d, db, id)) < 0)
		return rc;
	if (d.date && strlen(d.date) >= 10 && strcmp(d.date, s->e->item.since) > 0) {
		if (!(c = cm_array_alloc(s->e->citing)))
			rc = cm_error_nomem();
		else if ((rc = keep(&c->path, s->r, d.path)) == 0 &&
			 (rc = keep(&c->key, s->r, d.key)) == 0)
			rc = keep(&c->date, s->r, d.date);
	}
	cm_graphdoc_release(&d);
	return rc;
}

static int newest_first(const void *a, const void *b)
{
	const cm_stale_citing *x = a, *y = b;
	int c = strcmp(y->date, x->date);
	return c ? c : strcmp(x->path, y->path);
}

/* The entry of base, kept when it stopped and is cited after. */
static int examine(cm_stale_result *r, cm_xdb *db, const char *base)
{
	entry *e = cm_array_alloc(r->entries);
	const cm_status_claim *d;
	scan s = {r, e, base};
	char term[CM_KEY_MAX + 8];
	int rc;

	if (!e)
		return cm_error_nomem();
	if ((rc = cm_validity_of(&e->v, db, base, 0, r->today)) < 0)
		return rc;
	if (!(d = cm_validity_decider(&e->v)) || !e->v.since[0])
		goto drop;
	e->item.status = e->v.status;
	e->item.since = e->v.since; /* set again once the entries stop moving */
	e->item.by = d->key;
	if ((rc = keep(&e->item.key, r, base)) < 0 ||
	    (rc = cm_term_cites(term, sizeof term, base)) < 0 ||
	    (rc = cm_postings_each(db, term, each_citing, &s)) < 0)
		return rc;
	if (!e->citing.size)
		goto drop;
	qsort(e->citing.ptr, e->citing.size, sizeof *e->citing.ptr, newest_first);
	return 0;
drop:
	cm_validity_release(&e->v);
	cm_array_clear(e->citing);
	r->entries.size--;
	return 0;
}

static int examine_key(void *ctx, cm_xdb *db, const char *base)
{
	return examine(ctx, db, base);
}

static int run(void *ctx, cm_xdb *db)
{
	cm_stale_result *r = ctx;
	int rc;

	reset(r);
	if ((rc = cm_validity_each_key(db, examine_key, r)) < 0)
		return rc;
	for (size_t i = 0; i < r->entries.size; i++) {
		entry *e = &r->entries.ptr[i];
		e->item.since = e->v.since;
		e->item.citing = e->citing.ptr;
		e->item.nciting = e->citing.size;
	}
	return 0;
}

int cm_stale(cm_stale_result **out, cm_index *ix, const cm_stale_options *opts)
{
	static const cm_stale_options defaults = CM_STALE_OPTIONS_INIT;
	cm_stale_result *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!r)
		return cm_error_nomem();
	if (opts->version != CM_STALE_OPTIONS_VERSION)
		rc = cm_error_version("stale", opts->version, CM_STALE_OPTIONS_VERSION);
	else if ((rc = cm_validity_today(r->today, opts->today)) == 0)
		rc = cm_index_read(ix, run, r);
	if (rc < 0)
		cm_stale_free(r);
	else
		*out = r;
	return rc;
}

void cm_stale_free(cm_stale_result *r)
{
	if (!r)
		return;
	reset(r);
	free(r);
}

size_t cm_stale_size(const cm_stale_result *r)
{
	return r->entries.size;
}

const cm_stale_item *cm_stale_get(const cm_stale_result *r, size_t i)
{
	return i < r->entries.size ? &r->entries.ptr[i].item : NULL;
}
