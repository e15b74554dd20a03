/* SPDX-License-Identifier: GPL-2.0-or-later */

/* walk.c: walks folders in sorted order and hands every document file to
 * cm_build_found (found.c). Hidden entries (".name") are passed over;
 * symbolic links are told and skipped unless opts->follow, which guards
 * against loops; FIFOs,
 * sockets and devices are reported and skipped, never opened. Each folder is
 * read and closed before descending, so open descriptors stay flat. */
#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"

/* File names the walk treats as documents (scanned images too: OCR reads
 * them). */
static const char *const document_suffixes[] = {".txt", ".md",    ".text", ".markdown", ".html",
						".htm", ".xhtml", ".xml",  ".docx",     ".pdf",
						".png", ".jpg",   ".jpeg", ".tif",      ".tiff"};

typedef struct visited {
	dev_t dev;
	ino_t ino;
	const struct visited *up;
} visited;

static int is_document_name(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof document_suffixes / sizeof document_suffixes[0]; i++) {
		size_t k = strlen(document_suffixes[i]);
		if (n > k && strcasecmp(name + n - k, document_suffixes[i]) == 0)
			return 1;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Reports a folder that cannot be read; the documents below it stay in the
 * index, since this run cannot tell whether their files are gone. */
static int unreadable_folder(cm_build *b, const char *path, int err)
{
	b->counts.seen++;
	cm_build_event(b, CM_INDEXER_SKIPPED, path,
		       "skipped folder: cannot open: %s (documents indexed below it are kept)",
		       strerror(err));
	return cm_build_keep_unread(b, path);
}

/* The sorted names in folder path, without "." entries. *out is NULL when
 * there is none, or the folder cannot be read (an event). */
static int list_folder(char ***out, size_t *out_n, cm_build *b, const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	cm_array_t(char *) names = CM_ARRAY_INIT;
	char **slot;

	*out = NULL;
	*out_n = 0;
	if (!dir)
		return unreadable_folder(b, path, errno);
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		if (!(slot = cm_array_alloc(names)) || !(*slot = strdup(de->d_name))) {
			closedir(dir);
			free_names(names.ptr, names.size);
			return cm_error_nomem();
		}
	}
	closedir(dir);
	if (names.size > 0)
		qsort(names.ptr, names.size, sizeof *names.ptr, by_name);
	*out = names.ptr;
	*out_n = names.size;
	return 0;
}

static int seen_before(const visited *v, const struct stat *st)
{
	for (; v; v = v->up)
		if (v->dev == st->st_dev && v->ino == st->st_ino)
			return 1;
	return 0;
}

static int walk(cm_build *b, const char *path, const visited *up);

static int skip_entry(cm_build *b, const char *path, const char *why)
{
	b->counts.seen++;
	cm_build_event(b, CM_INDEXER_SKIPPED, path, "skipped: %s", why);
	return 0;
}

static int visit(cm_build *b, const char *path, const char *name, const visited *up)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return skip_entry(b, path, strerror(errno));
	if (S_ISLNK(st.st_mode)) {
		if (!b->opts->follow)
			return skip_entry(b, path, "symbolic link (not followed; see --follow)");
		if (stat(path, &st) < 0)
			return skip_entry(b, path, "dangling symbolic link");
	}
	if (S_ISDIR(st.st_mode)) {
		visited here = {st.st_dev, st.st_ino, up};
		if (seen_before(up, &st))
			return skip_entry(b, path, "symbolic link loop");
		return walk(b, path, &here);
	}
	if (!is_document_name(name)) {
		b->counts.ignored++;
		return 0;
	}
	if (!S_ISREG(st.st_mode))
		return skip_entry(b, path, "not a regular file");
	return cm_build_found(b, path, &st);
}

static int walk(cm_build *b, const char *path, const visited *up)
{
	char **names;
	size_t n, plen = strlen(path);
	int rc = 0;

	if ((rc = list_folder(&names, &n, b, path)) < 0 || !names)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t len = plen + 1 + strlen(names[i]) + 1;
		char *child = malloc(len);
		if (!child) {
			rc = cm_error_nomem();
			break;
		}
		snprintf(child, len, "%s%s%s", path, path[plen - 1] == '/' ? "" : "/", names[i]);
		rc = visit(b, child, names[i], up);
		free(child);
	}
	free_names(names, n);
	return rc;
}

int cm_build_walk(cm_build *b, const char *root)
{
	struct stat st;
	visited top;

	if (stat(root, &st) < 0)
		return cm_error_set(CM_ENOTFOUND, "%s", strerror(errno));
	top = (visited){st.st_dev, st.st_ino, NULL};
	return walk(b, root, &top);
}
