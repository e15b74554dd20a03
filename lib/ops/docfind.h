/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ops/docfind.h: one indexed document named by the path of its file
 * (spelt any way) or by its own number ("1600-KH/BDVTW", "@year" or not),
 * as cites and doc name it. Internal to the library.
 *
 * Ownership: *out is the caller's (cm_docinfo_free). */
#ifndef CHIMUC_OPS_DOCFIND_H
#define CHIMUC_OPS_DOCFIND_H

#include "chimuc/docinfo.h"
#include "chimuc/xapian_c.h"

/* The document doc of db. Errors: CM_ENOTFOUND (none), CM_ENOMEM, the
 * binding's and cm_docinfo_read's. */
int cm_doc_find(cm_docinfo **out, cm_xdb *db, const char *doc);

#endif
