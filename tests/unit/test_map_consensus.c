/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_map_consensus.c: the map of a draft (chimuc/map.h) on an index of
 * three small plans written here, which disagree on the issuer of the
 * directive they cite: the readings with their counts and documents, the
 * problem that says so, and a reference that picks none of them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chimuc/error.h"
#include "chimuc/map.h"
#include "test_index.h"

static const char *const plans[] = {
	"KẾ HOẠCH\nCăn cứ Chỉ thị số 77-CT/TW, ngày 01/02/2019 của Ban Bí thư về công tác A.\n",
	"KẾ HOẠCH\nThực hiện Chỉ thị số 77-CT/TW, ngày 01/02/2019 của Bộ Chính trị về công tác B.\n",
	"KẾ HOẠCH\nTheo Chỉ thị số 77-CT/TW, ngày 01/02/2019 của Bộ Chính trị về công tác C.\n",
};
#define NPLANS (sizeof plans / sizeof plans[0])

static cm_index *ix;

static void open_plans(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[NPLANS][600], *db;
	const char *paths[NPLANS];

	snprintf(dir, sizeof dir, "%s/map_consensus_XXXXXX", tmp ? tmp : "/tmp");
	cr_assert(mkdtemp(dir));
	for (size_t i = 0; i < NPLANS; i++) {
		FILE *f;
		snprintf(path[i], sizeof path[i], "%s/plan%zu.txt", dir, i);
		cr_assert((f = fopen(path[i], "w")));
		fputs(plans[i], f);
		fclose(f);
		paths[i] = path[i];
	}
	db = cm_test_index(paths, NPLANS);
	cr_assert_eq(cm_index_open(&ix, db), 0, "%s", cm_error_last());
	free(db);
}

static void close_plans(void)
{
	cm_index_free(ix);
}

TestSuite(map_consensus, .init = open_plans, .fini = close_plans);

typedef struct {
	const char *draft;
	unsigned problems;
	const char *reference;
} disagreement_case;

static const disagreement_case cases[] = {
	/* the draft names none: the reference names none */
	{"Căn cứ Chỉ thị số 77-CT/TW.\n", CM_MAP_CORPUS_DISAGREES,
	 "Chỉ thị số 77-CT/TW, ngày 01/02/2019"},
	/* the draft names one: no mismatch, the draft's stays */
	{"Căn cứ Chỉ thị số 77-CT/TW của Ban Bí thư.\n", CM_MAP_CORPUS_DISAGREES,
	 "Chỉ thị số 77-CT/TW, ngày 01/02/2019 của Ban Bí thư"},
	/* the fields they agree on are checked as ever */
	{"Căn cứ Chỉ thị số 77-CT/TW ngày 02/02/2019.\n",
	 CM_MAP_CORPUS_DISAGREES | CM_MAP_CITED_DATE, "Chỉ thị số 77-CT/TW, ngày 01/02/2019"},
};

Test(map_consensus, the_corpus_disagreeing_picks_none)
{
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const disagreement_case *w = &cases[k];
		cm_map_result *r;
		const cm_map_item *it;

		cr_assert_eq(cm_map(&r, ix, w->draft, strlen(w->draft), NULL), 0, "%s",
			     cm_error_last());
		it = cm_map_get(r, 0);
		cr_assert_not_null(it, "case %zu", k);
		cr_expect_eq(it->problems, w->problems, "case %zu: %#x", k, it->problems);
		cr_expect_str_eq(it->reference, w->reference, "case %zu", k);
		cm_map_free(r);
	}
}

Test(map_consensus, both_readings_with_their_counts_and_documents)
{
	static const char draft[] = "Căn cứ Chỉ thị số 77-CT/TW.\n";
	const cm_map_said *said;
	cm_map_result *r;
	char *msg;

	cr_assert_eq(cm_map(&r, ix, draft, strlen(draft), NULL), 0, "%s", cm_error_last());
	said = &cm_map_get(r, 0)->said[CM_MAP_ISSUER];
	cr_assert_eq(said->nreadings, 2);
	cr_expect_str_eq(said->readings[0].value, "Bộ Chính trị");
	cr_expect_eq(said->readings[0].count, 2);
	cr_expect(strstr(said->readings[0].paths[0], "plan1.txt"), "%s",
		  said->readings[0].paths[0]);
	cr_expect_str_eq(said->readings[1].value, "Ban Bí thư");
	cr_expect_eq(said->readings[1].count, 1);
	cr_assert_eq(cm_map_problem_message(&msg, cm_map_get(r, 0), CM_MAP_CORPUS_DISAGREES), 0);
	cr_expect_str_eq(msg,
			 "the corpus disagrees on the issuer: \"Bộ Chính trị\" (in 2 documents: "
			 "plan1.txt, plan2.txt) or \"Ban Bí thư\" (in 1 document: plan0.txt); "
			 "none is picked");
	cr_expect_str_eq(cm_map_problem_name(CM_MAP_CORPUS_DISAGREES), "corpus_disagrees");
	free(msg);
	cm_map_free(r);
}
