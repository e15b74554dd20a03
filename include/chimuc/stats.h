/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/stats.h: the size of an index: its number of documents and the
 * bytes of its files on disk; and the writers of `chimuc stats` (text and
 * JSON).
 *
 * Ownership: a cm_stats_info is the caller's (a plain struct, nothing to
 * free); its path is borrowed from the index it was made from. */
#ifndef CHIMUC_STATS_H
#define CHIMUC_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "chimuc/index.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version; /* CM_STATS_OPTIONS_VERSION */
} cm_stats_options;

#define CM_STATS_OPTIONS_VERSION 1
#define CM_STATS_OPTIONS_INIT            \
	{                                \
		CM_STATS_OPTIONS_VERSION \
	}

typedef struct {
	unsigned documents;
	uint64_t bytes;   /* of the regular files directly in the index's folder
			   * (of every local shard's; a remote one counts 0) */
	const char *path; /* the index's (cm_index_path) */
	size_t shards;    /* how many (cm_index_shards) */
} cm_stats_info;

/* The figures of ix (opts NULL: the defaults). Errors: CM_EINVAL (an
 * unknown opts->version), the index's. */
int cm_stats(cm_stats_info *out, cm_index *ix, const cm_stats_options *opts);

/* "documents: N", "bytes: N", "db: PATH" (and "shards: N" when more than
 * one), one a line; one JSON object (documents, bytes, db, and shards when
 * more than one) on one line. 0, or CM_EIO, CM_ENOMEM. */
int cm_stats_write_text(FILE *f, const cm_stats_info *s);
int cm_stats_write_json(FILE *f, const cm_stats_info *s);

#ifdef __cplusplus
}
#endif

#endif
