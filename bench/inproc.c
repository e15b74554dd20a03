/* SPDX-License-Identifier: GPL-2.0-or-later */

/* inproc.c: the benchmark's in-process query timer for chimuc. Opens the
 * index once, then for each query read from standard input (one a line) runs
 * REPS timed rounds of what `chimuc search --brief --limit 10` does: parse,
 * BM25 match of the first 10 hits, and the path and title of each hit. Prints
 * one line per query: its line number, the number of hits shown, and the
 * time of each round in milliseconds (two untimed rounds come first); or its
 * line number and "error" when the query fails (the message on stderr).
 * With a third argument "match", the rounds stop after the match: no hit's
 * document is read (to tell matching from reading documents).
 * It is a benchmark tool, built by bench/run.py; it is not installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/query.h"
#include "chimuc/xapian_c.h"

#define BENCH_HITS 10
#define BENCH_WARMUP 2

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One round: parse, match, and unless match_only read each hit's path and
 * title. */
static int run_query(unsigned *out_hits, cm_xdb *db, const char *text, size_t len, int match_only)
{
	cm_query *q = NULL;
	cm_xenquire *e = NULL;
	cm_xmset *m = NULL;
	unsigned hits = 0;
	int rc;

	if ((rc = cm_query_parse(&q, db, text, len)) < 0 || (rc = cm_xenquire_new(&e, db)) < 0 ||
	    (rc = cm_xenquire_set_query(e, cm_query_xapian(q))) < 0 ||
	    (rc = cm_xenquire_mset(&m, e, 0, BENCH_HITS)) < 0)
		goto cleanup;
	for (unsigned i = 0; i < cm_xmset_size(m) && match_only; i++)
		hits++;
	for (unsigned i = 0; i < cm_xmset_size(m) && !match_only; i++) {
		cm_xdoc *doc = NULL;
		char *path = NULL, *title = NULL;
		size_t n;

		if ((rc = cm_xmset_document(&doc, m, i)) == 0 &&
		    (rc = cm_xdoc_get_value(&path, &n, doc, CM_SLOT_PATH)) == 0 &&
		    (rc = cm_xdoc_get_value(&title, &n, doc, CM_SLOT_TITLE)) == 0 &&
		    path[0] != '\0')
			hits++;
		free(path);
		free(title);
		cm_xdoc_free(doc);
		if (rc < 0)
			goto cleanup;
	}
	*out_hits = hits;
cleanup:
	cm_xmset_free(m);
	cm_xenquire_free(e);
	cm_query_free(q);
	return rc;
}

static int time_query(cm_xdb *db, unsigned lineno, const char *text, size_t len, unsigned reps,
		      int match_only)
{
	unsigned hits = 0;
	double *ms = malloc(reps * sizeof *ms);
	int rc = 0;

	if (!ms)
		return cm_error_set(CM_ENOMEM, "out of memory");
	for (unsigned r = 0; r < BENCH_WARMUP + reps && rc == 0; r++) {
		double t0 = now_ms();
		rc = run_query(&hits, db, text, len, match_only);
		if (r >= BENCH_WARMUP)
			ms[r - BENCH_WARMUP] = now_ms() - t0;
	}
	if (rc == 0) {
		printf("%u %u", lineno, hits);
		for (unsigned r = 0; r < reps; r++)
			printf(" %.4f", ms[r]);
		putchar('\n');
	}
	free(ms);
	return rc;
}

int main(int argc, char **argv)
{
	cm_xdb *db = NULL;
	char line[4096];
	unsigned lineno = 0;
	long reps;
	int rc = 0, match_only = argc == 4 && !strcmp(argv[3], "match");

	if ((argc != 3 && !match_only) || (reps = strtol(argv[2], NULL, 10)) <= 0 ||
	    reps > 100000) {
		fputs("usage: inproc DB REPS [match] < QUERIES\n", stderr);
		return 2;
	}
	if (cm_xdb_open(&db, argv[1]) < 0) {
		fprintf(stderr, "inproc: %s: %s\n", argv[1], cm_error_last());
		return 1;
	}
	while (fgets(line, sizeof line, stdin)) {
		size_t len = strcspn(line, "\n");
		lineno++;
		if (time_query(db, lineno, line, len, (unsigned)reps, match_only) < 0) {
			fprintf(stderr, "inproc: query %u: %s\n", lineno, cm_error_last());
			printf("%u error\n", lineno);
			rc = -1;
		}
	}
	cm_xdb_free(db);
	return rc < 0 ? 1 : 0;
}
