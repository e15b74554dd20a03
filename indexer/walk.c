/* SPDX-License-Identifier: GPL-2.0-or-later */

/* walk.c: walks folders in sorted order and hands every document file to
 * ingest.c. Hidden entries (".name") are passed over; symbolic links are
 * reported and skipped unless --follow, which guards against loops; FIFOs,
 * sockets and devices are reported and skipped, never opened. Each folder is
 * read and closed before descending, so open descriptors stay flat. Also
 * prunes the index of files that vanished below a walked folder. */
#include "indexer.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"

/* File names the walk treats as documents. */
static const char *const document_suffixes[] = {".txt", ".md",    ".text", ".markdown", ".html",
						".htm", ".xhtml", ".xml",  ".docx",     ".pdf"};

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
static int unreadable_folder(cm_indexer *ix, const char *path, int err)
{
	size_t n = strlen(path);
	char *prefix = malloc(n + 3);
	int rc;

	ix->seen++;
	ix->skipped++;
	cm_diag(CM_INDEXER_PROGRAM, path,
		"skipped folder: cannot open: %s (documents indexed below it are kept)",
		strerror(err));
	if (!prefix)
		return cm_error_nomem();
	rc = cm_term_id_folder(prefix, n + 3, path);
	if (rc > 0)
		rc = cm_strlist_add(&ix->unread, prefix, (size_t)rc);
	free(prefix);
	return rc;
}

/* The sorted names in folder path, without "." entries. *out is NULL and the
 * problem reported when the folder cannot be read. */
static int list_folder(char ***out, size_t *out_n, cm_indexer *ix, const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*out_n = 0;
	if (!dir)
		return unreadable_folder(ix, path, errno);
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **v;
			cap = cap ? 2 * cap : 64;
			if (!(v = realloc(names, cap * sizeof *v)))
				goto nomem;
			names = v;
		}
		if (!(names[n] = strdup(de->d_name)))
			goto nomem;
		n++;
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	*out = names;
	*out_n = n;
	return 0;
nomem:
	closedir(dir);
	free_names(names, n);
	return cm_error_nomem();
}

static int seen_before(const visited *v, const struct stat *st)
{
	for (; v; v = v->up)
		if (v->dev == st->st_dev && v->ino == st->st_ino)
			return 1;
	return 0;
}

static int walk(cm_indexer *ix, const char *path, const visited *up);

static int skip_entry(cm_indexer *ix, const char *path, const char *why)
{
	ix->seen++;
	ix->skipped++;
	cm_diag(CM_INDEXER_PROGRAM, path, "skipped: %s", why);
	return 0;
}

static int visit(cm_indexer *ix, const char *path, const char *name, const visited *up)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return skip_entry(ix, path, strerror(errno));
	if (S_ISLNK(st.st_mode)) {
		if (!ix->follow)
			return skip_entry(ix, path, "symbolic link (not followed; see --follow)");
		if (stat(path, &st) < 0)
			return skip_entry(ix, path, "dangling symbolic link");
	}
	if (S_ISDIR(st.st_mode)) {
		visited here = {st.st_dev, st.st_ino, up};
		if (seen_before(up, &st))
			return skip_entry(ix, path, "symbolic link loop");
		return walk(ix, path, &here);
	}
	if (!is_document_name(name)) {
		ix->ignored++;
		return 0;
	}
	if (!S_ISREG(st.st_mode))
		return skip_entry(ix, path, "not a regular file");
	return cm_indexer_found(ix, path, &st);
}

static int walk(cm_indexer *ix, const char *path, const visited *up)
{
	char **names;
	size_t n, plen = strlen(path);
	int rc = 0;

	if ((rc = list_folder(&names, &n, ix, path)) < 0 || !names)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t len = plen + 1 + strlen(names[i]) + 1;
		char *child = malloc(len);
		if (!child) {
			rc = cm_error_nomem();
			break;
		}
		snprintf(child, len, "%s%s%s", path, path[plen - 1] == '/' ? "" : "/", names[i]);
		rc = visit(ix, child, names[i], up);
		free(child);
	}
	free_names(names, n);
	return rc;
}

int cm_indexer_found(cm_indexer *ix, const char *path, const struct stat *st)
{
	cm_filelist *l = ix->found;
	struct found_file *f;

	if (!l)
		return cm_indexer_file(ix, path, st);
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 1024;
		struct found_file *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return cm_error_nomem();
		l->v = v;
		l->cap = cap;
	}
	f = &l->v[l->n];
	if (!(f->path = strdup(path)))
		return cm_error_nomem();
	f->st = *st;
	l->n++;
	return 0;
}

int cm_indexer_walk(cm_indexer *ix, const char *root)
{
	struct stat st;
	visited top;

	if (stat(root, &st) < 0)
		return cm_error_set(CM_ENOTFOUND, "%s", strerror(errno));
	top = (visited){st.st_dev, st.st_ino, NULL};
	return walk(ix, root, &top);
}

int cm_indexer_kept(cm_indexer *ix, const char *idterm)
{
	return cm_strlist_has(&ix->kept, idterm) || cm_strlist_has_prefix_of(&ix->unread, idterm);
}

int cm_indexer_prune(cm_indexer *ix, const char *root)
{
	size_t rlen = strlen(root), plen;
	char *prefix = malloc(rlen + 3);
	cm_strlist gone = {0};
	cm_xterms *it = NULL;
	const char *term;
	size_t len;
	unsigned count;
	int rc;

	if (!prefix)
		return cm_error_nomem();
	if ((rc = cm_term_id_folder(prefix, rlen + 3, root)) < 0)
		goto cleanup;
	plen = (size_t)rc;
	if ((rc = cm_xdb_allterms(&it, ix->db, prefix, plen)) < 0)
		goto cleanup;
	while ((rc = cm_xterms_next(&term, &len, &count, it)) == 1)
		if (!cm_indexer_kept(ix, term) && (rc = cm_strlist_add(&gone, term, len)) < 0)
			break;
	for (size_t i = 0; i < gone.n && rc >= 0; i++) {
		rc = cm_xdb_delete_by_term(ix->db, gone.v[i], strlen(gone.v[i]));
		ix->seen++;
		ix->removed++;
		ix->pending++;
	}
cleanup:
	cm_xterms_free(it);
	cm_strlist_free(&gone);
	free(prefix);
	return rc;
}
