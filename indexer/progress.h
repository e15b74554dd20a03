/* SPDX-License-Identifier: GPL-2.0-or-later */

/* progress.h: what the files of chimuc-index share: the program's name and
 * the progress line (progress.c), shown only when standard error is a
 * terminal. */
#ifndef CHIMUC_INDEX_PROGRESS_H
#define CHIMUC_INDEX_PROGRESS_H

#include <stdint.h>
#include <time.h>

#define CM_INDEXER_PROGRAM "chimuc-index"

#define CM_PROGRESS_INTERVAL 0.2 /* seconds between two drawings at least */

typedef struct {
	struct timespec start;
	double last; /* seconds from start of the last drawing, -1 before */
	unsigned long total, done;
	uint64_t total_bytes; /* the bytes of the total files, 0 when not known */
	uint64_t bytes;       /* the bytes of the files done */
	int estimated;        /* total is a guess (the documents of the index) */
} cm_progress;

/* Starts the clock for total files (of total_bytes, 0 if not known). */
void cm_progress_start(cm_progress *p, unsigned long total, uint64_t total_bytes, int estimated);
/* done files of bytes so far: redraws the line, at most every interval. */
void cm_progress_show(cm_progress *p, unsigned long done, uint64_t bytes);
/* Draws "ocr PATH page PAGE/PAGES" on the line: OCR starts on that page. */
void cm_progress_ocr(cm_progress *p, const char *path, unsigned page, unsigned pages);
/* Clears the line, if it was ever drawn. */
void cm_progress_end(const cm_progress *p);

#endif
