/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_stats.c: the stats operation (chimuc/stats.h) on an index of the
 * five sample directives: its documents, the bytes of its folder, its path,
 * the writers, a bad options version. */
#define _GNU_SOURCE /* open_memstream */
#include <criterion/criterion.h>
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/error.h"
#include "chimuc/stats.h"
#include "test_index.h"

TestSuite(stats, .init = cm_test_open_samples, .fini = cm_test_close);

/* What `du --apparent-size` would say of the folder's own files. */
static uint64_t folder_size(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	uint64_t total = 0;

	cr_assert(d);
	while ((de = readdir(d))) {
		char file[4096];
		struct stat st;
		snprintf(file, sizeof file, "%s/%s", path, de->d_name);
		if (lstat(file, &st) == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	}
	closedir(d);
	return total;
}

Test(stats, the_figures_of_the_samples)
{
	cm_stats_info s;
	cm_stats_options o = CM_STATS_OPTIONS_INIT;

	cr_assert_eq(cm_stats(&s, cm_test_ix, &o), 0, "%s", cm_error_last());
	cr_expect_eq(s.documents, 5);
	cr_expect_str_eq(s.path, cm_test_ix_path);
	cr_expect_gt(s.bytes, 0);
	cr_expect_eq(s.bytes, folder_size(cm_test_ix_path));
	cr_assert_eq(cm_stats(&s, cm_test_ix, NULL), 0, "%s", cm_error_last());
	cr_expect_eq(s.documents, 5);
}

/* What one writer writes. */
static char *written(const cm_stats_info *s, int json)
{
	char *got = NULL;
	size_t n;
	FILE *f = open_memstream(&got, &n);

	cr_assert(f);
	cr_expect_eq(json ? cm_stats_write_json(f, s) : cm_stats_write_text(f, s), 0);
	fclose(f);
	return got;
}

Test(stats, the_writers)
{
	cm_stats_info s;
	char *text, *json, want[8192];

	cr_assert_eq(cm_stats(&s, cm_test_ix, NULL), 0, "%s", cm_error_last());
	text = written(&s, 0);
	snprintf(want, sizeof want, "documents: %u\nbytes: %" PRIu64 "\ndb: %s\n", s.documents,
		 s.bytes, s.path);
	cr_expect_str_eq(text, want);
	json = written(&s, 1);
	snprintf(want, sizeof want, "{\"documents\":%u,\"bytes\":%" PRIu64 ",\"db\":\"%s\"}\n",
		 s.documents, s.bytes, s.path);
	cr_expect_str_eq(json, want);
	free(text);
	free(json);
}

Test(stats, a_bad_options_version)
{
	cm_stats_options o = {CM_STATS_OPTIONS_VERSION + 1};
	cm_stats_info s;

	cr_expect_eq(cm_stats(&s, cm_test_ix, &o), CM_EINVAL);
	cr_expect(strstr(cm_error_last(), "version"), "%s", cm_error_last());
}
