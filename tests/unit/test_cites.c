/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_cites.c: the cites operation (chimuc/cites.h) on an index of corpus/
 * (the five samples and GOLD.md): a document found by its number or by its
 * path spelt several ways, its citations in text order with the path of
 * those the index has, paging with the total, an unknown document, a bad
 * options version. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/cites.h"
#include "chimuc/error.h"
#include "test_index.h"

TestSuite(cites, .init = cm_test_open_corpus, .fini = cm_test_close);

typedef struct {
	const char *doc;
	size_t total;
	const char *first_key, *first_path; /* first_path: its file name, or NULL */
} answer;

static const answer answers[] = {
	{"15-KH/BDVTU-HNB", 5, "1599-KH/BDVTW-ĐĐHNBVN@2018", NULL},
	{"15-KH/BDVTU-HNB@2018", 5, "1599-KH/BDVTW-ĐĐHNBVN@2018", NULL},
	{"Kế hoạch số 15-KH/BDVTU-HNB", 5, "1599-KH/BDVTW-ĐĐHNBVN@2018", NULL},
	{"1600-KH/BDVTW", 50, "78-QĐ/TW@2012", NULL},
	{CM_SOURCE_DIR "/corpus/004_3c74891c68df0f2c.txt", 50, "78-QĐ/TW@2012", NULL},
	{CM_SOURCE_DIR "/corpus/GOLD.md", 35, "15-KH/BDVTU-HNB", "000_04ed2d92d4fbe0fc.txt"},
	{CM_SOURCE_DIR "/corpus/./../corpus//GOLD.md", 35, "15-KH/BDVTU-HNB",
	 "000_04ed2d92d4fbe0fc.txt"},
};

Test(cites, answers_of_the_corpus)
{
	for (size_t a = 0; a < sizeof answers / sizeof answers[0]; a++) {
		const answer *w = &answers[a];
		cm_cites_result *r;
		const cm_cites_item *it;

		cr_assert_eq(cm_cites(&r, cm_test_ix, w->doc, NULL), 0, "%s: %s", w->doc,
			     cm_error_last());
		cr_expect_eq(cm_cites_total(r), w->total, "%s: %zu", w->doc, cm_cites_total(r));
		cr_expect_eq(cm_cites_size(r), w->total, "%s", w->doc);
		cr_assert_not_null(it = cm_cites_get(r, 0));
		cr_expect_str_eq(it->key, w->first_key, "%s", w->doc);
		if (w->first_path)
			cr_expect_str_eq(cm_test_base(it->path), w->first_path, "%s", w->doc);
		else
			cr_expect_null(it->path, "%s", w->doc);
		cr_expect_null(cm_cites_get(r, w->total));
		cm_cites_free(r);
	}
}

Test(cites, a_citations_fields)
{
	cm_cites_result *r;
	const cm_cites_item *it;

	cr_assert_eq(cm_cites(&r, cm_test_ix, "15-KH/BDVTU-HNB", NULL), 0, "%s", cm_error_last());
	it = cm_cites_get(r, 0);
	cr_expect_str_eq(it->text, "Kế hoạch phối hợp số 1599-KH/BDVTW-ĐĐHNBVN, ngày 01/03/2018");
	cr_expect_str_eq(it->type, "Kế hoạch");
	cr_expect_str_eq(it->number, "1599");
	cr_expect_str_eq(it->symbol, "KH/BDVTW-ĐĐHNBVN");
	cr_expect_str_eq(it->date, "2018-03-01");
	cr_expect_str_eq(it->relation, "thực hiện");
	cr_expect_null(it->issuer);
	cr_expect_null(it->term);
	cm_cites_free(r);
}

/* GOLD.md cites 35 times: 15-KH/BDVTU-HNB, 02-HD/BCĐ, 1600-KH/BDVTW twice… */
typedef struct {
	size_t offset, limit, size;
	const char *first_key, *first_path;
} page;

static const page pages[] = {
	{0, 1, 1, "15-KH/BDVTU-HNB", "000_04ed2d92d4fbe0fc.txt"},
	{1, 2, 2, "02-HD/BCĐ", "003_33f224fdd1db13f7.txt"},
	{2, 2, 2, "1600-KH/BDVTW@2018", "004_3c74891c68df0f2c.txt"},
	{4, 1, 1, "25-NQ/TW@2013", NULL},
	{34, 10, 1, NULL, NULL},
	{35, CM_ALL, 0, NULL, NULL},
	{0, 0, 0, NULL, NULL},
};

Test(cites, pages_and_the_total)
{
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		cm_cites_options o = CM_CITES_OPTIONS_INIT;
		cm_cites_result *r;

		o.offset = pages[p].offset;
		o.limit = pages[p].limit;
		cr_assert_eq(cm_cites(&r, cm_test_ix, CM_SOURCE_DIR "/corpus/GOLD.md", &o), 0, "%s",
			     cm_error_last());
		cr_expect_eq(cm_cites_size(r), pages[p].size, "page %zu", p);
		cr_expect_eq(cm_cites_total(r), 35, "page %zu", p);
		if (pages[p].first_key) {
			cr_expect_str_eq(cm_cites_get(r, 0)->key, pages[p].first_key);
			if (pages[p].first_path)
				cr_expect_str_eq(cm_test_base(cm_cites_get(r, 0)->path),
						 pages[p].first_path);
			else
				cr_expect_null(cm_cites_get(r, 0)->path);
		}
		cm_cites_free(r);
	}
}

Test(cites, an_unknown_document_is_not_found)
{
	static const char *const docs[] = {"999-NQ/TW", "no number",
					   CM_SOURCE_DIR "/corpus/none.txt",
					   CM_SOURCE_DIR "/corpus/gold.jsonl.missing"};

	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		cm_cites_result *r = (cm_cites_result *)1;
		cr_expect_eq(cm_cites(&r, cm_test_ix, docs[i], NULL), CM_ENOTFOUND, "%s", docs[i]);
		cr_expect_null(r);
		cr_expect(strstr(cm_error_last(), "in the index"), "%s", cm_error_last());
	}
}

Test(cites, a_bad_options_version_is_invalid)
{
	static const unsigned versions[] = {0, CM_CITES_OPTIONS_VERSION + 1};

	for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		cm_cites_options o = CM_CITES_OPTIONS_INIT;
		cm_cites_result *r = (cm_cites_result *)1;
		o.version = versions[i];
		cr_expect_eq(cm_cites(&r, cm_test_ix, "15-KH/BDVTU-HNB", &o), CM_EINVAL);
		cr_expect_null(r);
	}
}
