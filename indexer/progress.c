/* SPDX-License-Identifier: GPL-2.0-or-later */

/* progress.c: the progress line of chimuc-index on a terminal: files done
 * of the total, megabytes read per second and the time left, on one line of
 * standard error rewritten with \r a few times a second. The total is the
 * files a walk found (a new index), else the documents the index holds,
 * shown as "about" and growing with the files seen. While a file is read by
 * OCR, the line says which page ("ocr FILE page 3/12"). The build's threads
 * draw it too: one lock keeps the drawings whole. */
#include "progress.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t drawing = PTHREAD_MUTEX_INITIALIZER;

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void cm_progress_start(cm_progress *p, unsigned long total, uint64_t total_bytes, int estimated)
{
	*p = (cm_progress){.total = total, .total_bytes = total_bytes, .estimated = estimated};
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = -1;
}

/* Seconds left, from the bytes when the total's bytes are known, else from
 * the files; -1 when nothing tells yet. */
static double time_left(const cm_progress *p, double elapsed)
{
	if (elapsed <= 0 || p->done == 0)
		return -1;
	if (p->total_bytes && p->bytes)
		return p->bytes >= p->total_bytes
			       ? 0
			       : elapsed * (double)(p->total_bytes - p->bytes) / (double)p->bytes;
	return p->done >= p->total ? 0 : elapsed * (double)(p->total - p->done) / (double)p->done;
}

void cm_progress_show(cm_progress *p, unsigned long done, uint64_t bytes)
{
	double elapsed = seconds_since(&p->start), left;

	pthread_mutex_lock(&drawing);
	p->done = done;
	p->bytes = bytes;
	if (p->total < done)
		p->total = done;
	if (p->last >= 0 && elapsed - p->last < CM_PROGRESS_INTERVAL) {
		pthread_mutex_unlock(&drawing);
		return;
	}
	p->last = elapsed;
	left = time_left(p, elapsed);
	fprintf(stderr, "\r%s: %lu of %s%lu files, %.1f MB/s", CM_INDEXER_PROGRAM, done,
		p->estimated ? "about " : "", p->total,
		elapsed > 0 ? (double)bytes / 1e6 / elapsed : 0.0);
	if (left >= 0)
		fprintf(stderr, ", %u:%02u left", (unsigned)(left / 60), (unsigned)left % 60);
	fputs("\033[K", stderr);
	fflush(stderr);
	pthread_mutex_unlock(&drawing);
}

void cm_progress_ocr(cm_progress *p, const char *path, unsigned page, unsigned pages)
{
	pthread_mutex_lock(&drawing);
	p->last = seconds_since(&p->start);
	fprintf(stderr, "\r%s: ocr %s page %u/%u\033[K", CM_INDEXER_PROGRAM, path, page, pages);
	fflush(stderr);
	pthread_mutex_unlock(&drawing);
}

void cm_progress_end(const cm_progress *p)
{
	if (p->last >= 0)
		fputs("\r\033[K", stderr);
}
