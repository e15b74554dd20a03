/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/cites.h: what one indexed document cites, in the order of its
 * text (not its mentions of itself), each citation resolved to the
 * document of the index that has its key, where there is one. The document
 * is named by the path of its file, spelt any way ("./a/../b.txt", a
 * symbolic link), or by its own number ("1600-KH/BDVTW", with "@year" or
 * not).
 *
 * Ownership: *out of cm_cites is the caller's (cm_cites_free); every string
 * and item it hands out is borrowed from it. */
#ifndef CHIMUC_CITES_H
#define CHIMUC_CITES_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_CITES_OPTIONS_VERSION 1

typedef struct {
	unsigned version;     /* CM_CITES_OPTIONS_VERSION */
	size_t offset, limit; /* the page; limit CM_ALL: no limit */
} cm_cites_options;

#define CM_CITES_OPTIONS_INIT                       \
	{                                           \
		CM_CITES_OPTIONS_VERSION, 0, CM_ALL \
	}

/* One citation; a field the text does not give is NULL. */
typedef struct {
	const char *key;  /* "25-NQ/TW@2013" */
	const char *text; /* as the document writes it, on one line */
	const char *type, *number, *symbol, *date, *relation, *issuer, *term;
	const char *path; /* of the cited document in the index; NULL: not there */
} cm_cites_item;

typedef struct cm_cites_result cm_cites_result;

/* The citations of doc. opts NULL: the defaults.
 * Errors: CM_ENOTFOUND (no such document in the index), CM_EINVAL (an
 * unknown opts->version), CM_ENOMEM, the index's. */
int cm_cites(cm_cites_result **out, cm_index *ix, const char *doc, const cm_cites_options *opts);
void cm_cites_free(cm_cites_result *r);

/* The items of the page, and of the whole answer. */
size_t cm_cites_size(const cm_cites_result *r);
size_t cm_cites_total(const cm_cites_result *r);
const cm_cites_item *cm_cites_get(const cm_cites_result *r, size_t i);

/* The page as `chimuc cites` prints it: the key in a column, the text, and
 * "-> path" of a cited document in the index. 0, or CM_EIO. */
int cm_cites_write_text(FILE *f, const cm_cites_result *r);
/* The page as JSON Lines: text, key, type, number, symbol, date, relation,
 * issuer, term, path. */
int cm_cites_write_json(FILE *f, const cm_cites_result *r);

#ifdef __cplusplus
}
#endif

#endif
