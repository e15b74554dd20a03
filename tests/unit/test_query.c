/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_query.c: the query language against a small real index: diacritics
 * exact or folded, tone placement, phrases, boolean operators, stopwords,
 * errors and limits. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/query.h"

static const char *const docs[] = {
	"d1", "Công tác dân vận khéo của Đảng",   "d2", "Dặn dò cán bộ Tỉnh uỷ",
	"d3", "Hòa bình và hoà hợp; Hội Nhà báo", "d4", "Nghị quyết số 25-NQ/TW ngày 03/6/2013",
};

static char dir[256];
static cm_xdb *db;

static void setup(void)
{
	cm_xdb *w;
	cm_vocab *words, *seen;

	snprintf(dir, sizeof dir, "%s/query.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(cm_xdb_open_writable(&w, dir, CM_XDB_CREATE_OR_OPEN), 0, "%s",
		     cm_error_last());
	cr_assert_eq(cm_vocab_new(&words), 0);
	cr_assert_eq(cm_vocab_new(&seen), 0);
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i += 2) {
		cm_document d = {.path = docs[i],
				 .text = docs[i + 1],
				 .text_len = strlen(docs[i + 1]),
				 .mtime = "1.0"};
		cm_xdoc *x;
		cm_xdocid id;
		cm_vocab_clear(words);
		cr_assert_eq(cm_document_build(&x, words, &d), 0, "%s", cm_error_last());
		cr_assert_eq(cm_xdb_add_document(&id, w, x), 0);
		cr_assert_eq(cm_vocab_write_new(seen, w, words), 0, "%s", cm_error_last());
		cm_xdoc_free(x);
	}
	cm_vocab_free(words);
	cm_vocab_free(seen);
	cr_assert_eq(cm_xdb_free(w), 0);
	cr_assert_eq(cm_xdb_open(&db, dir), 0);
}

static void teardown(void)
{
	char cmd[300];
	cm_xdb_free(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(query, .init = setup, .fini = teardown);

/* The sorted, space-separated paths of every match. */
static void matches(char *out, size_t cap, const char *text)
{
	cm_query *q;
	cm_xenquire *e;
	cm_xmset *m;
	char *names[8];
	size_t n = 0;

	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), 0, "%s: %s", text,
		     cm_error_last());
	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, cm_query_xapian(q)), 0);
	cr_assert_eq(cm_xenquire_mset(&m, e, 0, 8), 0);
	for (unsigned i = 0; i < cm_xmset_size(m); i++) {
		cm_xdoc *doc;
		cm_docinfo *info;
		cr_assert_eq(cm_xmset_document(&doc, m, i), 0);
		cr_assert_eq(cm_docinfo_load(&info, doc), 0);
		names[n++] = strdup(cm_docinfo_path(info));
		cm_docinfo_free(info);
		cm_xdoc_free(doc);
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	for (size_t i = 0; i < n; i++) {
		strncat(out, names[i], cap - strlen(out) - 2);
		if (i + 1 < n)
			strcat(out, " ");
		free(names[i]);
	}
	cm_xmset_free(m);
	cm_xenquire_free(e);
	cm_query_free(q);
}

static const struct {
	const char *query, *want;
} cases[] = {
	{"dân vận", "d1"},
	{"dan", "d1 d2"},
	{"DAN", "d1 d2"},
	{"dân", "d1"},
	{"dặn", "d2"},
	{"Tỉnh ủy", "d2"},
	{"tỉnh uỷ", "d2"},
	{"tinh uy", "d2"},
	{"hoà", "d3"},
	{"hòa", "d3"},
	{"hoa", "d3"},
	{"dang", "d1"},
	{"đảng", "d1"},
	{"\"dân vận khéo\"", "d1"},
	{"\"dan van kheo\"", "d1"},
	{"\"khéo dân\"", ""},
	{"dân OR dặn", "d1 d2"},
	{"dân AND dặn", ""},
	{"dan NOT dặn", "d1"},
	{"dan -dặn", "d1"},
	{"-dặn dan", "d1"},
	{"25-NQ/TW", "d4"},
	{"nq tw 25", "d4"},
	{"03/6/2013", "d4"},
	{"của", "d1"},
	{"của Hội", "d3"},
	{"(((dân)))", "d1"},
	{"(dân OR dặn) cán", "d2"},
	{"\"dân vận", "d1"},
	{"dân)", "d1"},
	{"hợp NOT (dân OR dặn)", "d3"},
};

Test(query, matches_table)
{
	char got[256];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		matches(got, sizeof got, cases[i].query);
		cr_expect_str_eq(got, cases[i].want, "query '%s'", cases[i].query);
	}
}

static const struct {
	const char *query;
	int rc;
} errors[] = {
	{"", CM_EINVAL},
	{"   ", CM_EINVAL},
	{"()", CM_EINVAL},
	{"- ,;", CM_EINVAL},
};

Test(query, errors_table)
{
	for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
		cm_query *q = NULL;
		cr_expect_eq(cm_query_parse(&q, db, errors[i].query, strlen(errors[i].query)),
			     errors[i].rc, "query '%s'", errors[i].query);
		cr_expect_null(q);
	}
}

static void repeat(char *buf, const char *unit, size_t times)
{
	buf[0] = '\0';
	for (size_t i = 0; i < times; i++)
		strcat(buf, unit);
}

Test(query, nesting_limit)
{
	char text[2 * CM_QUERY_MAX_DEPTH + 16];
	cm_query *q = NULL;

	repeat(text, "(", CM_QUERY_MAX_DEPTH);
	strcat(text, "dân");
	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), 0);
	cm_query_free(q);
	q = NULL;
	repeat(text, "(", CM_QUERY_MAX_DEPTH + 1);
	strcat(text, "dân");
	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), CM_EPARSE);
	cr_assert_null(q);
}

Test(query, length_and_word_limits)
{
	static char text[CM_QUERY_MAX_BYTES + 2];
	cm_query *q = NULL;

	memset(text, 'a', CM_QUERY_MAX_BYTES + 1);
	cr_assert_eq(cm_query_parse(&q, db, text, CM_QUERY_MAX_BYTES + 1), CM_ELIMIT);
	repeat(text, "x ", CM_QUERY_MAX_TERMS);
	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), 0);
	cm_query_free(q);
	q = NULL;
	repeat(text, "x ", CM_QUERY_MAX_TERMS + 1);
	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), CM_ELIMIT);
	cr_assert_null(q);
}

Test(query, highlights_expanded_forms_but_not_negated)
{
	cm_query *q;
	const char *text = "dan NOT cán";

	cr_assert_eq(cm_query_parse(&q, db, text, strlen(text)), 0);
	cr_expect(cm_query_wants(q, "dân", strlen("dân")));
	cr_expect(cm_query_wants(q, "dặn", strlen("dặn")));
	cr_expect(cm_query_wants(q, "dan", 3));
	cr_expect_not(cm_query_wants(q, "cán", strlen("cán")));
	cm_query_free(q);
}
