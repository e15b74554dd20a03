/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/status.h: whether a document is still in force, from what the
 * indexed texts say of it (chimuc/relation.h): every claim that another
 * document replaces, repeals, amends or ends it, with the document that
 * says so and its sentence. A document only cited has a status too.
 *
 * The status of KEY on the day opts->today:
 *   replaced, repealed, expired: a claim of that kind on the whole of it,
 *     in effect by today (the earliest such; since: its date);
 *   amended: claims on a part of it, or amendments, in effect by today;
 *   not_yet: its own effective date (in the index) is after today;
 *   in_force: in the index and none of the above;
 *   unknown: not in the index, and no claim in effect.
 * Whole claims that disagree (replaced by two documents, replaced and
 * repealed) are all listed in conflicts, none dropped; the status is the
 * earliest's. A claim without a date counts as in effect.
 *
 * Ownership: *out of cm_status is the caller's (cm_status_free); every
 * string and item it hands out is borrowed from it. */
#ifndef CHIMUC_STATUS_H
#define CHIMUC_STATUS_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"
#include "chimuc/relation.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_STATUS_OPTIONS_VERSION 1

typedef struct {
	unsigned version;  /* CM_STATUS_OPTIONS_VERSION */
	const char *today; /* "YYYY-MM-DD"; NULL: the current date (UTC) */
} cm_status_options;

#define CM_STATUS_OPTIONS_INIT                  \
	{                                       \
		CM_STATUS_OPTIONS_VERSION, NULL \
	}

typedef enum cm_status_kind {
	CM_STATUS_IN_FORCE,
	CM_STATUS_AMENDED,
	CM_STATUS_REPLACED,
	CM_STATUS_REPEALED,
	CM_STATUS_EXPIRED,
	CM_STATUS_NOT_YET,
	CM_STATUS_UNKNOWN
} cm_status_kind;

/* One claim: the document key (source) replaces, repeals… the asked one. */
typedef struct {
	const char *key;  /* the source's key; NULL when it has no number */
	unsigned id;      /* the stating document's id in the index */
	const char *path; /* the stating document's path */
	cm_relation_kind relation;
	const char *part;    /* "khoản 7 Điều 15", or NULL: the whole */
	const char *date;    /* from when, or NULL */
	const char *context; /* the sentence that says it, on one line */
	const char *by_path; /* the source's own file in the index, or NULL */
} cm_status_claim;

typedef struct {
	const char *key;  /* as asked, without "@year" when none was given */
	const char *path; /* the document in the index, or NULL: only cited */
	cm_status_kind status;
	const char *since;         /* the date of the deciding claim, or NULL */
	const cm_status_claim *by; /* every claim, by date (undated last) */
	size_t nby;
	const cm_status_claim *const *conflicts; /* whole claims that disagree */
	size_t nconflicts;
} cm_status_item;

typedef struct cm_status_result cm_status_result;

/* The status of each of the n refs ("3080/QĐ-UBND", "25-NQ/TW@2013",
 * "Quyết định số 3080/QĐ-UBND"). opts NULL: the defaults.
 * Errors: CM_EINVAL (a ref with no symbol, a bad today, an unknown
 * version), CM_ENOMEM, the index's. */
int cm_status(cm_status_result **out, cm_index *ix, const char *const *refs, size_t n,
	      const cm_status_options *opts);
void cm_status_free(cm_status_result *r);

size_t cm_status_size(const cm_status_result *r);
const cm_status_item *cm_status_get(const cm_status_result *r, size_t i);

/* "in_force", "amended", "replaced", "repealed", "expired", "not_yet",
 * "unknown". */
const char *cm_status_name(cm_status_kind status);

/* As `chimuc status` prints them: "KEY  STATUS [since DATE]" then one
 * indented line per claim, and "conflict:" lines. 0, or CM_EIO. */
int cm_status_write_text(FILE *f, const cm_status_result *r);
/* One JSON line per key: {"key","status","since","path","by":[{"key","id",
 * "path","relation","part","date","context"}],"conflicts":[…]}. */
int cm_status_write_json(FILE *f, const cm_status_result *r);

#ifdef __cplusplus
}
#endif

#endif
