/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_search.c: the search operation (chimuc/search.h) on an index of the
 * five sample directives: the documents each form of the query language
 * finds (words with and without diacritics, phrases, NOT and -, OR, the
 * cites:, type:, year:, issuer: and date: filters), as the corpus has them;
 * ranks and scores; paging with the total; brief; snippets and their
 * highlighted words; the writers; bad queries and a bad options version. */
#define _GNU_SOURCE /* open_memstream */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/search.h"
#include "chimuc/text.h"
#include "test_index.h"

TestSuite(search, .init = cm_test_open_samples, .fini = cm_test_close);

#define S000 "000_04ed2d92d4fbe0fc.txt"
#define S001 "001_37328ef8013521d8.txt"
#define S002 "002_b5165427152976bf.txt"
#define S003 "003_33f224fdd1db13f7.txt"
#define S004 "004_3c74891c68df0f2c.txt"

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int search(cm_search_result **r, const char *q, size_t offset, size_t limit, int brief)
{
	cm_search_options o = CM_SEARCH_OPTIONS_INIT;

	o.offset = offset;
	o.limit = limit;
	o.brief = brief;
	return cm_search(r, cm_test_ix, q, strlen(q), &o);
}

/* The files of a result, sorted, space-separated, into buf. */
static const char *files(char *buf, size_t len, const cm_search_result *r)
{
	const char *v[8];
	size_t n = cm_search_size(r) < 8 ? cm_search_size(r) : 8;

	for (size_t i = 0; i < n; i++)
		v[i] = base(cm_search_get(r, i)->path);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? " " : "", v[i]);
	return buf;
}

#define ALL S000 " " S001 " " S002 " " S003 " " S004

typedef struct {
	const char *query;
	const char *files; /* sorted; "" for none */
} answer;

static const answer answers[] = {
	{"dân vận", ALL},
	{"dan van", ALL}, /* unaccented: every accented form */
	{"Tỉnh uỷ", ALL}, /* old tone placement and case */
	{"tỉnh ủy", ALL},
	{"\"công tác dân vận\"", ALL},
	{"hướng dẫn", S000 " " S002 " " S003 " " S004},
	{"huong dan", ALL}, /* every form: hương, dân… */
	{"hướng dẫn NOT type:HD", S000 " " S002 " " S004},
	{"dân -vận", ""},
	{"dân NOT vận", ""},
	{"dặn", ""}, /* with diacritics: exactly that word */
	{"zzzq", ""},
	{"cites:25-NQ/TW", S000 " " S001 " " S004},
	{"cites:25-NQ/TW@2003", S004},
	{"cites:49-CT/TW", S001 " " S004},
	{"25-NQ/TW", S000 " " S001 " " S004},
	{"dân vận cites:05-CT/TW", S000},
	{"type:KH", S000 " " S002 " " S004},
	{"type:HD", S003},
	{"type:KH -year:2018", S002},
	{"year:2018", S000 " " S004},
	{"(type:KH OR type:HD) year:2018", S000 " " S004},
	{"type:HD OR issuer:BDVTW", S003 " " S004},
	{"issuer:BDVTW", S004},
	{"date:2018-03", S000 " " S004},
	{"date:15/10", ALL},
};

Test(search, the_documents_of_each_query_form)
{
	for (size_t a = 0; a < sizeof answers / sizeof answers[0]; a++) {
		const answer *w = &answers[a];
		cm_search_result *r;
		char got[256];
		double last = 1e300;

		cr_assert_eq(search(&r, w->query, 0, CM_ALL, 0), 0, "%s: %s", w->query,
			     cm_error_last());
		cr_expect_str_eq(files(got, sizeof got, r), w->files, "%s", w->query);
		cr_expect_eq(cm_search_total(r), cm_search_size(r), "%s", w->query);
		for (size_t i = 0; i < cm_search_size(r); i++) {
			const cm_search_item *it = cm_search_get(r, i);
			cr_expect_eq(it->rank, i + 1, "%s", w->query);
			cr_expect(it->score <= last, "%s: scores descend", w->query);
			cr_expect(*it->title, "%s: a title", w->query);
			cr_expect_str_eq(it->format, "text");
			last = it->score;
		}
		cr_expect_null(cm_search_get(r, cm_search_size(r)));
		cm_search_free(r);
	}
}

/* "hướng dẫn" finds four documents: every page of them. */
typedef struct {
	size_t offset, limit;
	size_t size;
} page;

static const page pages[] = {
	{0, 10, 4},
	{0, CM_ALL, 4},
	{0, 2, 2},
	{2, 2, 2},
	{3, 2, 1},
	{4, 2, 0},
	{10, 1, 0},
	{0, 0, 0},
	{0, 4, 4},
	{0, 3, 3},
	{(size_t)1 << 40, 1, 0},
};

Test(search, pages_and_their_total)
{
	cm_search_result *all;

	cr_assert_eq(search(&all, "hướng dẫn", 0, CM_ALL, 1), 0, "%s", cm_error_last());
	cr_assert_eq(cm_search_size(all), 4);
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		const page *w = &pages[p];
		cm_search_result *r;

		cr_assert_eq(search(&r, "hướng dẫn", w->offset, w->limit, 1), 0, "%s",
			     cm_error_last());
		cr_expect_eq(cm_search_size(r), w->size, "page %zu: %zu hits", p,
			     cm_search_size(r));
		cr_expect_eq(cm_search_total(r), 4, "page %zu: total %zu", p, cm_search_total(r));
		for (size_t i = 0; i < cm_search_size(r); i++) {
			const cm_search_item *it = cm_search_get(r, i);
			const cm_search_item *same = cm_search_get(all, w->offset + i);
			cr_expect_eq(it->rank, w->offset + i + 1, "page %zu", p);
			cr_expect_str_eq(it->path, same->path, "page %zu, hit %zu", p, i);
		}
		cm_search_free(r);
	}
	cm_search_free(all);
}

Test(search, the_default_page_is_ten_hits)
{
	cm_search_result *r;

	cr_assert_eq(cm_search(&r, cm_test_ix, "dân", strlen("dân"), NULL), 0, "%s",
		     cm_error_last());
	cr_expect_eq(cm_search_size(r), 5);
	cr_expect_eq(cm_search_total(r), 5);
	cr_expect_eq(cm_search_brief(r), 0);
	cm_search_free(r);
}

Test(search, brief_reads_path_and_title_only)
{
	cm_search_result *whole, *brief;

	cr_assert_eq(search(&whole, "kế hoạch", 0, CM_ALL, 0), 0, "%s", cm_error_last());
	cr_assert_eq(search(&brief, "kế hoạch", 0, CM_ALL, 1), 0, "%s", cm_error_last());
	cr_expect_eq(cm_search_brief(brief), 1);
	cr_assert_eq(cm_search_size(brief), cm_search_size(whole));
	for (size_t i = 0; i < cm_search_size(brief); i++) {
		const cm_search_item *b = cm_search_get(brief, i), *w = cm_search_get(whole, i);
		cr_expect_str_eq(b->path, w->path);
		cr_expect_str_eq(b->title, w->title);
		cr_expect_eq(b->rank, w->rank);
		cr_expect_eq(b->score, w->score);
		cr_expect_null(b->snippet);
		cr_expect_null(b->format);
		cr_expect_eq(b->nspans, 0);
		cr_expect(w->snippet && w->snippet_len > 0);
	}
	cm_search_free(whole);
	cm_search_free(brief);
}

/* The highlighted words are the query's, in order, inside the snippet. */
typedef struct {
	const char *query;
	const char *words[3]; /* the canonical words a span may hold */
} marked;

static const marked marks[] = {
	{"dân vận", {"dân", "vận", NULL}},
	{"khéo", {"khéo", NULL, NULL}},
	{"hướng dẫn", {"hướng", "dẫn", NULL}},
	{"cites:25-NQ/TW kế hoạch", {"kế", "hoạch", NULL}},
};

/* 1 if s[0..len) is one token whose canonical form is one of words. */
static int one_of(const char *s, size_t len, const char *const *words)
{
	cm_tokenizer tz;
	cm_token tok, more;

	cm_tokenizer_init(&tz, s, len);
	if (cm_tokenizer_next(&tok, &tz) != 1 || cm_tokenizer_next(&more, &tz) != 0)
		return 0;
	for (size_t i = 0; i < 3 && words[i]; i++)
		if (!strcmp(tok.exact, words[i]))
			return 1;
	return 0;
}

Test(search, snippets_highlight_the_words_of_the_query)
{
	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
		const marked *w = &marks[m];
		cm_search_result *r;
		size_t spans = 0;

		cr_assert_eq(search(&r, w->query, 0, CM_ALL, 0), 0, "%s", cm_error_last());
		for (size_t i = 0; i < cm_search_size(r); i++) {
			const cm_search_item *it = cm_search_get(r, i);
			size_t at = 0;
			cr_expect_eq(strlen(it->snippet), it->snippet_len);
			for (size_t k = 0; k < it->nspans; k++) {
				const cm_search_span *s = &it->spans[k];
				cr_expect(s->start >= at && s->end > s->start &&
					  s->end <= it->snippet_len);
				cr_expect(
					one_of(it->snippet + s->start, s->end - s->start, w->words),
					"%s: '%.*s'", w->query, (int)(s->end - s->start),
					it->snippet + s->start);
				at = s->end;
			}
			spans += it->nspans;
		}
		cr_expect(spans > 0, "%s: words highlighted", w->query);
		cm_search_free(r);
	}
}

/* A page written to a string. */
static char *written(const cm_search_result *r, int json, int bold)
{
	char *s = NULL;
	size_t n;
	FILE *f = open_memstream(&s, &n);

	cr_assert(f);
	cr_assert_eq(json ? cm_search_write_json(f, r) : cm_search_write_text(f, r, bold), 0);
	fclose(f);
	return s;
}

static size_t lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

Test(search, the_writers)
{
	cm_search_result *r, *b;
	const cm_search_item *first;
	char *text, *bold, *json, *btext, *bjson, head[512];

	cr_assert_eq(search(&r, "dân vận", 0, 2, 0), 0, "%s", cm_error_last());
	cr_assert_eq(search(&b, "dân vận", 0, 2, 1), 0, "%s", cm_error_last());
	first = cm_search_get(r, 0);
	snprintf(head, sizeof head, "1. %s\n   %s  (score %.3f)\n   ", first->title, first->path,
		 first->score);
	text = written(r, 0, 0);
	bold = written(r, 0, 1);
	json = written(r, 1, 0);
	btext = written(b, 0, 0);
	bjson = written(b, 1, 0);
	cr_expect(!strncmp(text, head, strlen(head)), "%s", text);
	cr_expect_eq(lines(text), 8); /* 4 lines per hit: title, path, snippet, blank */
	cr_expect(strstr(text, "[") && !strstr(text, "\033["));
	cr_expect(strstr(bold, "\033[1m") && strstr(bold, "\033[0m"));
	cr_expect_eq(lines(json), 2);
	cr_expect(!strncmp(json, "{\"rank\":1,\"score\":", 18), "%s", json);
	cr_expect(strstr(json, "\"format\":\"text\"") && strstr(json, "\"highlights\":[["));
	cr_expect(!strncmp(btext, head, strlen(head) - 3), "%s", btext);
	cr_expect_eq(lines(btext), 4); /* title, path */
	cr_expect_eq(lines(bjson), 2);
	cr_expect(!strstr(bjson, "snippet") && !strstr(bjson, "format") && strstr(bjson, "title"));
	free(text);
	free(bold);
	free(json);
	free(btext);
	free(bjson);
	cm_search_free(r);
	cm_search_free(b);
}

typedef struct {
	const char *query;
	int code;
} bad;

static const bad bads[] = {
	{"", CM_EINVAL},
	{"   ", CM_EINVAL},
	{"year:20x", CM_EINVAL},
	{"type:ZZ", CM_EINVAL},
	{"cites:abc", CM_EINVAL},
	{"date:31/2", CM_EINVAL},
	{"type:Kế hoạch", CM_EINVAL}, /* two words: type:Kế, no such type */
	{"((((((((((((((((((((((((((((((((((dân", CM_EPARSE}, /* 34 deep */
};

Test(search, bad_queries)
{
	for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		cm_search_result *r = (cm_search_result *)1;
		cr_expect_eq(search(&r, bads[i].query, 0, CM_ALL, 0), bads[i].code, "'%s': %s",
			     bads[i].query, cm_error_last());
		cr_expect_null(r);
	}
}

Test(search, a_query_at_and_past_the_length_limit)
{
	char *q = malloc(CM_QUERY_MAX_BYTES + 2);
	cm_search_result *r;

	cr_assert(q);
	memset(q, ' ', CM_QUERY_MAX_BYTES + 1);
	memcpy(q, "dân", 4);
	q[CM_QUERY_MAX_BYTES + 1] = '\0';
	cr_expect_eq(cm_search(&r, cm_test_ix, q, CM_QUERY_MAX_BYTES, NULL), 0, "%s",
		     cm_error_last());
	cr_expect_eq(cm_search_total(r), 5);
	cm_search_free(r);
	cr_expect_eq(cm_search(&r, cm_test_ix, q, CM_QUERY_MAX_BYTES + 1, NULL), CM_ELIMIT);
	free(q);
}

Test(search, a_bad_options_version)
{
	cm_search_options o = CM_SEARCH_OPTIONS_INIT;
	cm_search_result *r;

	o.version = CM_SEARCH_OPTIONS_VERSION + 1;
	cr_expect_eq(cm_search(&r, cm_test_ix, "dân", strlen("dân"), &o), CM_EINVAL);
	cr_expect_null(r);
	cr_expect(strstr(cm_error_last(), "version"), "%s", cm_error_last());
}
