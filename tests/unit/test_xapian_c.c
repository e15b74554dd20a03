/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_xapian_c.c: the Xapian C binding against real databases in a fresh
 * temporary directory per test: every function, the exception-to-code
 * mapping on error paths, and what Xapian's operators, weights, paging,
 * iterators, transactions, check and compact actually do through it. It
 * does not test Xapian's own ranking formulas beyond their direction. Also
 * what many databases combined do: ids interleaved, metadata of the first,
 * synonyms kept in memory. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/xapian_c.h"

#define T(s) s, strlen(s)
#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static char dir[256], path[300];

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/xap.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/db", dir);
}

static int remove_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void teardown(void)
{
	cr_assert_eq(nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

TestSuite(xapian, .init = setup, .fini = teardown);

/* The corpus: docid i + 1 is docs[i], with its id term (wdf 0) as data,
 * its words at positions 1, 2, ... and a date in value slot 0. */
static const struct {
	const char *id, *words, *date;
} docs[] = {
	{"Qa", "dân vận khéo dân", "20180304"},
	{"Qb", "khéo dân vận", "20200101"},
	{"Qc", "hội nhà báo dân", "20240615"},
	{"Qd", "nhân dân", "20190505"},
};
#define NDOCS N_ELEMS(docs)

static cm_xdoc *make_doc(const char *id, const char *words, const char *date)
{
	cm_xdoc *d;
	char buf[256], *w, *save;
	cm_xtermpos pos = 0;

	cr_assert_eq(cm_xdoc_new(&d), 0);
	cr_assert_eq(cm_xdoc_add_term(d, T(id), 0), 0);
	snprintf(buf, sizeof buf, "%s", words);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		cr_assert_eq(cm_xdoc_add_posting(d, T(w), ++pos, 1), 0);
	cr_assert_eq(cm_xdoc_add_value(d, 0, T(date)), 0);
	cr_assert_eq(cm_xdoc_set_data(d, T(id)), 0);
	return d;
}

/* Creates the corpus at path, committed; returns the writer. */
static cm_xdb *fill(void)
{
	cm_xdb *db;
	cm_xdocid id;

	cr_assert_eq(cm_xdb_open_writable(&db, path, CM_XDB_CREATE), 0, "%s", cm_error_last());
	for (size_t i = 0; i < NDOCS; i++) {
		cm_xdoc *d = make_doc(docs[i].id, docs[i].words, docs[i].date);
		cr_assert_eq(cm_xdb_replace_by_term(&id, db, T(docs[i].id), d), 0);
		cr_assert_eq(id, i + 1);
		cm_xdoc_free(d);
	}
	cr_assert_eq(cm_xdb_commit(db), 0);
	return db;
}

static cm_xquery *term(const char *t)
{
	cm_xquery *q;

	cr_assert_eq(cm_xquery_term(&q, T(t), 1, 0), 0);
	return q;
}

/* Combines the terms (NULL-terminated, at most 4) with op. */
static cm_xquery *combine(enum cm_xop op, const char *const *terms, unsigned window)
{
	cm_xquery *v[4], *q;
	size_t n = 0;

	for (; terms[n]; n++)
		v[n] = term(terms[n]);
	cr_assert_eq(cm_xquery_combine(&q, op, v, n, window), 0, "%s", cm_error_last());
	for (size_t i = 0; i < n; i++)
		cm_xquery_free(v[i]);
	return q;
}

/* One page of results, checked for consistent ranks and weight order. */
struct hits {
	unsigned n;
	cm_xdocid id[NDOCS + 2];
	double w[NDOCS + 2];
};

static void page(struct hits *h, cm_xenquire *e, unsigned first, unsigned max)
{
	cm_xmset *m;
	unsigned rank;

	cr_assert_eq(cm_xenquire_mset(&m, e, first, max), 0, "%s", cm_error_last());
	h->n = cm_xmset_size(m);
	cr_assert_leq(h->n, N_ELEMS(h->id));
	for (unsigned i = 0; i < h->n; i++) {
		cr_assert_eq(cm_xmset_get(&h->id[i], &h->w[i], &rank, m, i), 0);
		cr_expect_eq(rank, first + i, "ranks count from the first match");
	}
	cm_xmset_free(m);
}

static void search(struct hits *h, cm_xdb *db, const cm_xquery *q, unsigned first, unsigned max)
{
	cm_xenquire *e;

	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, q), 0);
	page(h, e, first, max);
	cm_xenquire_free(e);
}

/* The ids of the hits, in the order given, joined by spaces. */
static void names(char *out, const struct hits *h)
{
	out[0] = '\0';
	for (unsigned i = 0; i < h->n; i++) {
		cr_assert(h->id[i] >= 1 && h->id[i] <= NDOCS);
		if (i)
			strcat(out, " ");
		strcat(out, docs[h->id[i] - 1].id);
	}
}

/* The ids of the documents matching q, in docid order. */
static void matches(char *out, cm_xdb *db, const cm_xquery *q)
{
	struct hits h;
	char seen[NDOCS + 1] = {0};

	search(&h, db, q, 0, 10);
	for (unsigned i = 0; i < h.n; i++)
		seen[h.id[i]] = 1;
	h.n = 0;
	for (cm_xdocid id = 1; id <= NDOCS; id++)
		if (seen[id])
			h.id[h.n++] = id;
	names(out, &h);
}

/* w[docid] = the weight of that document under q, or -1 if it misses. */
static void weights(double w[NDOCS + 1], cm_xdb *db, const cm_xquery *q)
{
	struct hits h;

	for (size_t i = 0; i <= NDOCS; i++)
		w[i] = -1;
	search(&h, db, q, 0, 10);
	for (unsigned i = 0; i < h.n; i++)
		w[h.id[i]] = h.w[i];
}

/* ---- errors ------------------------------------------------------------- */

static cm_xdb *ro;
static void *const SENTINEL = (void *)&ro;

static int e_open_missing(void)
{
	char missing[320];
	cm_xdb *db = SENTINEL;
	int rc;

	snprintf(missing, sizeof missing, "%s/none", dir);
	rc = cm_xdb_open(&db, missing);
	cr_expect_eq(db, SENTINEL, "out-parameter written on failure");
	return rc;
}

static int e_open_writable_missing(void)
{
	char missing[320];
	cm_xdb *db = SENTINEL;
	int rc;

	snprintf(missing, sizeof missing, "%s/none", dir);
	rc = cm_xdb_open_writable(&db, missing, CM_XDB_OPEN);
	cr_expect_eq(db, SENTINEL);
	return rc;
}

static int e_open_bad_mode(void)
{
	cm_xdb *db;
	return cm_xdb_open_writable(&db, path, 42);
}

static int e_create_existing(void)
{
	cm_xdb *db;
	return cm_xdb_open_writable(&db, path, CM_XDB_CREATE);
}

static int e_second_writer(void)
{
	cm_xdb *w, *w2 = SENTINEL;
	int rc;

	cr_assert_eq(cm_xdb_open_writable(&w, path, CM_XDB_OPEN), 0, "%s", cm_error_last());
	rc = cm_xdb_open_writable(&w2, path, CM_XDB_CREATE_OR_OPEN);
	cr_expect_eq(w2, SENTINEL);
	cm_xdb_free(w);
	return rc;
}

static int e_missing_document(void)
{
	cm_xdoc *d = SENTINEL;
	int rc = cm_xdb_get_document(&d, ro, 9999);

	cr_expect_eq(d, SENTINEL);
	return rc;
}

static int e_document_zero(void)
{
	cm_xdoc *d;
	return cm_xdb_get_document(&d, ro, 0);
}

static int e_delete_missing_document(void)
{
	cm_xdb *w;
	int rc;

	cr_assert_eq(cm_xdb_open_writable(&w, path, CM_XDB_OPEN), 0);
	rc = cm_xdb_delete_document(w, 9999);
	cm_xdb_free(w);
	return rc;
}

static int e_commit_read_only(void)
{
	return cm_xdb_commit(ro);
}

static int e_add_read_only(void)
{
	cm_xdoc *d = make_doc("Qz", "z", "z");
	cm_xdocid id = 77;
	int rc = cm_xdb_add_document(&id, ro, d);

	cr_expect_eq(id, 77);
	cm_xdoc_free(d);
	return rc;
}

static int e_replace_read_only(void)
{
	cm_xdoc *d = make_doc("Qa", "z", "z");
	cm_xdocid id;
	int rc = cm_xdb_replace_by_term(&id, ro, T("Qa"), d);

	cm_xdoc_free(d);
	return rc;
}

static int e_delete_read_only(void)
{
	return cm_xdb_delete_by_term(ro, T("Qa"));
}

static int e_metadata_read_only(void)
{
	return cm_xdb_set_metadata(ro, "k", T("v"));
}

static int e_transaction_read_only(void)
{
	return cm_xdb_begin_transaction(ro, 1);
}

static int e_commit_no_transaction(void)
{
	cm_xdb *w;
	int rc;

	cr_assert_eq(cm_xdb_open_writable(&w, path, CM_XDB_OPEN), 0);
	rc = cm_xdb_commit_transaction(w);
	cm_xdb_free(w);
	return rc;
}

static int e_phrase_of_nothing(void)
{
	cm_xquery *v[1] = {NULL}, *q = SENTINEL;
	int rc = cm_xquery_combine(&q, CM_XQ_PHRASE, v, 0, 0);

	cr_expect_eq(q, SENTINEL);
	return rc;
}

static int e_combine_null(void)
{
	cm_xquery *q;
	return cm_xquery_combine(&q, CM_XQ_AND, NULL, 0, 0);
}

static int e_combine_null_sub(void)
{
	cm_xquery *v[2] = {term("dân"), NULL}, *q;
	int rc = cm_xquery_combine(&q, CM_XQ_OR, v, 2, 0);

	cm_xquery_free(v[0]);
	return rc;
}

static int e_combine_bad_op(void)
{
	cm_xquery *v[1] = {term("dân")}, *q;
	int rc = cm_xquery_combine(&q, (enum cm_xop)99, v, 1, 0);

	cm_xquery_free(v[0]);
	return rc;
}

static int e_window_on_and(void)
{
	cm_xquery *v[2] = {term("dân"), term("vận")}, *q;
	int rc = cm_xquery_combine(&q, CM_XQ_AND, v, 2, 3);

	cm_xquery_free(v[0]);
	cm_xquery_free(v[1]);
	return rc;
}

static int e_negative_scale(void)
{
	cm_xquery *t = term("dân"), *q;
	int rc = cm_xquery_scale(&q, -1.0, t);

	cm_xquery_free(t);
	return rc;
}

static int e_parse_error(void)
{
	cm_xquery *q = SENTINEL;
	int rc = cm_xquery_parse(&q, ro, "(dân AND", NULL, CM_XQP_BOOLEAN);

	cr_expect_eq(q, SENTINEL);
	return rc;
}

static int e_parse_bad_flags(void)
{
	cm_xquery *q;
	return cm_xquery_parse(&q, NULL, "dân", "", 64);
}

static int e_remove_absent_term(void)
{
	cm_xdoc *d = make_doc("Qx", "a", "v");
	int rc = cm_xdoc_remove_term(d, T("zzz"));

	cm_xdoc_free(d);
	return rc;
}

static int e_open_corrupt(void)
{
	char bad[320], rev[340];
	cm_xdb *db;
	FILE *f;

	snprintf(bad, sizeof bad, "%s/corrupt", dir);
	cr_assert_eq(cm_xdb_open_writable(&db, bad, CM_XDB_CREATE), 0);
	cr_assert_eq(cm_xdb_free(db), 0);
	snprintf(rev, sizeof rev, "%s/iamglass", bad);
	cr_assert_not_null(f = fopen(rev, "r+b"));
	cr_assert_eq(fwrite("garbage!", 1, 8, f), 8);
	cr_assert_eq(fclose(f), 0);
	db = SENTINEL;
	int rc = cm_xdb_open(&db, bad);
	cr_expect_eq(db, SENTINEL);
	return rc;
}

static int e_mset_past_end(void)
{
	cm_xquery *q = term("hội");
	cm_xenquire *e;
	cm_xmset *m;
	cm_xdoc *d = SENTINEL;
	cm_xdocid id = 77;
	double w;
	unsigned rank;
	int rc;

	cr_assert_eq(cm_xenquire_new(&e, ro), 0);
	cr_assert_eq(cm_xenquire_set_query(e, q), 0);
	cr_assert_eq(cm_xenquire_mset(&m, e, 0, 10), 0);
	cr_assert_eq(cm_xmset_size(m), 1);
	cr_expect_eq(cm_xmset_document(&d, m, 1), CM_EINVAL);
	cr_expect_eq(d, SENTINEL);
	rc = cm_xmset_get(&id, &w, &rank, m, 1);
	cr_expect_eq(id, 77);
	cm_xmset_free(m);
	cm_xenquire_free(e);
	cm_xquery_free(q);
	return rc;
}

static int e_compact_onto_existing(void)
{
	return cm_xdb_compact(path, dir);
}

static int e_check_not_a_database(void)
{
	size_t errors;
	return cm_xdb_check(&errors, NULL, dir);
}

Test(xapian, errors_table)
{
	static const struct {
		const char *name;
		int (*call)(void);
		int want;
		const char *type; /* Xapian's exception type in the message */
	} cases[] = {
		{"open a missing database", e_open_missing, CM_ENOTFOUND, "DatabaseNotFoundError"},
		{"open a missing database for writing", e_open_writable_missing, CM_ENOTFOUND,
		 "DatabaseNotFoundError"},
		{"unknown open mode", e_open_bad_mode, CM_EINVAL, NULL},
		{"create over a database", e_create_existing, CM_EIO, "DatabaseCreateError"},
		{"second writer", e_second_writer, CM_ELOCKED, "DatabaseLockError"},
		{"missing document", e_missing_document, CM_ENOTFOUND, "DocNotFoundError"},
		{"document 0", e_document_zero, CM_ENOTFOUND, NULL},
		{"delete a missing document", e_delete_missing_document, CM_ENOTFOUND,
		 "DocNotFoundError"},
		{"commit read-only", e_commit_read_only, CM_EINVAL, NULL},
		{"add read-only", e_add_read_only, CM_EINVAL, NULL},
		{"replace read-only", e_replace_read_only, CM_EINVAL, NULL},
		{"delete read-only", e_delete_read_only, CM_EINVAL, NULL},
		{"set metadata read-only", e_metadata_read_only, CM_EINVAL, NULL},
		{"transaction read-only", e_transaction_read_only, CM_EINVAL, NULL},
		{"commit without a transaction", e_commit_no_transaction, CM_EINVAL,
		 "InvalidOperationError"},
		{"PHRASE of no subquery", e_phrase_of_nothing, CM_EINVAL, NULL},
		{"combine NULL", e_combine_null, CM_EINVAL, NULL},
		{"combine a NULL subquery", e_combine_null_sub, CM_EINVAL, NULL},
		{"unknown operator", e_combine_bad_op, CM_EINVAL, NULL},
		{"window on AND", e_window_on_and, CM_EINVAL, NULL},
		{"negative scale", e_negative_scale, CM_EINVAL, "InvalidArgumentError"},
		{"parse error", e_parse_error, CM_EPARSE, "QueryParserError"},
		{"unknown parser flag", e_parse_bad_flags, CM_EINVAL, NULL},
		{"remove an absent term", e_remove_absent_term, CM_EINVAL, "InvalidArgumentError"},
		{"MSet item past the end", e_mset_past_end, CM_EINVAL, NULL},
		{"compact onto an existing directory", e_compact_onto_existing, CM_EINVAL, NULL},
		{"check a directory without a database", e_check_not_a_database, CM_EIO,
		 "DatabaseOpeningError"},
		{"open a corrupt database", e_open_corrupt, CM_ECORRUPT, "DatabaseCorruptError"},
	};

	cm_xdb_free(fill());
	cr_assert_eq(cm_xdb_open(&ro, path), 0);
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_error_clear();
		int rc = cases[i].call();
		cr_expect_eq(rc, cases[i].want, "%s: %d (%s)", cases[i].name, rc, cm_error_last());
		cr_expect_eq(cm_error_code(), cases[i].want, "%s", cases[i].name);
		cr_expect_neq(cm_error_last()[0], '\0', "%s: no message", cases[i].name);
		if (cases[i].type)
			cr_expect_not_null(strstr(cm_error_last(), cases[i].type), "%s: %s",
					   cases[i].name, cm_error_last());
	}
	cm_xdb_free(ro);
	cr_expect_eq(cm_xdb_free(NULL), 0);
}

/* ---- queries: which documents match ------------------------------------- */

Test(xapian, operators_table)
{
	static const struct {
		enum cm_xop op;
		const char *terms[4];
		unsigned window;
		const char *want;
	} cases[] = {
		{CM_XQ_AND, {"dân", "khéo"}, 0, "Qa Qb"},
		{CM_XQ_AND, {"dân", "khéo", "hội"}, 0, ""},
		{CM_XQ_OR, {"hội", "khéo"}, 0, "Qa Qb Qc"},
		{CM_XQ_OR, {"nhân"}, 0, "Qd"},
		{CM_XQ_AND_NOT, {"dân", "khéo"}, 0, "Qc Qd"},
		{CM_XQ_AND_NOT, {"dân", "khéo", "hội"}, 0, "Qd"},
		{CM_XQ_AND_MAYBE, {"hội", "khéo"}, 0, "Qc"},
		{CM_XQ_AND_MAYBE, {"nhân", "khéo", "hội"}, 0, "Qd"},
		{CM_XQ_FILTER, {"dân", "hội"}, 0, "Qc"},
		{CM_XQ_FILTER, {"dân", "khéo", "hội"}, 0, "Qa Qb Qc"}, /* dân AND (khéo OR hội) */
		{CM_XQ_PHRASE, {"dân", "vận"}, 0, "Qa Qb"},
		{CM_XQ_PHRASE, {"vận", "dân"}, 0, ""},
		{CM_XQ_PHRASE, {"dân", "khéo"}, 0, ""},
		{CM_XQ_PHRASE, {"dân", "khéo"}, 3, "Qa"}, /* dân vận khéo */
		{CM_XQ_PHRASE, {"hội", "nhà", "báo"}, 0, "Qc"},
		{CM_XQ_NEAR, {"vận", "dân"}, 0, "Qa Qb"},
		{CM_XQ_NEAR, {"khéo", "vận"}, 2, "Qa"},
		{CM_XQ_NEAR, {"khéo", "vận"}, 3, "Qa Qb"},
		{CM_XQ_NEAR, {"hội", "dân"}, 2, ""},
		{CM_XQ_SYNONYM, {"hội", "nhân"}, 0, "Qc Qd"},
		{CM_XQ_MAX, {"hội", "khéo"}, 0, "Qa Qb Qc"},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xquery *q = combine(cases[i].op, cases[i].terms, cases[i].window);
		matches(got, db, q);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cm_xquery_free(q);
	}
	cm_xdb_free(db);
}

Test(xapian, value_ranges_table)
{
	static const struct {
		const char *lo, *hi, *want;
	} cases[] = {
		{"20190101", "20241231", "Qb Qc Qd"},
		{"20180304", "20180304", "Qa"},
		{NULL, "20200101", "Qa Qb Qd"},
		{"20200102", NULL, "Qc"},
		{"20250101", NULL, ""},
		{"20241231", "20190101", ""},
		{NULL, NULL, "Qa Qb Qc Qd"},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *lo = cases[i].lo, *hi = cases[i].hi;
		cm_xquery *q;
		cr_assert_eq(cm_xquery_value_range(&q, 0, lo, lo ? strlen(lo) : 0, hi,
						   hi ? strlen(hi) : 0),
			     0);
		matches(got, db, q);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cm_xquery_free(q);
	}
	cm_xdb_free(db);
}

Test(xapian, query_parser_table)
{
	static const struct {
		const char *text, *prefix;
		int flags;
		const char *want; /* NULL: a parse error */
	} cases[] = {
		{"dân", "", 0, "Qa Qb Qc Qd"},
		{"hội nhân", "", 0, "Qc Qd"}, /* default OR */
		{"\"dân vận\"", "", CM_XQP_PHRASE, "Qa Qb"},
		{"\"vận dân\"", "", CM_XQP_PHRASE, ""},
		{"dân -khéo", "", CM_XQP_LOVEHATE, "Qc Qd"},
		{"+khéo +nhà", "", CM_XQP_LOVEHATE, ""},
		{"khéo AND vận", "", CM_XQP_BOOLEAN, "Qa Qb"},
		{"dân NOT vận", "", CM_XQP_BOOLEAN, "Qc Qd"},
		{"(hội OR nhân) AND dân", "", CM_XQP_BOOLEAN, "Qc Qd"},
		{"Qa", "", 0, ""},   /* the parser lowercases: "qa" */
		{"a", "Q", 0, "Qa"}, /* the prefix is added as is */
		{"(dân AND", "", CM_XQP_BOOLEAN, NULL},
		{"dân AND", "", CM_XQP_BOOLEAN, NULL},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xquery *q;
		/* db is optional (only for wildcards): pass it every other row. */
		int rc = cm_xquery_parse(&q, i % 2 ? db : NULL, cases[i].text, cases[i].prefix,
					 cases[i].flags);
		if (!cases[i].want) {
			cr_expect_eq(rc, CM_EPARSE, "case %zu", i);
			continue;
		}
		cr_assert_eq(rc, 0, "case %zu: %s", i, cm_error_last());
		matches(got, db, q);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cm_xquery_free(q);
	}
	cm_xdb_free(db);
}

Test(xapian, describe_and_empty)
{
	static const struct {
		const char *text;
		int empty;
		const char *in_description;
	} cases[] = {
		{"\"dân vận\"", 0, "PHRASE"},
		{"dân khéo", 0, "OR"},
		{"", 1, "Query()"},
	};
	cm_xquery *q;
	char *desc;
	int empty;

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cr_assert_eq(cm_xquery_parse(&q, NULL, cases[i].text, "", CM_XQP_PHRASE), 0);
		cr_assert_eq(cm_xquery_is_empty(&empty, q), 0);
		cr_expect_eq(empty, cases[i].empty, "case %zu", i);
		cr_assert_eq(cm_xquery_describe(&desc, q), 0);
		cr_expect_not_null(strstr(desc, cases[i].in_description), "case %zu: %s", i, desc);
		free(desc);
		cm_xquery_free(q);
	}
	cr_assert_eq(cm_xquery_match_nothing(&q), 0);
	cr_assert_eq(cm_xquery_is_empty(&empty, q), 0);
	cr_expect_eq(empty, 1);
	cm_xquery_free(q);
	cr_assert_eq(cm_xquery_match_all(&q), 0);
	cr_assert_eq(cm_xquery_is_empty(&empty, q), 0);
	cr_expect_eq(empty, 0);
	cm_xquery_free(q);
}

/* ---- ranking ------------------------------------------------------------ */

enum { ABSENT, SAME, MORE }; /* a document's weight against "dân" alone */

Test(xapian, operator_weights_table)
{
	static const struct {
		enum cm_xop op;
		const char *other;
		int want[NDOCS]; /* for docids 1..4 */
	} cases[] = {
		{CM_XQ_AND, "khéo", {MORE, MORE, ABSENT, ABSENT}},
		{CM_XQ_OR, "hội", {SAME, SAME, MORE, SAME}},
		{CM_XQ_AND_NOT, "khéo", {ABSENT, ABSENT, SAME, SAME}},
		{CM_XQ_AND_MAYBE, "khéo", {MORE, MORE, SAME, SAME}},
		{CM_XQ_FILTER, "khéo", {SAME, SAME, ABSENT, ABSENT}},
	};
	cm_xdb *db = fill();
	cm_xquery *base = term("dân");
	double w0[NDOCS + 1], w[NDOCS + 1];

	weights(w0, db, base);
	for (cm_xdocid id = 1; id <= NDOCS; id++)
		cr_assert_gt(w0[id], 0);
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *terms[] = {"dân", cases[i].other, NULL};
		cm_xquery *q = combine(cases[i].op, terms, 0);
		weights(w, db, q);
		for (cm_xdocid id = 1; id <= NDOCS; id++) {
			switch (cases[i].want[id - 1]) {
			case ABSENT: cr_expect_eq(w[id], -1, "case %zu doc %u", i, id); break;
			case SAME:
				cr_expect_float_eq(w[id], w0[id], 1e-9, "case %zu doc %u", i, id);
				break;
			default:
				cr_expect_gt(w[id], w0[id] + 1e-9, "case %zu doc %u", i, id);
				break;
			}
		}
		cm_xquery_free(q);
	}
	cm_xquery_free(base);
	cm_xdb_free(db);
}

Test(xapian, scale_weight_table)
{
	static const double factors[] = {0.0, 0.5, 1.0, 2.5, 10.0};
	cm_xdb *db = fill();
	cm_xquery *t = term("vận");
	double w0[NDOCS + 1], w[NDOCS + 1];

	weights(w0, db, t);
	for (size_t i = 0; i < N_ELEMS(factors); i++) {
		cm_xquery *q;
		cr_assert_eq(cm_xquery_scale(&q, factors[i], t), 0);
		weights(w, db, q);
		for (cm_xdocid id = 1; id <= NDOCS; id++) {
			if (w0[id] < 0)
				cr_expect_eq(w[id], -1, "factor %g doc %u", factors[i], id);
			else
				cr_expect_float_eq(w[id], factors[i] * w0[id], 1e-9,
						   "factor %g doc %u", factors[i], id);
		}
		cm_xquery_free(q);
	}
	cm_xquery_free(t);
	cm_xdb_free(db);
}

Test(xapian, ranking_and_paging)
{
	cm_xdb *db = fill();
	cm_xquery *dan = term("dân"), *hoi = term("hội"), *scaled, *both, *v[2];
	cm_xenquire *e;
	struct hits all, one;
	char got[64];

	/* Qa has dân twice; Qd has it once among two words, Qb among three. */
	search(&all, db, dan, 0, 10);
	names(got, &all);
	cr_expect_str_eq(got, "Qa Qd Qb Qc");
	for (unsigned i = 1; i < all.n; i++)
		cr_expect_gt(all.w[i - 1], all.w[i], "weights decrease with rank");
	cr_assert_eq(cm_xquery_scale(&scaled, 10.0, hoi), 0);
	v[0] = dan;
	v[1] = scaled;
	cr_assert_eq(cm_xquery_combine(&both, CM_XQ_OR, v, 2, 0), 0);
	search(&one, db, both, 0, 1);
	names(got, &one);
	cr_expect_str_eq(got, "Qc", "a term scaled up ranks first");
	cm_xquery_free(both);
	cm_xquery_free(scaled);
	cm_xquery_free(hoi);

	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, dan), 0);
	for (unsigned first = 0; first <= NDOCS; first++) {
		struct hits pg;
		page(&pg, e, first, 2);
		cr_expect_eq(pg.n, first + 2 <= NDOCS ? 2 : NDOCS - first, "page at %u", first);
		for (unsigned i = 0; i < pg.n; i++) {
			cr_expect_eq(pg.id[i], all.id[first + i], "page at %u item %u", first, i);
			cr_expect_float_eq(pg.w[i], all.w[first + i], 1e-9);
		}
	}
	cm_xenquire_free(e);
	cm_xquery_free(dan);
	cm_xdb_free(db);
}

Test(xapian, mset_documents_and_sorting)
{
	static const struct {
		int how; /* 0 relevance, 1 value, 2 value reversed, 3 docid after value */
		const char *want;
	} cases[] = {
		{0, "Qa Qd Qb Qc"},
		{1, "Qa Qd Qb Qc"}, /* 2018 2019 2020 2024 */
		{2, "Qc Qb Qd Qa"},
		{3, "Qa Qb Qc Qd"},
	};
	cm_xdb *db = fill();
	cm_xquery *q = term("dân");
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xenquire *e;
		cm_xmset *m;
		got[0] = '\0';
		cr_assert_eq(cm_xenquire_new(&e, db), 0);
		cr_assert_eq(cm_xenquire_set_query(e, q), 0);
		if (cases[i].how)
			cr_assert_eq(cm_xenquire_set_sort_by_value(e, 0, cases[i].how == 2), 0);
		if (cases[i].how == 3)
			cr_assert_eq(cm_xenquire_set_sort_by_docid(e), 0);
		cr_assert_eq(cm_xenquire_mset(&m, e, 0, 10), 0);
		cm_xenquire_free(e); /* the MSet outlives its Enquire */
		cr_expect_eq(cm_xmset_matches_estimated(m), NDOCS);
		for (unsigned j = 0; j < cm_xmset_size(m); j++) {
			cm_xdoc *d;
			char *data, *date;
			size_t n, dn;
			cm_xdocid id, docid;
			double w;
			unsigned rank;
			cr_assert_eq(cm_xmset_document(&d, m, j), 0);
			cr_assert_eq(cm_xmset_get(&id, &w, &rank, m, j), 0);
			cr_assert_eq(cm_xdoc_docid(&docid, d), 0);
			cr_expect_eq(docid, id);
			cr_assert_eq(cm_xdoc_get_data(&data, &n, d), 0);
			cr_assert_eq(cm_xdoc_get_value(&date, &dn, d, 0), 0);
			cr_expect_str_eq(date, docs[id - 1].date);
			cr_expect_eq(dn, 8);
			if (j)
				strcat(got, " ");
			strncat(got, data, n);
			free(date);
			free(data);
			cm_xdoc_free(d);
		}
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cm_xmset_free(m);
	}
	cm_xquery_free(q);
	cm_xdb_free(db);
}

Test(xapian, bm25_parameters_change_weights)
{
	cm_xdb *db = fill();
	cm_xquery *q = term("dân");
	cm_xenquire *e;
	struct hits dflt, same, flat;

	search(&dflt, db, q, 0, 10);
	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, q), 0);
	cr_assert_eq(cm_xenquire_set_bm25(e, 1, 0, 1, 0.5, 0.5), 0);
	page(&same, e, 0, 10);
	cr_assert_eq(cm_xenquire_set_bm25(e, 1, 0, 1, 0, 0.5), 0);
	page(&flat, e, 0, 10);
	cm_xenquire_free(e);
	cr_assert_eq(same.n, dflt.n);
	for (unsigned i = 0; i < same.n; i++)
		cr_expect_float_eq(same.w[i], dflt.w[i], 1e-9, "the defaults are 1 0 1 0.5 0.5");
	/* b = 0 ignores length: Qb, Qc and Qd (dân once each) tie. */
	cr_assert_eq(flat.n, NDOCS);
	cr_expect_eq(flat.id[0], 1);
	cr_expect_float_eq(flat.w[1], flat.w[2], 1e-9);
	cr_expect_float_eq(flat.w[2], flat.w[3], 1e-9);
	cm_xquery_free(q);
	cm_xdb_free(db);
}

/* ---- documents and values ----------------------------------------------- */

Test(xapian, document_editing)
{
	static const char data[] = "a\0b\xff", value[] = "\0\1";
	cm_xdoc *d = make_doc("Qx", "a b a", "v");
	unsigned tc;
	cm_xdocid id;
	char *out;
	size_t n;

	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 3, "Qx a b");
	cr_assert_eq(cm_xdoc_remove_term(d, T("a")), 0);
	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 2);
	cr_assert_eq(cm_xdoc_add_term(d, "x\0y", 3, 1), 0);
	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 3, "a term with a NUL byte is one term");
	cr_assert_eq(cm_xdoc_set_data(d, data, sizeof data - 1), 0);
	cr_assert_eq(cm_xdoc_get_data(&out, &n, d), 0);
	cr_expect_eq(n, 4);
	cr_expect_eq(memcmp(out, data, 4), 0);
	cr_expect_eq(out[4], '\0');
	free(out);
	cr_assert_eq(cm_xdoc_add_value(d, 3, value, 2), 0);
	cr_assert_eq(cm_xdoc_get_value(&out, &n, d, 3), 0);
	cr_expect_eq(n, 2);
	cr_expect_eq(memcmp(out, value, 2), 0);
	free(out);
	cr_assert_eq(cm_xdoc_get_value(&out, &n, d, 7), 0);
	cr_expect_eq(n, 0, "an unset slot is empty");
	cr_expect_str_eq(out, "");
	free(out);
	cr_assert_eq(cm_xdoc_clear_terms(d), 0);
	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 0);
	cr_assert_eq(cm_xdoc_docid(&id, d), 0);
	cr_expect_eq(id, 0, "a new document has no id");
	cm_xdoc_free(d);
	cm_xdoc_free(NULL);
}

Test(xapian, sortable_serialise_table)
{
	static const double values[] = {-1e300, -1e9, -1,  -0.5, 0,   1e-9,
					0.5,    1,    9.5, 10,   1e9, 1e300};
	char prev[10], cur[10];
	size_t nprev = 0;

	for (size_t i = 0; i < N_ELEMS(values); i++) {
		size_t n = cm_xsortable_serialise(cur, values[i]);
		cr_assert(n >= 1 && n <= 10, "%g: %zu bytes", values[i], n);
		cr_expect_eq(cm_xsortable_unserialise(cur, n), values[i]);
		if (i) {
			int c = memcmp(prev, cur, nprev < n ? nprev : n);
			cr_expect(c < 0 || (c == 0 && nprev < n), "%g sorts before %g",
				  values[i - 1], values[i]);
		}
		memcpy(prev, cur, n);
		nprev = n;
	}
}

/* ---- iterators ---------------------------------------------------------- */

/* "term:count ..." for the rest of it; frees it. */
static void drain_terms(char *out, cm_xterms *it)
{
	const char *t;
	size_t n;
	unsigned count;
	int rc;

	out[0] = '\0';
	while ((rc = cm_xterms_next(&t, &n, &count, it)) == 1)
		sprintf(out + strlen(out), "%s%.*s:%u", *out ? " " : "", (int)n, t, count);
	cr_expect_eq(rc, 0);
	cm_xterms_free(it);
}

Test(xapian, allterms_table)
{
	static const struct {
		const char *prefix, *want;
	} cases[] = {
		{"Q", "Qa:1 Qb:1 Qc:1 Qd:1"},
		{"kh", "khéo:2"},
		{"nh", "nhà:1 nhân:1"},
		{"x", ""},
		{"", "Qa:1 Qb:1 Qc:1 Qd:1 báo:1 dân:4 hội:1 khéo:2 nhà:1 nhân:1 vận:2"},
	};
	cm_xdb *db = fill();
	char got[256];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xterms *it;
		cr_assert_eq(cm_xdb_allterms(&it, db, T(cases[i].prefix)), 0);
		drain_terms(got, it);
		cr_expect_str_eq(got, cases[i].want, "prefix '%s'", cases[i].prefix);
	}
	cm_xdb_free(db);
}

Test(xapian, document_terms_outlive_the_document)
{
	static const struct {
		unsigned termcount;
		const char *terms;
	} want[NDOCS] = {
		{4, "Qa:0 dân:2 khéo:1 vận:1"},
		{4, "Qb:0 dân:1 khéo:1 vận:1"},
		{5, "Qc:0 báo:1 dân:1 hội:1 nhà:1"},
		{3, "Qd:0 dân:1 nhân:1"},
	};
	cm_xdb *db = fill();
	cm_xdoc *d;
	cm_xterms *it;
	unsigned tc;
	char got[256];

	for (cm_xdocid id = 1; id <= NDOCS; id++) {
		cr_assert_eq(cm_xdb_get_document(&d, db, id), 0);
		cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
		cr_expect_eq(tc, want[id - 1].termcount, "doc %u", id);
		cr_assert_eq(cm_xdoc_terms(&it, d), 0);
		cm_xdoc_free(d);
		drain_terms(got, it);
		cr_expect_str_eq(got, want[id - 1].terms, "doc %u", id);
	}
	d = make_doc("Qn", "mới", "1");
	cr_assert_eq(cm_xdoc_terms(&it, d), 0);
	cm_xdoc_free(d);
	drain_terms(got, it);
	cr_expect_str_eq(got, "Qn:0 mới:1", "a document not in a database");
	cm_xdb_free(db);
}

Test(xapian, postings_table)
{
	static const struct {
		const char *term, *want;
	} cases[] = {
		{"dân", "1:2 2:1 3:1 4:1"},
		{"khéo", "1:1 2:1"},
		{"Qc", "3:0"},
		{"nothing", ""},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xpostings *it;
		cm_xdocid id;
		unsigned wdf;
		int rc;
		cr_assert_eq(cm_xdb_postings(&it, db, T(cases[i].term)), 0);
		got[0] = '\0';
		while ((rc = cm_xpostings_next(&id, &wdf, it)) == 1)
			sprintf(got + strlen(got), "%s%u:%u", *got ? " " : "", id, wdf);
		cr_expect_eq(rc, 0);
		cm_xpostings_free(it);
		cr_expect_str_eq(got, cases[i].want, "%s", cases[i].term);
	}
	cm_xdb_free(db);
}

Test(xapian, positions_table)
{
	static const struct {
		cm_xdocid id;
		const char *term, *want;
	} cases[] = {
		{1, "dân", "1 4"}, {2, "vận", "3"}, {3, "báo", "3"},
		{1, "hội", ""},    {1, "Qa", ""},   {99, "dân", ""},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cm_xpositions *it;
		cm_xtermpos pos;
		int rc;
		cr_assert_eq(cm_xdb_positions(&it, db, cases[i].id, T(cases[i].term)), 0);
		got[0] = '\0';
		while ((rc = cm_xpositions_next(&pos, it)) == 1)
			sprintf(got + strlen(got), "%s%u", *got ? " " : "", pos);
		cr_expect_eq(rc, 0);
		cm_xpositions_free(it);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
	}
	cm_xdb_free(db);
}

/* ---- writing ------------------------------------------------------------ */

static unsigned doccount(cm_xdb *db)
{
	unsigned n;

	cr_assert_eq(cm_xdb_doccount(&n, db), 0);
	return n;
}

static unsigned termfreq(cm_xdb *db, const char *t)
{
	unsigned n;

	cr_assert_eq(cm_xdb_termfreq(&n, db, T(t)), 0);
	return n;
}

Test(xapian, replace_by_term_upserts_and_deletes)
{
	cm_xdb *db = fill();
	cm_xdoc *d = make_doc("Qa", "mới", "1"), *got;
	cm_xdocid id, last;
	char *data;
	size_t n;

	cr_assert_eq(cm_xdb_replace_by_term(&id, db, T("Qa"), d), 0);
	cr_expect_eq(id, 1, "replaced in place");
	cr_expect_eq(doccount(db), NDOCS);
	cr_expect_eq(termfreq(db, "mới"), 1);
	cr_expect_eq(termfreq(db, "khéo"), 1, "the old content is gone");
	cm_xdoc_free(d);
	d = make_doc("Qe", "mới", "2");
	cr_assert_eq(cm_xdb_replace_by_term(&id, db, T("Qe"), d), 0);
	cr_assert_eq(cm_xdb_lastdocid(&last, db), 0);
	cr_expect_eq(id, NDOCS + 1, "added when no document has the term");
	cr_expect_eq(last, id);
	cr_expect_eq(doccount(db), NDOCS + 1);
	cr_expect_eq(termfreq(db, "mới"), 2);
	cm_xdoc_free(d);

	d = make_doc("Qb", "khác", "3");
	cr_assert_eq(cm_xdb_replace_document(db, 2, d), 0);
	cr_assert_eq(cm_xdb_get_document(&got, db, 2), 0);
	cr_assert_eq(cm_xdoc_get_data(&data, &n, got), 0);
	cr_expect_str_eq(data, "Qb");
	free(data);
	cm_xdoc_free(got);
	cr_expect_eq(termfreq(db, "khác"), 1);
	cr_assert_eq(cm_xdb_add_document(&id, db, d), 0);
	cr_expect_eq(id, NDOCS + 2);
	cr_expect_eq(termfreq(db, "Qb"), 2);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qb")), 0);
	cr_expect_eq(termfreq(db, "Qb"), 0, "every document with the term");
	cr_assert_eq(cm_xdb_delete_document(db, 3), 0);
	cr_expect_eq(doccount(db), NDOCS - 1);
	cr_expect_eq(cm_xdb_get_document(&got, db, 3), CM_ENOTFOUND);
	cm_xdoc_free(d);
	cm_xdb_free(db);
}

Test(xapian, transactions)
{
	cm_xdb *db = fill(), *r;
	int changed;

	cr_assert_eq(cm_xdb_open(&r, path), 0);
	cr_assert_eq(cm_xdb_begin_transaction(db, 1), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qa")), 0);
	cr_expect_eq(doccount(db), NDOCS - 1);
	cr_assert_eq(cm_xdb_cancel_transaction(db), 0);
	cr_expect_eq(doccount(db), NDOCS, "cancel drops");
	cr_expect_eq(cm_xdb_cancel_transaction(db), CM_EINVAL, "none open");

	cr_assert_eq(cm_xdb_begin_transaction(db, 1), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qa")), 0);
	cr_assert_eq(cm_xdb_commit_transaction(db), 0);
	cr_expect_eq(doccount(db), NDOCS - 1, "commit keeps");
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(doccount(r), NDOCS - 1, "a flushed transaction is committed");

	cr_assert_eq(cm_xdb_begin_transaction(db, 0), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qb")), 0);
	cr_assert_eq(cm_xdb_commit_transaction(db), 0);
	cr_expect_eq(doccount(db), NDOCS - 2);
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(doccount(r), NDOCS - 1, "an unflushed one waits for commit");
	cr_assert_eq(cm_xdb_commit(db), 0);
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(doccount(r), NDOCS - 2);

	cr_assert_eq(cm_xdb_begin_transaction(db, 1), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qc")), 0);
	cr_expect_eq(cm_xdb_free(db), 0, "%s", cm_error_last());
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(doccount(r), NDOCS - 2, "an open transaction is dropped on close");
	cm_xdb_free(r);
}

Test(xapian, free_commits_pending_changes)
{
	cm_xdb *db = fill();
	cm_xdoc *d = make_doc("Qe", "mới", "1");
	cm_xdocid id;

	cr_assert_eq(cm_xdb_add_document(&id, db, d), 0);
	cm_xdoc_free(d);
	cr_expect_eq(cm_xdb_free(db), 0);
	cr_assert_eq(cm_xdb_open(&db, path), 0);
	cr_expect_eq(doccount(db), NDOCS + 1);
	cm_xdb_free(db);
}

Test(xapian, metadata_table)
{
	static const struct {
		const char *key, *value;
		size_t len;
	} cases[] = {
		{"schema", "1", 1},
		{"bytes", "a\0b", 3},
		{"empty", "", 0},
	};
	cm_xdb *db = fill(), *r;
	char *v;
	size_t n;

	for (size_t i = 0; i < N_ELEMS(cases); i++)
		cr_assert_eq(cm_xdb_set_metadata(db, cases[i].key, cases[i].value, cases[i].len),
			     0);
	cr_assert_eq(cm_xdb_commit(db), 0);
	cr_assert_eq(cm_xdb_open(&r, path), 0);
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		cr_assert_eq(cm_xdb_get_metadata(&v, &n, r, cases[i].key), 0);
		cr_expect_eq(n, cases[i].len, "%s", cases[i].key);
		cr_expect_eq(memcmp(v, cases[i].value, n), 0, "%s", cases[i].key);
		cr_expect_eq(v[n], '\0');
		free(v);
	}
	cr_assert_eq(cm_xdb_get_metadata(&v, &n, r, "absent"), 0);
	cr_expect_eq(n, 0);
	cr_expect_str_eq(v, "");
	free(v);
	cm_xdb_free(r);
	cm_xdb_free(db);
}

Test(xapian, reader_sees_commits_after_reopen)
{
	cm_xdb *w = fill(), *r;
	cm_xdoc *d = make_doc("Qe", "mới", "1");
	cm_xdocid id;
	int changed = -1;

	cr_assert_eq(cm_xdb_open(&r, path), 0);
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(changed, 0, "nothing new");
	cr_assert_eq(cm_xdb_add_document(&id, w, d), 0);
	cr_assert_eq(cm_xdb_commit(w), 0);
	cr_expect_eq(doccount(r), NDOCS, "a reader stays on its revision");
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(changed, 1);
	cr_expect_eq(doccount(r), NDOCS + 1);
	cr_expect_eq(termfreq(r, "mới"), 1);
	cm_xdoc_free(d);
	cm_xdb_free(r);
	cm_xdb_free(w);
}

Test(xapian, check_and_compact)
{
	cm_xdb *c;
	char *report, out[320], got[256], want[256];
	size_t errors = 99;
	cm_xterms *it;

	cm_xdb_free(fill());
	cr_assert_eq(cm_xdb_check(&errors, &report, path), 0, "%s", cm_error_last());
	cr_expect_eq(errors, 0, "%s", report);
	cr_expect_neq(report[0], '\0', "the report has the statistics");
	free(report);
	errors = 99;
	cr_assert_eq(cm_xdb_check(&errors, NULL, path), 0);
	cr_expect_eq(errors, 0);

	snprintf(out, sizeof out, "%s/compact", dir);
	cr_assert_eq(cm_xdb_compact(path, out), 0, "%s", cm_error_last());
	cr_assert_eq(cm_xdb_open(&c, out), 0);
	cr_expect_eq(doccount(c), NDOCS);
	cr_assert_eq(cm_xdb_allterms(&it, c, T("")), 0);
	drain_terms(got, it);
	cm_xdb_free(c);
	cr_assert_eq(cm_xdb_open(&c, path), 0);
	cr_assert_eq(cm_xdb_allterms(&it, c, T("")), 0);
	drain_terms(want, it);
	cm_xdb_free(c);
	cr_expect_str_eq(got, want, "the same terms and frequencies");
	cr_assert_eq(cm_xdb_check(&errors, NULL, out), 0);
	cr_expect_eq(errors, 0);
	cr_expect_eq(cm_xdb_compact(path, out), CM_EINVAL, "dst exists now");

	/* Merging a database with its copy: every document twice. */
	{
		const char *srcs[] = {path, out};
		char merged[300];
		unsigned freq;
		snprintf(merged, sizeof merged, "%s/merged", dir);
		cr_assert_eq(cm_xdb_merge(srcs, 2, merged), 0, "%s", cm_error_last());
		cr_assert_eq(cm_xdb_open(&c, merged), 0);
		cr_expect_eq(doccount(c), 2 * NDOCS);
		cr_assert_eq(cm_xdb_termfreq(&freq, c, T(docs[0].id)), 0);
		cr_expect_eq(freq, 2);
		cm_xdb_free(c);
		cr_expect_eq(cm_xdb_merge(srcs, 2, merged), CM_EINVAL, "dst exists now");
	}
}

/* The synonyms of term in db, joined by spaces. */
static void synonyms_of(char *out, size_t cap, cm_xdb *db, const char *t)
{
	cm_xterms *it;
	const char *s;
	size_t len, at = 0;
	unsigned c;

	cr_assert_eq(cm_xdb_synonyms(&it, db, T(t)), 0, "%s", cm_error_last());
	out[0] = '\0';
	while (cm_xterms_next(&s, &len, &c, it) == 1)
		at += (size_t)snprintf(out + at, cap - at, "%s%.*s", at ? " " : "", (int)len, s);
	cm_xterms_free(it);
}

static int loads;

static int load_kept(void *ctx, cm_xdb *db)
{
	(void)ctx;
	loads++;
	return cm_xdb_keep_synonym(db, T("dan"), T("dần"));
}

/* Two databases combined: ids interleave, metadata is the first's, and
 * synonyms kept in memory merge with the stored ones, loaded once. */
Test(xapian, combine_and_kept_synonyms)
{
	static const struct {
		const char *term, *want;
	} cases[] = {
		{"dan", "dân dần"}, /* stored, kept, and one kept twice */
		{"van", "vận"},     /* kept only */
		{"kheo", "khéo"},   /* stored only */
		{"none", ""},
	};
	cm_xdb *w = fill(), *a, *b, *subs[3], *m;
	char p2[320], got[128], *v;
	const char *t;
	size_t n;
	unsigned c;
	cm_xdoc *d;
	cm_xterms *it;
	cm_xdocid id;

	cr_assert_eq(cm_xdb_add_synonym(w, T("dan"), T("dân")), 0);
	cr_assert_eq(cm_xdb_add_synonym(w, T("kheo"), T("khéo")), 0);
	cr_assert_eq(cm_xdb_set_metadata(w, "k", T("first")), 0);
	cm_xdb_free(w);
	snprintf(p2, sizeof p2, "%s/db2", dir);
	cr_assert_eq(cm_xdb_open_writable(&w, p2, CM_XDB_CREATE), 0);
	d = make_doc("Qz", "khác", "20250101");
	cr_assert_eq(cm_xdb_add_document(&id, w, d), 0);
	cm_xdoc_free(d);
	cr_assert_eq(cm_xdb_set_metadata(w, "k", T("second")), 0);
	cm_xdb_free(w);

	cr_assert_eq(cm_xdb_open(&a, path), 0);
	cr_assert_eq(cm_xdb_open(&b, p2), 0);
	cr_assert_eq(cm_xdb_open_empty(&subs[2]), 0);
	subs[0] = a;
	subs[1] = b;
	cr_assert_eq(cm_xdb_combine(&m, subs, 3), 0, "%s", cm_error_last());
	/* document d of sub-database i is (d - 1) * 3 + i + 1 */
	cr_assert_eq(cm_xdb_get_document(&d, m, 2), 0);
	cr_assert_eq(cm_xdoc_get_data(&v, &n, d), 0);
	cr_expect_str_eq(v, "Qz");
	free(v);
	cm_xdoc_free(d);
	cr_assert_eq(cm_xdb_get_document(&d, m, 4), 0);
	cr_assert_eq(cm_xdoc_get_data(&v, &n, d), 0);
	cr_expect_str_eq(v, "Qb");
	free(v);
	cm_xdoc_free(d);
	cr_expect_eq(cm_xdb_get_document(&d, m, 3), CM_ENOTFOUND, "the empty one has none");
	cr_assert_eq(cm_xdb_get_metadata(&v, &n, m, "k"), 0);
	cr_expect_str_eq(v, "first", "metadata: the first sub-database's only");
	free(v);

	cm_xdb_on_first_synonyms(m, load_kept, NULL);
	cr_assert_eq(cm_xdb_keep_synonym(m, T("dan"), T("dân")), 0);
	cr_assert_eq(cm_xdb_keep_synonym(m, T("van"), T("vận")), 0);
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		synonyms_of(got, sizeof got, m, cases[i].term);
		cr_expect_str_eq(got, cases[i].want, "%s", cases[i].term);
	}
	cr_expect_eq(loads, 1, "the hook runs once");

	/* skip_to: from the first term to the first at or after "n" */
	cr_assert_eq(cm_xdb_allterms(&it, m, "", 0), 0);
	cr_assert_eq(cm_xterms_skip_to(it, T("n")), 0);
	cr_assert_eq(cm_xterms_next(&t, &n, &c, it), 1);
	cr_expect_str_eq(t, "nhà");
	cm_xterms_free(it);

	cm_xdb_free(m);
	cm_xdb_free(subs[2]);
	cr_assert_eq(cm_xdb_get_document(&d, a, 1), 0, "a sub-database outlives the combined one");
	cm_xdoc_free(d);
	cm_xdb_free(a);
	cm_xdb_free(b);
}
