/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/top_cited.h: every document the index cites, most cited first,
 * with the number of documents citing it (ties in key order) and the path
 * of the cited document where the index has it. A number cited with one
 * year only is counted under its dated key together with the documents
 * that cite it without a year (they can only mean that one, as cited-by
 * has it); one cited with several years keeps a count per year; one never
 * cited with a year keeps its bare key.
 *
 * Ownership: *out of cm_top_cited is the caller's (cm_top_cited_free);
 * every string and item it hands out is borrowed from it. */
#ifndef CHIMUC_TOP_CITED_H
#define CHIMUC_TOP_CITED_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_TOP_CITED_OPTIONS_VERSION 1

typedef struct {
	unsigned version;     /* CM_TOP_CITED_OPTIONS_VERSION */
	size_t offset, limit; /* the page; limit CM_ALL: no limit */
} cm_top_cited_options;

#define CM_TOP_CITED_OPTIONS_INIT                       \
	{                                               \
		CM_TOP_CITED_OPTIONS_VERSION, 0, CM_ALL \
	}

typedef struct {
	const char *key;  /* "25-NQ/TW@2013" */
	unsigned count;   /* documents citing it */
	const char *path; /* of the cited document in the index; NULL: not there */
} cm_top_cited_item;

typedef struct cm_top_cited_result cm_top_cited_result;

/* The cited documents of ix. opts NULL: the defaults.
 * Errors: CM_EINVAL (an unknown opts->version), CM_ENOMEM, the index's. */
int cm_top_cited(cm_top_cited_result **out, cm_index *ix, const cm_top_cited_options *opts);
void cm_top_cited_free(cm_top_cited_result *r);

/* The items of the page, and of the whole answer. */
size_t cm_top_cited_size(const cm_top_cited_result *r);
size_t cm_top_cited_total(const cm_top_cited_result *r);
const cm_top_cited_item *cm_top_cited_get(const cm_top_cited_result *r, size_t i);

/* The page as `chimuc top-cited` prints it: the count, the key, and the
 * path in a column. 0, or CM_EIO. */
int cm_top_cited_write_text(FILE *f, const cm_top_cited_result *r);
/* The page as JSON Lines: key, count, path. */
int cm_top_cited_write_json(FILE *f, const cm_top_cited_result *r);

#ifdef __cplusplus
}
#endif

#endif
