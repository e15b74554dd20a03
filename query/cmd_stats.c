/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_stats.c: `chimuc stats`: the number of documents and the size of the
 * index on disk. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc stats [--db DIR] [--json]\n"
	"Print the number of documents and the size of the index in bytes.\n"
	"With --json: one object with documents, bytes and db.\n";

/* The total size of the regular files directly in the index folder. */
static unsigned long long folder_bytes(const char *path)
{
	unsigned long long total = 0;
	DIR *dir = opendir(path);
	struct dirent *de;

	if (!dir)
		return 0;
	while ((de = readdir(dir))) {
		struct stat st;
		char file[4096];
		if (snprintf(file, sizeof file, "%s/%s", path, de->d_name) >= (int)sizeof file)
			continue;
		if (lstat(file, &st) == 0 && S_ISREG(st.st_mode))
			total += (unsigned long long)st.st_size;
	}
	closedir(dir);
	return total;
}

int cm_cmd_stats(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const cm_cmd_options opts = {"", NULL, usage_text};
	const char *dbpath;
	cm_xdb *db;
	unsigned docs;
	unsigned long long bytes;
	int status;

	if (cm_cmd_getopt(ctx, argc, argv, &opts) < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	db = cm_index_xdb(ctx->ix);
	dbpath = cm_cmd_db_path(ctx);
	if (cm_xdb_doccount(&docs, db) < 0) {
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
		return CM_EXIT_FAIL;
	}
	bytes = folder_bytes(dbpath);
	if (ctx->json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "documents", json_object_new_int64(docs));
		json_object_object_add(o, "bytes", json_object_new_int64((int64_t)bytes));
		json_object_object_add(o, "db", json_object_new_string(dbpath));
		cm_cli_json_line(o);
	} else {
		printf("documents: %u\nbytes: %llu\ndb: %s\n", docs, bytes, dbpath);
	}
	return CM_EXIT_OK;
}
