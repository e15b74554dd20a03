/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/xapian_c.h: a generic C binding to xapian-core (1.4).
 *
 * Ownership: every handle that comes back through an `**out` parameter is the
 * caller's and is freed with its cm_x*_free() (NULL is a no-op); strings and
 * buffers returned through `char **out` are the caller's and freed with
 * free(). A `const char **` out-parameter of an iterator is borrowed from the
 * iterator and stays valid until its next call or its free.
 *
 * Errors: every function returns 0 (or, for the *_next iterators, 1 for an
 * item and 0 at the end) or a negative CM_E* code from chimuc/error.h with the
 * message in cm_error_last(). Xapian's exceptions map as: DatabaseLockError to
 * CM_ELOCKED, DatabaseModifiedError to CM_EMODIFIED, DatabaseCorruptError to
 * CM_ECORRUPT, DatabaseNotFoundError and DocNotFoundError to CM_ENOTFOUND,
 * InvalidArgumentError, InvalidOperationError and RangeError to CM_EINVAL,
 * QueryParserError to CM_EPARSE, other DatabaseError and NetworkError
 * (a remote database that did not answer) to CM_EIO,
 * std::bad_alloc to CM_ENOMEM, anything else to CM_ERROR. No exception ever
 * crosses this interface. Out-parameters are written only on success.
 *
 * Terms and values are byte strings with explicit lengths. */
#ifndef CHIMUC_XAPIAN_C_H
#define CHIMUC_XAPIAN_C_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

typedef unsigned cm_xdocid;
typedef unsigned cm_xtermpos;

typedef struct cm_xdb cm_xdb;               /* Database or WritableDatabase */
typedef struct cm_xdoc cm_xdoc;             /* Document */
typedef struct cm_xquery cm_xquery;         /* Query (immutable) */
typedef struct cm_xenquire cm_xenquire;     /* Enquire */
typedef struct cm_xmset cm_xmset;           /* MSet */
typedef struct cm_xterms cm_xterms;         /* term iterator */
typedef struct cm_xpostings cm_xpostings;   /* posting-list iterator */
typedef struct cm_xpositions cm_xpositions; /* position-list iterator */

/* ---- databases ---------------------------------------------------------- */

/* Opens the database at path read-only. CM_ENOTFOUND if there is none. */
int cm_xdb_open(cm_xdb **out, const char *path);

/* Opens the remote database served by xapian-tcpsrv at host:port, or by
 * xapian-progsrv started as `program args` (split at spaces, as Xapian
 * does); a connection or a call taking longer than timeout_ms fails with
 * CM_EIO. */
int cm_xdb_open_remote(cm_xdb **out, const char *host, unsigned port, unsigned timeout_ms);
int cm_xdb_open_remote_program(cm_xdb **out, const char *program, const char *args,
			       unsigned timeout_ms);
/* An empty database in memory (it stands in for one that is missing). */
int cm_xdb_open_empty(cm_xdb **out);
/* One read-only database over the n databases subs (which stay the
 * caller's and must outlive it): document d of subs[i] is document
 * (d - 1) * n + i + 1; statistics are combined; user metadata comes from
 * subs[0] only; a remote sub-database gives no synonyms. */
int cm_xdb_combine(cm_xdb **out, cm_xdb *const *subs, size_t n);
/* Keeps synonym as a synonym of term in memory: cm_xdb_synonyms gives it
 * with those stored (sorted, each once). For databases that cannot serve
 * their synonyms (remote ones). */
int cm_xdb_keep_synonym(cm_xdb *db, const char *term, size_t len, const char *synonym,
			size_t synonym_len);

/* Has load(ctx, db) run once before the first cm_xdb_synonyms of db (to
 * keep synonyms there lazily); its error is that call's, and it runs again
 * on the next. */
void cm_xdb_on_first_synonyms(cm_xdb *db, int (*load)(void *ctx, cm_xdb *db), void *ctx);

typedef enum {
	CM_XDB_CREATE_OR_OPEN = 0, /* create it if missing */
	CM_XDB_OPEN = 1,           /* it must exist (CM_ENOTFOUND otherwise) */
	CM_XDB_CREATE = 2          /* it must not exist */
} cm_xdb_mode;

/* Opens path for writing with one of the CM_XDB_* modes. CM_ELOCKED when
 * another writer holds it. */
int cm_xdb_open_writable(cm_xdb **out, const char *path, int mode);

/* Closes the database (releasing the write lock) and frees the handle. A
 * writable database commits pending changes first, unless a transaction is
 * open (then they are dropped). NULL is a no-op. Returns the error of the
 * close, if any; the handle is freed in every case. */
int cm_xdb_free(cm_xdb *db);

/* Brings a reader to the latest committed revision; *out_changed is 1 if it
 * moved. */
int cm_xdb_reopen(int *out_changed, cm_xdb *db);
/* The revision the reader is at (it grows with each commit). */
int cm_xdb_revision(unsigned long long *out, cm_xdb *db);

int cm_xdb_doccount(unsigned *out, cm_xdb *db);
int cm_xdb_lastdocid(cm_xdocid *out, cm_xdb *db);

/* Documents containing term (0 if none). */
int cm_xdb_termfreq(unsigned *out, cm_xdb *db, const char *term, size_t len);

/* The document docid; CM_ENOTFOUND if there is none. */
int cm_xdb_get_document(cm_xdoc **out, cm_xdb *db, cm_xdocid docid);

/* Writable only. */
int cm_xdb_add_document(cm_xdocid *out, cm_xdb *db, const cm_xdoc *doc);
/* Replaces every document indexed by unique_term with doc (adding it if none
 * has the term); doc should itself contain unique_term. */
int cm_xdb_replace_by_term(cm_xdocid *out, cm_xdb *db, const char *unique_term, size_t len,
			   const cm_xdoc *doc);
int cm_xdb_replace_document(cm_xdb *db, cm_xdocid docid, const cm_xdoc *doc);
int cm_xdb_delete_by_term(cm_xdb *db, const char *unique_term, size_t len);
int cm_xdb_delete_document(cm_xdb *db, cm_xdocid docid);

/* Transactions: flushed != 0 makes commit_transaction also commit. */
int cm_xdb_begin_transaction(cm_xdb *db, int flushed);
int cm_xdb_commit_transaction(cm_xdb *db);
int cm_xdb_cancel_transaction(cm_xdb *db);
int cm_xdb_commit(cm_xdb *db);

/* User metadata: *out is NUL-terminated as well as sized; an absent key
 * gives an empty string. */
int cm_xdb_get_metadata(char **out, size_t *out_len, cm_xdb *db, const char *key);
int cm_xdb_set_metadata(cm_xdb *db, const char *key, const char *value, size_t len);
/* The user metadata keys that begin with prefix, in order (count 0), read
 * with cm_xterms_next. */
int cm_xdb_metadata_keys(cm_xterms **out, cm_xdb *db, const char *prefix, size_t len);

/* Records synonym as a synonym of term (kept once; committed with the next
 * commit). Writable databases only. */
int cm_xdb_add_synonym(cm_xdb *db, const char *term, size_t len, const char *synonym,
		       size_t synonym_len);

/* Checks the database at path with Xapian's checker. *out_errors is the
 * number of errors found; *out_report (may be NULL) receives the checker's
 * output, NUL-terminated. */
int cm_xdb_check(size_t *out_errors, char **out_report, const char *path);

/* Writes a compacted copy of the database at src to dst (which must not
 * exist). */
int cm_xdb_compact(const char *src, const char *dst);

/* Writes the documents, synonyms and metadata of the n databases at srcs,
 * compacted, to one new database at dst (which must not exist); documents
 * are numbered anew, those of srcs[0] first. A metadata key found in
 * several keeps its first value. */
int cm_xdb_merge(const char *const *srcs, size_t n, const char *dst);

/* ---- documents ---------------------------------------------------------- */

int cm_xdoc_new(cm_xdoc **out);
void cm_xdoc_free(cm_xdoc *doc);

/* Adds term at position pos (1-based), increasing its wdf by wdf_inc. */
int cm_xdoc_add_posting(cm_xdoc *doc, const char *term, size_t len, cm_xtermpos pos,
			unsigned wdf_inc);
/* Adds term without a position. */
int cm_xdoc_add_term(cm_xdoc *doc, const char *term, size_t len, unsigned wdf_inc);
int cm_xdoc_remove_term(cm_xdoc *doc, const char *term, size_t len);
int cm_xdoc_clear_terms(cm_xdoc *doc);
int cm_xdoc_termcount(unsigned *out, cm_xdoc *doc);

int cm_xdoc_set_data(cm_xdoc *doc, const char *data, size_t len);
/* *out is a NUL-terminated copy of the data. */
int cm_xdoc_get_data(char **out, size_t *out_len, cm_xdoc *doc);

int cm_xdoc_add_value(cm_xdoc *doc, unsigned slot, const char *value, size_t len);
/* An unset slot gives an empty string. */
int cm_xdoc_get_value(char **out, size_t *out_len, cm_xdoc *doc, unsigned slot);

int cm_xdoc_docid(cm_xdocid *out, cm_xdoc *doc);

/* Encodes a double as a string that sorts bytewise in numeric order (for
 * value slots and value ranges); buf must hold 10 bytes. Returns the length. */
size_t cm_xsortable_serialise(char *buf, double value);
double cm_xsortable_unserialise(const char *buf, size_t len);

/* ---- iterators ---------------------------------------------------------- */

/* The terms of a document (count = wdf), or of the whole database that begin
 * with prefix (count = term frequency; prefix may be "" for all). */
int cm_xdoc_terms(cm_xterms **out, cm_xdoc *doc);
int cm_xdb_allterms(cm_xterms **out, cm_xdb *db, const char *prefix, size_t len);
/* The synonyms recorded for term (count = 0), in byte order. */
int cm_xdb_synonyms(cm_xterms **out, cm_xdb *db, const char *term, size_t len);
/* 1 and the next term (borrowed) with its count, or 0 at the end. */
int cm_xterms_next(const char **term, size_t *len, unsigned *count, cm_xterms *it);
/* Moves the iterator of cm_xdb_allterms to the first term at or after
 * term. */
int cm_xterms_skip_to(cm_xterms *it, const char *term, size_t len);
void cm_xterms_free(cm_xterms *it);

/* The documents containing term, in docid order. */
int cm_xdb_postings(cm_xpostings **out, cm_xdb *db, const char *term, size_t len);
int cm_xpostings_next(cm_xdocid *docid, unsigned *wdf, cm_xpostings *it);
void cm_xpostings_free(cm_xpostings *it);

/* The positions of term in document docid. */
int cm_xdb_positions(cm_xpositions **out, cm_xdb *db, cm_xdocid docid, const char *term,
		     size_t len);
int cm_xpositions_next(cm_xtermpos *pos, cm_xpositions *it);
void cm_xpositions_free(cm_xpositions *it);

/* ---- queries ------------------------------------------------------------ */

typedef enum cm_xop {
	CM_XQ_AND,
	CM_XQ_OR,
	CM_XQ_AND_NOT,   /* first AND NOT (OR of the rest) */
	CM_XQ_AND_MAYBE, /* first, weighted up by the rest */
	CM_XQ_FILTER,    /* first, restricted by the rest without weight */
	CM_XQ_PHRASE,    /* in order within window (0: number of subqueries) */
	CM_XQ_NEAR,      /* in any order within window */
	CM_XQ_SYNONYM,   /* OR weighted as one term */
	CM_XQ_MAX        /* OR weighted by the best subquery */
} cm_xop;

/* A term; wqf is the within-query frequency (1 by default), pos its
 * position in the query (0 if none). */
int cm_xquery_term(cm_xquery **out, const char *term, size_t len, unsigned wqf, cm_xtermpos pos);
/* Combines n >= 1 subqueries (not consumed: free them as usual). */
int cm_xquery_combine(cm_xquery **out, enum cm_xop op, cm_xquery *const *subs, size_t n,
		      unsigned window);
/* Documents whose value in slot lies in [lo, hi] bytewise; lo or hi may be
 * NULL for an open end. */
int cm_xquery_value_range(cm_xquery **out, unsigned slot, const char *lo, size_t lo_len,
			  const char *hi, size_t hi_len);
int cm_xquery_scale(cm_xquery **out, double factor, const cm_xquery *sub);
int cm_xquery_match_all(cm_xquery **out);
int cm_xquery_match_nothing(cm_xquery **out);
int cm_xquery_is_empty(int *out, const cm_xquery *q);
/* Xapian's description of the query (for debugging and tests). */
int cm_xquery_describe(char **out, const cm_xquery *q);
void cm_xquery_free(cm_xquery *q);

typedef enum {
	CM_XQP_BOOLEAN = 1, /* AND, OR, NOT, XOR */
	CM_XQP_PHRASE = 2,  /* "quoted phrases" */
	CM_XQP_LOVEHATE = 4 /* +word -word */
} cm_xqp_flags;

/* Xapian's QueryParser with default operator OR, no stemming, the given
 * CM_XQP_* flags, and terms prefixed by prefix ("" for none). CM_EPARSE on
 * a syntax error. db may be NULL (it is only used for wildcards). */
int cm_xquery_parse(cm_xquery **out, cm_xdb *db, const char *text, const char *prefix, int flags);

/* ---- searching ---------------------------------------------------------- */

int cm_xenquire_new(cm_xenquire **out, cm_xdb *db);
void cm_xenquire_free(cm_xenquire *e);
int cm_xenquire_set_query(cm_xenquire *e, const cm_xquery *q);
/* BM25 with Xapian's parameters (the default is k1 1, k2 0, k3 1, b 0.5,
 * min_normlen 0.5). */
int cm_xenquire_set_bm25(cm_xenquire *e, double k1, double k2, double k3, double b,
			 double min_normlen);
/* Order by a value slot (bytewise) instead of relevance. */
int cm_xenquire_set_sort_by_value(cm_xenquire *e, unsigned slot, int reverse);
/* Order by document id, ascending, instead of relevance. */
int cm_xenquire_set_sort_by_docid(cm_xenquire *e);
int cm_xenquire_mset(cm_xmset **out, cm_xenquire *e, unsigned first, unsigned maxitems);

unsigned cm_xmset_size(const cm_xmset *m);
unsigned cm_xmset_matches_estimated(const cm_xmset *m);
/* Item i (0 <= i < size): its docid, weight and rank (0-based, counting from
 * the first match of the whole result, not of this page). */
int cm_xmset_get(cm_xdocid *docid, double *weight, unsigned *rank, const cm_xmset *m, unsigned i);
int cm_xmset_document(cm_xdoc **out, const cm_xmset *m, unsigned i);
void cm_xmset_free(cm_xmset *m);

#ifdef __cplusplus
}
#endif

#endif
