/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/stale.h: the documents still cited after they were replaced,
 * repealed or ended (chimuc/status.h), each with the indexed documents that
 * cite it with a date later than that, newest first. The documents that
 * make the claims are not counted as citing it.
 *
 * Ownership: *out of cm_stale is the caller's (cm_stale_free); every string
 * and item it hands out is borrowed from it. */
#ifndef CHIMUC_STALE_H
#define CHIMUC_STALE_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"
#include "chimuc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_STALE_OPTIONS_VERSION 1

typedef struct {
	unsigned version;  /* CM_STALE_OPTIONS_VERSION */
	const char *today; /* "YYYY-MM-DD" the status is judged on; NULL: today */
} cm_stale_options;

#define CM_STALE_OPTIONS_INIT                  \
	{                                      \
		CM_STALE_OPTIONS_VERSION, NULL \
	}

/* A document citing it late. */
typedef struct {
	const char *path, *key, *date; /* key NULL: no number */
} cm_stale_citing;

typedef struct {
	const char *key; /* without "@year" */
	cm_status_kind status;
	const char *since;
	const char *by; /* the document that replaces, repeals or ends it, or NULL */
	const cm_stale_citing *citing;
	size_t nciting;
} cm_stale_item;

typedef struct cm_stale_result cm_stale_result;

/* Every stale document of the index, by key. opts NULL: the defaults.
 * Errors: CM_EINVAL (a bad today, an unknown version), CM_ENOMEM, the
 * index's. */
int cm_stale(cm_stale_result **out, cm_index *ix, const cm_stale_options *opts);
void cm_stale_free(cm_stale_result *r);

size_t cm_stale_size(const cm_stale_result *r);
const cm_stale_item *cm_stale_get(const cm_stale_result *r, size_t i);

/* "KEY  replaced since DATE by KEY" and an indented "DATE  PATH" per citing
 * document. 0, or CM_EIO. */
int cm_stale_write_text(FILE *f, const cm_stale_result *r);
/* One JSON line per key: key, status, since, by, citing [{path, key, date}]. */
int cm_stale_write_json(FILE *f, const cm_stale_result *r);

#ifdef __cplusplus
}
#endif

#endif
