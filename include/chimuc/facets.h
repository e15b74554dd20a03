/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/facets.h: the facets of a search: for the documents matching a
 * query (chimuc/query.h), how many are of each type, of each issuer and of
 * each year: counts of the whole match, not of a page. Values are the
 * index's own codes ("KH", "BDVTW", "2018"), each facet's values in their
 * byte order.
 *
 * Ownership: *out of cm_facets is the caller's (cm_facets_free); every
 * item and string it hands out is borrowed from it. The query text is only
 * read during the call. */
#ifndef CHIMUC_FACETS_H
#define CHIMUC_FACETS_H

#include <stddef.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CM_FACET_TYPE,   /* the document's type code */
	CM_FACET_ISSUER, /* the issuer's code */
	CM_FACET_YEAR,   /* the year of its own date */
	CM_FACET_END
} cm_facet;

/* "type", "issuer", "year". */
const char *cm_facet_name(cm_facet facet);

#define CM_FACETS_OPTIONS_VERSION 1
typedef struct {
	unsigned version; /* CM_FACETS_OPTIONS_VERSION */
} cm_facets_options;
#define CM_FACETS_OPTIONS_INIT            \
	{                                 \
		CM_FACETS_OPTIONS_VERSION \
	}

typedef struct {
	const char *value; /* "KH" */
	size_t count;      /* matching documents with it */
} cm_facet_item;

typedef struct cm_facets_result cm_facets_result;

/* The facets of the documents of ix matching the query text (UTF-8, len
 * bytes); opts NULL: the defaults. Errors: those of cm_query_parse
 * (CM_EINVAL, CM_EPARSE, CM_ELIMIT), CM_EINVAL (an unknown opts->version),
 * CM_ENOMEM, the index's (after "database modified" the read is rerun). */
int cm_facets(cm_facets_result **out, cm_index *ix, const char *query, size_t len,
	      const cm_facets_options *opts);
void cm_facets_free(cm_facets_result *r);

/* The matching documents, and the values of one facet with a count. */
size_t cm_facets_total(const cm_facets_result *r);
size_t cm_facets_size(const cm_facets_result *r, cm_facet facet);
const cm_facet_item *cm_facets_get(const cm_facets_result *r, cm_facet facet, size_t i);

#ifdef __cplusplus
}
#endif

#endif
