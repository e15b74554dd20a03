/* SPDX-License-Identifier: GPL-2.0-or-later */

/* status.c: the status operation (chimuc/status.h): each asked key parsed,
 * its claims and status read by cm_validity_of inside one index read. */
#include "chimuc/status.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "ops/validity.h"

static const char *const names[] = {"in_force", "amended", "replaced", "repealed",
				    "expired",  "not_yet", "unknown"};

typedef struct {
	cm_status_item item;
	cm_validity v;
	char key[CM_KEY_MAX];
	int year;
} entry;

struct cm_status_result {
	entry *v;
	size_t n;
	char today[CM_ISO_MAX];
};

static void entries_release(cm_status_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		cm_validity_release(&r->v[i].v);
}

static int run(void *ctx, cm_xdb *db)
{
	cm_status_result *r = ctx;
	int rc = 0;

	entries_release(r);
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		entry *e = &r->v[i];
		char base[CM_KEY_MAX];
		snprintf(base, sizeof base, "%.*s", (int)strcspn(e->key, "@"), e->key);
		if ((rc = cm_validity_of(&e->v, db, base, e->year, r->today)) < 0)
			break;
		e->item = (cm_status_item){e->key,
					   e->v.path,
					   e->v.status,
					   e->v.since[0] ? e->v.since : NULL,
					   e->v.claims.ptr,
					   e->v.claims.size,
					   e->v.conflicts.ptr,
					   e->v.conflicts.size};
	}
	return rc;
}

/* The key asked: "3080/QĐ-UBND", "25-NQ/TW@2013". */
static int parse(entry *e, const char *ref)
{
	char base[CM_KEY_MAX];
	int rc = cm_citation_parse_ref(base, &e->year, ref);

	return rc < 0 ? rc : cm_validity_key(e->key, base, e->year);
}

int cm_status(cm_status_result **out, cm_index *ix, const char *const *refs, size_t n,
	      const cm_status_options *opts)
{
	static const cm_status_options defaults = CM_STATUS_OPTIONS_INIT;
	cm_status_result *r = calloc(1, sizeof *r);
	int rc = 0;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!r || (n && !(r->v = calloc(n, sizeof *r->v)))) {
		free(r);
		return cm_error_nomem();
	}
	r->n = n;
	if (opts->version != CM_STATUS_OPTIONS_VERSION)
		rc = cm_error_version("status", opts->version, CM_STATUS_OPTIONS_VERSION);
	if (rc == 0)
		rc = cm_validity_today(r->today, opts->today);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = parse(&r->v[i], refs[i]);
	if (rc == 0)
		rc = cm_index_read(ix, run, r);
	if (rc < 0)
		cm_status_free(r);
	else
		*out = r;
	return rc;
}

void cm_status_free(cm_status_result *r)
{
	if (!r)
		return;
	entries_release(r);
	free(r->v);
	free(r);
}

size_t cm_status_size(const cm_status_result *r)
{
	return r->n;
}

const cm_status_item *cm_status_get(const cm_status_result *r, size_t i)
{
	return i < r->n ? &r->v[i].item : NULL;
}

const char *cm_status_name(cm_status_kind status)
{
	return (size_t)status < sizeof names / sizeof names[0] ? names[status] : NULL;
}
