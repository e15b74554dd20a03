/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_cited_by.c: the cited-by operation (chimuc/cited_by.h) on an index of
 * corpus/ (the five samples and GOLD.md): the citing documents of each
 * reference, as the corpus has them (grep corpus/ for 25-NQ/TW …), with the
 * type and relation filters, depth 2, paging and its total, the ambiguous
 * reference, an unknown one, bad options. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/cited_by.h"
#include "chimuc/error.h"
#include "test_index.h"

TestSuite(cited_by, .init = cm_test_open_corpus, .fini = cm_test_close);

typedef struct {
	const char *ref, *type, *relation;
	unsigned depth;
	int ambiguous;
	/* "file key depth", each item in order */
	const char *items[6];
} answer;

static const answer answers[] = {
	{"25-NQ/TW",
	 NULL,
	 NULL,
	 1,
	 1,
	 {"000_04ed2d92d4fbe0fc.txt 25-NQ/TW@2013 1", "001_37328ef8013521d8.txt 25-NQ/TW 1",
	  "004_3c74891c68df0f2c.txt 25-NQ/TW@2013 1", "GOLD.md 25-NQ/TW@2013 1"}},
	{"Nghị quyết số 25-NQ/TW",
	 NULL,
	 NULL,
	 1,
	 1,
	 {"000_04ed2d92d4fbe0fc.txt 25-NQ/TW@2013 1", "001_37328ef8013521d8.txt 25-NQ/TW 1",
	  "004_3c74891c68df0f2c.txt 25-NQ/TW@2013 1", "GOLD.md 25-NQ/TW@2013 1"}},
	{"25-NQ/TW@2013",
	 NULL,
	 NULL,
	 1,
	 0,
	 {"000_04ed2d92d4fbe0fc.txt 25-NQ/TW@2013 1", "004_3c74891c68df0f2c.txt 25-NQ/TW@2013 1",
	  "GOLD.md 25-NQ/TW@2013 1"}},
	{"25-NQ/TW@2003", NULL, NULL, 1, 0, {"004_3c74891c68df0f2c.txt 25-NQ/TW@2003 1"}},
	{"25-NQ/TW",
	 "KH",
	 NULL,
	 1,
	 1,
	 {"000_04ed2d92d4fbe0fc.txt 25-NQ/TW@2013 1", "004_3c74891c68df0f2c.txt 25-NQ/TW@2013 1"}},
	{"25-NQ/TW", "Kế hoạch", "sơ kết", 1, 1, {"004_3c74891c68df0f2c.txt 25-NQ/TW@2013 1"}},
	{"49-CT/TW",
	 NULL,
	 NULL,
	 1,
	 0,
	 {"001_37328ef8013521d8.txt 49-CT/TW@2015 1", "004_3c74891c68df0f2c.txt 49-CT/TW@2015 1"}},
	{"49-CT/TW",
	 NULL,
	 NULL,
	 2,
	 0,
	 {"001_37328ef8013521d8.txt 49-CT/TW@2015 1", "004_3c74891c68df0f2c.txt 49-CT/TW@2015 1",
	  "GOLD.md 1600-KH/BDVTW@2018 2"}},
	{"49-CT/TW", "KH", NULL, 1, 0, {"004_3c74891c68df0f2c.txt 49-CT/TW@2015 1"}},
	{"05-CT/TW", NULL, NULL, 1, 0, {"000_04ed2d92d4fbe0fc.txt 05-CT/TW@2016 1"}},
	{"1600-KH/BDVTW", NULL, NULL, 1, 0, {"GOLD.md 1600-KH/BDVTW@2018 1"}},
	{"1600-KH/BDVTW", "KH", NULL, 1, 0, {NULL}},
	{"999-NQ/TW", NULL, NULL, 1, 0, {NULL}},
};

Test(cited_by, answers_of_the_corpus)
{
	for (size_t a = 0; a < sizeof answers / sizeof answers[0]; a++) {
		const answer *w = &answers[a];
		cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
		cm_cited_by_result *r;
		size_t n = 0;

		o.type = w->type;
		o.relation = w->relation;
		o.depth = w->depth;
		cr_assert_eq(cm_cited_by(&r, cm_test_ix, w->ref, &o), 0, "%s: %s", w->ref,
			     cm_error_last());
		while (n < 6 && w->items[n])
			n++;
		cr_expect_eq(cm_cited_by_size(r), n, "%s: %zu items", w->ref, cm_cited_by_size(r));
		cr_expect_eq(cm_cited_by_total(r), n, "%s", w->ref);
		cr_expect_eq(cm_cited_by_ambiguous(r), w->ambiguous, "%s", w->ref);
		cr_expect_eq(cm_cited_by_depth_limited(r), 0);
		for (size_t i = 0; i < n && i < cm_cited_by_size(r); i++) {
			const cm_cited_by_item *it = cm_cited_by_get(r, i);
			char got[256];
			snprintf(got, sizeof got, "%s %s %u", cm_test_base(it->path), it->key,
				 it->depth);
			cr_expect_str_eq(got, w->items[i], "%s, item %zu", w->ref, i);
			cr_expect(it->context && *it->context, "%s: a citing sentence", w->ref);
		}
		cr_expect_null(cm_cited_by_get(r, n));
		cm_cited_by_free(r);
	}
}

Test(cited_by, the_citing_documents_identity_and_sentence)
{
	cm_cited_by_result *r;
	const cm_cited_by_item *it;

	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "05-CT/TW", NULL), 0, "%s", cm_error_last());
	cr_assert_eq(cm_cited_by_size(r), 1);
	it = cm_cited_by_get(r, 0);
	cr_expect_str_eq(it->type, "Kế hoạch");
	cr_expect_str_eq(it->number, "15-KH/BDVTU-HNB@2018");
	cr_expect_str_eq(it->date, "2018-03-04");
	cr_expect_null(it->relation);
	cr_expect(strstr(it->context, "05-CT/TW"), "%s", it->context);
	cr_expect(strstr(it->title, "15-KH/BDVTU-HNB"), "%s", it->title);
	cm_cited_by_free(r);
}

Test(cited_by, an_ambiguous_reference_gives_its_years)
{
	cm_cited_by_result *r;

	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "25-NQ/TW", NULL), 0, "%s", cm_error_last());
	cr_expect_str_eq(cm_cited_by_base(r), "25-NQ/TW");
	cr_expect_str_eq(cm_cited_by_ref(r), "25-NQ/TW");
	cr_assert_eq(cm_cited_by_years(r), 2);
	cr_expect_eq(cm_cited_by_year(r, 0), 2003);
	cr_expect_eq(cm_cited_by_year(r, 1), 2013);
	cm_cited_by_free(r);
	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "49-CT/TW", NULL), 0);
	cr_expect_eq(cm_cited_by_ambiguous(r), 0);
	cr_expect_eq(cm_cited_by_years(r), 1);
	cm_cited_by_free(r);
}

/* 25-NQ/TW has 4 citing documents: pages of it. */
typedef struct {
	size_t offset, limit, size;
	const char *first;
} page;

static const page pages[] = {
	{0, CM_ALL, 4, "000_04ed2d92d4fbe0fc.txt"},
	{0, 2, 2, "000_04ed2d92d4fbe0fc.txt"},
	{1, 2, 2, "001_37328ef8013521d8.txt"},
	{3, 5, 1, "GOLD.md"},
	{4, 1, 0, NULL},
	{9, CM_ALL, 0, NULL},
	{0, 0, 0, NULL},
};

Test(cited_by, pages_and_the_total)
{
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
		cm_cited_by_result *r;

		o.offset = pages[p].offset;
		o.limit = pages[p].limit;
		cr_assert_eq(cm_cited_by(&r, cm_test_ix, "25-NQ/TW", &o), 0, "%s", cm_error_last());
		cr_expect_eq(cm_cited_by_size(r), pages[p].size, "page %zu", p);
		cr_expect_eq(cm_cited_by_total(r), 4, "page %zu", p);
		if (pages[p].first && cm_cited_by_size(r))
			cr_expect_str_eq(cm_test_base(cm_cited_by_get(r, 0)->path), pages[p].first);
		cm_cited_by_free(r);
	}
}

typedef struct {
	const char *ref, *type;
	unsigned version, depth;
} bad;

static const bad bads[] = {
	{"25-NQ/TW", NULL, CM_CITED_BY_OPTIONS_VERSION + 1, 1},
	{"25-NQ/TW", NULL, 0, 1},
	{"25-NQ/TW", NULL, CM_CITED_BY_OPTIONS_VERSION, 0},
	{"25-NQ/TW", NULL, CM_CITED_BY_OPTIONS_VERSION, CM_CITED_BY_DEPTH_MAX + 1},
	{"25-NQ/TW", "no such type", CM_CITED_BY_OPTIONS_VERSION, 1},
	{"no number", NULL, CM_CITED_BY_OPTIONS_VERSION, 1},
};

Test(cited_by, bad_options_are_invalid)
{
	for (size_t b = 0; b < sizeof bads / sizeof bads[0]; b++) {
		cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
		cm_cited_by_result *r = (cm_cited_by_result *)1;

		o.version = bads[b].version;
		o.depth = bads[b].depth;
		o.type = bads[b].type;
		cr_expect_eq(cm_cited_by(&r, cm_test_ix, bads[b].ref, &o), CM_EINVAL, "case %zu",
			     b);
		cr_expect_null(r, "case %zu", b);
	}
}

Test(cited_by, the_json_writer_prints_the_commands_lines)
{
	cm_cited_by_result *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "05-CT/TW", NULL), 0);
	cr_assert_eq(cm_cited_by_write_json(f, r), 0);
	fclose(f);
	cr_expect(!strncmp(buf, "{\"path\":\"", 9), "%s", buf);
	cr_expect(strstr(buf, "\"key\":\"05-CT/TW@2016\",\"depth\":1,\"status\":\"in_force\","
			      "\"status_since\":null,\"ambiguous\":false}\n"),
		  "%s", buf);
	free(buf);
	cm_cited_by_free(r);
}

/* A chain of 13 plans: plan i (number 100 + i, of year 2000 + i) carries
 * out plan i - 1; the first carries out 100-KH/TU of 2000, not indexed. */
static char *chain_index(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], file[4200];

	snprintf(dir, sizeof dir, "%s/cited-by-chain-XXXXXX", tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	for (int i = 1; i <= 13; i++) {
		FILE *f;
		snprintf(file, sizeof file, "%s/d%d.txt", dir, i);
		cr_assert_not_null(f = fopen(file, "w"));
		fprintf(f,
			"ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY CẦN THƠ\nSố %d-KH/TU\n"
			"Cần Thơ, ngày 12 tháng 10 năm %d\n\nKẾ HOẠCH\n"
			"Thực hiện công tác dân vận năm %d\n-----\n"
			"Thực hiện Kế hoạch số %d-KH/TU ngày 12/10/%d của Tỉnh ủy về công tác "
			"dân vận, Tỉnh ủy xây dựng kế hoạch như sau.\n",
			100 + i, 2000 + i, 2000 + i, 99 + i, 1999 + i);
		fclose(f);
	}
	{
		const char *const paths[] = {dir};
		return cm_test_index(paths, 1);
	}
}

typedef struct {
	const char *ref;
	unsigned depth;
	size_t limit, size, total;
	int limited;
} chain_case;

static const chain_case chain_cases[] = {
	{"100-KH/TU@2000", 1, CM_ALL, 1, 1, 0},
	{"100-KH/TU@2000", 3, CM_ALL, 3, 3, 0},
	{"100-KH/TU@2000", 9, CM_ALL, 9, 9, 0},
	/* at the limit with more beyond: said, paged or not */
	{"100-KH/TU@2000", CM_CITED_BY_DEPTH_MAX, CM_ALL, 10, 10, 1},
	{"100-KH/TU@2000", CM_CITED_BY_DEPTH_MAX, 2, 2, 10, 1},
	/* an answer that ends at the limit */
	{"103-KH/TU@2003", CM_CITED_BY_DEPTH_MAX, CM_ALL, 10, 10, 0},
};

Test(cited_by_chain, the_depth_limit_at_and_past_it)
{
	char *path = chain_index();
	cm_index *cix;

	cr_assert_eq(cm_index_open(&cix, path), 0, "%s", cm_error_last());
	for (size_t c = 0; c < sizeof chain_cases / sizeof chain_cases[0]; c++) {
		const chain_case *k = &chain_cases[c];
		cm_cited_by_options o = CM_CITED_BY_OPTIONS_INIT;
		cm_cited_by_result *r;

		o.depth = k->depth;
		o.limit = k->limit;
		cr_assert_eq(cm_cited_by(&r, cix, k->ref, &o), 0, "%s", cm_error_last());
		cr_expect_eq(cm_cited_by_size(r), k->size, "case %zu", c);
		cr_expect_eq(cm_cited_by_total(r), k->total, "case %zu", c);
		cr_expect_eq(cm_cited_by_depth_limited(r), k->limited, "case %zu", c);
		for (size_t i = 0; i < cm_cited_by_size(r); i++)
			cr_expect_eq(cm_cited_by_get(r, i)->depth, i + 1, "case %zu item %zu", c,
				     i);
		cm_cited_by_free(r);
	}
	cm_index_free(cix);
	free(path);
}

Test(cited_by, the_notes_writer_prints_the_ambiguity)
{
	cm_cited_by_result *r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "25-NQ/TW", NULL), 0);
	cr_assert_eq(cm_cited_by_write_notes(f, "chimuc", r), 0);
	cm_cited_by_free(r);
	cr_assert_eq(cm_cited_by(&r, cm_test_ix, "25-NQ/TW@2013", NULL), 0);
	cr_assert_eq(cm_cited_by_write_notes(f, "chimuc", r), 0);
	cm_cited_by_free(r);
	fclose(f);
	cr_expect_str_eq(buf, "chimuc: 25-NQ/TW is ambiguous: the corpus cites 25-NQ/TW@2003 "
			      "25-NQ/TW@2013; add @YEAR to choose\n");
	free(buf);
}
