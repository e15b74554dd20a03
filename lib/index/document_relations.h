/* SPDX-License-Identifier: GPL-2.0-or-later */

/* document_relations.h: the relation part of a document's terms and data
 * (see chimuc/document.h). Internal to libchimuc. */
#ifndef CHIMUC_DOCUMENT_RELATIONS_H
#define CHIMUC_DOCUMENT_RELATIONS_H

#include <json-c/json.h>

#include "chimuc/relation.h"
#include "chimuc/xapian_c.h"

/* Adds the XR terms of the targets of r (with and without year) to xdoc,
 * and "relations" (with each relation's sentence in text) and "effective"
 * to data when there are any. */
int cm_document_add_relations(cm_xdoc *xdoc, json_object *data, const cm_relations *r,
			      const char *text, size_t len);

#endif
