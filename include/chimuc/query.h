/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/query.h: the chimuc query language, turned into a Xapian query.
 *
 *   dân vận khéo        all words (AND), ranked by BM25
 *   a OR b, a AND b     boolean operators (upper case); NOT b, -b exclude
 *   "công tác dân vận"  phrase; ( ... ) groups
 *   25-NQ/TW            a word that splits into several tokens is a phrase
 *   date:15/10          documents that mention 15/10 (any year); also
 *                       date:2024-06-15, date:2024-06, date:2024-06..2024-12
 *   cites:25-NQ/TW      documents citing it (cites:25-NQ/TW@2013: that one)
 *   type:KH, year:2018  documents of that type, of that year
 *   issuer:BDVTW        documents issued by that body (the code after the
 *                       type in their own number: KH/BDVTW)
 * A word that is a document number ranks the documents citing it first.
 *
 * A word typed with diacritics matches exactly that word (case and tone
 * placement aside: "Tỉnh uỷ" = "tỉnh ủy"); a word typed without any diacritic
 * matches every indexed word that folds to it ("dan" finds dân, dặn, dán…),
 * through the vocabulary map of the index (synonyms). Stopwords only weight the
 * ranking in a list of words; inside a phrase every word counts.
 *
 * Ownership: a cm_query is the caller's (cm_query_free); the Xapian query
 * and the strings it hands out are borrowed from it. */
#ifndef CHIMUC_QUERY_H
#define CHIMUC_QUERY_H

#include <stddef.h>

#include "chimuc/xapian_c.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_QUERY_MAX_BYTES 65536 /* longer query text: CM_ELIMIT */
#define CM_QUERY_MAX_DEPTH 32    /* deeper ( ) nesting: CM_EPARSE */
#define CM_QUERY_MAX_TERMS 512   /* more words: CM_ELIMIT */
#define CM_QUERY_MAX_VARIANTS 64 /* exact forms an unaccented word expands to */

typedef struct cm_query cm_query;

/* Parses text (UTF-8, len bytes) against db, whose vocabulary map expands
 * unaccented words (db may be NULL: no expansion). Errors: CM_EINVAL (empty query), CM_EPARSE, CM_ELIMIT,
 * CM_ENOMEM, and the binding's errors from reading db. */
int cm_query_parse(cm_query **out, cm_xdb *db, const char *text, size_t len);

void cm_query_free(cm_query *q);

/* The Xapian query (borrowed). */
const cm_xquery *cm_query_xapian(const cm_query *q);

/* 1 if the exact term is one the query looks for outside a NOT (for
 * highlighting), else 0. */
int cm_query_wants(const cm_query *q, const char *term, size_t len);

#ifdef __cplusplus
}
#endif

#endif
