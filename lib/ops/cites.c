/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cites.c: the cites operation (chimuc/cites.h): the document found by its
 * file's id term or its own number's, its citations read from its data,
 * and the path of each cited document of the page from its number's. */
#include "chimuc/cites.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "ops/citegraph.h"
#include "ops/docfind.h"

struct cm_cites_result {
	size_t total;
	cm_array_t(cm_cites_item) items;
};

typedef struct {
	cm_cites_result *r;
	const cm_cites_options *o;
	const char *doc;
} job;

static void items_release(cm_cites_result *r)
{
	for (size_t i = 0; i < r->items.size; i++) {
		cm_cites_item *it = &r->items.ptr[i];
		const char *const fields[] = {it->key,    it->text, it->type,     it->number,
					      it->symbol, it->date, it->relation, it->issuer,
					      it->term,   it->path};
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
			free((char *)fields[f]);
	}
	cm_array_clear(r->items);
}

static int dup(const char **out, const char *s)
{
	*out = NULL;
	if (s && !(*out = strdup(s)))
		return cm_error_nomem();
	return 0;
}

/* The item of citation c of info. */
static int add_item(cm_cites_result *r, cm_xdb *db, const cm_docinfo *info, const cm_doccite *c)
{
	cm_cites_item *it = cm_array_alloc(r->items);
	char *path = NULL, *text;
	int rc;

	if (!it)
		return cm_error_nomem();
	*it = (cm_cites_item){0};
	if ((rc = cm_docinfo_excerpt(&text, info, c->start, c->end)) < 0)
		return rc;
	it->text = text;
	if ((rc = cm_path_by_key(&path, db, c->key)) < 0)
		return rc;
	it->path = path;
	if ((rc = dup(&it->key, c->key)) < 0 || (rc = dup(&it->type, c->type)) < 0 ||
	    (rc = dup(&it->number, c->number)) < 0 || (rc = dup(&it->symbol, c->symbol)) < 0 ||
	    (rc = dup(&it->date, c->date)) < 0 || (rc = dup(&it->relation, c->relation)) < 0 ||
	    (rc = dup(&it->issuer, c->issuer)) < 0 || (rc = dup(&it->term, c->term)) < 0)
		return rc;
	return 0;
}

static int run(void *ctx, cm_xdb *db)
{
	job *j = ctx;
	cm_cites_result *r = j->r;
	cm_docinfo *info = NULL;
	int rc;

	items_release(r);
	r->total = 0;
	if ((rc = cm_doc_find(&info, db, j->doc)) < 0)
		return rc;
	for (size_t i = 0; i < info->ncites && rc == 0; i++) {
		size_t n;

		if (info->cites[i].self_mention)
			continue;
		n = r->total++;
		if (n >= j->o->offset && n - j->o->offset < j->o->limit)
			rc = add_item(r, db, info, &info->cites[i]);
	}
	cm_docinfo_free(info);
	return rc;
}

int cm_cites(cm_cites_result **out, cm_index *ix, const char *doc, const cm_cites_options *opts)
{
	static const cm_cites_options defaults = CM_CITES_OPTIONS_INIT;
	job j = {calloc(1, sizeof(cm_cites_result)), opts ? opts : &defaults, doc};
	int rc;

	*out = NULL;
	if (!j.r)
		return cm_error_nomem();
	if (j.o->version != CM_CITES_OPTIONS_VERSION)
		rc = cm_error_version("cites", j.o->version, CM_CITES_OPTIONS_VERSION);
	else
		rc = cm_index_read(ix, run, &j);
	if (rc < 0)
		cm_cites_free(j.r);
	else
		*out = j.r;
	return rc;
}

void cm_cites_free(cm_cites_result *r)
{
	if (!r)
		return;
	items_release(r);
	free(r);
}

size_t cm_cites_size(const cm_cites_result *r)
{
	return r->items.size;
}

size_t cm_cites_total(const cm_cites_result *r)
{
	return r->total;
}

const cm_cites_item *cm_cites_get(const cm_cites_result *r, size_t i)
{
	return i < r->items.size ? &r->items.ptr[i] : NULL;
}
