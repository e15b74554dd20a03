/* SPDX-License-Identifier: GPL-2.0-or-later */

/* validity.c: one key's claims, read from the documents of its XR postlist
 * (each document's stored relations whose target is the key), and the
 * status they decide (ops/validity.h, chimuc/status.h). */
#include "ops/validity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chimuc/citation.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "ops/citegraph.h"

typedef struct {
	cm_validity *v;
	const char *base;
	int year;
} job;

/* s copied into v's strings (NULL stays NULL); *out the copy. */
static int keep(const char **out, cm_validity *v, const char *s)
{
	char **slot;

	*out = NULL;
	if (!s)
		return 0;
	if (!(slot = cm_array_alloc(v->strs)))
		return cm_error_nomem();
	if (!(*slot = strdup(s)))
		return cm_error_nomem();
	*out = *slot;
	return 0;
}

/* The sentence of r in info, on one line. */
static int context(const char **out, cm_validity *v, const cm_docinfo *info, const cm_docrel *r)
{
	char *s;
	int rc = cm_docinfo_excerpt(&s, info, r->ctx_start, r->ctx_end);

	if (rc < 0)
		return rc;
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	rc = keep(out, v, s);
	free(s);
	return rc;
}

static int add_claim(cm_validity *v, cm_xdb *db, cm_xdocid id, const cm_docinfo *info,
		     const cm_docrel *r)
{
	cm_status_claim *c = cm_array_alloc(v->claims);
	const char *key = r->own ? (info->self.key ? info->self.key : info->number) : r->source;
	const char *date = r->date ? r->date : r->own ? info->effective : NULL;
	char *by = NULL;
	int rc;

	if (!c)
		return cm_error_nomem();
	c->id = id;
	c->relation = r->kind;
	if ((rc = keep(&c->key, v, key)) < 0 || (rc = keep(&c->path, v, info->path)) < 0 ||
	    (rc = keep(&c->part, v, r->part)) < 0 || (rc = keep(&c->date, v, date)) < 0 ||
	    (rc = context(&c->context, v, info, r)) < 0)
		return rc;
	if (key && (rc = cm_path_by_key(&by, db, key)) < 0)
		return rc;
	rc = keep(&c->by_path, v, by);
	free(by);
	return rc;
}

static int each_doc(void *ctx, cm_xdb *db, cm_xdocid id)
{
	job *j = ctx;
	cm_docinfo *info;
	int rc = cm_docinfo_read(&info, db, id);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < info->nrels && rc == 0; i++)
		if (cm_key_matches(info->rels[i].target, j->base, j->year))
			rc = add_claim(j->v, db, id, info, &info->rels[i]);
	cm_docinfo_free(info);
	return rc;
}

/* By date (undated last), then by the stating document. */
static int by_date(const void *a, const void *b)
{
	const cm_status_claim *x = a, *y = b;
	int c;

	if (!x->date != !y->date)
		return x->date ? -1 : 1;
	if (x->date && (c = strcmp(x->date, y->date)))
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static int ends(const cm_status_claim *c)
{
	return !c->part && c->relation != CM_REL_AMENDS;
}

static int in_effect(const cm_status_claim *c, const char *today)
{
	return !c->date || strcmp(c->date, today) <= 0;
}

const cm_status_claim *cm_validity_decider(const cm_validity *v)
{
	if (v->status != CM_STATUS_REPLACED && v->status != CM_STATUS_REPEALED &&
	    v->status != CM_STATUS_EXPIRED)
		return NULL;
	for (size_t i = 0; i < v->claims.size; i++)
		if (ends(&v->claims.ptr[i]))
			return &v->claims.ptr[i];
	return NULL;
}

static cm_status_kind ending_status(cm_relation_kind k)
{
	return k == CM_REL_REPLACES  ? CM_STATUS_REPLACED
	       : k == CM_REL_REPEALS ? CM_STATUS_REPEALED
				     : CM_STATUS_EXPIRED;
}

/* The claims that end the whole of it in effect and disagree with the
 * first: every one of them, the first too. */
static int conflicts(cm_validity *v, const cm_status_claim *first, const char *today)
{
	size_t n = 0;

	for (size_t i = 0; i < v->claims.size; i++) {
		const cm_status_claim *c = &v->claims.ptr[i];
		if (ends(c) && in_effect(c, today) &&
		    (c->relation != first->relation ||
		     strcmp(c->key ? c->key : "", first->key ? first->key : "")))
			n++;
	}
	for (size_t i = 0; n && i < v->claims.size; i++) {
		const cm_status_claim *c = &v->claims.ptr[i], **slot;
		if (!ends(c) || !in_effect(c, today))
			continue;
		if (!(slot = cm_array_alloc(v->conflicts)))
			return cm_error_nomem();
		*slot = c;
	}
	return 0;
}

/* The status from the claims (sorted) and the document's own dates. */
static int decide(cm_validity *v, cm_xdb *db, const char *base, int year, const char *today)
{
	cm_xdocid id;
	char key[CM_KEY_MAX];

	for (size_t i = 0; i < v->claims.size; i++) {
		const cm_status_claim *c = &v->claims.ptr[i];
		if (ends(c) && in_effect(c, today)) {
			v->status = ending_status(c->relation);
			snprintf(v->since, sizeof v->since, "%s", c->date ? c->date : "");
			return conflicts(v, c, today);
		}
	}
	if (cm_validity_key(key, base, year) < 0)
		return CM_EINVAL;
	if (v->path && cm_doc_id_by_key(&id, db, key) == 1) {
		cm_docinfo *info;
		int rc = cm_docinfo_read(&info, db, id), later;
		if (rc < 0)
			return rc;
		later = info->effective && strcmp(info->effective, today) > 0;
		if (later)
			snprintf(v->since, sizeof v->since, "%s", info->effective);
		cm_docinfo_free(info);
		if (later) {
			v->status = CM_STATUS_NOT_YET;
			return 0;
		}
	}
	for (size_t i = 0; i < v->claims.size; i++) {
		const cm_status_claim *c = &v->claims.ptr[i];
		if (in_effect(c, today)) {
			v->status = CM_STATUS_AMENDED;
			snprintf(v->since, sizeof v->since, "%s", c->date ? c->date : "");
			return 0;
		}
	}
	v->status = v->path ? CM_STATUS_IN_FORCE : CM_STATUS_UNKNOWN;
	return 0;
}

int cm_validity_of(cm_validity *out, cm_xdb *db, const char *base, int year, const char *today)
{
	job j = {out, base, year};
	char term[CM_KEY_MAX + 8], key[CM_KEY_MAX];
	int rc;

	*out = (cm_validity){0};
	if ((rc = cm_validity_key(key, base, year)) < 0 ||
	    (rc = cm_term_claims(term, sizeof term, key)) < 0 ||
	    (rc = cm_postings_each(db, term, each_doc, &j)) < 0 ||
	    (rc = cm_path_by_key(&out->path, db, key)) < 0)
		return rc;
	if (out->claims.size)
		qsort(out->claims.ptr, out->claims.size, sizeof *out->claims.ptr, by_date);
	return decide(out, db, base, year, today);
}

int cm_validity_key(char out[CM_KEY_MAX], const char *base, int year)
{
	int n = year ? snprintf(out, CM_KEY_MAX, "%s@%d", base, year)
		     : snprintf(out, CM_KEY_MAX, "%s", base);

	if (n < 0 || n >= CM_KEY_MAX)
		return cm_error_set(CM_EINVAL, "%s: the key is too long", base);
	return 0;
}

void cm_validity_release(cm_validity *v)
{
	for (size_t i = 0; i < v->strs.size; i++)
		free(v->strs.ptr[i]);
	cm_array_clear(v->strs);
	cm_array_clear(v->claims);
	cm_array_clear(v->conflicts);
	free(v->path);
	v->path = NULL;
}

int cm_validity_status(cm_status_kind *out, char since[CM_ISO_MAX], cm_xdb *db, const char *key,
		       const char *today)
{
	char base[CM_KEY_MAX], day[CM_ISO_MAX];
	const char *at = strchr(key, '@');
	cm_validity v;
	int rc;

	snprintf(base, sizeof base, "%.*s", (int)strcspn(key, "@"), key);
	if ((rc = cm_validity_today(day, today)) < 0)
		return rc;
	rc = cm_validity_of(&v, db, base, at ? atoi(at + 1) : 0, day);
	if (rc == 0) {
		*out = v.status;
		snprintf(since, CM_ISO_MAX, "%s", v.since);
	}
	cm_validity_release(&v);
	return rc;
}

int cm_validity_today(char out[CM_ISO_MAX], const char *today)
{
	if (today) {
		int y, m, d;
		char end;
		if (strlen(today) != 10 || sscanf(today, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
		    m < 1 || m > 12 || d < 1 || d > 31)
			return cm_error_set(CM_EINVAL, "\"%s\" is not a date (YYYY-MM-DD)", today);
		snprintf(out, CM_ISO_MAX, "%s", today);
		return 0;
	}
	{
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(out, CM_ISO_MAX, "%Y-%m-%d", &tm);
	}
	return 0;
}
