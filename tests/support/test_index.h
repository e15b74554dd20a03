/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_index.h: test helper: an index built by the chimuc-index program of
 * this build, for the tests of the library's operations. The index lives in
 * a new folder under $TMPDIR; the returned path is the caller's (free()),
 * the folder is left for the test run's temporary folder. Aborts the test
 * when the indexer fails. */
#ifndef CHIMUC_TEST_INDEX_H
#define CHIMUC_TEST_INDEX_H

#include <stddef.h>

#include "chimuc/index.h"

/* An index of the files or folders at paths (relative to CM_SOURCE_DIR,
 * or absolute). */
char *cm_test_index(const char *const *paths, size_t n);

/* An index of the five sample directives (every .txt file of corpus/). */
char *cm_test_sample_index(void);

/* The index a suite's tests read, opened by the suite's .init and freed by
 * its .fini:
 *	TestSuite(name, .init = cm_test_open_samples, .fini = cm_test_close);
 * cm_test_open_samples indexes the sample directives, cm_test_open_corpus
 * the whole folder corpus/ (with its GOLD.md and gold.jsonl);
 * cm_test_ix_path is its folder. */
extern cm_index *cm_test_ix;
extern char *cm_test_ix_path;
void cm_test_open_samples(void);
void cm_test_open_corpus(void);
void cm_test_close(void);

/* The file name of a path ("000_….txt" of ".../corpus/000_….txt"); NULL
 * for NULL. */
const char *cm_test_base(const char *path);

#endif
