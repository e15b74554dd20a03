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

enum { OPT_DB = 0x2001, OPT_JSON };

static const struct option common_options[] = {
	{"db", required_argument, NULL, OPT_DB},
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
	if (flags & CM_CMD_INDEX)
		v[k++] = common_options[0];
	if (flags & CM_CMD_JSON)
		v[k++] = common_options[1];
	v[k++] = common_options[2];
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
		case OPT_DB: ctx->db_path = optarg; break;
		case OPT_JSON: ctx->json = 1; break;
		case 'h': fputs(opts->help, stdout); return stop(ctx, CM_EXIT_OK);
		case '?':
		case ':': return stop(ctx, cm_front_bad_option(CM_PROGRAM, ctx->name));
		default: return c;
		}
	}
}

int cm_cmd_open(cm_cmd_ctx *ctx)
{
	char *path = NULL;
	int rc;

	if (cm_dbpath_resolve(&path, ctx->db_path) < 0) {
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
		return CM_EXIT_USAGE;
	}
	rc = cm_index_open(&ctx->ix, path);
	if (rc == CM_ENOTFOUND)
		cm_diag(CM_PROGRAM, path,
			"no index here (build one with chimuc-index --db %s PATH)", path);
	else if (rc < 0)
		cm_diag(CM_PROGRAM, path, "cannot open the index: %s", cm_error_last());
	free(path);
	return rc < 0 ? CM_EXIT_FAIL : -1;
}

const char *cm_cmd_db_path(const cm_cmd_ctx *ctx)
{
	return cm_index_path(ctx->ix);
}

void cm_cmd_release(cm_cmd_ctx *ctx)
{
	cm_index_free(ctx->ix);
	free(ctx->merged);
	ctx->ix = NULL;
	ctx->merged = NULL;
}
