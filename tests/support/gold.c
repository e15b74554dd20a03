/* SPDX-License-Identifier: GPL-2.0-or-later */

/* gold.c: loads a gold set (DIR/gold.jsonl and its documents) for the
 * acceptance tests (see gold.h). */
#include "gold.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cm_test_read(const char *relpath, size_t *len)
{
	size_t plen = strlen(CM_SOURCE_DIR) + strlen(relpath) + 2;
	char *path = malloc(plen);
	FILE *f;
	char *buf;
	long n;

	cr_assert_not_null(path);
	snprintf(path, plen, "%s/%s", CM_SOURCE_DIR, relpath);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	cr_assert_geq(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n, "cannot read %s", path);
	buf[n] = '\0';
	fclose(f);
	free(path);
	*len = (size_t)n;
	return buf;
}

/* Reads DIR/NAME (caller frees). */
static char *read_in(const char *dir, const char *name, size_t *len)
{
	size_t rlen = strlen(dir) + strlen(name) + 2;
	char *rel = malloc(rlen), *text;

	cr_assert_not_null(rel);
	snprintf(rel, rlen, "%s/%s", dir, name);
	text = cm_test_read(rel, len);
	free(rel);
	return text;
}

char *cm_gold_read(const cm_gold *g, const char *name, size_t *len)
{
	return read_in(g->dir, name, len);
}

char *cm_gold_read_doc(const char *name, size_t *len)
{
	return read_in("corpus", name, len);
}

/* The byte offset of code point cp in UTF-8 text. */
static size_t byte_offset(const char *text, size_t len, size_t cp)
{
	size_t i = 0;

	while (i < len && cp > 0) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		cp--;
	}
	return i;
}

static size_t offset_field(const cm_gold_record *r, const char *field, const char *text, size_t len)
{
	json_object *v;

	cr_assert(json_object_object_get_ex(r->rec, field, &v) &&
			  json_object_is_type(v, json_type_int),
		  "%s: a %s record without %s", r->doc, r->kind, field);
	return byte_offset(text, len, (size_t)json_object_get_int64(v));
}

/* Adds doc to g->docs unless it is already the last one named; a document
 * whose records are not contiguous is an error in gold.jsonl. */
static void add_doc(cm_gold *g, const char *doc)
{
	if (g->ndocs && !strcmp(g->docs[g->ndocs - 1], doc))
		return;
	for (size_t i = 0; i < g->ndocs; i++)
		cr_assert_str_neq(g->docs[i], doc,
				  "%s/gold.jsonl: the records of %s are not together", g->dir, doc);
	g->docs = realloc(g->docs, (g->ndocs + 1) * sizeof *g->docs);
	cr_assert_not_null(g->docs);
	g->docs[g->ndocs++] = doc;
}

cm_gold *cm_gold_load(const char *dir)
{
	size_t plen = strlen(CM_SOURCE_DIR) + strlen(dir) + sizeof "//gold.jsonl";
	char *path = malloc(plen), *line = NULL, *text = NULL;
	cm_gold *g = calloc(1, sizeof *g);
	size_t cap = 0, len = 0, lineno = 0;
	FILE *f;

	cr_assert(path && g);
	g->dir = strdup(dir);
	cr_assert_not_null(g->dir);
	snprintf(path, plen, "%s/%s/gold.jsonl", CM_SOURCE_DIR, dir);
	f = fopen(path, "r");
	cr_assert_not_null(f, "cannot open %s", path);
	while (getline(&line, &cap, f) > 0) {
		json_object *o = json_tokener_parse(line);
		cm_gold_record *r;

		lineno++;
		cr_assert_not_null(o, "%s:%zu: bad JSON", path, lineno);
		g->v = realloc(g->v, (g->n + 1) * sizeof *g->v);
		cr_assert_not_null(g->v);
		r = &g->v[g->n++];
		r->rec = o;
		r->doc = cm_gold_str(r, "doc");
		r->kind = cm_gold_str(r, "kind");
		cr_assert(r->doc && r->kind, "%s:%zu: a record without doc or kind", path, lineno);
		if (!g->ndocs || strcmp(g->docs[g->ndocs - 1], r->doc)) {
			add_doc(g, r->doc);
			free(text);
			text = cm_gold_read(g, r->doc, &len);
		}
		r->start = offset_field(r, "start", text, len);
		r->end = offset_field(r, "end", text, len);
	}
	free(text);
	free(line);
	fclose(f);
	free(path);
	return g;
}

void cm_gold_free(cm_gold *g)
{
	for (size_t i = 0; i < g->n; i++)
		json_object_put(g->v[i].rec);
	free(g->v);
	free(g->docs);
	free(g->dir);
	free(g);
}

const char *cm_gold_str(const cm_gold_record *r, const char *field)
{
	json_object *v;

	if (!json_object_object_get_ex(r->rec, field, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

int cm_gold_bool(const cm_gold_record *r, const char *field)
{
	json_object *v;

	return json_object_object_get_ex(r->rec, field, &v) && json_object_get_boolean(v);
}
