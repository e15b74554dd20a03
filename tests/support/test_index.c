/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_index.c: indexes for the operation tests, built by running this
 * build's chimuc-index (see test_index.h). */
#define _GNU_SOURCE /* asprintf */
#include "test_index.h"

#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chimuc/error.h"

static char *absolute(const char *path)
{
	char *s = NULL;

	if (path[0] == '/')
		s = strdup(path);
	else if (asprintf(&s, "%s/%s", CM_SOURCE_DIR, path) < 0)
		s = NULL;
	cr_assert(s, "out of memory");
	return s;
}

char *cm_test_index(const char *const *paths, size_t n)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = NULL, *db = NULL, **argv = calloc(n + 5, sizeof *argv);
	int status;
	pid_t pid;

	cr_assert(argv && asprintf(&dir, "%s/cmtest-index-XXXXXX", tmp && *tmp ? tmp : "/tmp") > 0);
	cr_assert(mkdtemp(dir), "cannot make a folder under %s", tmp);
	cr_assert(asprintf(&db, "%s/index", dir) > 0);
	argv[0] = (char *)CM_INDEXER;
	argv[1] = (char *)"--quiet";
	argv[2] = (char *)"--db";
	argv[3] = db;
	for (size_t i = 0; i < n; i++)
		argv[4 + i] = absolute(paths[i]);
	cr_assert((pid = fork()) >= 0);
	if (pid == 0) {
		execv(CM_INDEXER, argv);
		_exit(127);
	}
	cr_assert(waitpid(pid, &status, 0) == pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s failed (status %d)",
		  CM_INDEXER, status);
	for (size_t i = 0; i < n; i++)
		free(argv[4 + i]);
	free(argv);
	free(dir);
	return db;
}

char *cm_test_sample_index(void)
{
	glob_t g;
	char *db;

	cr_assert(glob(CM_SOURCE_DIR "/corpus/*.txt", 0, NULL, &g) == 0 && g.gl_pathc > 0,
		  "no sample directive in %s/corpus", CM_SOURCE_DIR);
	db = cm_test_index((const char *const *)g.gl_pathv, g.gl_pathc);
	globfree(&g);
	return db;
}

cm_index *cm_test_ix;
char *cm_test_ix_path;

static void open_index(char *path)
{
	cm_test_ix_path = path;
	cr_assert_eq(cm_index_open(&cm_test_ix, cm_test_ix_path), 0, "%s", cm_error_last());
}

void cm_test_open_samples(void)
{
	open_index(cm_test_sample_index());
}

void cm_test_open_corpus(void)
{
	static const char *const paths[] = {"corpus"};

	open_index(cm_test_index(paths, 1));
}

void cm_test_close(void)
{
	cm_index_free(cm_test_ix);
	cm_test_ix = NULL;
	free(cm_test_ix_path);
	cm_test_ix_path = NULL;
}

const char *cm_test_base(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;

	return s ? s + 1 : path;
}
