/* test_xapian_c.c: the Xapian C binding: every function, and its error
 * paths (missing database, second writer, missing document, read-only
 * writes, bad operators, parse errors). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/xapian_c.h"

static char dir[256], path[300];

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s/xap.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/db", dir);
}

static void teardown(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(xapian, .init = setup, .fini = teardown);

#define T(s) s, strlen(s)

/* A document with a unique id term, positional words, a value and data. */
static cm_xdoc *make_doc(const char *id, const char *words, const char *value)
{
	cm_xdoc *d;
	char buf[256], *w, *save;
	cm_xtermpos pos = 0;

	cr_assert_eq(cm_xdoc_new(&d), 0);
	cr_assert_eq(cm_xdoc_add_term(d, T(id), 0), 0);
	snprintf(buf, sizeof buf, "%s", words);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		cr_assert_eq(cm_xdoc_add_posting(d, T(w), ++pos, 1), 0);
	cr_assert_eq(cm_xdoc_add_value(d, 0, T(value)), 0);
	cr_assert_eq(cm_xdoc_set_data(d, T(id)), 0);
	return d;
}

static cm_xdb *fill(void)
{
	static const char *const docs[][3] = {
		{"Qa", "dân vận khéo dân", "20180304"},
		{"Qb", "khéo dân vận", "20200101"},
		{"Qc", "hội nhà báo dân", "20240615"},
	};
	cm_xdb *db;
	cm_xdocid id;

	cr_assert_eq(cm_xdb_open_writable(&db, path, CM_XDB_CREATE_OR_OPEN), 0, "%s", cm_error_last());
	for (size_t i = 0; i < 3; i++) {
		cm_xdoc *d = make_doc(docs[i][0], docs[i][1], docs[i][2]);
		cr_assert_eq(cm_xdb_replace_by_term(&id, db, T(docs[i][0]), d), 0);
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

/* The data (= id) of each match in rank order, joined with spaces. */
static void run(char *out, cm_xdb *db, cm_xquery *q, unsigned first, unsigned max)
{
	cm_xenquire *e;
	cm_xmset *m;

	out[0] = '\0';
	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, q), 0);
	cr_assert_eq(cm_xenquire_mset(&m, e, first, max), 0);
	for (unsigned i = 0; i < cm_xmset_size(m); i++) {
		cm_xdoc *d;
		char *data;
		size_t n;
		cm_xdocid id;
		double w;
		unsigned rank;
		cr_assert_eq(cm_xmset_get(m, i, &id, &w, &rank), 0);
		cr_assert_eq(rank, first + i);
		cr_assert_eq(cm_xmset_document(&d, m, i), 0);
		cr_assert_eq(cm_xdoc_get_data(&data, &n, d), 0);
		if (*out)
			strcat(out, " ");
		strcat(out, data);
		free(data);
		cm_xdoc_free(d);
	}
	cr_expect_eq(cm_xmset_get(m, cm_xmset_size(m), &(cm_xdocid){0}, &(double){0},
				  &(unsigned){0}),
		     CM_EINVAL);
	cm_xmset_free(m);
	cm_xenquire_free(e);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the space-separated words of s in place (rank order aside). */
static void sort_words(char *s)
{
	char copy[64], *w[8], *save;
	size_t n = 0;

	snprintf(copy, sizeof copy, "%s", s);
	for (char *t = strtok_r(copy, " ", &save); t && n < 8; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	qsort(w, n, sizeof *w, by_str);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, w[i]);
	}
}

static cm_xquery *combine(enum cm_xop op, cm_xquery *a, cm_xquery *b, unsigned window)
{
	cm_xquery *v[2] = {a, b}, *q;
	cr_assert_eq(cm_xquery_combine(&q, op, v, 2, window), 0, "%s", cm_error_last());
	cm_xquery_free(a);
	cm_xquery_free(b);
	return q;
}

Test(xapian, operators_table)
{
	static const struct {
		enum cm_xop op;
		const char *a, *b, *want;
	} cases[] = {
		{CM_XQ_AND, "dân", "khéo", "Qa Qb"},
		{CM_XQ_OR, "hội", "khéo", "Qa Qb Qc"},
		{CM_XQ_AND_NOT, "dân", "khéo", "Qc"},
		{CM_XQ_AND_MAYBE, "hội", "khéo", "Qc"},
		{CM_XQ_FILTER, "dân", "hội", "Qc"},
		{CM_XQ_PHRASE, "dân", "vận", "Qa Qb"},
		{CM_XQ_PHRASE, "vận", "dân", ""},
		{CM_XQ_NEAR, "vận", "dân", "Qa Qb"},
		{CM_XQ_SYNONYM, "hội", "báo", "Qc"},
		{CM_XQ_MAX, "hội", "nhà", "Qc"},
	};
	cm_xdb *db = fill();
	char got[64];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_xquery *q = combine(cases[i].op, term(cases[i].a), term(cases[i].b), 0);
		run(got, db, q, 0, 10);
		sort_words(got);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cm_xquery_free(q);
	}
	cm_xdb_free(db);
}

Test(xapian, bm25_ranks_more_occurrences_first_and_scale_weight)
{
	cm_xdb *db = fill();
	cm_xquery *q = term("dân"), *hoi = term("hội"), *scaled, *both, *v[2];
	char got[64];

	run(got, db, q, 0, 10);
	cr_expect_eq(strncmp(got, "Qa", 2), 0, "the document with dân twice ranks first: %s", got);
	run(got, db, q, 1, 1);
	cr_expect_eq(strlen(got), 2, "paging gives one item");
	cr_assert_eq(cm_xquery_scale(&scaled, 10.0, hoi), 0);
	cm_xquery_free(hoi);
	v[0] = q;
	v[1] = scaled;
	cr_assert_eq(cm_xquery_combine(&both, CM_XQ_OR, v, 2, 0), 0);
	run(got, db, both, 0, 1);
	cr_expect_str_eq(got, "Qc", "a scaled-up term wins");
	cm_xquery_free(both);
	cr_expect_eq(cm_xquery_scale(&both, -1, q), CM_EINVAL);
	cm_xquery_free(scaled);
	cm_xquery_free(q);
	cm_xdb_free(db);
}

Test(xapian, values_and_ranges_and_sorting)
{
	cm_xdb *db = fill();
	cm_xquery *q;
	cm_xenquire *e;
	cm_xmset *m;
	char got[64];

	cr_assert_eq(cm_xquery_value_range(&q, 0, T("20190101"), T("20241231")), 0);
	run(got, db, q, 0, 10);
	cr_expect_str_eq(got, "Qb Qc");
	cm_xquery_free(q);
	cr_assert_eq(cm_xquery_value_range(&q, 0, NULL, 0, T("20200101")), 0);
	run(got, db, q, 0, 10);
	cr_expect_str_eq(got, "Qa Qb");
	cm_xquery_free(q);
	cr_assert_eq(cm_xquery_match_all(&q), 0);
	cr_assert_eq(cm_xenquire_new(&e, db), 0);
	cr_assert_eq(cm_xenquire_set_query(e, q), 0);
	cr_assert_eq(cm_xenquire_set_sort_by_value(e, 0, 1), 0);
	cr_assert_eq(cm_xenquire_mset(&m, e, 0, 1), 0);
	cr_expect_eq(cm_xmset_matches_estimated(m), 3);
	{
		cm_xdoc *d;
		char *v;
		size_t n;
		cr_assert_eq(cm_xmset_document(&d, m, 0), 0);
		cr_assert_eq(cm_xdoc_get_value(&v, &n, d, 0), 0);
		cr_expect_str_eq(v, "20240615", "reverse value order");
		free(v);
		cr_assert_eq(cm_xdoc_get_value(&v, &n, d, 7), 0);
		cr_expect_eq(n, 0, "an unset slot is empty");
		free(v);
		cm_xdoc_free(d);
	}
	cm_xmset_free(m);
	cr_assert_eq(cm_xenquire_set_sort_by_docid(e), 0);
	cr_assert_eq(cm_xenquire_set_bm25(e, 1.2, 0, 1, 0.75, 0.5), 0);
	cm_xenquire_free(e);
	cm_xquery_free(q);
	cm_xdb_free(db);
}

Test(xapian, sortable_serialise_orders_bytewise)
{
	char a[10], b[10];
	size_t na = cm_xsortable_serialise(a, 9.5), nb = cm_xsortable_serialise(b, 10.0);

	cr_expect_lt(memcmp(a, b, na < nb ? na : nb), 0);
	cr_expect_eq(cm_xsortable_unserialise(b, nb), 10.0);
}

Test(xapian, iterators_terms_postings_positions)
{
	cm_xdb *db = fill();
	cm_xterms *it;
	cm_xpostings *pl;
	cm_xpositions *pos;
	const char *t;
	size_t n, count = 0;
	unsigned freq, wdf;
	cm_xdocid id, last = 0;
	cm_xtermpos p, seen[4];
	size_t np = 0;

	cr_assert_eq(cm_xdb_allterms(&it, db, T("Q")), 0);
	while (cm_xterms_next(it, &t, &n, &freq) == 1) {
		cr_expect_eq(t[0], 'Q');
		cr_expect_eq(freq, 1);
		count++;
	}
	cm_xterms_free(it);
	cr_expect_eq(count, 3);
	cr_assert_eq(cm_xdb_postings(&pl, db, T("dân")), 0);
	count = 0;
	while (cm_xpostings_next(pl, &id, &wdf) == 1) {
		cr_expect_gt(id, last);
		last = id;
		count++;
	}
	cm_xpostings_free(pl);
	cr_expect_eq(count, 3);
	cr_assert_eq(cm_xdb_postings(&pl, db, T("Qa")), 0);
	cr_assert_eq(cm_xpostings_next(pl, &id, &wdf), 1);
	cm_xpostings_free(pl);
	cr_assert_eq(cm_xdb_positions(&pos, db, id, T("dân")), 0);
	while (np < 4 && cm_xpositions_next(pos, &p) == 1)
		seen[np++] = p;
	cm_xpositions_free(pos);
	cr_expect_eq(np, 2);
	cr_expect_eq(seen[0], 1);
	cr_expect_eq(seen[1], 4);
	{
		cm_xdoc *d;
		unsigned tc;
		cr_assert_eq(cm_xdb_get_document(&d, db, id), 0);
		cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
		cr_expect_eq(tc, 4, "Qa dân vận khéo");
		cr_assert_eq(cm_xdoc_terms(&it, d), 0);
		cr_assert_eq(cm_xterms_next(it, &t, &n, &wdf), 1);
		cr_expect_str_eq(t, "Qa", "terms come sorted");
		cm_xterms_free(it);
		cm_xdoc_free(d);
	}
	cm_xdb_free(db);
}

Test(xapian, document_editing)
{
	cm_xdoc *d = make_doc("Qx", "a b", "v");
	unsigned tc;
	cm_xdocid id;

	cr_assert_eq(cm_xdoc_remove_term(d, T("a")), 0);
	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 2);
	cr_expect_eq(cm_xdoc_remove_term(d, T("zzz")), CM_EINVAL);
	cr_assert_eq(cm_xdoc_clear_terms(d), 0);
	cr_assert_eq(cm_xdoc_termcount(&tc, d), 0);
	cr_expect_eq(tc, 0);
	cr_assert_eq(cm_xdoc_docid(&id, d), 0);
	cr_expect_eq(id, 0, "a new document has no id");
	cm_xdoc_free(d);
	cm_xdoc_free(NULL);
}

Test(xapian, replace_delete_and_counts)
{
	cm_xdb *db = fill();
	cm_xdoc *d = make_doc("Qa", "mới", "1");
	cm_xdocid id, lastid;
	unsigned count, freq;

	cr_assert_eq(cm_xdb_replace_by_term(&id, db, T("Qa"), d), 0);
	cr_assert_eq(cm_xdb_doccount(&count, db), 0);
	cr_expect_eq(count, 3, "replace_by_term upserts");
	cr_assert_eq(cm_xdb_termfreq(&freq, db, T("mới")), 0);
	cr_expect_eq(freq, 1);
	cr_assert_eq(cm_xdb_add_document(&id, db, d), 0);
	cr_assert_eq(cm_xdb_lastdocid(&lastid, db), 0);
	cr_expect_eq(id, lastid);
	cr_assert_eq(cm_xdb_replace_document(db, id, d), 0);
	cr_assert_eq(cm_xdb_delete_document(db, id), 0);
	cr_expect_eq(cm_xdb_delete_document(db, id), CM_ENOTFOUND);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qb")), 0);
	cr_assert_eq(cm_xdb_doccount(&count, db), 0);
	cr_expect_eq(count, 2);
	cr_expect_eq(cm_xdb_get_document(&d, db, 9999), CM_ENOTFOUND);
	cr_expect_eq(cm_xdb_get_document(&d, db, 0), CM_ENOTFOUND);
	cm_xdoc_free(d);
	cm_xdb_free(db);
}

Test(xapian, transactions)
{
	cm_xdb *db = fill();
	unsigned count;

	cr_assert_eq(cm_xdb_begin_transaction(db, 1), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qa")), 0);
	cr_assert_eq(cm_xdb_cancel_transaction(db), 0);
	cr_assert_eq(cm_xdb_doccount(&count, db), 0);
	cr_expect_eq(count, 3, "cancel drops");
	cr_assert_eq(cm_xdb_begin_transaction(db, 1), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qa")), 0);
	cr_assert_eq(cm_xdb_commit_transaction(db), 0);
	cr_assert_eq(cm_xdb_doccount(&count, db), 0);
	cr_expect_eq(count, 2, "commit keeps");
	cr_expect_eq(cm_xdb_commit_transaction(db), CM_EINVAL, "no transaction open");
	cr_assert_eq(cm_xdb_begin_transaction(db, 0), 0);
	cr_assert_eq(cm_xdb_delete_by_term(db, T("Qb")), 0);
	cm_xdb_free(db); /* an open transaction is dropped on close */
	cr_assert_eq(cm_xdb_open(&db, path), 0);
	cr_assert_eq(cm_xdb_doccount(&count, db), 0);
	cr_expect_eq(count, 2);
	cm_xdb_free(db);
}

Test(xapian, metadata)
{
	cm_xdb *db = fill();
	char *v;
	size_t n;

	cr_assert_eq(cm_xdb_set_metadata(db, "schema", T("1")), 0);
	cr_assert_eq(cm_xdb_get_metadata(&v, &n, db, "schema"), 0);
	cr_expect_str_eq(v, "1");
	free(v);
	cr_assert_eq(cm_xdb_get_metadata(&v, &n, db, "absent"), 0);
	cr_expect_eq(n, 0);
	free(v);
	cm_xdb_free(db);
}

Test(xapian, errors_table)
{
	cm_xdb *ro, *w, *w2;
	cm_xquery *q = NULL;
	cm_xdoc *d = make_doc("Qz", "z", "z");
	cm_xdocid id;
	char missing[320];

	snprintf(missing, sizeof missing, "%s/none", dir);
	cr_expect_eq(cm_xdb_open(&ro, missing), CM_ENOTFOUND);
	cr_expect_eq(cm_xdb_open_writable(&w, missing, CM_XDB_OPEN), CM_ENOTFOUND);
	cr_expect_eq(cm_xdb_open_writable(&w, missing, 42), CM_EINVAL);
	w = fill();
	cr_expect_eq(cm_xdb_open_writable(&w2, path, CM_XDB_OPEN), CM_ELOCKED);
	cr_expect_not_null(strstr(cm_error_last(), "Lock"), "%s", cm_error_last());
	cm_xdb_free(w);
	cr_expect_lt(cm_xdb_open_writable(&w2, path, CM_XDB_CREATE), 0, "it exists already");
	cr_assert_eq(cm_xdb_open(&ro, path), 0);
	cr_expect_eq(cm_xdb_commit(ro), CM_EINVAL);
	cr_expect_eq(cm_xdb_add_document(&id, ro, d), CM_EINVAL);
	cr_expect_eq(cm_xdb_delete_by_term(ro, T("Qa")), CM_EINVAL);
	cr_expect_eq(cm_xdb_set_metadata(ro, "k", T("v")), CM_EINVAL);
	cr_expect_eq(cm_xquery_combine(&q, CM_XQ_AND, NULL, 0, 0), CM_EINVAL);
	cr_expect_eq(cm_xquery_parse(&q, ro, "(dân AND", NULL, CM_XQP_BOOLEAN), CM_EPARSE);
	cr_expect_null(q);
	cm_xdb_free(ro);
	cm_xdoc_free(d);
	cr_expect_eq(cm_xdb_free(NULL), 0);
}

Test(xapian, query_parser_describe_and_empty)
{
	cm_xdb *db = fill();
	cm_xquery *q, *none;
	char *desc, got[64];
	int empty;

	cr_assert_eq(cm_xquery_parse(&q, db, "\"dân vận\" -hội", "", CM_XQP_PHRASE | CM_XQP_LOVEHATE),
		     0, "%s", cm_error_last());
	run(got, db, q, 0, 10);
	cr_expect(!strcmp(got, "Qa Qb") || !strcmp(got, "Qb Qa"), "%s", got);
	cr_assert_eq(cm_xquery_describe(&desc, q), 0);
	cr_expect_not_null(strstr(desc, "PHRASE"), "%s", desc);
	free(desc);
	cr_assert_eq(cm_xquery_is_empty(&empty, q), 0);
	cr_expect_eq(empty, 0);
	cr_assert_eq(cm_xquery_match_nothing(&none), 0);
	cr_assert_eq(cm_xquery_is_empty(&empty, none), 0);
	cr_expect_eq(empty, 1);
	cm_xquery_free(none);
	cm_xquery_free(q);
	cm_xdb_free(db);
}

Test(xapian, reader_sees_commits_after_reopen)
{
	cm_xdb *w = fill(), *r;
	cm_xdoc *d = make_doc("Qn", "mới", "1");
	cm_xdocid id;
	unsigned count;
	int changed;

	cr_assert_eq(cm_xdb_open(&r, path), 0);
	cr_assert_eq(cm_xdb_add_document(&id, w, d), 0);
	cr_assert_eq(cm_xdb_commit(w), 0);
	cr_assert_eq(cm_xdb_doccount(&count, r), 0);
	cr_expect_eq(count, 3);
	cr_assert_eq(cm_xdb_reopen(&changed, r), 0);
	cr_expect_eq(changed, 1);
	cr_assert_eq(cm_xdb_doccount(&count, r), 0);
	cr_expect_eq(count, 4);
	cm_xdoc_free(d);
	cm_xdb_free(r);
	cm_xdb_free(w);
}

Test(xapian, check_and_compact)
{
	cm_xdb *db = fill(), *c;
	char *report, out[320];
	size_t errors;
	unsigned count;

	cm_xdb_free(db);
	cr_assert_eq(cm_xdb_check(&errors, &report, path), 0, "%s", cm_error_last());
	cr_expect_eq(errors, 0, "%s", report);
	free(report);
	snprintf(out, sizeof out, "%s/compact", dir);
	cr_assert_eq(cm_xdb_compact(path, out), 0, "%s", cm_error_last());
	cr_assert_eq(cm_xdb_open(&c, out), 0);
	cr_assert_eq(cm_xdb_doccount(&count, c), 0);
	cr_expect_eq(count, 3);
	cm_xdb_free(c);
	cr_expect_eq(cm_xdb_check(&errors, NULL, dir), CM_EIO);
}
