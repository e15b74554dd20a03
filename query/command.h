/* SPDX-License-Identifier: GPL-2.0-or-later */

/* command.h: what the front-end (main.c) hands to a subcommand: the common
 * options (--db DIR, repeated for many shards, --shard-timeout SECONDS,
 * --all-shards, --json, --help/-h) parsed once wherever they stand
 * among the command's arguments, the index opened once, and a getopt_long
 * loop that returns only the command's own options. Internal to the chimuc
 * program.
 *
 * Ownership: the front-end owns the context and everything in it (the
 * index is freed after the command returns); a command only borrows it. */
#ifndef CHIMUC_COMMAND_H
#define CHIMUC_COMMAND_H

#include <getopt.h>

#include "chimuc/index.h"

/* Which common options a command takes, beside --help. */
typedef enum {
	CM_CMD_INDEX = 1 << 0, /* reads the index: --db DIR (repeated), --shard-timeout,
				* --all-shards, cm_cmd_open */
	CM_CMD_JSON = 1 << 1   /* writes JSON Lines: --json */
} cm_cmd_flags;

/* A command's own options, as getopt_long takes them. */
typedef struct {
	const char *shortopts;         /* without 'h', at most 62 characters ("+" stops
					* at the first argument) */
	const struct option *longopts; /* without db, json, help; ends with a zero
					* entry (NULL: none) */
	const char *help;              /* printed on standard output by --help */
} cm_cmd_options;

typedef struct {
	const char *name;      /* the command's, for its usage errors */
	unsigned flags;        /* cm_cmd_flags */
	const char *db_path;   /* the first --db DIR, or NULL for the default place */
	const char **db_paths; /* every --db (db_count of them) */
	size_t db_count;
	unsigned timeout_ms;   /* --shard-timeout, 0 for the default */
	int all_shards;        /* --all-shards */
	char *resolved;        /* the default place, without --db */
	int json;              /* --json */
	cm_index *ix;          /* the index, once cm_cmd_open succeeded */
	int exit;              /* the status when cm_cmd_getopt returns -1 */
	struct option *merged; /* the common options and the command's */
} cm_cmd_ctx;

/* The next option of the command's own (its getopt_long code) after
 * taking the common ones; 0 at the end of the options (optind is at the
 * first argument); -1 when the command is to return ctx->exit at once:
 * after --help (CM_EXIT_OK), a bad option or an out-of-memory report. */
int cm_cmd_getopt(cm_cmd_ctx *ctx, int argc, char **argv, const cm_cmd_options *opts);

/* The index options of the --db, --shard-timeout and --all-shards given
 * (without --db: the default place, resolved), borrowed from ctx. 0, or a
 * CM_E code (no default place). */
int cm_cmd_index_options(cm_index_options *out, cm_cmd_ctx *ctx);

/* Opens the index of --db (or the default) into ctx->ix, once the
 * command's arguments are known good. Returns -1 to go on, else the exit
 * status after reporting the problem ("no index here", …). */
int cm_cmd_open(cm_cmd_ctx *ctx);

/* The index's path, as the command's messages name it (after cm_cmd_open). */
const char *cm_cmd_db_path(const cm_cmd_ctx *ctx);

/* Frees what the context holds (the index, the option table), after one
 * warning line for each shard that did not answer and, with --json, a last
 * line {"partial":true,"missing":[NAMES]} on standard output. */
void cm_cmd_release(cm_cmd_ctx *ctx);

#endif
