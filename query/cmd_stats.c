/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_stats.c: `chimuc stats`: the number of documents and the size of the
 * index on disk. */
#include <dirent.h>
#include <getopt.h>
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

int cm_cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	const char *dbopt = NULL;
	cm_xdb *db = NULL;
	char *dbpath = NULL;
	unsigned docs;
	unsigned long long bytes;
	int c, json = 0, status;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'j': json = 1; break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("stats", "unknown option");
		}
	}
	if (optind < argc)
		return cm_cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cli_open(&db, &dbpath, dbopt)) >= 0)
		return status;
	if (cm_xdb_doccount(&docs, db) < 0) {
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
		cm_xdb_free(db);
		free(dbpath);
		return CM_EXIT_FAIL;
	}
	bytes = folder_bytes(dbpath);
	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "documents", json_object_new_int64(docs));
		json_object_object_add(o, "bytes", json_object_new_int64((int64_t)bytes));
		json_object_object_add(o, "db", json_object_new_string(dbpath));
		cm_cli_json_line(o);
	} else {
		printf("documents: %u\nbytes: %llu\ndb: %s\n", docs, bytes, dbpath);
	}
	cm_xdb_free(db);
	free(dbpath);
	return CM_EXIT_OK;
}
