/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_indexer.c: the indexing operation (chimuc/indexer.h) on files the
 * test writes: a new index built in parallel, a rerun that changes nothing,
 * a file updated and one removed, a file added beside an ignored one, each
 * run's events and counts; the progress; bad options, a second run, a
 * second writer. */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/error.h"
#include "chimuc/indexer.h"

#define EVENTS_MAX 8

/* What the callbacks saw; the workers of a parallel build call them from
 * their threads. */
typedef struct {
	pthread_mutex_t lock;
	char *events[EVENTS_MAX]; /* "KIND file", in the order told */
	size_t n;
	int overflow; /* more events than EVENTS_MAX */
	unsigned starts;
} seen;

static const char *const kind_names[] = {"ADDED",   "UPDATED", "UNCHANGED",
					 "REMOVED", "SKIPPED", "WARNING"};

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void on_event(const cm_indexer_event *ev, void *data)
{
	seen *s = data;
	int has_message = ev->kind == CM_INDEXER_SKIPPED || ev->kind == CM_INDEXER_WARNING;

	cr_expect_eq(ev->message != NULL, has_message, "%s: message %s", ev->path,
		     ev->message ? ev->message : "(none)");
	pthread_mutex_lock(&s->lock);
	if (s->n == EVENTS_MAX)
		s->overflow = 1;
	else
		cr_assert(asprintf(&s->events[s->n++], "%s %s", kind_names[ev->kind],
				   base(ev->path)) > 0);
	pthread_mutex_unlock(&s->lock);
}

static void on_progress(const cm_indexer_progress *p, void *data)
{
	seen *s = data;

	pthread_mutex_lock(&s->lock);
	s->starts += p->start != 0;
	pthread_mutex_unlock(&s->lock);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *root, *folder; /* the test's folder, and docs/ in it */

static char *in_folder(const char *name)
{
	char *path;

	cr_assert(asprintf(&path, "%s/%s", folder, name) > 0);
	return path;
}

/* Writes text to the file name of the folder; NULL removes it. */
static void put(const char *name, const char *text)
{
	char *path = in_folder(name);
	FILE *f;

	if (!text) {
		cr_assert_eq(unlink(path), 0, "%s", path);
	} else {
		cr_assert((f = fopen(path, "w")), "%s", path);
		fputs(text, f);
		cr_assert_eq(fclose(f), 0);
	}
	free(path);
}

static const char plan[] = "KẾ HOẠCH\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/06/2013 "
			   "về công tác dân vận.\n";
static const char plan2[] = "KẾ HOẠCH\nThực hiện Nghị quyết số 25-NQ/TW ngày 03/06/2013 "
			    "về công tác dân vận; báo cáo trước ngày 15/10/2018.\n";
static const char resolution[] = "NGHỊ QUYẾT\nVề tăng cường công tác dân vận.\n";

typedef struct {
	const char *files[3][2]; /* (name, text) written before the run; text
				  * NULL: the file removed */
	unsigned jobs;
	const char *events[EVENTS_MAX]; /* "KIND file", sorted */
	cm_indexer_counts counts;
} step;

/* One index through four runs, each on the folder. */
static const step steps[] = {
	/* A new index, built by two threads. */
	{{{"a.txt", plan}, {"b.txt", resolution}, {"empty.txt", ""}},
	 2,
	 {"ADDED a.txt", "ADDED b.txt", "SKIPPED empty.txt"},
	 {.seen = 3, .added = 2, .skipped = 1}},
	/* Nothing changed; the empty file is not read again. */
	{{{NULL, NULL}},
	 1,
	 {"SKIPPED empty.txt", "UNCHANGED a.txt", "UNCHANGED b.txt"},
	 {.seen = 3, .unchanged = 2, .skipped = 1}},
	/* a.txt rewritten, b.txt gone. */
	{{{"a.txt", plan2}, {"b.txt", NULL}},
	 1,
	 {"REMOVED b.txt", "SKIPPED empty.txt", "UPDATED a.txt"},
	 {.seen = 3, .updated = 1, .removed = 1, .skipped = 1}},
	/* A new file, and one that is no document (ignored, no event). */
	{{{"c.txt", resolution}, {"notes.bin", "x"}},
	 4,
	 {"ADDED c.txt", "SKIPPED empty.txt", "UNCHANGED a.txt"},
	 {.seen = 3, .added = 1, .unchanged = 1, .skipped = 1, .ignored = 1}},
};

/* Makes root and its docs/ folder; returns the path of the index, beside. */
static char *make_folders(void)
{
	const char *tmp = getenv("TMPDIR");
	char *db;

	cr_assert(asprintf(&root, "%s/cmtest-indexer-XXXXXX", tmp && *tmp ? tmp : "/tmp") > 0);
	cr_assert(mkdtemp(root), "cannot make a folder under %s", tmp);
	cr_assert(asprintf(&folder, "%s/docs", root) > 0);
	cr_assert(asprintf(&db, "%s/index", root) > 0);
	cr_assert_eq(mkdir(folder, 0700), 0, "%s", folder);
	return db;
}

static void free_folders(char *db)
{
	free(db);
	free(folder);
	free(root);
}

static void check_counts(const cm_indexer_counts *got, const cm_indexer_counts *want, size_t i)
{
	cr_expect_eq(got->seen, want->seen, "run %zu: seen %lu", i, got->seen);
	cr_expect_eq(got->added, want->added, "run %zu: added %lu", i, got->added);
	cr_expect_eq(got->updated, want->updated, "run %zu: updated %lu", i, got->updated);
	cr_expect_eq(got->unchanged, want->unchanged, "run %zu: unchanged %lu", i, got->unchanged);
	cr_expect_eq(got->removed, want->removed, "run %zu: removed %lu", i, got->removed);
	cr_expect_eq(got->skipped, want->skipped, "run %zu: skipped %lu", i, got->skipped);
	cr_expect_eq(got->warnings, want->warnings, "run %zu: warnings %lu", i, got->warnings);
	cr_expect_eq(got->ignored, want->ignored, "run %zu: ignored %lu", i, got->ignored);
}

static void run_step(const char *db, const step *st, size_t i)
{
	seen s = {.lock = PTHREAD_MUTEX_INITIALIZER};
	cm_indexer_options o = CM_INDEXER_OPTIONS_INIT;
	const char *const paths[] = {folder};
	cm_indexer *ix;
	size_t want_n = 0;

	for (size_t k = 0; k < 3 && st->files[k][0]; k++)
		put(st->files[k][0], st->files[k][1]);
	o.jobs = st->jobs;
	o.on_event = on_event;
	o.event_data = &s;
	o.on_progress = on_progress;
	o.progress_data = &s;
	cr_assert_eq(cm_indexer_open(&ix, db, &o), 0, "%s", cm_error_last());
	cr_assert_eq(cm_indexer_run(ix, paths, 1), 0, "%s", cm_error_last());
	cr_assert_eq(cm_indexer_close(ix), 0, "%s", cm_error_last());
	check_counts(cm_indexer_counts_get(ix), &st->counts, i);
	cm_indexer_free(ix);
	cr_expect(!s.overflow, "run %zu: more than %d events", i, EVENTS_MAX);
	cr_expect_geq(s.starts, 1, "run %zu: the progress never started", i);
	qsort(s.events, s.n, sizeof *s.events, by_string);
	while (want_n < EVENTS_MAX && st->events[want_n])
		want_n++;
	cr_expect_eq(s.n, want_n, "run %zu: %zu events", i, s.n);
	for (size_t k = 0; k < s.n && k < want_n; k++)
		cr_expect_str_eq(s.events[k], st->events[k], "run %zu, event %zu", i, k);
	for (size_t k = 0; k < s.n; k++)
		free(s.events[k]);
}

Test(indexer, runs)
{
	char *db;

	db = make_folders();
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		run_step(db, &steps[i], i);
	free_folders(db);
}

/* With no callback and the default options, a file is indexed all the
 * same; a second run, a second writer and bad options are refused. */
Test(indexer, refusals)
{
	cm_indexer_options bad = CM_INDEXER_OPTIONS_INIT;
	const char *paths[1];
	cm_indexer *ix, *other;
	char *db, *file;

	db = make_folders();
	put("a.txt", plan);
	file = in_folder("a.txt");
	paths[0] = file;
	bad.version = CM_INDEXER_OPTIONS_VERSION + 1;
	cr_expect_eq(cm_indexer_open(&ix, db, &bad), CM_EINVAL);
	cr_expect_null(ix);
	bad = (cm_indexer_options)CM_INDEXER_OPTIONS_INIT;
	bad.batch = 0;
	cr_expect_eq(cm_indexer_open(&ix, db, &bad), CM_EINVAL);
	cr_assert_eq(cm_indexer_open(&ix, db, NULL), 0, "%s", cm_error_last());
	cr_expect_eq(cm_indexer_open(&other, db, NULL), CM_ELOCKED);
	cr_assert_eq(cm_indexer_run(ix, paths, 1), 0, "%s", cm_error_last());
	cr_expect_eq(cm_indexer_counts_get(ix)->added, 1);
	cr_expect_eq(cm_indexer_run(ix, paths, 1), CM_EINVAL);
	cm_indexer_free(ix);
	cm_indexer_free(NULL);
	free(file);
	free_folders(db);
}
