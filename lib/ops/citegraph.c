/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citegraph.c: index look-ups shared by the citation commands (see
 * citegraph.h). */
#include "ops/citegraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/xapian_c.h"

int cm_postings_each(cm_xdb *db, const char *term, cm_posting_fn fn, void *ctx)
{
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	if ((rc = cm_xdb_postings(&it, db, term, strlen(term))) < 0)
		return rc;
	while ((rc = cm_xpostings_next(&id, &wdf, it)) == 1 && (rc = fn(ctx, db, id)) == 0)
		;
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

static int add_docinfo(void *ctx, cm_xdb *db, cm_xdocid id)
{
	cm_doclist *list = ctx;
	cm_docinfo *info = NULL, **slot;
	int rc;

	if ((rc = cm_docinfo_read(&info, db, id)) < 0)
		return rc;
	if (!(slot = cm_array_alloc(*list))) {
		cm_docinfo_free(info);
		return CM_ENOMEM;
	}
	*slot = info;
	return 0;
}

int cm_doclist_by_term(cm_doclist *list, cm_xdb *db, const char *term)
{
	return cm_postings_each(db, term, add_docinfo, list);
}

void cm_doclist_release(cm_doclist *list)
{
	for (size_t i = 0; i < list->size; i++)
		cm_docinfo_free(list->ptr[i]);
	cm_array_clear(*list);
}

/* Cuts s at tabs into n fields (NULL when empty); the rest after the last. */
static void split_fields(char *s, const char **f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *tab = i + 1 < n ? strchr(s, '\t') : NULL;
		if (tab)
			*tab = '\0';
		f[i] = *s ? s : NULL;
		s = tab ? tab + 1 : s + strlen(s);
	}
}

static int get_value(char **out, cm_xdoc *doc, unsigned slot)
{
	size_t len;
	return cm_xdoc_get_value(out, &len, doc, slot);
}

/* The citation lines of the buffer at s (modified in place). */
static int split_cites(cm_graphdoc *d, char *s)
{
	while (*s) {
		char *nl = strchr(s, '\n');
		const char *f[CM_CITE_FIELDS];
		cm_cite *c;
		if (nl)
			*nl = '\0';
		split_fields(s, f, CM_CITE_FIELDS);
		if (!(c = cm_array_alloc(d->cites)))
			return CM_ENOMEM;
		*c = (cm_cite){f[0], f[1], f[2], f[3], f[4], f[5]};
		if (!c->key)
			d->cites.size--;
		if (!nl)
			break;
		s = nl + 1;
	}
	return 0;
}

/* The relation lines of d->relbuf (modified in place). */
static int split_rels(cm_graphdoc *d)
{
	char *s = d->relbuf;

	while (s && *s) {
		char *nl = strchr(s, '\n');
		const char *f[CM_REL_FIELDS];
		cm_rel *r;
		if (nl)
			*nl = '\0';
		split_fields(s, f, CM_REL_FIELDS);
		if (!(r = cm_array_alloc(d->rels)))
			return CM_ENOMEM;
		*r = (cm_rel){f[0], f[1] != NULL, f[2], f[3]};
		if (!r->kind || !r->target)
			d->rels.size--;
		if (!nl)
			break;
		s = nl + 1;
	}
	return 0;
}

int cm_graphdoc_load(cm_graphdoc *d, cm_xdb *db, cm_xdocid id)
{
	cm_xdoc *doc = NULL;
	char *self = NULL, *cites = NULL;
	const char *f[CM_SELF_FIELDS];
	size_t sl;
	int rc;

	*d = (cm_graphdoc){.id = id};
	if ((rc = cm_xdb_get_document(&doc, db, id)) < 0 ||
	    (rc = get_value(&d->path, doc, CM_SLOT_PATH)) < 0 ||
	    (rc = get_value(&d->title, doc, CM_SLOT_TITLE)) < 0 ||
	    (rc = get_value(&self, doc, CM_SLOT_SELF)) < 0 ||
	    (rc = get_value(&cites, doc, CM_SLOT_CITES)) < 0 ||
	    (rc = get_value(&d->relbuf, doc, CM_SLOT_RELATIONS)) < 0)
		goto cleanup;
	sl = strlen(self);
	if (!(d->buf = malloc(sl + 1 + strlen(cites) + 1))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	memcpy(d->buf, self, sl + 1);
	strcpy(d->buf + sl + 1, cites);
	split_fields(d->buf, f, CM_SELF_FIELDS);
	d->key = f[0];
	d->type = f[1];
	d->date = f[2];
	if ((rc = split_cites(d, d->buf + sl + 1)) == 0)
		rc = split_rels(d);
cleanup:
	if (rc < 0)
		cm_graphdoc_release(d);
	free(self);
	free(cites);
	cm_xdoc_free(doc);
	return rc;
}

void cm_graphdoc_release(cm_graphdoc *d)
{
	free(d->path);
	free(d->title);
	free(d->buf);
	free(d->relbuf);
	cm_array_clear(d->cites);
	cm_array_clear(d->rels);
	*d = (cm_graphdoc){0};
}

void cm_graphdocs_release(cm_graphdocs *docs)
{
	for (size_t i = 0; i < docs->size; i++)
		cm_graphdoc_release(&docs->ptr[i]);
	cm_array_clear(*docs);
}

const char *cm_graphdoc_node_id(const cm_graphdoc *d)
{
	return d->key ? d->key : d->path;
}

int cm_docset_init(cm_docset *s, cm_xdb *db)
{
	cm_xdocid last;
	int rc;

	*s = (cm_docset){0};
	if ((rc = cm_xdb_lastdocid(&last, db)) < 0)
		return rc;
	if (!(s->has = calloc((size_t)last + 1, 1)))
		return cm_error_nomem();
	s->n = (size_t)last + 1;
	return 0;
}

static int add_to_set(void *ctx, cm_xdb *db, cm_xdocid id)
{
	(void)db;
	cm_docset_add(ctx, id);
	return 0;
}

int cm_docset_add_term(cm_docset *s, cm_xdb *db, const char *term)
{
	return cm_postings_each(db, term, add_to_set, s);
}

int cm_docset_has(const cm_docset *s, cm_xdocid id)
{
	return id < s->n && s->has[id];
}

void cm_docset_add(cm_docset *s, cm_xdocid id)
{
	if (id < s->n)
		s->has[id] = 1;
}

void cm_docset_release(cm_docset *s)
{
	free(s->has);
	*s = (cm_docset){0};
}

typedef struct {
	cm_graphdocs *docs;
	cm_docset *loaded;
} graphdoc_sink;

static int add_graphdoc(void *ctx, cm_xdb *db, cm_xdocid id)
{
	graphdoc_sink *k = ctx;
	cm_graphdoc *d;
	int rc;

	if (k->loaded && cm_docset_has(k->loaded, id))
		return 0;
	if (!(d = cm_array_alloc(*k->docs)))
		return CM_ENOMEM;
	if ((rc = cm_graphdoc_load(d, db, id)) < 0) {
		k->docs->size--;
		return rc;
	}
	if (k->loaded)
		cm_docset_add(k->loaded, id);
	return 0;
}

int cm_graphdocs_by_term(cm_graphdocs *docs, cm_docset *loaded, cm_xdb *db, const char *term)
{
	graphdoc_sink k = {docs, loaded};
	return cm_postings_each(db, term, add_graphdoc, &k);
}

int cm_doc_id_by_key(cm_xdocid *out, cm_xdb *db, const char *key)
{
	char term[CM_KEY_MAX + 4];
	cm_xpostings *it;
	unsigned wdf;
	int rc, n = cm_term_number(term, sizeof term, key);

	if (n < 0)
		return n;
	if ((rc = cm_xdb_postings(&it, db, term, (size_t)n)) < 0)
		return rc;
	rc = cm_xpostings_next(out, &wdf, it);
	cm_xpostings_free(it);
	return rc;
}

int cm_path_by_key(char **out, cm_xdb *db, const char *key)
{
	cm_xdoc *doc = NULL;
	cm_xdocid id;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = cm_doc_id_by_key(&id, db, key)) <= 0)
		return rc;
	if ((rc = cm_xdb_get_document(&doc, db, id)) == 0)
		rc = cm_xdoc_get_value(out, &len, doc, CM_SLOT_PATH);
	cm_xdoc_free(doc);
	return rc;
}

int cm_cited_years(cm_years *out, cm_xdb *db, const char *base)
{
	char prefix[CM_KEY_MAX + 4];
	cm_xterms *it;
	const char *t;
	size_t len, plen;
	unsigned c;
	int rc, *y;

	if ((rc = cm_term(prefix, sizeof prefix, CM_PREFIX_CITES, base)) < 0 ||
	    (plen = (size_t)rc + 1) >= sizeof prefix)
		return rc < 0 ? rc : cm_error_set(CM_ELIMIT, "a citation key too long: %s", base);
	prefix[plen - 1] = '@';
	prefix[plen] = '\0';
	if ((rc = cm_xdb_allterms(&it, db, prefix, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(&t, &len, &c, it)) == 1) {
		if (!(y = cm_array_alloc(*out))) {
			rc = CM_ENOMEM;
			break;
		}
		*y = atoi(t + plen);
	}
	cm_xterms_free(it);
	return rc < 0 ? rc : 0;
}

int cm_key_matches(const char *key, const char *base, int year)
{
	size_t b = strlen(base);

	if (strncmp(key, base, b) || (key[b] && key[b] != '@'))
		return 0;
	return !year || (key[b] == '@' && atoi(key + b + 1) == year);
}
