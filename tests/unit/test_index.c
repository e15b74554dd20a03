/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_index.c: the index handle of chimuc/index.h: opening (an index, no
 * index, another version's index) and the bounded rerun of a read after
 * "database modified". */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/index.h"
#include "test_index.h"

Test(index, opens_the_samples_and_reads_them)
{
	char *path = cm_test_sample_index();
	cm_index *ix;
	unsigned docs = 0;

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	cr_assert_str_eq(cm_index_path(ix), path);
	cr_assert_eq(cm_xdb_doccount(&docs, cm_index_xdb(ix)), 0);
	cr_assert_eq(docs, 5);
	cm_index_free(ix);
	free(path);
}

Test(index, no_index_is_not_found)
{
	cm_index *ix = (cm_index *)1;

	cr_assert_eq(cm_index_open(&ix, CM_SOURCE_DIR "/corpus/no-such-index"), CM_ENOTFOUND);
	cr_assert_null(ix);
}

Test(index, another_versions_index_is_refused)
{
	char *path = cm_test_sample_index();
	cm_index *ix;
	cm_xdb *w;

	cr_assert_eq(cm_xdb_open_writable(&w, path, CM_XDB_OPEN), 0, "%s", cm_error_last());
	cr_assert_eq(cm_xdb_set_metadata(w, CM_INDEX_FORMAT_KEY, "2", 1), 0);
	cr_assert_eq(cm_xdb_commit(w), 0);
	cm_xdb_free(w);
	cr_assert_eq(cm_index_open(&ix, path), CM_EUNSUPPORTED);
	cr_assert(strstr(cm_error_last(), "run chimuc-index again"), "%s", cm_error_last());
	free(path);
}

/* A read that meets "database modified" its first `modified` runs. */
typedef struct {
	int runs, modified;
} flaky;

static int flaky_read(void *ctx, cm_xdb *db)
{
	flaky *f = ctx;

	(void)db;
	return ++f->runs <= f->modified ? cm_error_set(CM_EMODIFIED, "modified") : 0;
}

Test(index, a_modified_read_is_rerun_a_bounded_number_of_times)
{
	static const struct {
		int modified, rc, runs;
	} cases[] = {
		{0, 0, 1},
		{1, 0, 2},
		{CM_INDEX_RETRIES - 1, 0, CM_INDEX_RETRIES},
		{CM_INDEX_RETRIES, CM_EMODIFIED, CM_INDEX_RETRIES},
		{CM_INDEX_RETRIES + 3, CM_EMODIFIED, CM_INDEX_RETRIES},
	};
	char *path = cm_test_sample_index();
	cm_index *ix;

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		flaky f = {0, cases[i].modified};
		cr_expect_eq(cm_index_read(ix, flaky_read, &f), cases[i].rc, "case %zu", i);
		cr_expect_eq(f.runs, cases[i].runs, "case %zu: %d runs", i, f.runs);
	}
	cr_expect(strstr(cm_error_last(), "kept changing"), "%s", cm_error_last());
	cm_index_free(ix);
	free(path);
}
