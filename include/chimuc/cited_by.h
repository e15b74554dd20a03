/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/cited_by.h: the documents of the index that cite a reference
 * ("25-NQ/TW", "Nghị quyết số 25-NQ/TW", "25-NQ/TW@2013"), each with the
 * sentence that cites it; optionally only citing documents of one type or
 * citations of one relation, and with a depth above 1 the documents citing
 * those in turn (plans carrying out plans that carry out a resolution).
 * Each document is listed once, at its smallest depth, in order of depth
 * then of the index. A reference without a year that the corpus cites with
 * several years is ambiguous: the result says so and gives the years.
 *
 * Ownership: *out of cm_cited_by is the caller's (cm_cited_by_free); every
 * string and item it hands out is borrowed from it. */
#ifndef CHIMUC_CITED_BY_H
#define CHIMUC_CITED_BY_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The deepest depth: an answer that reaches it with more documents beyond
 * says so (cm_cited_by_depth_limited). */
#define CM_CITED_BY_DEPTH_MAX 10

#define CM_CITED_BY_OPTIONS_VERSION 1

typedef struct {
	unsigned version;     /* CM_CITED_BY_OPTIONS_VERSION */
	const char *type;     /* citing documents of that type only ("KH",
			       * "Kế hoạch"); NULL: any */
	const char *relation; /* citations whose cue contains it; NULL: any */
	unsigned depth;       /* 1 .. CM_CITED_BY_DEPTH_MAX */
	size_t offset, limit; /* the page; limit CM_ALL: no limit */
} cm_cited_by_options;

#define CM_CITED_BY_OPTIONS_INIT                                      \
	{                                                             \
		CM_CITED_BY_OPTIONS_VERSION, NULL, NULL, 1, 0, CM_ALL \
	}

/* One citing document; a field the index does not know is NULL. */
typedef struct {
	const char *path, *title;
	const char *type, *number, *date; /* the citing document's own */
	const char *key;                  /* the citation's key ("25-NQ/TW@2013") */
	const char *relation;             /* its cue ("thực hiện") */
	const char *context;              /* the citing sentence, on one line */
	unsigned depth;                   /* 1: cites the reference itself */
	cm_xdocid docid;                  /* the citing document's id in the index */
	const char *shard;                /* the shard holding it (cm_index_shard_name, borrowed
			    * from the index); NULL when the index has one */
	/* the citing document's validity today (chimuc/status.h) and since
	 * when; NULL when it has no number */
	const char *status, *status_since;
} cm_cited_by_item;

typedef struct cm_cited_by_result cm_cited_by_result;

/* The documents citing ref in ix. opts NULL: the defaults.
 * Errors: CM_EINVAL (a reference without a number, an unknown type, a depth
 * out of range, an unknown opts->version), CM_ENOMEM, the index's. */
int cm_cited_by(cm_cited_by_result **out, cm_index *ix, const char *ref,
		const cm_cited_by_options *opts);
void cm_cited_by_free(cm_cited_by_result *r);

/* The items of the page, and of the whole answer. */
size_t cm_cited_by_size(const cm_cited_by_result *r);
size_t cm_cited_by_total(const cm_cited_by_result *r);
const cm_cited_by_item *cm_cited_by_get(const cm_cited_by_result *r, size_t i);

/* The reference as given, and its key without a year ("25-NQ/TW"). */
const char *cm_cited_by_ref(const cm_cited_by_result *r);
const char *cm_cited_by_base(const cm_cited_by_result *r);
/* 1 if the reference has no year and the corpus cites its number with
 * several: the years, ascending, are cm_cited_by_year(r, 0 .. n - 1). */
int cm_cited_by_ambiguous(const cm_cited_by_result *r);
size_t cm_cited_by_years(const cm_cited_by_result *r);
int cm_cited_by_year(const cm_cited_by_result *r, size_t i);
/* 1 if the answer stopped at CM_CITED_BY_DEPTH_MAX with more documents
 * citing those of that depth. */
int cm_cited_by_depth_limited(const cm_cited_by_result *r);

/* The page, as `chimuc cited-by` prints it: indented by depth, path, title,
 * [key; relation], the sentence. Returns 0, or CM_EIO when f fails. */
int cm_cited_by_write_text(FILE *f, const cm_cited_by_result *r);
/* The page as JSON Lines: one object per item (path, title, type, number,
 * date, relation, context, key, depth, ambiguous). */
int cm_cited_by_write_json(FILE *f, const cm_cited_by_result *r);
/* The warnings of the answer, one line each prefixed by "program: ": the
 * ambiguity of the reference, the depth limit reached. */
int cm_cited_by_write_notes(FILE *f, const char *program, const cm_cited_by_result *r);

#ifdef __cplusplus
}
#endif

#endif
