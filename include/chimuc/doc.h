/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/doc.h: one indexed document as an operation: named by the path of
 * its file, spelt any way, or by its own number ("1600-KH/BDVTW", with
 * "@year" or not), its stored information (chimuc/docinfo.h): identity,
 * title, text, dates, citations. What cites it is cited_by.h's, what it
 * cites resolved to the corpus cites.h's.
 *
 * Ownership: *out of cm_doc is the caller's (cm_docinfo_free). */
#ifndef CHIMUC_DOC_H
#define CHIMUC_DOC_H

#include "chimuc/docinfo.h"
#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_DOC_OPTIONS_VERSION 1
typedef struct {
	unsigned version; /* CM_DOC_OPTIONS_VERSION */
} cm_doc_options;
#define CM_DOC_OPTIONS_INIT            \
	{                              \
		CM_DOC_OPTIONS_VERSION \
	}

/* The document doc of ix (opts NULL: the defaults). Errors: CM_ENOTFOUND
 * (no such document in the index), CM_EINVAL (an unknown opts->version),
 * CM_ECORRUPT, CM_ENOMEM, the index's. */
int cm_doc(cm_docinfo **out, cm_index *ix, const char *doc, const cm_doc_options *opts);

#ifdef __cplusplus
}
#endif

#endif
