/* SPDX-License-Identifier: GPL-2.0-or-later */

/* document_citations.h: the citation part of a document's terms and data
 * (see chimuc/document.h). Internal to libchimuc. */
#ifndef CHIMUC_DOCUMENT_CITATIONS_H
#define CHIMUC_DOCUMENT_CITATIONS_H

#include <json-c/json.h>

#include "chimuc/citation.h"
#include "chimuc/xapian_c.h"

/* Adds the terms of the cited keys (with and without year), of the own key,
 * type code, issuer code ("TW" of NQ/TW) and year (chimuc/schema.h) to xdoc,
 * and "self", "type", "number" and "citations" to data. text is the document's text (for contexts). */
int cm_document_add_citations(cm_xdoc *xdoc, json_object *data, const cm_citations *c,
			      const char *text, size_t len);

#endif
