/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_check.c: the check operation (chimuc/check.h): the index of the five
 * sample directives is sound, and its entries are one per document, sorted
 * by path; an index of copies of three samples, then damaged (one file
 * rewritten under its old mtime, one document's data replaced by garbage,
 * one document's id term removed), has exactly those three problems; the
 * writers; a bad options version. */
#define _GNU_SOURCE /* asprintf, open_memstream */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/check.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/xapian_c.h"
#include "test_index.h"

#define S000 "000_04ed2d92d4fbe0fc.txt"
#define S001 "001_37328ef8013521d8.txt"
#define S002 "002_b5165427152976bf.txt"

static const char *base(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s ? s + 1 : path;
}

/* The page written by one of the writers, as a string. */
static char *written(const cm_check_result *r, int which)
{
	char *s = NULL;
	size_t n;
	FILE *f = open_memstream(&s, &n);

	cr_assert(f);
	cr_assert_eq(which == 0   ? cm_check_write_text(f, r)
		     : which == 1 ? cm_check_write_problems(f, "chimuc", r)
				  : cm_check_write_entries(f, r),
		     0);
	fclose(f);
	return s;
}

Test(check, the_samples_are_sound)
{
	static const char *const files[] = {S000, S001, S002, "003_33f224fdd1db13f7.txt",
					    "004_3c74891c68df0f2c.txt"};
	char *path = cm_test_sample_index(), *text, *problems, *entries, want[4096];
	cm_check_options o = CM_CHECK_OPTIONS_INIT;
	cm_check_result *r;
	cm_index *ix;

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	cr_assert_eq(cm_check(&r, ix, NULL), 0, "%s", cm_error_last());
	cr_expect(cm_check_ok(r));
	cr_expect_eq(cm_check_xapian_errors(r), 0);
	cr_expect(strstr(cm_check_xapian_report(r), "checked"), "the checker's report");
	cr_expect_eq(cm_check_problems(r), 0);
	cr_expect_null(cm_check_problem_get(r, 0));
	cr_expect_eq(cm_check_entries(r), 0, "no entries unless asked");
	cr_expect_str_eq(cm_check_path(r), path);
	text = written(r, 0);
	snprintf(want, sizeof want, "%s: the index is consistent\n", path);
	cr_expect_str_eq(text, want);
	problems = written(r, 1);
	cr_expect_str_eq(problems, "");
	free(text);
	free(problems);
	cm_check_free(r);

	o.entries = 1;
	cr_assert_eq(cm_check(&r, ix, &o), 0, "%s", cm_error_last());
	cr_assert_eq(cm_check_entries(r), 5);
	for (size_t i = 0; i < 5; i++) {
		const cm_check_entry *e = cm_check_entry_get(r, i);
		cr_expect_str_eq(base(e->path), files[i], "entry %zu", i);
		cr_expect_eq(strlen(e->hash), 16, "%s", e->hash);
		cr_expect_eq(strspn(e->hash, "0123456789abcdef"), 16, "%s", e->hash);
		cr_expect_gt(e->terms, 100);
		cr_expect_gt(e->data_bytes, 1000);
	}
	cr_expect_null(cm_check_entry_get(r, 5));
	entries = written(r, 2);
	snprintf(want, sizeof want, "%s\t%s\t%u\t%zu\n", cm_check_entry_get(r, 0)->path,
		 cm_check_entry_get(r, 0)->hash, cm_check_entry_get(r, 0)->terms,
		 cm_check_entry_get(r, 0)->data_bytes);
	cr_expect(!strncmp(entries, want, strlen(want)), "%s", entries);
	free(entries);
	cm_check_free(r);
	cm_index_free(ix);
	free(path);
}

/* Copies the sample file into dir. */
static char *copy(const char *dir, const char *file)
{
	char *from, *to, buf[65536];
	FILE *in, *out;
	size_t n;

	cr_assert(asprintf(&from, "%s/corpus/%s", CM_SOURCE_DIR, file) > 0);
	cr_assert(asprintf(&to, "%s/%s", dir, file) > 0);
	cr_assert((in = fopen(from, "rb")) && (out = fopen(to, "wb")));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		cr_assert_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	cr_assert_eq(fclose(out), 0);
	free(from);
	return to;
}

/* Rewrites the file's first byte and gives it back its mtime. */
static void rewrite_keeping_mtime(const char *path)
{
	struct stat st;
	struct timespec times[2];
	FILE *f;

	cr_assert_eq(stat(path, &st), 0);
	cr_assert((f = fopen(path, "r+b")));
	cr_assert_eq(fputc('#', f), '#');
	cr_assert_eq(fclose(f), 0);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	cr_assert_eq(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* The document of path in the writable db, and its id. */
static cm_xdoc *doc_of(cm_xdocid *id, cm_xdb *db, const char *path)
{
	char term[CM_ID_TERM_MAX + 1];
	size_t len;
	unsigned wdf;
	cm_xpostings *it;
	cm_xdoc *doc;

	cm_document_id_term(term, &len, path);
	cr_assert_eq(cm_xdb_postings(&it, db, term, len), 0);
	cr_assert_eq(cm_xpostings_next(id, &wdf, it), 1);
	cm_xpostings_free(it);
	cr_assert_eq(cm_xdb_get_document(&doc, db, *id), 0);
	return doc;
}

Test(check, a_damaged_index_has_its_problems)
{
	const char *tmp = getenv("TMPDIR");
	char *dir, *files[3], *path, *problems, want[8192];
	cm_xdb *db;
	cm_xdoc *doc;
	cm_xdocid garbled, unnamed;
	cm_check_result *r;
	cm_index *ix;
	char term[CM_ID_TERM_MAX + 1];
	size_t len;
	int seen[3] = {0};

	cr_assert(asprintf(&dir, "%s/cmtest-check-XXXXXX", tmp && *tmp ? tmp : "/tmp") > 0);
	cr_assert(mkdtemp(dir));
	files[0] = copy(dir, S000);
	files[1] = copy(dir, S001);
	files[2] = copy(dir, S002);
	path = cm_test_index((const char *const *)files, 3);

	rewrite_keeping_mtime(files[0]);
	cr_assert_eq(cm_xdb_open_writable(&db, path, CM_XDB_OPEN), 0, "%s", cm_error_last());
	doc = doc_of(&garbled, db, files[1]);
	cr_assert_eq(cm_xdoc_set_data(doc, "not json", 8), 0);
	cr_assert_eq(cm_xdb_replace_document(db, garbled, doc), 0);
	cm_xdoc_free(doc);
	doc = doc_of(&unnamed, db, files[2]);
	cm_document_id_term(term, &len, files[2]);
	cr_assert_eq(cm_xdoc_remove_term(doc, term, len), 0);
	cr_assert_eq(cm_xdb_replace_document(db, unnamed, doc), 0);
	cm_xdoc_free(doc);
	cr_assert_eq(cm_xdb_commit(db), 0);
	cr_assert_eq(cm_xdb_free(db), 0);

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	cr_assert_eq(cm_check(&r, ix, NULL), 0, "%s", cm_error_last());
	cr_expect_not(cm_check_ok(r));
	cr_expect_eq(cm_check_xapian_errors(r), 0);
	cr_assert_eq(cm_check_problems(r), 3);
	for (size_t i = 0; i < 3; i++) {
		const cm_check_problem *p = cm_check_problem_get(r, i);
		switch (p->kind) {
		case CM_CHECK_HASH:
			cr_expect_str_eq(p->path, files[0]);
			cr_expect_null(p->message);
			break;
		case CM_CHECK_UNREADABLE:
			cr_expect_eq(p->docid, garbled);
			cr_expect_null(p->path);
			cr_expect(p->message && *p->message);
			break;
		case CM_CHECK_ID_TERM:
			cr_expect_eq(p->docid, unnamed);
			cr_expect_str_eq(p->path, files[2]);
			break;
		}
		cr_expect_not(seen[p->kind]++, "one problem of each kind");
		cr_expect(i == 0 || cm_check_problem_get(r, i - 1)->docid < p->docid,
			  "in docid order");
	}
	problems = written(r, 1);
	snprintf(want, sizeof want, "chimuc: %s: %s\n", files[0],
		 cm_check_kind_message(CM_CHECK_HASH));
	cr_expect(strstr(problems, want), "%s", problems);
	snprintf(want, sizeof want, "chimuc: %s: id term missing or not unique\n", files[2]);
	cr_expect(strstr(problems, want), "%s", problems);
	snprintf(want, sizeof want, "chimuc: document %u: ", garbled);
	cr_expect(strstr(problems, want), "%s", problems);
	free(problems);
	problems = written(r, 0);
	cr_expect_str_eq(problems, "", "no verdict for a damaged index");
	free(problems);
	cm_check_free(r);
	cm_index_free(ix);
	for (size_t i = 0; i < 3; i++)
		free(files[i]);
	free(path);
	free(dir);
}

Test(check, a_bad_options_version)
{
	char *path = cm_test_sample_index();
	cm_check_options o = {CM_CHECK_OPTIONS_VERSION + 1, 0};
	cm_check_result *r;
	cm_index *ix;

	cr_assert_eq(cm_index_open(&ix, path), 0, "%s", cm_error_last());
	cr_expect_eq(cm_check(&r, ix, &o), CM_EINVAL);
	cr_expect_null(r);
	cr_expect(strstr(cm_error_last(), "version"), "%s", cm_error_last());
	cm_index_free(ix);
	free(path);
}
