/* SPDX-License-Identifier: GPL-2.0-or-later */

/* statusfilter.c: the keys with claims walked once (their XR terms), and
 * status:NAME of the query language built from them: the documents whose
 * own number (XN) has that status today, in_force as every document but
 * those whose number has another (ops/validity.h). */
#include <stdio.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "ops/validity.h"

int cm_validity_each_key(cm_xdb *db, cm_validity_key_fn fn, void *ctx)
{
	size_t plen = strlen(CM_PREFIX_CLAIMS);
	cm_xterms *it = NULL;
	const char *t;
	size_t len;
	unsigned count;
	int rc;

	if ((rc = cm_xdb_allterms(&it, db, CM_PREFIX_CLAIMS, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&t, &len, &count, it)) > 0) {
		char base[CM_KEY_MAX];
		if (len - plen >= sizeof base || memchr(t + plen, '@', len - plen))
			continue; /* the key with its year: its base is listed too */
		memcpy(base, t + plen, len - plen);
		base[len - plen] = '\0';
		if ((rc = fn(ctx, db, base)) < 0)
			break;
	}
	cm_xterms_free(it);
	return rc < 0 ? rc : 0;
}

typedef struct {
	cm_status_kind want;
	char today[CM_ISO_MAX];
	cm_array_t(cm_xquery *) v;
} filter;

/* The XN term of base into the list when its status is the one wanted
 * (for in_force: when it is another). */
static int collect(void *ctx, cm_xdb *db, const char *base)
{
	filter *f = ctx;
	char term[CM_KEY_MAX + 8];
	cm_validity v;
	cm_xquery **slot;
	int rc = cm_validity_of(&v, db, base, 0, f->today), n, hit;

	hit = f->want == CM_STATUS_IN_FORCE ? v.status != CM_STATUS_IN_FORCE : v.status == f->want;
	cm_validity_release(&v);
	if (rc < 0 || !hit)
		return rc;
	if ((n = cm_term_number(term, sizeof term, base)) < 0)
		return n;
	if (!(slot = cm_array_alloc(f->v)))
		return cm_error_nomem();
	return cm_xquery_term(slot, term, (size_t)n, 1, 0);
}

static int parse(cm_status_kind *out, const char *name)
{
	static const cm_status_kind kinds[] = {CM_STATUS_IN_FORCE, CM_STATUS_AMENDED,
					       CM_STATUS_REPLACED, CM_STATUS_REPEALED,
					       CM_STATUS_EXPIRED};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(name, cm_status_name(kinds[i]))) {
			*out = kinds[i];
			return 0;
		}
	return cm_error_set(CM_EINVAL,
			    "status: is in_force, amended, replaced, repealed or expired, not '%s'",
			    name);
}

/* The OR of the list, or nothing; for in_force every document but those. */
static int combine(cm_xquery **out, filter *f)
{
	cm_xquery *any = NULL, *all = NULL, *pair[2], *q = NULL;
	int rc;

	if (f->v.size == 0)
		rc = f->want == CM_STATUS_IN_FORCE ? cm_xquery_match_all(&q)
						   : cm_xquery_match_nothing(&q);
	else if ((rc = cm_xquery_combine(&any, CM_XQ_OR, f->v.ptr, f->v.size, 0)) == 0 &&
		 f->want == CM_STATUS_IN_FORCE && (rc = cm_xquery_match_all(&all)) == 0) {
		pair[0] = all;
		pair[1] = any;
		rc = cm_xquery_combine(&q, CM_XQ_AND_NOT, pair, 2, 0);
	} else if (rc == 0) {
		q = any;
		any = NULL;
	}
	if (rc == 0)
		rc = cm_xquery_scale(out, 0, q);
	cm_xquery_free(q);
	cm_xquery_free(any);
	cm_xquery_free(all);
	return rc;
}

int cm_status_filter(cm_xquery **out, cm_xdb *db, const char *name)
{
	filter f = {.v = CM_ARRAY_INIT};
	int rc;

	if ((rc = parse(&f.want, name)) < 0 || (rc = cm_validity_today(f.today, NULL)) < 0)
		return rc;
	if ((rc = cm_validity_each_key(db, collect, &f)) == 0)
		rc = combine(out, &f);
	for (size_t i = 0; i < f.v.size; i++)
		cm_xquery_free(f.v.ptr[i]);
	cm_array_clear(f.v);
	return rc;
}
