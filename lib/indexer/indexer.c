/* SPDX-License-Identifier: GPL-2.0-or-later */

/* indexer.c: the indexing operation of chimuc/indexer.h: opening the index
 * for writing, each path under its canonical absolute path (a file indexed,
 * a folder walked then pruned of the files gone), in parallel when the
 * index is new, else in one transaction per batch, and the close. */
#include "build.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/docpath.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/strmap.h"

struct cm_indexer {
	cm_build b;
	cm_indexer_options opts;
	char *dbpath;
	char *ocr_cache; /* dbpath.ocr */
	int ran;         /* cm_indexer_run was called */
};

int cm_indexer_open(cm_indexer **out, const char *dbpath, const cm_indexer_options *opts)
{
	static const cm_indexer_options defaults = CM_INDEXER_OPTIONS_INIT;
	cm_indexer *ix;
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != CM_INDEXER_OPTIONS_VERSION)
		return cm_error_version("indexer", opts->version, CM_INDEXER_OPTIONS_VERSION);
	if (opts->batch == 0)
		return cm_error_set(CM_EINVAL, "a batch needs at least one document");
	if (!(ix = calloc(1, sizeof *ix)) || !(ix->dbpath = strdup(dbpath)) ||
	    !(ix->ocr_cache = malloc(strlen(dbpath) + sizeof ".ocr"))) {
		if (ix)
			free(ix->dbpath);
		free(ix);
		return cm_error_nomem();
	}
	sprintf(ix->ocr_cache, "%s.ocr", dbpath);
	ix->b.ocr_cache = ix->ocr_cache;
	ix->opts = *opts;
	ix->b.opts = &ix->opts;
	if ((rc = cm_xdb_open_writable(&ix->b.db, dbpath, CM_XDB_CREATE_OR_OPEN)) < 0 ||
	    (rc = cm_index_format_check(ix->b.db, 0)) < 0) {
		cm_indexer_free(ix);
		return rc;
	}
	*out = ix;
	return 0;
}

/* Indexes one path, under its canonical absolute path (one document per
 * file however the path is spelt); only index failures are returned. */
static int index_root(cm_build *b, const char *arg)
{
	struct stat st;
	char *root = NULL;
	int rc;

	if ((rc = cm_docpath_canonical(&root, arg, b->opts->follow)) == CM_ENOMEM)
		return rc;
	if (rc < 0 || (b->opts->follow ? stat(root, &st) : lstat(root, &st)) < 0) {
		if (root)
			cm_error_set(CM_EIO, "%s", strerror(errno));
		b->counts.seen++;
		cm_build_event(b, CM_INDEXER_SKIPPED, arg, "skipped: %s", cm_error_last());
		free(root);
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		rc = cm_build_found(b, root, &st);
	else if ((rc = cm_build_walk(b, root)) >= 0 && !b->found &&
		 (rc = cm_build_prune(b, root)) >= 0)
		rc = cm_failure_prune(b, root);
	free(root);
	return rc;
}

/* Drops the files found twice (a file named twice, or by a link with
 * follow), keeping the first: one writer replaces a document by its id,
 * but the shards of a parallel build would each keep one. */
static int drop_twice_found(cm_filelist *l)
{
	cm_strmap seen = CM_STRMAP_INIT;
	size_t kept = 0;
	int rc = 0;

	for (size_t i = 0; i < l->size; i++) {
		if (rc >= 0)
			rc = cm_strmap_put(NULL, &seen, l->ptr[i].path, strlen(l->ptr[i].path), i);
		if (rc == 1)
			l->ptr[kept++] = l->ptr[i];
		else
			free(l->ptr[i].path);
	}
	l->size = kept;
	cm_strmap_free(&seen);
	return rc < 0 ? rc : 0;
}

/* The progress of an update expects as many files as the index holds
 * documents (a parallel build starts it again with the files it found). */
static int start_progress(cm_build *b)
{
	unsigned docs;
	int rc;

	if ((rc = cm_xdb_doccount(&docs, b->db)) < 0)
		return rc;
	cm_build_progress(b, &(cm_indexer_progress){.start = 1, .total = docs, .estimated = 1});
	return 0;
}

/* One writer, in one transaction per batch. */
static int run_serially(cm_build *b, const char *const *paths, size_t n)
{
	int rc;

	if ((rc = cm_index_format_check(b->db, 1)) == 0)
		rc = cm_build_begin(b);
	for (size_t i = 0; i < n && rc >= 0; i++)
		rc = index_root(b, paths[i]);
	return rc < 0 ? rc : cm_build_finish(b);
}

/* The files found first, then built by jobs threads. */
static int run_in_parallel(cm_indexer *ix, const char *const *paths, size_t n)
{
	cm_build *b = &ix->b;
	cm_filelist found = CM_ARRAY_INIT;
	int rc = 0;

	b->found = &found;
	for (size_t i = 0; i < n && rc >= 0; i++)
		rc = index_root(b, paths[i]);
	b->found = NULL;
	if (rc >= 0)
		rc = drop_twice_found(&found);
	if (rc >= 0)
		rc = cm_parallel_build(b, ix->dbpath, &found, ix->opts.jobs);
	cm_filelist_free(&found);
	return rc;
}

int cm_indexer_run(cm_indexer *ix, const char *const *paths, size_t n)
{
	int parallel, rc;

	if (ix->ran || !ix->b.db)
		return cm_error_set(CM_EINVAL, "an indexer runs once, on an open index");
	ix->ran = 1;
	if (ix->opts.on_progress && (rc = start_progress(&ix->b)) < 0)
		return rc;
	if ((rc = cm_parallel_wanted(&parallel, &ix->b, ix->opts.jobs)) < 0)
		return rc;
	return parallel ? run_in_parallel(ix, paths, n) : run_serially(&ix->b, paths, n);
}

int cm_indexer_close(cm_indexer *ix)
{
	int rc = cm_xdb_free(ix->b.db);

	ix->b.db = NULL;
	return rc < 0 ? rc : 0;
}

const cm_indexer_counts *cm_indexer_counts_get(const cm_indexer *ix)
{
	return &ix->b.counts;
}

void cm_indexer_free(cm_indexer *ix)
{
	if (!ix)
		return;
	if (ix->b.db)
		cm_indexer_close(ix);
	cm_build_release(&ix->b);
	free(ix->dbpath);
	free(ix->ocr_cache);
	free(ix);
}
