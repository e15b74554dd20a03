/* citegraph.c: index look-ups shared by the citation commands (see
 * citegraph.h). */
#include "citegraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

static int push(cm_doclist *l, cm_docinfo *info)
{
	if (l->n == l->cap) {
		cm_docinfo **v = realloc(l->v, (l->cap = l->cap ? 2 * l->cap : 16) * sizeof *v);
		if (!v) {
			cm_docinfo_free(info);
			return cm_error_set(CM_ENOMEM, "out of memory");
		}
		l->v = v;
	}
	l->v[l->n++] = info;
	return 0;
}

int cm_doclist_by_term(cm_doclist *list, cm_xdb *db, const char *term, const char *filter_term)
{
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	if ((rc = cm_xdb_postings(&it, db, term, strlen(term))) < 0)
		return rc;
	while ((rc = cm_xpostings_next(it, &id, &wdf)) == 1) {
		cm_xdoc *doc = NULL;
		cm_docinfo *info = NULL;
		if (filter_term) {
			cm_xterms *terms;
			const char *t;
			size_t n;
			unsigned c;
			int has = 0;
			if ((rc = cm_xdb_get_document(&doc, db, id)) < 0 || (rc = cm_xdoc_terms(&terms, doc)) < 0)
				break;
			while (cm_xterms_next(terms, &t, &n, &c) == 1)
				has |= n == strlen(filter_term) && !memcmp(t, filter_term, n);
			cm_xterms_free(terms);
			cm_xdoc_free(doc);
			doc = NULL;
			if (!has)
				continue;
		}
		if ((rc = cm_xdb_get_document(&doc, db, id)) == 0 && (rc = cm_docinfo_load(&info, doc)) == 0)
			rc = push(list, info);
		cm_xdoc_free(doc);
		if (rc < 0)
			break;
	}
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

void cm_doclist_release(cm_doclist *list)
{
	for (size_t i = 0; i < list->n; i++)
		cm_docinfo_free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = list->cap = 0;
}

int cm_doc_by_key(cm_docinfo **out, cm_xdb *db, const char *key)
{
	cm_doclist l = {0};
	char term[CM_KEY_MAX + 4];
	int rc;

	*out = NULL;
	snprintf(term, sizeof term, "XN%s", key);
	if ((rc = cm_doclist_by_term(&l, db, term, NULL)) == 0 && l.n > 0) {
		*out = l.v[0];
		l.v[0] = NULL;
		for (size_t i = 1; i < l.n; i++)
			cm_docinfo_free(l.v[i]);
		l.n = 0;
	}
	cm_doclist_release(&l);
	return rc;
}

int cm_cited_years(int *years, size_t max, size_t *n, cm_xdb *db, const char *base)
{
	char prefix[CM_KEY_MAX + 4];
	cm_xterms *it;
	const char *t;
	size_t len, plen;
	unsigned c;
	int rc;

	*n = 0;
	plen = (size_t)snprintf(prefix, sizeof prefix, "XC%s@", base);
	if ((rc = cm_xdb_allterms(&it, db, prefix, plen)) < 0)
		return rc;
	while ((rc = cm_xterms_next(it, &t, &len, &c)) == 1 && *n < max)
		years[(*n)++] = atoi(t + plen);
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

const char *cm_json_str(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
		       ? json_object_get_string(v)
		       : NULL;
}

json_object *cm_doc_citations(const cm_docinfo *info)
{
	json_object *v;
	return json_object_object_get_ex(cm_docinfo_json(info), "citations", &v) ? v : NULL;
}

char *cm_doc_excerpt(const cm_docinfo *info, json_object *item, const char *from_key,
		     const char *to_key)
{
	json_object *a, *b;
	size_t len;
	const char *text = cm_docinfo_text(info, &len);
	long from, to;
	char *s, *p;
	int space = 0;

	if (!json_object_object_get_ex(item, from_key, &a) || !json_object_object_get_ex(item, to_key, &b))
		return strdup("");
	from = (long)json_object_get_int64(a);
	to = (long)json_object_get_int64(b);
	if (from < 0 || to < from || (size_t)to > len)
		return strdup("");
	if (!(s = p = malloc((size_t)(to - from) + 1)))
		return NULL;
	for (long i = from; i < to; i++) {
		char c = text[i];
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
	return s;
}
