/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stopwords.h: the compiled-in Vietnamese stopword list (stopwords/vi.txt).
 * Internal to libchimuc. */
#ifndef CHIMUC_STOPWORDS_H
#define CHIMUC_STOPWORDS_H

#include <stddef.h>

/* The words of stopwords/vi.txt, one per line, comments removed. */
extern const char cm_stopwords_text[];

/* 1 if the canonical term (as in cm_token.exact) is a stopword. */
int cm_stopword_is(const char *term, size_t len);

#endif
