/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stats.c: the stats operation (chimuc/stats.h): the number of documents,
 * read through cm_index_read, and the size of the index's folders. */
#include "chimuc/stats.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>

#include "chimuc/error.h"

/* The total size of the regular files directly in the folder at path. */
static uint64_t folder_bytes(const char *path)
{
	uint64_t total = 0;
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
			total += (uint64_t)st.st_size;
	}
	closedir(dir);
	return total;
}

static int count(void *ctx, cm_xdb *db)
{
	return cm_xdb_doccount(ctx, db);
}

int cm_stats(cm_stats_info *out, cm_index *ix, const cm_stats_options *opts)
{
	int rc;

	*out = (cm_stats_info){.path = cm_index_path(ix)};
	if (opts && opts->version != CM_STATS_OPTIONS_VERSION)
		return cm_error_version("stats", opts->version, CM_STATS_OPTIONS_VERSION);
	if ((rc = cm_index_read(ix, count, &out->documents)) < 0)
		return rc;
	out->shards = cm_index_shards(ix);
	for (size_t i = 0; i < out->shards; i++)
		if (cm_index_shard_folder(ix, i))
			out->bytes += folder_bytes(cm_index_shard_folder(ix, i));
	return 0;
}
