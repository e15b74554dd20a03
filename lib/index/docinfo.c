/* SPDX-License-Identifier: GPL-2.0-or-later */

/* docinfo.c: reads the stored data of a document (a JSON object, a line
 * break, the text) once into a cm_docinfo (chimuc/docinfo.h). The only
 * reader of the data's JSON fields. */
#include "chimuc/docinfo.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chimuc/citation.h"
#include "chimuc/document.h"
#include "chimuc/error.h"

struct cm_docinfo_store {
	json_object *root;
	char *data; /* the stored data; the text lies in it */
	cm_docdate *dates;
	cm_doccite *cites;
	cm_docrel *rels;
	const char **partners; /* the partners of every date, one run each */
};

/* The JSON value of the n bytes at s, or NULL if they are not one. */
static json_object *parse_json(const char *s, size_t n)
{
	json_tokener *tok = json_tokener_new();
	json_object *o = NULL;

	if (!tok || n > INT32_MAX)
		goto done;
	o = json_tokener_parse_ex(tok, s, (int)n);
	if (json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != n) {
		json_object_put(o);
		o = NULL;
	}
done:
	json_tokener_free(tok);
	return o;
}

static json_object *get(json_object *o, const char *key)
{
	json_object *v;
	return o && json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* The string at key, or NULL (absent, null or not a string). */
static const char *str(json_object *o, const char *key)
{
	json_object *v = get(o, key);
	return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static const char *str_or_empty(json_object *o, const char *key)
{
	const char *s = str(o, key);
	return s ? s : "";
}

static size_t offset(json_object *o, const char *key)
{
	int64_t v = json_object_get_int64(get(o, key));
	return v > 0 ? (size_t)v : 0;
}

static int flag(json_object *o, const char *key)
{
	return json_object_get_boolean(get(o, key));
}

static enum cm_range_role range_role(const char *s)
{
	if (s && !strcmp(s, "start"))
		return CM_RANGE_START;
	if (s && !strcmp(s, "end"))
		return CM_RANGE_END;
	return CM_RANGE_NONE;
}

static cm_actor_from actor_from(const char *s)
{
	static const char *const names[] = {NULL, "sentence", "heading", "issuer"};

	for (unsigned i = 1; s && i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i]))
			return (cm_actor_from)i;
	return CM_ACTOR_NONE;
}

static cm_body_level body_level(const char *s)
{
	for (cm_body_level l = CM_LEVEL_CENTRAL; s && l <= CM_LEVEL_COMMUNE; l++)
		if (!strcmp(s, cm_body_level_name(l)))
			return l;
	return CM_LEVEL_UNKNOWN;
}

static json_object *array(json_object *o, const char *key)
{
	json_object *v = get(o, key);
	return json_object_is_type(v, json_type_array) ? v : NULL;
}

static void read_date(cm_docdate *d, json_object *o)
{
	d->start = offset(o, "start");
	d->end = offset(o, "end");
	d->iso = str_or_empty(o, "iso");
	d->resolved = str(o, "resolved");
	d->deadline = flag(o, "deadline");
	d->occasion = str(o, "occasion");
	d->recurrence = str(o, "recurrence");
	d->in_citation = flag(o, "in_citation");
	d->in_self = flag(o, "in_self");
	d->ambiguous = flag(o, "ambiguous");
	d->range = range_role(str(o, "range"));
	d->ctx_start = offset(o, "ctx_start");
	d->ctx_end = offset(o, "ctx_end");
	d->actor = str(o, "actor");
	d->actor_from = actor_from(str(o, "actor_from"));
	d->task = str(o, "task");
	d->recipient = str(o, "recipient");
	d->channel = str(o, "channel");
	d->actor_level = body_level(str(o, "actor_level"));
	d->recipient_level = body_level(str(o, "recipient_level"));
}

/* The partners of every date of root (read_date has read them), into one
 * array of the store. */
static int read_partners(cm_docinfo_store *st, size_t ndates, json_object *root)
{
	json_object *dates = array(root, "dates");
	size_t total = 0, k = 0;

	for (size_t i = 0; i < ndates; i++) {
		json_object *p = array(json_object_array_get_idx(dates, i), "partners");
		total += p ? json_object_array_length(p) : 0;
	}
	if (!total)
		return 0;
	if (!(st->partners = calloc(total, sizeof *st->partners)))
		return cm_error_nomem();
	for (size_t i = 0; i < ndates; i++) {
		json_object *p = array(json_object_array_get_idx(dates, i), "partners");
		st->dates[i].partners = st->partners + k;
		for (size_t j = 0; p && j < json_object_array_length(p); j++) {
			json_object *v = json_object_array_get_idx(p, j);
			if (json_object_is_type(v, json_type_string))
				st->partners[k + st->dates[i].npartners++] =
					json_object_get_string(v);
		}
		k += st->dates[i].npartners;
	}
	return 0;
}

static unsigned cite_flags(json_object *arr)
{
	unsigned flags = 0;

	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		const char *name = json_object_get_string(json_object_array_get_idx(arr, i));
		for (unsigned f = 1; name && f < CM_CITE_FLAG_END; f <<= 1)
			if (!strcmp(name, cm_citation_flag_name(f)))
				flags |= f;
	}
	return flags;
}

static void read_cite(cm_doccite *c, json_object *o)
{
	c->start = offset(o, "start");
	c->end = offset(o, "end");
	c->self_mention = flag(o, "self_mention");
	c->type = str(o, "type");
	c->number = str_or_empty(o, "number");
	c->symbol = str_or_empty(o, "symbol");
	c->key = str_or_empty(o, "key");
	c->date = str(o, "date");
	c->issuer = str(o, "issuer");
	c->term = str(o, "term");
	c->relation = str(o, "relation");
	c->flags = cite_flags(get(o, "flags"));
	c->ctx_start = offset(o, "ctx_start");
	c->ctx_end = offset(o, "ctx_end");
}

static void read_rel_item(void *item, json_object *o)
{
	cm_docrel *r = item;

	if (cm_relation_from_name(&r->kind, str(o, "relation")) < 0)
		r->kind = CM_REL_AMENDS; /* an unknown kind: the mildest claim */
	r->own = flag(o, "own");
	r->source = str(o, "source");
	r->target = str_or_empty(o, "target");
	r->part = str(o, "part");
	r->date = str(o, "date");
	r->start = offset(o, "start");
	r->end = offset(o, "end");
	r->ctx_start = offset(o, "ctx_start");
	r->ctx_end = offset(o, "ctx_end");
}

static void read_self(cm_docself *s, json_object *o)
{
	s->type = str(o, "type");
	s->number = str(o, "number");
	s->symbol = str(o, "symbol");
	s->key = str(o, "key");
	s->date = str(o, "date");
	s->title = str(o, "title");
	s->issuer = str(o, "issuer");
	s->place = str(o, "place");
}

/* The items of the array at key read into a new array of *n items. */
static int read_list(void **out, size_t *n, json_object *root, const char *key, size_t size,
		     void (*read)(void *item, json_object *o))
{
	json_object *arr = get(root, key);
	size_t len = json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
	char *v;

	*out = NULL;
	*n = 0;
	if (!len)
		return 0;
	if (!(v = calloc(len, size)))
		return cm_error_nomem();
	for (size_t i = 0; i < len; i++)
		read(v + i * size, json_object_array_get_idx(arr, i));
	*out = v;
	*n = len;
	return 0;
}

static void read_date_item(void *item, json_object *o)
{
	read_date(item, o);
}

static void read_cite_item(void *item, json_object *o)
{
	read_cite(item, o);
}

static void read_ocr(cm_docinfo *info, json_object *o)
{
	if (!o)
		return;
	info->ocr_pages = (unsigned)json_object_get_int(get(o, "pages"));
	info->ocr_confidence = json_object_get_int(get(o, "confidence"));
	info->ocr_low_pages = (unsigned)json_object_get_int(get(o, "low_pages"));
	info->ocr_repairs = (unsigned)json_object_get_int(get(o, "repaired"));
}

static int read_fields(cm_docinfo *info, json_object *root)
{
	cm_docinfo_store *st = info->store;
	int rc;

	info->path = str_or_empty(root, "path");
	info->title = str_or_empty(root, "title");
	info->format = str(root, "format");
	info->date = str(root, "date");
	info->mtime = str(root, "mtime");
	info->hash = str(root, "hash");
	info->size = (uint64_t)json_object_get_int64(get(root, "size"));
	info->type = str(root, "type");
	info->number = str(root, "number");
	info->effective = str(root, "effective");
	read_self(&info->self, get(root, "self"));
	read_ocr(info, get(root, "ocr"));
	if ((rc = read_list((void **)&st->dates, &info->ndates, root, "dates", sizeof *st->dates,
			    read_date_item)) < 0 ||
	    (rc = read_list((void **)&st->cites, &info->ncites, root, "citations",
			    sizeof *st->cites, read_cite_item)) < 0 ||
	    (rc = read_list((void **)&st->rels, &info->nrels, root, "relations", sizeof *st->rels,
			    read_rel_item)) < 0 ||
	    (rc = read_partners(st, info->ndates, root)) < 0)
		return rc;
	info->dates = st->dates;
	info->cites = st->cites;
	info->rels = st->rels;
	return 0;
}

int cm_docinfo_load(cm_docinfo **out, cm_xdoc *xdoc)
{
	cm_docinfo *info = calloc(1, sizeof *info);
	cm_docinfo_store *st;
	const char *nl;
	size_t len;
	int rc;

	if (!info || !(info->store = st = calloc(1, sizeof *st))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	if ((rc = cm_xdoc_get_data(&st->data, &len, xdoc)) < 0)
		goto cleanup;
	nl = memchr(st->data, '\n', len);
	if (!nl || !(st->root = parse_json(st->data, (size_t)(nl - st->data))) ||
	    !json_object_is_type(st->root, json_type_object)) {
		rc = cm_error_set(CM_ECORRUPT, "document data is not a JSON object and a text");
		goto cleanup;
	}
	info->text = nl + 1;
	info->text_len = len - (size_t)(info->text - st->data);
	if ((rc = read_fields(info, st->root)) < 0)
		goto cleanup;
	*out = info;
	return 0;
cleanup:
	cm_docinfo_free(info);
	return rc;
}

int cm_docinfo_read(cm_docinfo **out, cm_xdb *db, cm_xdocid docid)
{
	cm_xdoc *doc;
	int rc = cm_xdb_get_document(&doc, db, docid);

	if (rc == 0) {
		rc = cm_docinfo_load(out, doc);
		cm_xdoc_free(doc);
	}
	return rc;
}

void cm_docinfo_free(cm_docinfo *info)
{
	if (!info)
		return;
	if (info->store) {
		json_object_put(info->store->root);
		free(info->store->data);
		free(info->store->dates);
		free(info->store->cites);
		free(info->store->rels);
		free(info->store->partners);
		free(info->store);
	}
	free(info);
}

int cm_docinfo_excerpt(char **out, const cm_docinfo *info, size_t from, size_t to)
{
	char *s, *p;
	int space = 0;

	if (to < from || to > info->text_len)
		from = to = 0;
	if (!(s = p = malloc(to - from + 1)))
		return cm_error_nomem();
	for (size_t i = from; i < to; i++) {
		char c = info->text[i];
		if (c == '*')
			continue;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = p > s;
			continue;
		}
		if (space)
			*p++ = ' ';
		space = 0;
		*p++ = c;
	}
	*p = '\0';
	*out = s;
	return 0;
}

const char *cm_docinfo_path(const cm_docinfo *info)
{
	return info->path;
}

const char *cm_docinfo_title(const cm_docinfo *info)
{
	return info->title;
}

const char *cm_docinfo_text(const cm_docinfo *info, size_t *len)
{
	*len = info->text_len;
	return info->text;
}

json_object *cm_docinfo_json(const cm_docinfo *info)
{
	return info->store->root;
}
