/* gold.c: loads corpus/gold.jsonl for the acceptance tests (see gold.h). */
#include "gold.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cm_gold_docs[] = {
	"000_04ed2d92d4fbe0fc.txt", "001_37328ef8013521d8.txt", "002_b5165427152976bf.txt",
	"003_33f224fdd1db13f7.txt", "004_3c74891c68df0f2c.txt", NULL,
};

char *cm_test_read(const char *relpath, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/%s", CM_SOURCE_DIR, relpath);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	cr_assert_geq(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

char *cm_gold_read_doc(const char *name, size_t *len)
{
	char rel[512];

	snprintf(rel, sizeof rel, "corpus/%s", name);
	return cm_test_read(rel, len);
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

cm_gold *cm_gold_load(void)
{
	char path[1024], line[65536];
	cm_gold *g = calloc(1, sizeof *g);
	FILE *f;
	char *text = NULL;
	const char *loaded = NULL;
	size_t len = 0;

	snprintf(path, sizeof path, "%s/corpus/gold.jsonl", CM_SOURCE_DIR);
	f = fopen(path, "r");
	cr_assert_not_null(f, "cannot open %s", path);
	while (fgets(line, sizeof line, f)) {
		json_object *o = json_tokener_parse(line), *v;
		cm_gold_record *r;
		cr_assert_not_null(o, "bad JSON in gold.jsonl");
		g->lines = realloc(g->lines, (g->nlines + 1) * sizeof *g->lines);
		g->lines[g->nlines++] = o;
		g->v = realloc(g->v, (g->n + 1) * sizeof *g->v);
		r = &g->v[g->n++];
		r->rec = o;
		r->doc = cm_gold_str(r, "doc");
		r->kind = cm_gold_str(r, "kind");
		if (!loaded || strcmp(loaded, r->doc)) {
			free(text);
			text = cm_gold_read_doc(r->doc, &len);
			loaded = r->doc;
		}
		json_object_object_get_ex(o, "start", &v);
		r->start = byte_offset(text, len, (size_t)json_object_get_int64(v));
		json_object_object_get_ex(o, "end", &v);
		r->end = byte_offset(text, len, (size_t)json_object_get_int64(v));
	}
	free(text);
	fclose(f);
	return g;
}

void cm_gold_free(cm_gold *g)
{
	for (size_t i = 0; i < g->nlines; i++)
		json_object_put(g->lines[i]);
	free(g->lines);
	free(g->v);
	free(g);
}

const char *cm_gold_str(const cm_gold_record *r, const char *field)
{
	json_object *v;

	if (!json_object_object_get_ex(r->rec, field, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

int cm_gold_bool(const cm_gold_record *r, const char *field)
{
	json_object *v;

	return json_object_object_get_ex(r->rec, field, &v) && json_object_get_boolean(v);
}
