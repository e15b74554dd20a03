/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_suggest.h: what a draft should likely also cite, for the map
 * operation: the documents cited by the indexed documents most like the
 * draft (an OR query of its words, ranked by BM25, the equivalent of a
 * relevance-feedback expansion from the draft), and the documents strongly
 * co-cited with what it cites; each candidate scored, with its reason in
 * words. Internal to the map operation.
 *
 * Ownership: a cm_suggest_list owns its reasons (cm_suggest_list_release). */
#ifndef CHIMUC_MAP_SUGGEST_H
#define CHIMUC_MAP_SUGGEST_H

#include "chimuc/array.h"
#include "chimuc/citation.h"
#include "chimuc/map.h"
#include "chimuc/xapian_c.h"

/* A document the draft cites, with every document co-cited with it. */
typedef struct {
	const char *base;
	const cm_map_co_cited *co;
	size_t nco;
} cm_suggest_cited;

/* A document suggested: key (dated when any citation of it is), score,
 * reason, the newest date its citations give (for ties). */
typedef struct {
	char key[CM_KEY_MAX];
	char date[CM_ISO_MAX];
	double score;
	char *reason;
} cm_suggest_item;

typedef cm_array_t(cm_suggest_item) cm_suggest_list;

/* The candidates for the draft text[0, len) citing cited[0, n) (and whose
 * own key, if any, is self), from its similar documents of db (at most)
 * and the co-cited lists, best first (then newest, then by key), every one
 * of them; out starts empty. Errors: CM_ENOMEM, the binding's. */
int cm_suggest(cm_suggest_list *out, cm_xdb *db, const char *text, size_t len,
	       const cm_suggest_cited *cited, size_t n, const char *self, size_t similar);

void cm_suggest_list_release(cm_suggest_list *l);

#endif
