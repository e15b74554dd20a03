/* SPDX-License-Identifier: GPL-2.0-or-later */

/* parallel.c: a full build on several cores. When the index holds no
 * document yet, the files the walk found are cut into as many runs of
 * about the same bytes as there are worker threads, each indexing its run,
 * in order, into a shard of its own under <db>.build/; Xapian's
 * compaction merges the shards into <db>.build/merged, which then takes the
 * empty index's place in one atomic step (renameat2 RENAME_EXCHANGE). The
 * merge numbers the shards' documents one after the other, so the index is
 * the one a single writer makes, document numbers included. Killed
 * at any moment, the index is the empty one or the whole one; the next run
 * clears what a killed one left. Where <db>.build cannot be made, or the
 * file system cannot exchange two folders, the files are indexed one by
 * one into the index itself.
 * Built with _GNU_SOURCE (CMakeLists.txt), for renameat2. */

#include "build.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chimuc/document.h"
#include "chimuc/error.h"

/* What the workers share. */
typedef struct {
	const cm_filelist *files;
	atomic_size_t done;          /* files indexed so far, for the progress line */
	atomic_uint_least64_t bytes; /* their sizes */
	atomic_int failed;           /* a worker stopped: the others stop too */
	atomic_int running;          /* workers not finished */
} shared_work;

#define PATH_ROOM 4200

typedef struct {
	cm_build b;              /* the shard's own */
	cm_indexer_options opts; /* the run's, without the progress (told by
				  * the calling thread) */
	shared_work *work;
	size_t from, to;      /* its run of files */
	char path[PATH_ROOM]; /* the shard's folder */
	int rc;
	char error[1024]; /* its message, when rc < 0 */
} worker;

/* The folder of shard k under build. */
static void shard_path(char *buf, const char *build, unsigned k)
{
	snprintf(buf, PATH_ROOM, "%s/shard%u", build, k);
}

int cm_parallel_wanted(int *out, cm_build *b, unsigned jobs)
{
	cm_xterms *it = NULL;
	const char *key;
	size_t len;
	unsigned docs, count;
	int rc;

	*out = 0;
	if (jobs < 2 || (rc = cm_xdb_doccount(&docs, b->db)) < 0 || docs > 0)
		return jobs < 2 ? 0 : rc;
	if ((rc = cm_xdb_metadata_keys(&it, b->db, CM_FAILED_PREFIX, strlen(CM_FAILED_PREFIX))) < 0)
		return rc;
	rc = cm_xterms_next(&key, &len, &count, it);
	cm_xterms_free(it);
	if (rc < 0)
		return rc;
	*out = rc == 0;
	return 0;
}

/* Indexes files [from, to) of w in order, unless a worker failed. */
static int index_files(cm_build *b, shared_work *w, size_t from, size_t to)
{
	int rc = cm_build_begin(b);

	for (size_t i = from; i < to && rc >= 0 && !atomic_load(&w->failed); i++) {
		const cm_found_file *f = &w->files->ptr[i];

		rc = cm_build_file(b, f->path, f->size, &f->mtime);
		atomic_fetch_add(&w->done, 1);
		atomic_fetch_add(&w->bytes, (uint_least64_t)f->size);
	}
	return rc < 0 ? rc : cm_build_finish(b);
}

/* Where run k of jobs ends: about k + 1 jobs-ths of the bytes. */
static size_t run_end(const cm_filelist *files, unsigned k, unsigned jobs, uint64_t total)
{
	uint64_t goal = total / jobs * (k + 1), sum = 0;
	size_t i = 0;

	if (k + 1 == jobs)
		return files->size;
	while (i < files->size && sum < goal)
		sum += files->ptr[i++].size;
	return i;
}

static void *work(void *arg)
{
	worker *w = arg;
	int rc;

	rc = cm_xdb_open_writable(&w->b.db, w->path, CM_XDB_CREATE);
	if (rc == 0 && (rc = cm_index_format_check(w->b.db, 1)) == 0)
		rc = index_files(&w->b, w->work, w->from, w->to);
	if (w->b.db && cm_xdb_free(w->b.db) < 0 && rc >= 0)
		rc = CM_EIO;
	w->b.db = NULL;
	if (rc < 0) {
		snprintf(w->error, sizeof w->error, "%s", cm_error_last());
		atomic_store(&w->work->failed, 1);
	}
	w->rc = rc;
	atomic_fetch_sub(&w->work->running, 1);
	return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes the folder at path and all it holds; 0 if it is gone. */
static int remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0 && errno == ENOENT)
		return 0;
	if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) < 0)
		return cm_error_set(CM_EIO, "cannot remove %s: %s", path, strerror(errno));
	return 0;
}

/* 1 if two folders can be exchanged atomically where build lies. */
static int can_exchange(const char *build)
{
	char a[PATH_ROOM], b[PATH_ROOM];
	int ok;

	snprintf(a, sizeof a, "%s/a", build);
	snprintf(b, sizeof b, "%s/b", build);
	if (mkdir(a, 0700) < 0 || mkdir(b, 0700) < 0)
		return 0;
	ok = renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0;
	rmdir(a);
	rmdir(b);
	return ok;
}

/* Shows how many files the workers have indexed, until they are done. */
static void show_progress(const cm_build *b, shared_work *w, uint64_t total)
{
	const struct timespec pause = {0, 200 * 1000 * 1000};

	cm_build_progress(b, &(cm_indexer_progress){
				     .start = 1, .total = w->files->size, .total_bytes = total});
	while (atomic_load(&w->running) > 0) {
		cm_build_progress(b, &(cm_indexer_progress){.done = atomic_load(&w->done),
							    .bytes = atomic_load(&w->bytes)});
		nanosleep(&pause, NULL);
	}
}

static void add_counts(cm_indexer_counts *sum, const cm_indexer_counts *c)
{
	sum->seen += c->seen;
	sum->added += c->added;
	sum->updated += c->updated;
	sum->unchanged += c->unchanged;
	sum->removed += c->removed;
	sum->skipped += c->skipped;
	sum->warnings += c->warnings;
	sum->ignored += c->ignored;
	sum->ocr_read += c->ocr_read;
	sum->ocr_cached += c->ocr_cached;
}

/* Runs jobs workers into shards under build; their counts go to b. */
static int run_workers(cm_build *b, const char *build, const cm_filelist *files, unsigned jobs)
{
	shared_work sw = {.files = files};
	worker *w = calloc(jobs, sizeof *w);
	pthread_t threads[CM_INDEXER_JOBS_MAX];
	unsigned started = 0;
	uint64_t total = 0;
	int rc = 0;

	if (!w)
		return cm_error_nomem();
	for (size_t i = 0; i < files->size; i++)
		total += files->ptr[i].size;
	atomic_store(&sw.running, (int)jobs);
	for (; started < jobs; started++) {
		worker *k = &w[started];
		k->opts = *b->opts;
		k->opts.on_progress = NULL;
		k->b = (cm_build){.opts = &k->opts, .fresh = 1, .ocr_cache = b->ocr_cache};
		k->work = &sw;
		k->from = started ? w[started - 1].to : 0;
		k->to = run_end(files, started, jobs, total);
		shard_path(k->path, build, started);
		if (pthread_create(&threads[started], NULL, work, k) != 0) {
			atomic_store(&sw.failed, 1);
			atomic_fetch_sub(&sw.running, (int)(jobs - started));
			rc = cm_error_set(CM_ERROR, "cannot start a worker thread");
			break;
		}
	}
	show_progress(b, &sw, total);
	for (unsigned i = 0; i < started; i++) {
		worker *k = &w[i];
		pthread_join(threads[i], NULL);
		add_counts(&b->counts, &k->b.counts);
		if (k->rc < 0 && rc == 0)
			rc = cm_error_set(k->rc, "%s", k->error);
		cm_build_release(&k->b);
	}
	free(w);
	return rc;
}

/* Merges the shards and puts the result in the empty index's place. */
static int merge_and_swap(cm_build *b, const char *dbpath, const char *build, unsigned jobs)
{
	char(*paths)[PATH_ROOM] = calloc(jobs, sizeof *paths), merged[PATH_ROOM];
	const char *shards[CM_INDEXER_JOBS_MAX];
	int rc;

	if (!paths)
		return cm_error_nomem();
	for (unsigned k = 0; k < jobs; k++) {
		shard_path(paths[k], build, k);
		shards[k] = paths[k];
	}
	snprintf(merged, sizeof merged, "%s/merged", build);
	if ((rc = cm_xdb_merge(shards, jobs, merged)) < 0)
		goto cleanup;
	if (renameat2(AT_FDCWD, merged, AT_FDCWD, dbpath, RENAME_EXCHANGE) < 0) {
		rc = cm_error_set(CM_EIO, "cannot put the new index in place: %s", strerror(errno));
		goto cleanup;
	}
	/* The empty index, now in build/; it has no change to write, which
	 * would go by name into the new one. */
	rc = cm_xdb_free(b->db);
	b->db = NULL;
cleanup:
	free(paths);
	return rc;
}

/* Indexes the files one by one into the index itself. */
static int build_serially(cm_build *b, const cm_filelist *files)
{
	shared_work sw = {.files = files};
	int rc = cm_index_format_check(b->db, 1);

	b->fresh = 1;
	return rc < 0 ? rc : index_files(b, &sw, 0, files->size);
}

int cm_parallel_build(cm_build *b, const char *dbpath, const cm_filelist *files, unsigned jobs)
{
	size_t n = strlen(dbpath) + sizeof ".build";
	char *build = malloc(n);
	int rc;

	if (!build)
		return cm_error_nomem();
	if (jobs > CM_INDEXER_JOBS_MAX)
		jobs = CM_INDEXER_JOBS_MAX;
	snprintf(build, n, "%s.build", dbpath);
	if ((rc = remove_tree(build)) < 0)
		goto cleanup;
	if (mkdir(build, 0700) < 0 || !can_exchange(build))
		rc = build_serially(b, files);
	else if ((rc = run_workers(b, build, files, jobs)) == 0)
		rc = merge_and_swap(b, dbpath, build, jobs);
	if (rc == 0)
		rc = remove_tree(build);
	else
		remove_tree(build);
cleanup:
	free(build);
	return rc;
}
