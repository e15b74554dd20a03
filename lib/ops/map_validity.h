/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_validity.h: the validity of a cited document as the draft map shows
 * it: replaced (by whom, from when) or amended, from the claims of the
 * corpus other than the draft's own. Internal to the map operation.
 *
 * Ownership: the strings of a cm_map_validity are malloc'd, the caller's. */
#ifndef CHIMUC_MAP_VALIDITY_H
#define CHIMUC_MAP_VALIDITY_H

#include "chimuc/status.h"
#include "chimuc/xapian_c.h"

typedef struct {
	cm_status_kind status;
	char *since;          /* or NULL */
	char *by;             /* the superseding document's key, or NULL */
	cm_relation_kind how; /* of by */
	char *amended_by, *amended_part, *amended_since;
} cm_map_validity;

/* The validity of base (year: of that year's document, or 0) on today,
 * leaving out what the document draft_key (or NULL) says. Errors:
 * CM_ENOMEM, the binding's. */
int cm_map_validity_of(cm_map_validity *out, cm_xdb *db, const char *base, int year,
		       const char *today, const char *draft_key);

#endif
