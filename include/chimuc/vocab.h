/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/vocab.h: the vocabulary map of an index: each word written with
 * diacritics, as its folded form and its exact form ("dan" -> "dân"). The
 * index keeps it as Xapian synonyms of the folded form, written once per
 * pair; a query word typed without diacritics is expanded through it.
 *
 * Ownership: a cm_vocab is the caller's (cm_vocab_free); the strings
 * cm_vocab_get gives are borrowed from it. */
#ifndef CHIMUC_VOCAB_H
#define CHIMUC_VOCAB_H

#include <stddef.h>

#include "chimuc/xapian_c.h"

typedef struct cm_vocab cm_vocab;

int cm_vocab_new(cm_vocab **out);
void cm_vocab_free(cm_vocab *v);

/* Adds the pair unless it is there: 1 if it was new, 0 if not.
 * Errors: CM_ENOMEM, CM_EINVAL (a form longer than CM_TERM_MAX). */
int cm_vocab_add(cm_vocab *v, const char *folded, size_t folded_len, const char *exact,
		 size_t exact_len);

/* The number of pairs, and pair i (0 <= i < count) in the order added. */
size_t cm_vocab_count(const cm_vocab *v);
void cm_vocab_get(const char **folded, size_t *folded_len, const char **exact, size_t *exact_len,
		  const cm_vocab *v, size_t i);

/* Forgets every pair (the memory is kept for reuse). */
void cm_vocab_clear(cm_vocab *v);

/* Writes to db (writable) the pairs of words that seen lacks, as synonyms,
 * and adds them to seen. Errors: CM_ENOMEM, the binding's. */
int cm_vocab_write_new(cm_vocab *seen, cm_xdb *db, const cm_vocab *words);

#endif
