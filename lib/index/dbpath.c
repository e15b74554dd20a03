/* SPDX-License-Identifier: GPL-2.0-or-later */

/* dbpath.c: resolves the index location from --db, the environment and the
 * XDG default, and creates its parent folders for a first run. */
#include "chimuc/dbpath.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/error.h"

static int dup_or_enomem(char **out, const char *s)
{
	*out = strdup(s);
	return *out ? 0 : cm_error_nomem();
}

int cm_dbpath_resolve(char **out, const char *option)
{
	const char *env;
	char *path;
	size_t n;

	if (option && *option)
		return dup_or_enomem(out, option);
	if ((env = getenv("CHIMUC_DB")) && *env)
		return dup_or_enomem(out, env);
	if ((env = getenv("XDG_DATA_HOME")) && *env == '/') {
		n = strlen(env) + sizeof "/chimuc/index";
		if (!(path = malloc(n)))
			return cm_error_nomem();
		snprintf(path, n, "%s/chimuc/index", env);
		*out = path;
		return 0;
	}
	if ((env = getenv("HOME")) && *env) {
		n = strlen(env) + sizeof "/.local/share/chimuc/index";
		if (!(path = malloc(n)))
			return cm_error_nomem();
		snprintf(path, n, "%s/.local/share/chimuc/index", env);
		*out = path;
		return 0;
	}
	return cm_error_set(CM_EINVAL, "no index given: use --db DIR or set CHIMUC_DB");
}

int cm_dbpath_make_parents(const char *path)
{
	char *buf = strdup(path);
	int rc = 0;

	if (!buf)
		return cm_error_nomem();
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) < 0 && errno != EEXIST) {
			rc = cm_error_set(CM_EIO, "%s: cannot create folder: %s", buf,
					  strerror(errno));
			break;
		}
		*p = '/';
	}
	free(buf);
	return rc;
}
