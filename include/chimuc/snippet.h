/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/snippet.h: a short passage of a document around the words a query
 * looks for, with the byte ranges of those words inside the passage.
 *
 * Ownership: a cm_snippet is the caller's (cm_snippet_free); its text and
 * ranges are borrowed from it. */
#ifndef CHIMUC_SNIPPET_H
#define CHIMUC_SNIPPET_H

#include <stddef.h>

#include "chimuc/query.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_SNIPPET_BYTES 240 /* target length of a passage */
#define CM_SNIPPET_MARKS 64  /* highlighted words kept at the most */

typedef struct {
	size_t start, end; /* byte range in the snippet's text */
} cm_mark;

typedef struct {
	char *text; /* NUL-terminated; white space folded to single spaces */
	size_t len;
	cm_mark marks[CM_SNIPPET_MARKS];
	size_t nmarks;
} cm_snippet;

/* The passage of text (valid UTF-8) of about CM_SNIPPET_BYTES with the most
 * words that q wants, or the start of the text when none is there. "…"
 * marks a cut at either end. Errors: CM_ENOMEM. */
int cm_snippet_make(cm_snippet **out, const char *text, size_t len, const cm_query *q);

void cm_snippet_free(cm_snippet *s);

#ifdef __cplusplus
}
#endif

#endif
