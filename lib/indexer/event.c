/* SPDX-License-Identifier: GPL-2.0-or-later */

/* event.c: what an indexing run tells its caller: one event per file or
 * folder (counted here, so that the counts and the events agree), each page
 * OCR starts on, and the progress. */
#include "build.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long *count_of(cm_indexer_counts *c, cm_indexer_event_kind kind)
{
	switch (kind) {
	case CM_INDEXER_ADDED: return &c->added;
	case CM_INDEXER_UPDATED: return &c->updated;
	case CM_INDEXER_UNCHANGED: return &c->unchanged;
	case CM_INDEXER_REMOVED: return &c->removed;
	case CM_INDEXER_SKIPPED: return &c->skipped;
	case CM_INDEXER_WARNING: return &c->warnings;
	case CM_INDEXER_OCR_PAGE: return NULL;
	}
	return NULL;
}

void cm_build_event(cm_build *b, cm_indexer_event_kind kind, const char *path, const char *fmt, ...)
{
	char small[512], *message = NULL;
	cm_indexer_event ev = {kind, path, NULL, 0, 0};
	unsigned long *count = count_of(&b->counts, kind);
	va_list ap;
	int n;

	if (count)
		(*count)++;
	if (!b->opts->on_event)
		return;
	if (fmt) {
		va_start(ap, fmt);
		n = vsnprintf(small, sizeof small, fmt, ap);
		va_end(ap);
		/* Out of memory, a long message is told cut short. */
		if (n >= (int)sizeof small && (message = malloc((size_t)n + 1))) {
			va_start(ap, fmt);
			vsnprintf(message, (size_t)n + 1, fmt, ap);
			va_end(ap);
		}
		ev.message = message ? message : small;
	}
	b->opts->on_event(&ev, b->opts->event_data);
	free(message);
}

void cm_build_ocr_page(const cm_build *b, const char *path, unsigned page, unsigned pages)
{
	cm_indexer_event ev = {CM_INDEXER_OCR_PAGE, path, NULL, page, pages};

	if (b->opts->on_event)
		b->opts->on_event(&ev, b->opts->event_data);
}

void cm_build_progress(const cm_build *b, const cm_indexer_progress *p)
{
	if (b->opts->on_progress)
		b->opts->on_progress(p, b->opts->progress_data);
}
