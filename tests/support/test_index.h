/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_index.h: test helper: an index built by the chimuc-index program of
 * this build, for the tests of the library's operations. The index lives in
 * a new folder under $TMPDIR; the returned path is the caller's (free()),
 * the folder is left for the test run's temporary folder. Aborts the test
 * when the indexer fails. */
#ifndef CHIMUC_TEST_INDEX_H
#define CHIMUC_TEST_INDEX_H

#include <stddef.h>

/* An index of the files or folders at paths (relative to CM_SOURCE_DIR,
 * or absolute). */
char *cm_test_index(const char *const *paths, size_t n);

/* An index of the five sample directives (every .txt file of corpus/). */
char *cm_test_sample_index(void);

#endif
