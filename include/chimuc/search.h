/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/search.h: ranked (BM25) search of the index in the query language
 * of chimuc/query.h: one page of the hits (offset, limit), each with its
 * rank, score, path, title, format and a snippet whose highlighted words
 * are byte spans (the caller decides how to show them); the number of
 * matching documents (the whole answer, not the page); and the writers of
 * `chimuc search` (text, with or without terminal bold, and JSON Lines).
 * Brief: no snippet and no document data read, path and title only (the
 * fastest listing).
 *
 * Ownership: *out of cm_search is the caller's (cm_search_free); the items
 * and every string and span they point to are borrowed from the result.
 * The query text is only read during the call. */
#ifndef CHIMUC_SEARCH_H
#define CHIMUC_SEARCH_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The hits of a page when the options do not say. */
#define CM_SEARCH_LIMIT_DEFAULT 10

typedef struct {
	unsigned version;     /* CM_SEARCH_OPTIONS_VERSION */
	size_t offset, limit; /* the page; limit CM_ALL: every hit */
	int brief;            /* no snippets, no document data read */
} cm_search_options;

#define CM_SEARCH_OPTIONS_VERSION 1
#define CM_SEARCH_OPTIONS_INIT                                           \
	{                                                                \
		CM_SEARCH_OPTIONS_VERSION, 0, CM_SEARCH_LIMIT_DEFAULT, 0 \
	}

/* A highlighted word: bytes [start, end) of the snippet. */
typedef struct {
	size_t start, end;
} cm_search_span;

typedef struct {
	size_t rank; /* 1 for the best hit of the whole answer */
	double score;
	const char *path, *title;
	const char *format;          /* "text", "pdf"…; NULL when unknown or brief */
	const char *snippet;         /* NUL-terminated; NULL when brief */
	size_t snippet_len;          /* its bytes */
	const cm_search_span *spans; /* the highlighted words, in order */
	size_t nspans;
	/* the document's own type ("Kế hoạch"), number ("1600-KH/BDVTW@2018")
	 * and ISO date; NULL when it has none or brief (not in the writers'
	 * output) */
	const char *type, *number, *date;
	cm_xdocid docid;   /* its id in the index */
	const char *shard; /* the shard holding it (cm_index_shard_name, borrowed
			    * from the index); NULL when the index has one */
	/* its validity today (chimuc/status.h: "replaced"…) and since when;
	 * NULL when brief or it has no number */
	const char *status, *status_since;
} cm_search_item;

typedef struct cm_search_result cm_search_result;

/* The hits of the query text (UTF-8, len bytes) in ix for opts (NULL: the
 * defaults). Errors: CM_EINVAL (an empty query, a bad filter value, an
 * unknown opts->version), CM_EPARSE, CM_ELIMIT (chimuc/query.h), CM_ENOMEM,
 * the index's (after "database modified" the search is rerun, see
 * chimuc/index.h). */
int cm_search(cm_search_result **out, cm_index *ix, const char *query, size_t len,
	      const cm_search_options *opts);
void cm_search_free(cm_search_result *r);

size_t cm_search_size(const cm_search_result *r);  /* hits in this page */
size_t cm_search_total(const cm_search_result *r); /* matching documents */
const cm_search_item *cm_search_get(const cm_search_result *r, size_t i);
/* 1 if the result was made with opts->brief. */
int cm_search_brief(const cm_search_result *r);

/* The page as `chimuc search` prints it: per hit "RANK. TITLE", the path
 * and score, then (unless brief) the snippet with its highlighted words in
 * terminal bold (bold 1) or in [brackets] (bold 0) and a blank line. */
int cm_search_write_text(FILE *f, const cm_search_result *r, int bold);
/* The page as JSON Lines: one object per hit (rank, score, path, format,
 * title, snippet, highlights: [start, end] pairs; brief: rank, score, path,
 * title). 0, or CM_EIO, CM_ENOMEM. */
int cm_search_write_json(FILE *f, const cm_search_result *r);

#ifdef __cplusplus
}
#endif

#endif
