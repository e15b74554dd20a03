/* SPDX-License-Identifier: GPL-2.0-or-later */

/* docpath.c: canonical absolute paths of documents (see chimuc/docpath.h). */
#include "chimuc/docpath.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/error.h"

static int resolve(char **out, const char *path)
{
	if ((*out = realpath(path, NULL)))
		return 0;
	if (errno == ENOMEM)
		return cm_error_nomem();
	return cm_error_set(errno == ENOENT || errno == ENOTDIR ? CM_ENOTFOUND : CM_EIO, "%s",
			    strerror(errno));
}

/* dir + "/" + base, without doubling the slash of "/". */
static int join(char **out, const char *dir, const char *base, size_t blen)
{
	size_t dlen = strlen(dir), n = dlen + 1 + blen + 1;
	char *s = malloc(n);

	if (!s)
		return cm_error_nomem();
	snprintf(s, n, "%s%s%.*s", dir, dir[dlen - 1] == '/' ? "" : "/", (int)blen, base);
	*out = s;
	return 0;
}

int cm_docpath_canonical(char **out, const char *path, int follow)
{
	char *copy = strdup(path), *slash, *dir = NULL, *joined = NULL;
	const char *base;
	size_t n;
	struct stat st;
	int rc;

	if (!copy)
		return cm_error_nomem();
	n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	slash = strrchr(copy, '/');
	base = slash ? slash + 1 : copy;
	if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
		rc = resolve(out, copy);
		goto cleanup;
	}
	if (slash == copy)
		rc = resolve(&dir, "/");
	else if (slash) {
		*slash = '\0';
		rc = resolve(&dir, copy);
	} else {
		rc = resolve(&dir, ".");
	}
	if (rc < 0 || (rc = join(&joined, dir, base, strlen(base))) < 0)
		goto cleanup;
	if (follow && lstat(joined, &st) == 0 && S_ISLNK(st.st_mode) && resolve(out, joined) == 0)
		goto cleanup;
	*out = joined;
	joined = NULL;
	rc = 0;
cleanup:
	free(joined);
	free(dir);
	free(copy);
	return rc;
}
