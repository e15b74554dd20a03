/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_top_cited.c: the top-cited operation (chimuc/top_cited.h) on an
 * index of corpus/ (the five samples and GOLD.md): 35 cited keys, most
 * cited first and ties in key order, the counts and paths the corpus
 * gives, paging with the total, a bad options version. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/top_cited.h"
#include "test_index.h"

TestSuite(top_cited, .init = cm_test_open_corpus, .fini = cm_test_close);

/* Keys of the whole answer, with their count and the file of their path. */
typedef struct {
	const char *key;
	unsigned count;
	const char *file;
} entry;

static const entry entries[] = {
	/* cited by 000, 004 and GOLD.md; 001's year-less "25-NQ/TW" is
	 * ambiguous (2003 and 2013 are both cited), so it is not counted */
	{"25-NQ/TW@2013", 3, NULL},
	{"01/HDLB-TC-DV-TW@2000", 2, NULL},
	{"114-KL/TW@2015", 2, NULL},
	{"02-HD/BCĐ", 1, "003_33f224fdd1db13f7.txt"},
	{"15-KH/BDVTU-HNB", 1, "000_04ed2d92d4fbe0fc.txt"},
	{"1600-KH/BDVTW@2018", 1, "004_3c74891c68df0f2c.txt"},
};

static const entry *find(const char *key)
{
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
		if (!strcmp(entries[i].key, key))
			return &entries[i];
	return NULL;
}

Test(top_cited, the_whole_answer)
{
	cm_top_cited_result *r;
	size_t found = 0;

	cr_assert_eq(cm_top_cited(&r, cm_test_ix, NULL), 0, "%s", cm_error_last());
	cr_expect_eq(cm_top_cited_total(r), 35);
	cr_assert_eq(cm_top_cited_size(r), 35);
	for (size_t i = 0; i < 3; i++)
		cr_expect_str_eq(cm_top_cited_get(r, i)->key, entries[i].key, "rank %zu", i);
	for (size_t i = 0; i < cm_top_cited_size(r); i++) {
		const cm_top_cited_item *it = cm_top_cited_get(r, i);
		const entry *e = find(it->key);
		if (i > 0) {
			const cm_top_cited_item *prev = cm_top_cited_get(r, i - 1);
			cr_expect(prev->count > it->count || (prev->count == it->count &&
							      strcmp(prev->key, it->key) < 0),
				  "order at %zu", i);
		}
		if (!e) {
			cr_expect_null(it->path, "%s", it->key);
			continue;
		}
		found++;
		cr_expect_eq(it->count, e->count, "%s", it->key);
		if (e->file)
			cr_expect_str_eq(cm_test_base(it->path), e->file, "%s", it->key);
		else
			cr_expect_null(it->path, "%s", it->key);
	}
	cr_expect_eq(found, sizeof entries / sizeof entries[0]);
	cr_expect_null(cm_top_cited_get(r, 35));
	cm_top_cited_free(r);
}

typedef struct {
	size_t offset, limit, size;
	const char *first;
} page;

static const page pages[] = {
	{0, 2, 2, "25-NQ/TW@2013"},
	{1, 2, 2, "01/HDLB-TC-DV-TW@2000"},
	{34, 5, 1, NULL},
	{35, CM_ALL, 0, NULL},
	{0, 0, 0, NULL},
};

Test(top_cited, pages_and_the_total)
{
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		cm_top_cited_options o = CM_TOP_CITED_OPTIONS_INIT;
		cm_top_cited_result *r;

		o.offset = pages[p].offset;
		o.limit = pages[p].limit;
		cr_assert_eq(cm_top_cited(&r, cm_test_ix, &o), 0, "%s", cm_error_last());
		cr_expect_eq(cm_top_cited_size(r), pages[p].size, "page %zu", p);
		cr_expect_eq(cm_top_cited_total(r), 35, "page %zu", p);
		if (pages[p].first)
			cr_expect_str_eq(cm_top_cited_get(r, 0)->key, pages[p].first);
		cm_top_cited_free(r);
	}
}

Test(top_cited, a_bad_options_version_is_invalid)
{
	cm_top_cited_options o = CM_TOP_CITED_OPTIONS_INIT;
	cm_top_cited_result *r = (cm_top_cited_result *)1;

	o.version = CM_TOP_CITED_OPTIONS_VERSION + 1;
	cr_expect_eq(cm_top_cited(&r, cm_test_ix, &o), CM_EINVAL);
	cr_expect_null(r);
}
