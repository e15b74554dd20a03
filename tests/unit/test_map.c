/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_map.c: the map of a draft (chimuc/map.h) on an index of the five
 * sample directives: drafts written here with a citation of each status and
 * each problem, the statuses and problem flags, the totals of precedents
 * and co-cited documents as the samples have them (grep the samples of
 * corpus/ for 25-NQ/TW, 290-QĐ/TW…), the limits of the options, the
 * writers, a bad options version. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/map.h"
#include "test_index.h"

TestSuite(map, .init = cm_test_open_samples, .fini = cm_test_close);

static cm_map_result *map_of(const char *draft, const cm_map_options *o)
{
	cm_map_result *r;

	cr_assert_eq(cm_map(&r, cm_test_ix, draft, strlen(draft), o), 0, "%s", cm_error_last());
	return r;
}

static const char plan[] = "Căn cứ Kế hoạch số 1600-KH/BDVTW; thực hiện Nghị quyết số 25-NQ/TW, "
			   "ngày 03/6/2013 của Ban Chấp hành Trung ương; Chỉ thị số 25-NQ/TW; "
			   "Nghị quyết số 999-NQ/TW; theo Quyết định 290-QĐ/TW.\n";
static const char forms[] = "Căn cứ Kế hoạch số 1600 – KH/BDVTW ngày 01-3-2018; Kế hoạch số "
			    "1600-KH/BDVTW, ngày 28/02/2018.\n";
static const char undated[] = "Thực hiện Nghị quyết số 25-NQ/TW về dân vận.\n";

#define PLAN_004 "004_3c74891c68df0f2c.txt"
#define SAMPLE_000 "000_04ed2d92d4fbe0fc.txt"

typedef struct {
	const char *draft;
	size_t item;
	const char *key;
	cm_map_status status;
	unsigned problems;
	const char *path; /* its file, in the corpus */
	size_t cited_by_total, co_cited_total, ncandidates;
} map_case;

static const map_case cases[] = {
	{plan, 0, "1600-KH/BDVTW", CM_MAP_IN_CORPUS, 0, PLAN_004, 0, 0, 1},
	{plan, 1, "25-NQ/TW@2013", CM_MAP_CITED_ONLY, 0, NULL, 2, 0, 0},
	{plan, 2, "25-NQ/TW@2013", CM_MAP_INCONSISTENT, CM_MAP_CONTRADICTS, NULL, 2, 0, 0},
	{plan, 3, "999-NQ/TW", CM_MAP_UNKNOWN, 0, NULL, 0, 0, 0},
	{plan, 4, "290-QĐ/TW", CM_MAP_CITED_ONLY, CM_MAP_NO_SO, NULL, 2, 0, 0},
	{forms, 0, "1600-KH/BDVTW@2018", CM_MAP_INCONSISTENT,
	 CM_MAP_DATE_MISMATCH | CM_MAP_WRONG_DASH | CM_MAP_DATE_FORM | CM_MAP_DATES_DIFFER,
	 PLAN_004, 0, 0, 1},
	{forms, 1, "1600-KH/BDVTW@2018", CM_MAP_IN_CORPUS, CM_MAP_DATES_DIFFER, PLAN_004, 0, 0, 1},
	{undated, 0, "25-NQ/TW", CM_MAP_AMBIGUOUS, 0, NULL, 3, 3, 2},
	{"Căn cứ Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Bộ Chính trị.\n", 0,
	 "1600-KH/BDVTW@2018", CM_MAP_INCONSISTENT, CM_MAP_ISSUER_MISMATCH, PLAN_004, 0, 0, 1},
	{"Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2009.\n", 0, "25-NQ/TW@2009", CM_MAP_INCONSISTENT,
	 CM_MAP_OTHER_YEAR, NULL, 0, 0, 0},
	{"Căn cứ Quyết định số 290-QĐ/TW ngày 26/02/2010.\n", 0, "290-QĐ/TW@2010",
	 CM_MAP_INCONSISTENT, CM_MAP_CITED_DATE, NULL, 2, 1, 0},
	{"Căn cứ Nghị quyết số 25 NQ/TW ngày 03/6/2013.\n", 0, "25-NQ/TW@2013", CM_MAP_CITED_ONLY,
	 CM_MAP_SYMBOL_SPACE, NULL, 2, 1, 0},
	{"Căn cứ Chỉ thị số 05-CT/TW ngày 15.5.2016 của Bộ Chính trị.\n", 0, "05-CT/TW@2016",
	 CM_MAP_CITED_ONLY, CM_MAP_DATE_FORM, NULL, 1, 0, 0},
};

Test(map, statuses_and_problems_of_the_drafts)
{
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const map_case *w = &cases[k];
		cm_map_result *r = map_of(w->draft, NULL);
		const cm_map_item *it = cm_map_get(r, w->item);

		cr_assert_not_null(it, "case %zu: %zu items", k, cm_map_size(r));
		cr_expect_str_eq(it->key, w->key, "case %zu", k);
		cr_expect_eq(it->status, w->status, "case %zu: %s", k,
			     cm_map_status_name(it->status));
		cr_expect_eq(it->problems, w->problems, "case %zu: %#x", k, it->problems);
		if (w->path)
			cr_expect_str_eq(cm_test_base(it->path), w->path, "case %zu", k);
		else
			cr_expect_null(it->path, "case %zu", k);
		cr_expect_eq(it->cited_by_total, w->cited_by_total, "case %zu: %zu", k,
			     it->cited_by_total);
		cr_expect_eq(it->co_cited_total, w->co_cited_total, "case %zu: %zu", k,
			     it->co_cited_total);
		cr_expect_eq(it->ncandidates, w->ncandidates, "case %zu", k);
		cr_expect_not_null(it->reference, "case %zu", k);
		cm_map_free(r);
	}
}

Test(map, the_items_follow_the_draft)
{
	cm_map_result *r = map_of(plan, NULL);
	const cm_map_item *it;

	cr_assert_eq(cm_map_size(r), 5);
	cr_expect_null(cm_map_get(r, 5));
	it = cm_map_get(r, 1);
	cr_expect_str_eq(it->text, "Nghị quyết số 25-NQ/TW, ngày 03/6/2013");
	cr_expect_eq(it->end - it->start, strlen(it->text));
	cr_expect(!memcmp(plan + it->start, it->text, strlen(it->text)));
	cr_expect_str_eq(it->base, "25-NQ/TW");
	cr_expect_str_eq(it->type, "Nghị quyết");
	cr_expect_str_eq(it->date, "2013-06-03");
	/* the issuer as the corpus writes it */
	cr_expect_str_eq(it->reference, "Nghị quyết số 25-NQ/TW, ngày 03/06/2013 của Ban Chấp "
					"hành Trung ương Đảng (khóa XI)");
	/* the precedents, newest first */
	cr_assert_eq(it->ncited_by, 2);
	cr_expect_str_eq(it->cited_by[0].date, "2018-03-04");
	cr_expect_str_eq(cm_test_base(it->cited_by[0].path), "000_04ed2d92d4fbe0fc.txt");
	cr_expect_str_eq(it->cited_by[1].date, "2018-02-28");
	cr_expect(strstr(it->cited_by[1].context, "25-NQ/TW"), "%s", it->cited_by[1].context);
	/* what the draft cites is not "cited beside" */
	cr_expect_eq(it->nco_cited, 0);
	it = cm_map_get(r, 0);
	cr_expect_str_eq(it->reference, "Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Ban Dân "
					"vận Trung ương về \"Kế hoạch công tác năm 2018\"");
	cr_expect_str_eq(it->candidates[0].key, "1600-KH/BDVTW@2018");
	cm_map_free(r);
}

Test(map, an_ambiguous_citation_has_the_years_as_candidates)
{
	cm_map_result *r = map_of(undated, NULL);
	const cm_map_item *it = cm_map_get(r, 0);

	cr_assert_eq(it->ncandidates, 2);
	cr_expect_str_eq(it->candidates[0].key, "25-NQ/TW@2003");
	cr_expect_str_eq(it->candidates[1].key, "25-NQ/TW@2013");
	cr_expect_null(it->candidates[0].path);
	cr_expect_str_eq(it->reference, "Nghị quyết số 25-NQ/TW");
	cm_map_free(r);
}

/* What the problems' messages say. */
typedef struct {
	const char *draft;
	size_t item;
	cm_map_problem problem;
	const char *name, *message;
} message_case;

static const message_case messages[] = {
	{forms, 0, CM_MAP_DATE_MISMATCH, "date_mismatch",
	 "the draft dates it \"2018-03-01\" but the corpus says \"2018-02-28\" (the document "
	 "itself: " PLAN_004 ")"},
	{forms, 0, CM_MAP_WRONG_DASH, "wrong_dash",
	 "the symbol has a space, a line break or a wrong dash: write 1600-KH/BDVTW"},
	{forms, 0, CM_MAP_DATE_FORM, "date_form",
	 "unusual date form \"01-3-2018\": write dd/mm/yyyy"},
	{forms, 1, CM_MAP_DATES_DIFFER, "dates_differ",
	 "the same document is cited with different dates: 2018-02-28 and 2018-03-01"},
	{plan, 2, CM_MAP_CONTRADICTS, "contradicts",
	 "the type word \"Chỉ thị\" contradicts the code of 25-NQ/TW"},
	{plan, 4, CM_MAP_NO_SO, "no_so",
	 "missing \"số\" before the number: write \"Quyết định số 290-QĐ/TW\""},
	{"Căn cứ Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Bộ Chính trị.\n", 0,
	 CM_MAP_ISSUER_MISMATCH, "issuer_mismatch",
	 "the draft names the issuer \"Bộ Chính trị\" but the corpus says \"Ban Dân vận Trung "
	 "ương\" (the document itself: " PLAN_004 ")"},
	{"Căn cứ Quyết định số 290-QĐ/TW của Ban Bí thư.\n", 0, CM_MAP_ISSUER_MISMATCH,
	 "issuer_mismatch",
	 "the draft names the issuer \"Ban Bí thư\" but the corpus says \"Bộ Chính trị\" (in 2 "
	 "documents: " SAMPLE_000 ", " PLAN_004 "; \"Ban Bí thư\" in none)"},
	{"Căn cứ Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị (khóa XI).\n", 0,
	 CM_MAP_TERM_MISMATCH, "term_mismatch",
	 "the draft gives the term \"khóa XI\" but the corpus says \"khóa X\" (in 2 documents: " SAMPLE_000
	 ", " PLAN_004 "; \"khóa XI\" in none)"},
	{"Căn cứ Quy định số 290-QĐ/TW ngày 25/02/2010.\n", 0, CM_MAP_TYPE_MISMATCH,
	 "type_mismatch",
	 "the draft uses the type word \"Quy định\" but the corpus says \"Quyết định\" (in 2 "
	 "documents: " SAMPLE_000 ", " PLAN_004 "; \"Quy định\" in none)"},
	{"Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2009.\n", 0, CM_MAP_OTHER_YEAR, "other_year",
	 "the corpus knows 25-NQ/TW only as of 2003, 2013"},
	{"Căn cứ Quyết định số 290-QĐ/TW ngày 26/02/2010.\n", 0, CM_MAP_CITED_DATE, "cited_date",
	 "the draft dates it \"2010-02-26\" but the corpus says \"2010-02-25\" (in 2 documents: " SAMPLE_000
	 ", " PLAN_004 "; \"2010-02-26\" in none)"},
	{"Căn cứ Nghị quyết số 25 NQ/TW ngày 03/6/2013.\n", 0, CM_MAP_SYMBOL_SPACE, "symbol_space",
	 "the symbol has a space, a line break or a wrong dash: write 25-NQ/TW"},
};

Test(map, the_message_of_each_problem)
{
	for (size_t k = 0; k < sizeof messages / sizeof messages[0]; k++) {
		const message_case *w = &messages[k];
		cm_map_result *r = map_of(w->draft, NULL);
		char *msg;

		cr_expect_str_eq(cm_map_problem_name(w->problem), w->name);
		cr_assert_eq(cm_map_problem_message(&msg, cm_map_get(r, w->item), w->problem), 0,
			     "case %zu: %s", k, cm_error_last());
		cr_expect_str_eq(msg, w->message, "case %zu", k);
		free(msg);
		cm_map_free(r);
	}
}

Test(map, names_and_a_problem_not_there)
{
	static const char *const statuses[] = {"in_corpus", "cited_only", "unknown", "ambiguous",
					       "inconsistent"};
	cm_map_result *r = map_of(plan, NULL);
	char *msg = (char *)1;

	for (int s = CM_MAP_IN_CORPUS; s <= CM_MAP_INCONSISTENT; s++)
		cr_expect_str_eq(cm_map_status_name((cm_map_status)s), statuses[s]);
	cr_expect_null(cm_map_status_name((cm_map_status)(CM_MAP_INCONSISTENT + 1)));
	cr_expect_null(cm_map_problem_name((cm_map_problem)(CM_MAP_NO_SO | CM_MAP_DATE_FORM)));
	cr_expect_null(cm_map_problem_name(CM_MAP_PROBLEM_END));
	cr_expect_eq(cm_map_problem_message(&msg, cm_map_get(r, 3), CM_MAP_NO_SO), CM_EINVAL);
	cr_expect_null(msg);
	cm_map_free(r);
}

/* The kept precedents and co-cited documents of the undated 25-NQ/TW
 * (3 precedents, 3 co-cited in 2 documents): at, under and past the
 * totals. */
typedef struct {
	size_t precedents, co_cited, ncited_by, nco_cited;
} limit_case;

static const limit_case limits[] = {
	{CM_MAP_PRECEDENTS_DEFAULT, CM_MAP_CO_CITED_DEFAULT, 3, 3},
	{0, 0, 0, 0},
	{1, 2, 1, 2},
	{3, 3, 3, 3},
	{4, 4, 3, 3},
	{CM_ALL, CM_ALL, 3, 3},
};

Test(map, the_limits_of_precedents_and_co_cited)
{
	for (size_t k = 0; k < sizeof limits / sizeof limits[0]; k++) {
		cm_map_options o = CM_MAP_OPTIONS_INIT;
		cm_map_result *r;
		const cm_map_item *it;

		o.precedents = limits[k].precedents;
		o.co_cited = limits[k].co_cited;
		r = map_of(undated, &o);
		it = cm_map_get(r, 0);
		cr_expect_eq(it->ncited_by, limits[k].ncited_by, "case %zu", k);
		cr_expect_eq(it->nco_cited, limits[k].nco_cited, "case %zu", k);
		cr_expect_eq(it->cited_by_total, 3, "case %zu", k);
		cr_expect_eq(it->co_cited_total, 3, "case %zu", k);
		if (it->ncited_by)
			cr_expect_str_eq(it->cited_by[0].date, "2018-03-04", "case %zu", k);
		cm_map_free(r);
	}
}

Test(map, a_draft_without_citations)
{
	cm_map_result *r = map_of("Không có văn bản nào được trích dẫn.\n", NULL);

	cr_expect_eq(cm_map_size(r), 0);
	cm_map_free(r);
}

Test(map, a_bad_options_version_is_invalid)
{
	static const unsigned versions[] = {0, CM_MAP_OPTIONS_VERSION + 1};

	for (size_t k = 0; k < sizeof versions / sizeof versions[0]; k++) {
		cm_map_options o = CM_MAP_OPTIONS_INIT;
		cm_map_result *r = (cm_map_result *)1;

		o.version = versions[k];
		cr_expect_eq(cm_map(&r, cm_test_ix, plan, strlen(plan), &o), CM_EINVAL, "case %zu",
			     k);
		cr_expect_null(r, "case %zu", k);
	}
}

/* Runs a writer of r into a string (the caller's). */
typedef enum { W_TEXT, W_MD, W_JSON, W_DOT, W_GRAPHML } writer;

static char *written(const cm_map_result *r, writer w)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	cr_assert_not_null(f);
	switch (w) {
	case W_TEXT: rc = cm_map_write_text(f, r); break;
	case W_MD: rc = cm_map_write_md(f, r, "draft.txt"); break;
	case W_JSON: rc = cm_map_write_json(f, r); break;
	case W_DOT: rc = cm_map_write_dot(f, r, "draft.txt"); break;
	default: rc = cm_map_write_graphml(f, r, "draft.txt"); break;
	}
	fclose(f);
	cr_assert_eq(rc, 0, "%s", cm_error_last());
	return buf;
}

typedef struct {
	const char *draft;
	writer w;
	const char *start; /* what the output starts with */
	const char *holds; /* and holds */
} writer_case;

static const writer_case writers[] = {
	{"Căn cứ Nghị quyết số 999-NQ/TW.\n", W_TEXT,
	 "Nghị quyết số 999-NQ/TW\n  status: unknown\n  reference: Nghị quyết số 999-NQ/TW\n\n",
	 NULL},
	{"Căn cứ Nghị quyết số 999-NQ/TW.\n", W_MD,
	 "# Citation map of draft.txt\n\n## Nghị quyết số 999-NQ/TW\n\n- **status**: unknown\n"
	 "- **reference**: Nghị quyết số 999-NQ/TW\n\n",
	 NULL},
	{"Căn cứ Nghị quyết số 999-NQ/TW.\n", W_JSON,
	 "{\"text\":\"Nghị quyết số 999-NQ/TW\",\"key\":\"999-NQ/TW\",\"status\":\"unknown\","
	 "\"reference\":\"Nghị quyết số 999-NQ/TW\",\"path\":null,\"said\":{},\"cited_by\":[],"
	 "\"cited_by_total\":0,\"candidates\":[],\"co_cited\":[],\"co_cited_total\":0,"
	 "\"problems\":[],\"notes\":[],\"validity\":\"unknown\",\"validity_since\":null}\n",
	 NULL},
	{undated, W_TEXT, "Nghị quyết số 25-NQ/TW\n  status: ambiguous\n",
	 "  candidate: 25-NQ/TW@2003 \n  candidate: 25-NQ/TW@2013 \n"},
	{undated, W_TEXT, "Nghị quyết số 25-NQ/TW\n",
	 "  usually cited beside it: 49-CT/TW@2015 (cited beside 25-NQ/TW in 2 of its 3 "
	 "documents, cited by 2 in all: strength 0.82)\n"},
	{undated, W_MD, "# Citation map",
	 "- usually cited beside it: 114-KL/TW@2015 (cited beside 25-NQ/TW in 2 of its 3 "
	 "documents, cited by 2 in all: strength 0.82)\n"},
	{undated, W_JSON, "{\"text\":",
	 "\"why\":\"cited beside 25-NQ/TW in 2 of its 3 documents, cited by 2 in all: strength "
	 "0.82\""},
	{forms, W_TEXT, "Kế hoạch số 1600 – KH/BDVTW ngày 01-3-2018\n",
	 "  problem: the draft dates it \"2018-03-01\" but the corpus says \"2018-02-28\" (the "
	 "document itself: " PLAN_004 ")\n"
	 "  problem: the symbol has a space, a line break or a wrong dash: write 1600-KH/BDVTW\n"
	 "  problem: unusual date form \"01-3-2018\": write dd/mm/yyyy\n"},
	{"Căn cứ Quyết định số 290-QĐ/TW của Ban Bí thư.\n", W_TEXT, "Quyết định số 290-QĐ/TW\n",
	 "  the corpus says: type Quyết định (2), date 2010-02-25 (2), issuer Bộ Chính trị (2), "
	 "term khóa X (2)\n  problem: the draft names the issuer"},
	{"Căn cứ Kế hoạch số 1600-KH/BDVTW.\n", W_MD, "# Citation map",
	 "- **the corpus says**: type Kế hoạch (itself), date 2018-02-28 (itself), issuer Ban Dân "
	 "vận Trung ương (itself)\n"},
	{undated, W_DOT, "digraph citations", "\"cited beside\""},
	{undated, W_GRAPHML, "<?xml", "draft.txt"},
};

Test(map, the_writers_print_the_commands_output)
{
	for (size_t k = 0; k < sizeof writers / sizeof writers[0]; k++) {
		const writer_case *w = &writers[k];
		cm_map_result *r = map_of(w->draft, NULL);
		char *out = written(r, w->w);

		cr_expect(!strncmp(out, w->start, strlen(w->start)), "case %zu: %s", k, out);
		if (w->holds)
			cr_expect(strstr(out, w->holds), "case %zu: %s", k, out);
		if (w->w == W_JSON && w->draft == undated)
			cr_expect_eq(strchr(out, '\n')[1], '\0', "case %zu: one line", k);
		free(out);
		cm_map_free(r);
	}
}

/* The corpus's consensus, with its evidence: the draft's issuer is caught,
 * the reference says what the corpus says. */
typedef struct {
	const char *draft;
	cm_map_field field;
	const char *value; /* the one reading */
	size_t count;
	int from_self;
	const char *reference;
} consensus_case;

static const consensus_case consensus[] = {
	{"Căn cứ Quyết định số 290-QĐ/TW của Ban Bí thư.\n", CM_MAP_ISSUER, "Bộ Chính trị", 2, 0,
	 "Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị (khóa X)"},
	{"Căn cứ Quyết định số 290-QĐ/TW ngày 26/02/2010.\n", CM_MAP_DATE, "2010-02-25", 2, 0,
	 "Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị (khóa X)"},
	{"Căn cứ Kế hoạch số 1600-KH/BDVTW của Bộ Chính trị.\n", CM_MAP_ISSUER,
	 "Ban Dân vận Trung ương", 1, 1,
	 "Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Ban Dân vận Trung ương về \"Kế hoạch "
	 "công tác năm 2018\""},
	{"Căn cứ Chỉ thị số 49-CT/TW.\n", CM_MAP_TYPE, "Chỉ thị", 2, 0,
	 "Chỉ thị số 49-CT/TW, ngày 20/10/2015 của Ban Bí thư Trung ương Đảng (khóa XI)"},
};

Test(map, the_reference_follows_the_corpus_consensus)
{
	for (size_t k = 0; k < sizeof consensus / sizeof consensus[0]; k++) {
		const consensus_case *w = &consensus[k];
		cm_map_result *r = map_of(w->draft, NULL);
		const cm_map_item *it = cm_map_get(r, 0);
		const cm_map_said *said = &it->said[w->field];

		cr_assert_eq(said->nreadings, 1, "case %zu", k);
		cr_expect_str_eq(said->readings[0].value, w->value, "case %zu", k);
		cr_expect_eq(said->readings[0].count, w->count, "case %zu", k);
		cr_expect_eq(said->from_self, w->from_self, "case %zu", k);
		cr_expect_str_eq(it->reference, w->reference, "case %zu", k);
		cm_map_free(r);
	}
}

/* Co-citation: documents citing both over the geometric mean of the
 * documents citing each, at least CM_MAP_CO_CITED_SUPPORT of them; the
 * newer document first among as strong. */
typedef struct {
	const char *draft;
	size_t rank;
	const char *key;
	unsigned count, cited;
	double strength;
} co_cited_case;

static const co_cited_case co_cases[] = {
	/* 25-NQ/TW: 3 precedents; 49-CT/TW, 114-KL/TW, 290-QĐ/TW in 2 of them,
	 * cited by 2 each: as strong, newest first */
	{undated, 0, "49-CT/TW@2015", 2, 2, 0.8165},
	{undated, 1, "114-KL/TW@2015", 2, 2, 0.8165},
	{undated, 2, "290-QĐ/TW@2010", 2, 2, 0.8165},
	/* 49-CT/TW: 2 precedents, both citing 114-KL/TW (2 in all) and
	 * 25-NQ/TW (3 in all) */
	{"Căn cứ Chỉ thị số 49-CT/TW.\n", 0, "114-KL/TW@2015", 2, 2, 1.0},
	{"Căn cứ Chỉ thị số 49-CT/TW.\n", 1, "25-NQ/TW@2013", 2, 3, 0.8165},
};

Test(map, co_cited_by_normalized_strength)
{
	for (size_t k = 0; k < sizeof co_cases / sizeof co_cases[0]; k++) {
		const co_cited_case *w = &co_cases[k];
		cm_map_result *r = map_of(w->draft, NULL);
		const cm_map_item *it = cm_map_get(r, 0);
		const cm_map_co_cited *c;

		cr_assert_gt(it->nco_cited, w->rank, "case %zu", k);
		c = &it->co_cited[w->rank];
		cr_expect_str_eq(c->key, w->key, "case %zu", k);
		cr_expect_eq(c->count, w->count, "case %zu", k);
		cr_expect_eq(c->cited, w->cited, "case %zu", k);
		cr_expect_float_eq(c->strength, w->strength, 1e-3, "case %zu: %f", k, c->strength);
		for (size_t i = 0; i < it->nco_cited; i++)
			cr_expect_geq(it->co_cited[i].count, CM_MAP_CO_CITED_SUPPORT, "case %zu",
				      k);
		cm_map_free(r);
	}
}

/* Suggestions: what the draft does not cite, from the documents most like
 * it and from strong co-citations, with the reason and the reference. */
typedef struct {
	const char *draft;
	size_t rank;
	const char *key, *reason, *reference;
} suggest_case;

static const char draft_49[] = "KẾ HOẠCH\nThực hiện Chỉ thị số 49-CT/TW, ngày 20/10/2015 của Ban "
			       "Bí thư về công tác dân vận ở vùng đồng bào dân tộc thiểu số.\n";

static const suggest_case suggest_cases[] = {
	{draft_49, 0, "114-KL/TW@2015", "cited beside 49-CT/TW in 2 documents (strength 1.00)",
	 "Kết luận số 114-KL/TW, ngày 14/07/2015 của Ban Bí thư Trung ương Đảng (khóa XI)"},
	{draft_49, 1, "25-NQ/TW@2013", "of the 5 documents most like this draft",
	 "Nghị quyết số 25-NQ/TW, ngày 03/06/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)"},
	/* a document the draft cites is never suggested */
	{"Căn cứ Chỉ thị số 49-CT/TW và Kết luận số 114-KL/TW.\n", 0, "25-NQ/TW@2013",
	 "cited beside 49-CT/TW in 2 documents (strength 0.82); beside 1 more of its citations",
	 NULL},
};

Test(map, suggestions_with_their_reasons)
{
	cm_map_options o = CM_MAP_OPTIONS_INIT;

	o.suggestions = CM_MAP_SUGGESTIONS_DEFAULT;
	for (size_t k = 0; k < sizeof suggest_cases / sizeof suggest_cases[0]; k++) {
		const suggest_case *w = &suggest_cases[k];
		cm_map_result *r = map_of(w->draft, &o);
		const cm_map_suggestion *s = cm_map_suggestion_get(r, w->rank);

		cr_assert_not_null(s, "case %zu: %zu suggestions", k, cm_map_suggestions(r));
		cr_expect_str_eq(s->key, w->key, "case %zu", k);
		cr_expect(strstr(s->reason, w->reason), "case %zu: %s", k, s->reason);
		if (w->reference)
			cr_expect_str_eq(s->reference, w->reference, "case %zu", k);
		cr_expect_null(s->path, "case %zu", k);
		for (size_t i = 1; i < cm_map_suggestions(r); i++)
			cr_expect_geq(cm_map_suggestion_get(r, i - 1)->score,
				      cm_map_suggestion_get(r, i)->score, "case %zu", k);
		for (size_t i = 0; i < cm_map_suggestions(r); i++)
			for (size_t c = 0; c < cm_map_size(r); c++)
				cr_expect(strncmp(cm_map_suggestion_get(r, i)->key,
						  cm_map_get(r, c)->base,
						  strlen(cm_map_get(r, c)->base)),
					  "case %zu", k);
		cm_map_free(r);
	}
}

Test(map, no_suggestions_unless_asked_and_version_1_options)
{
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	cm_map_result *r = map_of(draft_49, NULL);

	cr_expect_eq(cm_map_suggestions(r), 0);
	cr_expect_null(cm_map_suggestion_get(r, 0));
	cm_map_free(r);
	o.version = 1;
	o.suggestions = 3; /* not a field of version 1 */
	r = map_of(draft_49, &o);
	cr_expect_eq(cm_map_suggestions(r), 0);
	cm_map_free(r);
}
