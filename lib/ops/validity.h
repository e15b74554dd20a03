/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ops/validity.h: the status of one key from the claims the index holds
 * about it (its XR postlist, chimuc/status.h says how it is decided), for
 * status, stale, map, search and cited-by. Internal to the library.
 *
 * Ownership: a cm_validity owns its claims and their strings
 * (cm_validity_release). */
#ifndef CHIMUC_OPS_VALIDITY_H
#define CHIMUC_OPS_VALIDITY_H

#include "chimuc/array.h"
#include "chimuc/status.h"
#include "chimuc/xapian_c.h"

typedef struct {
	cm_status_kind status;
	char since[CM_ISO_MAX];
	char *path;                         /* the document with the key in the index, or NULL */
	cm_array_t(cm_status_claim) claims; /* by date, undated last */
	cm_array_t(const cm_status_claim *) conflicts;
	cm_array_t(char *) strs; /* what the claims' strings point into */
} cm_validity;

/* The status of base (a key without year; with year not 0, of that year's
 * document) on today ("YYYY-MM-DD"). Errors: CM_ENOMEM, the binding's. */
int cm_validity_of(cm_validity *out, cm_xdb *db, const char *base, int year, const char *today);
void cm_validity_release(cm_validity *v);

/* Today (UTC) into out, or today itself when it is a valid "YYYY-MM-DD".
 * Errors: CM_EINVAL (a bad date). */
int cm_validity_today(char out[CM_ISO_MAX], const char *today);

/* base, with "@year" unless year is 0, into out. Errors: CM_EINVAL (too
 * long). */
int cm_validity_key(char out[CM_KEY_MAX], const char *base, int year);

/* The status of the document key ("3080/QĐ-UBND@2023", with or without
 * "@year") on today (NULL: the current date) into *out and since ("" when
 * none), for the operations that show it beside their hits. */
int cm_validity_status(cm_status_kind *out, char since[CM_ISO_MAX], cm_xdb *db, const char *key,
		       const char *today);

/* fn for each key (without year) that some document claims something
 * about, in term order: 0 or the first error. */
typedef int (*cm_validity_key_fn)(void *ctx, cm_xdb *db, const char *base);
int cm_validity_each_key(cm_xdb *db, cm_validity_key_fn fn, void *ctx);

/* status:NAME of the query language: a weightless query of the documents
 * whose own number has that status today (in_force, amended, replaced,
 * repealed, expired). Errors: CM_EINVAL (another name), CM_ENOMEM, the
 * binding's. */
int cm_status_filter(cm_xquery **out, cm_xdb *db, const char *name);

/* The deciding claim of a replaced, repealed or expired key, or NULL. */
const cm_status_claim *cm_validity_decider(const cm_validity *v);

#endif
