/* SPDX-License-Identifier: GPL-2.0-or-later */

/* command.c: the common options of every chimuc command and the opening of
 * the index (see command.h). */
#include "command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/dbpath.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"

enum { OPT_DB = 0x2001, OPT_JSON, OPT_TIMEOUT, OPT_ALL_SHARDS };

/* The longest --shard-timeout, in seconds. */
#define CM_SHARD_TIMEOUT_MAX 3600

static const struct option common_options[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"shard-timeout", required_argument, NULL, OPT_TIMEOUT},
	{"all-shards", no_argument, NULL, OPT_ALL_SHARDS},
	{"json", no_argument, NULL, OPT_JSON},
	{"help", no_argument, NULL, 'h'},
};

/* The command's options after the common ones it takes, in one table. */
static int merge(struct option **out, unsigned flags, const struct option *own)
{
	size_t n = 0, k = 0;
	struct option *v;

	while (own && own[n].name)
		n++;
	if (!(v = calloc(n + sizeof common_options / sizeof common_options[0] + 1, sizeof *v)))
		return cm_error_nomem();
	if (flags & CM_CMD_INDEX) {
		v[k++] = common_options[0];
		v[k++] = common_options[1];
		v[k++] = common_options[2];
	}
	if (flags & CM_CMD_JSON)
		v[k++] = common_options[3];
	v[k++] = common_options[4];
	if (n)
		memcpy(v + k, own, n * sizeof *v);
	*out = v;
	return 0;
}

static int stop(cm_cmd_ctx *ctx, int status)
{
	ctx->exit = status;
	return -1;
}

/* One more --db. */
static int add_db(cm_cmd_ctx *ctx, const char *path)
{
	const char **v = realloc(ctx->db_paths, (ctx->db_count + 1) * sizeof *v);

	if (!v) {
		cm_diag(CM_PROGRAM, NULL, "%s", "out of memory");
		return -1;
	}
	v[ctx->db_count++] = path;
	ctx->db_paths = v;
	if (!ctx->db_path)
		ctx->db_path = path;
	return 0;
}

/* --shard-timeout SECONDS: more than 0, at most CM_SHARD_TIMEOUT_MAX. */
static int parse_timeout(cm_cmd_ctx *ctx, const char *arg)
{
	char *end;
	double s = strtod(arg, &end);

	if (end == arg || *end || !(s >= 0.001 && s <= CM_SHARD_TIMEOUT_MAX)) {
		cm_cli_usage_error(ctx->name,
				   "--shard-timeout takes seconds (0.001 to %d), not '%s'",
				   CM_SHARD_TIMEOUT_MAX, arg);
		return -1;
	}
	ctx->timeout_ms = (unsigned)(s * 1000 + 0.5);
	return 0;
}

int cm_cmd_getopt(cm_cmd_ctx *ctx, int argc, char **argv, const cm_cmd_options *opts)
{
	char shortopts[64];
	int c;

	if (!ctx->merged && merge(&ctx->merged, ctx->flags, opts->longopts) < 0) {
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
		return stop(ctx, CM_EXIT_FAIL);
	}
	snprintf(shortopts, sizeof shortopts, "%sh", opts->shortopts);
	for (;;) {
		switch ((c = getopt_long(argc, argv, shortopts, ctx->merged, NULL))) {
		case -1: return 0;
		case OPT_DB:
			if (add_db(ctx, optarg) < 0)
				return stop(ctx, CM_EXIT_FAIL);
			break;
		case OPT_TIMEOUT:
			if (parse_timeout(ctx, optarg) < 0)
				return stop(ctx, CM_EXIT_USAGE);
			break;
		case OPT_ALL_SHARDS: ctx->all_shards = 1; break;
		case OPT_JSON: ctx->json = 1; break;
		case 'h': fputs(opts->help, stdout); return stop(ctx, CM_EXIT_OK);
		case '?':
		case ':': return stop(ctx, cm_front_bad_option(CM_PROGRAM, ctx->name));
		default: return c;
		}
	}
}

int cm_cmd_index_options(cm_index_options *out, cm_cmd_ctx *ctx)
{
	int rc;

	*out = (cm_index_options)CM_INDEX_OPTIONS_INIT;
	out->timeout_ms = ctx->timeout_ms;
	out->all_shards = ctx->all_shards;
	if (ctx->db_count) {
		out->paths = ctx->db_paths;
		out->n = ctx->db_count;
		return 0;
	}
	if (!ctx->resolved && (rc = cm_dbpath_resolve(&ctx->resolved, NULL)) < 0)
		return rc;
	out->paths = (const char *const *)&ctx->resolved;
	out->n = 1;
	return 0;
}

int cm_cmd_open(cm_cmd_ctx *ctx)
{
	cm_index_options o;
	const char *path;
	int rc;

	if (cm_cmd_index_options(&o, ctx) < 0) {
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
		return CM_EXIT_USAGE;
	}
	path = o.paths[0];
	rc = cm_index_open_many(&ctx->ix, &o);
	if (rc == CM_ENOTFOUND && o.n == 1)
		cm_diag(CM_PROGRAM, path,
			"no index here (build one with chimuc-index --db %s PATH)", path);
	else if (rc < 0)
		cm_diag(CM_PROGRAM, o.n == 1 ? path : NULL, "cannot open the index: %s",
			cm_error_last());
	return rc < 0 ? CM_EXIT_FAIL : -1;
}

const char *cm_cmd_db_path(const cm_cmd_ctx *ctx)
{
	return cm_index_path(ctx->ix);
}

/* The warning for each shard down, and the JSON line saying so. */
static void report_partial(const cm_cmd_ctx *ctx)
{
	size_t n = cm_index_shards(ctx->ix);

	if (!cm_index_shards_down(ctx->ix))
		return;
	for (size_t i = 0; i < n; i++)
		if (cm_index_shard_down(ctx->ix, i))
			cm_diag(CM_PROGRAM, NULL,
				"shard %s did not answer: the answer lacks its documents "
				"(partial; --all-shards makes this a failure)",
				cm_index_shard_name(ctx->ix, i));
	if (ctx->json && cm_index_write_partial_json(stdout, ctx->ix) < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
}

void cm_cmd_release(cm_cmd_ctx *ctx)
{
	if (ctx->ix)
		report_partial(ctx);
	cm_index_free(ctx->ix);
	free(ctx->merged);
	free(ctx->db_paths);
	free(ctx->resolved);
	ctx->ix = NULL;
	ctx->merged = NULL;
	ctx->db_paths = NULL;
	ctx->resolved = NULL;
}
