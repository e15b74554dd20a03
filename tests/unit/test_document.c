/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_document.c: the document model: id terms at and past their limit,
 * titles, the terms and data of a built document, the index format. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/hash.h"

Test(document, id_term_short_path_is_prefix_and_path)
{
	char term[CM_ID_TERM_MAX + 1];
	size_t n;

	cm_document_id_term(term, &n, "corpus/000.txt");
	cr_assert_str_eq(term, "Qcorpus/000.txt");
	cr_assert_eq(n, strlen(term));
}

Test(document, id_term_limit)
{
	char path[400], a[CM_ID_TERM_MAX + 1], b[CM_ID_TERM_MAX + 1];
	size_t na, nb;

	memset(path, 'p', sizeof path);
	path[CM_ID_TERM_MAX - 1] = '\0'; /* "Q" + path is exactly the limit */
	cm_document_id_term(a, &na, path);
	cr_assert_eq(na, CM_ID_TERM_MAX);
	cr_assert_eq(memcmp(a + 1, path, na - 1), 0);

	memset(path, 'p', sizeof path);
	path[sizeof path - 1] = '\0';
	cm_document_id_term(a, &na, path);
	path[sizeof path - 2] = 'q';
	cm_document_id_term(b, &nb, path);
	cr_assert_leq(na, CM_ID_TERM_MAX);
	cr_assert_str_neq(a, b, "long paths differing at the end get different ids");
	cr_assert_eq(strncmp(a, "Qppp", 4), 0, "keeps a readable prefix");
}

Test(document, title_table)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"KẾ HOẠCH\nPhối hợp", "KẾ HOẠCH"},
		{" \t\n\n  *Số 02-HD/BCĐ*  \nx", "Số 02-HD/BCĐ"},
		{"----\n12/3\nTiêu đề", "Tiêu đề"},
		{"   \n", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t;
		cr_assert_eq(cm_document_title(&t, cases[i].text, strlen(cases[i].text)), 0);
		cr_expect_str_eq(t, cases[i].want, "case %zu", i);
		free(t);
	}
}

Test(document, title_cut_on_a_character_boundary)
{
	char text[3 * CM_TITLE_MAX], *t;

	text[0] = '\0';
	while (strlen(text) + 3 < sizeof text)
		strcat(text, "ệ"); /* 3 bytes each */
	cr_assert_eq(cm_document_title(&t, text, strlen(text)), 0);
	cr_assert_leq(strlen(t), CM_TITLE_MAX);
	cr_assert_eq(strlen(t) % 3, 0);
	free(t);
}

static int has_term(cm_xdoc *doc, const char *want)
{
	cm_xterms *it;
	const char *t;
	size_t n;
	unsigned wdf;
	int found = 0;

	cr_assert_eq(cm_xdoc_terms(&it, doc), 0);
	while (cm_xterms_next(&t, &n, &wdf, it) == 1)
		found |= n == strlen(want) && memcmp(t, want, n) == 0;
	cm_xterms_free(it);
	return found;
}

Test(document, build_terms_and_data)
{
	const char *text = "Tỉnh uỷ và Đảng: dân vận 2018";
	cm_document d = {.path = "a/b.txt",
			 .text = text,
			 .text_len = strlen(text),
			 .mtime = "12.5",
			 .size = 99,
			 .hash = 0xabcdefULL};
	static const char *const pairs[][2] = {{"tinh", "tỉnh"}, {"uy", "ủy"},   {"va", "và"},
					       {"dang", "đảng"}, {"dan", "dân"}, {"van", "vận"}};
	cm_xdoc *x;
	cm_docinfo *info;
	cm_vocab *words;
	size_t n;

	cr_assert_eq(cm_vocab_new(&words), 0);
	cr_assert_eq(cm_document_build(&x, words, &d), 0, "%s", cm_error_last());
	cr_expect(has_term(x, "Qa/b.txt"));
	cr_expect(has_term(x, "ủy"), "canonical tone placement");
	cr_expect(has_term(x, "đảng"));
	cr_expect(has_term(x, "2018"));
	cr_expect_not(has_term(x, "uỷ"));
	cr_assert_eq(cm_vocab_count(words), sizeof pairs / sizeof pairs[0],
		     "the words with diacritics, once each, none without");
	for (size_t i = 0; i < cm_vocab_count(words); i++) {
		const char *f, *e;
		size_t fl, el;
		cm_vocab_get(&f, &fl, &e, &el, words, i);
		cr_expect(fl == strlen(pairs[i][0]) && memcmp(f, pairs[i][0], fl) == 0, "%zu", i);
		cr_expect(el == strlen(pairs[i][1]) && memcmp(e, pairs[i][1], el) == 0, "%zu", i);
	}
	cr_expect_eq(cm_vocab_add(words, "dan", 3, "dân", strlen("dân")), 0, "already there");
	cm_vocab_clear(words);
	cr_expect_eq(cm_vocab_count(words), 0);
	cr_expect_eq(cm_vocab_add(words, "dan", 3, "dân", strlen("dân")), 1, "new after a clear");
	cr_expect_eq(cm_vocab_add(words, "uy", 2, "ủy", strlen("ủy")), 1, "new after a clear");
	cm_vocab_free(words);
	cr_assert_eq(cm_docinfo_load(&info, x), 0);
	cr_expect_str_eq(cm_docinfo_path(info), "a/b.txt");
	cr_expect_str_eq(cm_docinfo_title(info), text);
	cr_expect_str_eq(cm_docinfo_text(info, &n), text);
	cr_expect_eq(n, strlen(text));
	cm_docinfo_free(info);
	cm_xdoc_free(x);
}

Test(document, hash_detects_change)
{
	cr_assert_neq(cm_hash64("dân", 4), cm_hash64("dẫn", 4));
	cr_assert_eq(cm_hash64("", 0), 14695981039346656037ULL);
}

/* An empty index is marked with this version's format; an index with
 * documents but another format (or none: the first version's) is refused. */
Test(document, index_format)
{
	char dir[256], cmd[300];
	cm_xdb *db;
	cm_xdoc *x;
	cm_xdocid id;
	char *format;
	size_t n;

	snprintf(dir, sizeof dir, "%s/format.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(cm_xdb_open_writable(&db, dir, CM_XDB_CREATE_OR_OPEN), 0);
	cr_assert_eq(cm_index_format_check(db, 0), 0, "an empty index is fine");
	cr_assert_eq(cm_xdb_get_metadata(&format, &n, db, CM_INDEX_FORMAT_KEY), 0);
	cr_assert_eq(n, 0, "not marked unless asked");
	free(format);
	cr_assert_eq(cm_xdoc_new(&x), 0);
	cr_assert_eq(cm_xdb_add_document(&id, db, x), 0);
	cr_assert_eq(cm_index_format_check(db, 1), CM_EUNSUPPORTED, "documents, no format");
	cr_assert_not_null(strstr(cm_error_last(), "index format 1"), "%s", cm_error_last());
	cr_assert_eq(cm_xdb_set_metadata(db, CM_INDEX_FORMAT_KEY, "99", 2), 0);
	cr_assert_eq(cm_index_format_check(db, 1), CM_EUNSUPPORTED, "another format");
	cr_assert_eq(cm_xdb_delete_document(db, id), 0);
	cr_assert_eq(cm_xdb_set_metadata(db, CM_INDEX_FORMAT_KEY, "", 0), 0);
	cr_assert_eq(cm_index_format_check(db, 1), 0);
	cr_assert_eq(cm_xdb_get_metadata(&format, &n, db, CM_INDEX_FORMAT_KEY), 0);
	cr_assert_str_eq(format, CM_INDEX_FORMAT, "marked");
	free(format);
	cm_xdoc_free(x);
	cr_assert_eq(cm_xdb_free(db), 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}
