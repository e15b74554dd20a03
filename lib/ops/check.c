/* SPDX-License-Identifier: GPL-2.0-or-later */

/* check.c: the check operation (chimuc/check.h): Xapian's checker on the
 * index's folder, then one pass over every document (its data through
 * cm_docinfo_load, its id term's frequency, its file's hash when the file
 * is unchanged), gathering the problems and, on request, the entries. */
#include "chimuc/check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/array.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/source.h"

struct cm_check_result {
	const char *path;
	size_t errors;
	char *report;
	cm_array_t(cm_check_problem) problems;
	cm_array_t(cm_check_entry) entries;
};

typedef struct {
	cm_check_result *r;
	const cm_check_options *o;
} check;

const char *cm_check_kind_message(cm_check_kind kind)
{
	switch (kind) {
	case CM_CHECK_UNREADABLE: return "document data unreadable";
	case CM_CHECK_ID_TERM: return "id term missing or not unique";
	case CM_CHECK_HASH: return "content hash differs from the file";
	}
	return "";
}

static void release(cm_check_result *r)
{
	for (size_t i = 0; i < r->problems.size; i++) {
		free((char *)r->problems.ptr[i].path);
		free((char *)r->problems.ptr[i].message);
	}
	for (size_t i = 0; i < r->entries.size; i++) {
		free((char *)r->entries.ptr[i].path);
		free((char *)r->entries.ptr[i].hash);
	}
	cm_array_clear(r->problems);
	cm_array_clear(r->entries);
}

/* A problem of document docid; path and message are copied. */
static int add_problem(cm_check_result *r, cm_check_kind kind, unsigned docid, const char *path,
		       const char *message)
{
	cm_check_problem *p = cm_array_alloc(r->problems);

	if (!p)
		return cm_error_nomem();
	p->kind = kind;
	p->docid = docid;
	if ((path && !(p->path = strdup(path))) || (message && !(p->message = strdup(message))))
		return cm_error_nomem();
	return 0;
}

/* 1 if the document's file is unchanged (same mtime) and its hash differs. */
static int hash_mismatch(const cm_docinfo *info, cm_xdoc *doc)
{
	struct stat st;
	char mtime[CM_MTIME_MAX], want[CM_HASH_MAX], *stored = NULL, *hash = NULL;
	size_t n;
	cm_source *src = NULL;
	int bad = 0;

	if (stat(info->path, &st) < 0)
		return 0;
	cm_mtime_format(mtime, sizeof mtime, &st.st_mtim);
	if (cm_xdoc_get_value(&stored, &n, doc, CM_SLOT_MTIME) < 0 || strcmp(stored, mtime) ||
	    cm_xdoc_get_value(&hash, &n, doc, CM_SLOT_HASH) < 0 ||
	    cm_source_load(&src, info->path, UINT64_MAX, 1) < 0)
		goto cleanup;
	cm_hash_format(want, sizeof want, src->hash);
	bad = strcmp(want, hash) != 0;
cleanup:
	cm_source_free(src);
	free(stored);
	free(hash);
	return bad;
}

/* The entry of a readable document; none when its slots or data cannot be
 * read. */
static int add_entry(cm_check_result *r, const cm_docinfo *info, cm_xdoc *doc)
{
	cm_check_entry *e;
	char *hash = NULL, *data = NULL;
	size_t hlen, dlen;
	unsigned terms;
	int rc = 0;

	if (cm_xdoc_termcount(&terms, doc) < 0 ||
	    cm_xdoc_get_value(&hash, &hlen, doc, CM_SLOT_HASH) < 0 ||
	    cm_xdoc_get_data(&data, &dlen, doc) < 0)
		goto cleanup;
	if (!(e = cm_array_alloc(r->entries)) || !(e->path = strdup(info->path))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	e->hash = hash;
	e->terms = terms;
	e->data_bytes = dlen;
	hash = NULL;
cleanup:
	free(hash);
	free(data);
	return rc;
}

/* The checks of document id. */
static int check_doc(check *c, cm_xdb *db, cm_xdocid id)
{
	cm_xdoc *doc = NULL;
	cm_docinfo *info = NULL;
	char term[CM_ID_TERM_MAX + 1];
	size_t tlen;
	unsigned freq;
	int rc;

	if ((rc = cm_xdb_get_document(&doc, db, id)) < 0)
		return rc;
	if (cm_docinfo_load(&info, doc) < 0) {
		rc = add_problem(c->r, CM_CHECK_UNREADABLE, id, NULL, cm_error_last());
		goto cleanup;
	}
	cm_document_id_term(term, &tlen, info->path);
	if ((cm_xdb_termfreq(&freq, db, term, tlen) < 0 || freq != 1) &&
	    (rc = add_problem(c->r, CM_CHECK_ID_TERM, id, info->path, NULL)) < 0)
		goto cleanup;
	if (hash_mismatch(info, doc) &&
	    (rc = add_problem(c->r, CM_CHECK_HASH, id, info->path, NULL)) < 0)
		goto cleanup;
	if (c->o->entries)
		rc = add_entry(c->r, info, doc);
cleanup:
	cm_docinfo_free(info);
	cm_xdoc_free(doc);
	return rc;
}

/* The order of the entries: that of their lines, whose fields end in a
 * tab. */
static int field_cmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (*a ? (unsigned char)*a : '\t') - (*b ? (unsigned char)*b : '\t');
}

static int by_path(const void *pa, const void *pb)
{
	const cm_check_entry *a = pa, *b = pb;
	int d = field_cmp(a->path, b->path);

	if (d == 0)
		d = field_cmp(a->hash, b->hash);
	if (d == 0)
		d = (a->terms > b->terms) - (a->terms < b->terms);
	return d ? d : (a->data_bytes > b->data_bytes) - (a->data_bytes < b->data_bytes);
}

static int check_docs(void *ctx, cm_xdb *db)
{
	check *c = ctx;
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	release(c->r);
	if ((rc = cm_xdb_postings(&it, db, "", 0)) < 0)
		return rc;
	while ((rc = cm_xpostings_next(&id, &wdf, it)) == 1)
		if ((rc = check_doc(c, db, id)) < 0)
			break;
	cm_xpostings_free(it);
	if (rc < 0)
		return rc;
	if (c->r->entries.size > 1)
		qsort(c->r->entries.ptr, c->r->entries.size, sizeof *c->r->entries.ptr, by_path);
	return 0;
}

/* Xapian's checker on the folder of every local shard (a remote one cannot
 * be checked from here), the errors summed, the reports joined. */
static int check_folders(cm_check_result *r, cm_index *ix)
{
	for (size_t i = 0; i < cm_index_shards(ix); i++) {
		const char *folder = cm_index_shard_folder(ix, i);
		char *report = NULL, *joined;
		size_t errors, had;
		int rc;
		if (!folder)
			continue;
		if ((rc = cm_xdb_check(&errors, &report, folder)) < 0)
			return rc;
		r->errors += errors;
		if (!r->report) {
			r->report = report;
			continue;
		}
		had = strlen(r->report);
		joined = realloc(r->report, had + strlen(report) + 1);
		if (!joined) {
			free(report);
			return cm_error_nomem();
		}
		strcpy(joined + had, report);
		r->report = joined;
		free(report);
	}
	return 0;
}

int cm_check(cm_check_result **out, cm_index *ix, const cm_check_options *opts)
{
	static const cm_check_options defaults = CM_CHECK_OPTIONS_INIT;
	check c = {.o = opts ? opts : &defaults};
	int rc;

	*out = NULL;
	if (c.o->version != CM_CHECK_OPTIONS_VERSION)
		return cm_error_version("check", c.o->version, CM_CHECK_OPTIONS_VERSION);
	if (!(c.r = calloc(1, sizeof *c.r)))
		return cm_error_nomem();
	c.r->path = cm_index_path(ix);
	if ((rc = check_folders(c.r, ix)) == 0)
		rc = cm_index_read(ix, check_docs, &c);
	if (rc < 0)
		cm_check_free(c.r);
	else
		*out = c.r;
	return rc;
}

void cm_check_free(cm_check_result *r)
{
	if (!r)
		return;
	release(r);
	free(r->report);
	free(r);
}

int cm_check_ok(const cm_check_result *r)
{
	return r->errors == 0 && r->problems.size == 0;
}

const char *cm_check_path(const cm_check_result *r)
{
	return r->path;
}

size_t cm_check_xapian_errors(const cm_check_result *r)
{
	return r->errors;
}

const char *cm_check_xapian_report(const cm_check_result *r)
{
	return r->report ? r->report : "";
}

size_t cm_check_problems(const cm_check_result *r)
{
	return r->problems.size;
}

const cm_check_problem *cm_check_problem_get(const cm_check_result *r, size_t i)
{
	return i < r->problems.size ? &r->problems.ptr[i] : NULL;
}

size_t cm_check_entries(const cm_check_result *r)
{
	return r->entries.size;
}

const cm_check_entry *cm_check_entry_get(const cm_check_result *r, size_t i)
{
	return i < r->entries.size ? &r->entries.ptr[i] : NULL;
}
