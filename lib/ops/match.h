/* SPDX-License-Identifier: GPL-2.0-or-later */

/* match.h: the whole match of a query in docid order, for the operations
 * that read, count or mark every matching document (deadlines, search's
 * total, facets) rather than a ranked page. Internal to lib/ops/.
 *
 * Ownership: *out is the caller's (cm_xmset_free). */
#ifndef CHIMUC_OPS_MATCH_H
#define CHIMUC_OPS_MATCH_H

#include "chimuc/xapian_c.h"

/* Every document of db matching q, in docid order. */
int cm_match_all(cm_xmset **out, cm_xdb *db, const cm_xquery *q);

#endif
