/* SPDX-License-Identifier: GPL-2.0-or-later */

/* xapian_c.cc: the C binding to xapian-core declared in chimuc/xapian_c.h,
 * and the project's only C++ file. Every entry point runs its body inside
 * guard(), so no exception reaches C: map_exception() turns each one into a
 * CM_E* code and message. Strings handed out are malloc'd copies or buffers
 * owned by the handle, never pointers into C++ temporaries. It holds no
 * chimuc domain logic. */
#include "chimuc/xapian_c.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <xapian.h>

#include "chimuc/error.h"

#ifdef CM_ASAN
/* libxapian 1.4.22's Database::check() deletes an object through a pointer
 * of another size, inside libxapian: under AddressSanitizer that would abort
 * every program that checks an index. Only that one report is turned off. */
extern "C" const char *__asan_default_options(void);
extern "C" const char *__asan_default_options(void)
{
	return "new_delete_type_mismatch=0";
}
#endif

struct cm_xdb {
	Xapian::Database *db; /* points to a WritableDatabase when writable */
	bool writable;
	/* synonyms kept in memory (cm_xdb_keep_synonym), merged into
	 * cm_xdb_synonyms: for sub-databases that cannot serve theirs */
	std::map<std::string, std::vector<std::string>> kept;
	int (*load)(void *ctx, cm_xdb *db); /* run before the first cm_xdb_synonyms */
	void *load_ctx;

	cm_xdb(Xapian::Database *d, bool w) : db(d), writable(w), load(nullptr), load_ctx(nullptr)
	{
	}
};

struct cm_xdoc {
	Xapian::Document doc;
};

struct cm_xquery {
	Xapian::Query q;
};

struct cm_xenquire {
	Xapian::Enquire enq;
};

struct cm_xmset {
	Xapian::MSet mset;
};

struct cm_xterms {
	Xapian::Document doc; /* keeps a document's term list alive */
	Xapian::TermIterator it, end;
	enum { WDF, TERMFREQ, NONE } count; /* what cm_xterms_next counts */
	std::string current;                /* the term last returned (borrowed by the caller) */
	std::vector<std::string> list;      /* when not empty: the terms, instead of it */
	size_t at;                          /* the next one of list */

	cm_xterms(const Xapian::Document &d, const Xapian::TermIterator &b,
		  const Xapian::TermIterator &e, decltype(count) c, const char *cur)
	    : doc(d), it(b), end(e), count(c), current(cur), at(0)
	{
	}
};

struct cm_xpostings {
	Xapian::PostingIterator it, end;
};

struct cm_xpositions {
	Xapian::PositionIterator it, end;
};

namespace
{

/* Maps the exception being handled to a CM_E* code and records its message;
 * the only place exceptions are mapped. */
int map_exception() noexcept
{
	auto fail = [](int code, const Xapian::Error &e) {
		return cm_error_set(code, "%s: %s", e.get_type(), e.get_msg().c_str());
	};

	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		return fail(CM_ELOCKED, e);
	} catch (const Xapian::DatabaseModifiedError &e) {
		return fail(CM_EMODIFIED, e);
	} catch (const Xapian::DatabaseCorruptError &e) {
		return fail(CM_ECORRUPT, e);
	} catch (const Xapian::DatabaseNotFoundError &e) {
		return fail(CM_ENOTFOUND, e);
	} catch (const Xapian::DocNotFoundError &e) {
		return fail(CM_ENOTFOUND, e);
	} catch (const Xapian::InvalidArgumentError &e) {
		return fail(CM_EINVAL, e);
	} catch (const Xapian::InvalidOperationError &e) {
		return fail(CM_EINVAL, e);
	} catch (const Xapian::RangeError &e) {
		return fail(CM_EINVAL, e);
	} catch (const Xapian::QueryParserError &e) {
		return fail(CM_EPARSE, e);
	} catch (const Xapian::DatabaseError &e) {
		return fail(CM_EIO, e);
	} catch (const Xapian::NetworkError &e) {
		return fail(CM_EIO, e);
	} catch (const Xapian::Error &e) {
		return fail(CM_ERROR, e);
	} catch (const std::bad_alloc &) {
		return cm_error_nomem();
	} catch (const std::exception &e) {
		return cm_error_set(CM_ERROR, "%s", e.what());
	} catch (...) {
		return cm_error_set(CM_ERROR, "unknown C++ exception");
	}
}

/* Runs f, which returns 0 (or 1) or a code, turning any exception into a
 * code. */
template <typename F> int guard(F f) noexcept
{
	try {
		return f();
	} catch (...) {
		return map_exception();
	}
}

/* guard() for the functions that need a writable database: f receives it. */
template <typename F> int guard_writable(cm_xdb *db, F f) noexcept
{
	return guard([&] {
		if (!db->writable)
			return cm_error_set(CM_EINVAL, "the database is open read-only");
		return f(*static_cast<Xapian::WritableDatabase *>(db->db));
	});
}

/* *out (and *out_len unless NULL) = a malloc'd, NUL-terminated copy of s. */
int copy_out(char **out, size_t *out_len, const std::string &s)
{
	char *p = static_cast<char *>(std::malloc(s.size() + 1));
	if (!p)
		return cm_error_nomem();
	std::memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	*out = p;
	if (out_len)
		*out_len = s.size();
	return 0;
}

int need_ptr(const void *p, const char *what)
{
	return p ? 0 : cm_error_set(CM_EINVAL, "%s is NULL", what);
}

} /* namespace */

extern "C" {

/* ---- databases ---------------------------------------------------------- */

int cm_xdb_open(cm_xdb **out, const char *path)
{
	return guard([&] {
		std::unique_ptr<Xapian::Database> db(new Xapian::Database(path));
		*out = new cm_xdb{db.get(), false};
		db.release();
		return 0;
	});
}

int cm_xdb_open_remote(cm_xdb **out, const char *host, unsigned port, unsigned timeout_ms)
{
	return guard([&] {
		std::unique_ptr<Xapian::Database> db(new Xapian::Database(
			Xapian::Remote::open(host, port, timeout_ms, timeout_ms)));
		*out = new cm_xdb{db.get(), false};
		db.release();
		return 0;
	});
}

int cm_xdb_open_remote_program(cm_xdb **out, const char *program, const char *args,
			       unsigned timeout_ms)
{
	return guard([&] {
		std::unique_ptr<Xapian::Database> db(
			new Xapian::Database(Xapian::Remote::open(program, args, timeout_ms)));
		*out = new cm_xdb{db.get(), false};
		db.release();
		return 0;
	});
}

int cm_xdb_open_empty(cm_xdb **out)
{
	return guard([&] {
/* InMemory is deprecated in 1.4 but is the one empty database that takes
 * no file. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
		std::unique_ptr<Xapian::Database> db(
			new Xapian::Database(Xapian::InMemory::open()));
#pragma GCC diagnostic pop
		*out = new cm_xdb{db.get(), false};
		db.release();
		return 0;
	});
}

int cm_xdb_combine(cm_xdb **out, cm_xdb *const *subs, size_t n)
{
	return guard([&] {
		std::unique_ptr<Xapian::Database> db(new Xapian::Database());
		for (size_t i = 0; i < n; i++)
			db->add_database(*subs[i]->db);
		*out = new cm_xdb{db.get(), false};
		db.release();
		return 0;
	});
}

int cm_xdb_open_writable(cm_xdb **out, const char *path, int mode)
{
	return guard([&] {
		int action;
		switch (mode) {
		case CM_XDB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
		case CM_XDB_OPEN: action = Xapian::DB_OPEN; break;
		case CM_XDB_CREATE: action = Xapian::DB_CREATE; break;
		default: return cm_error_set(CM_EINVAL, "unknown open mode %d", mode);
		}
		std::unique_ptr<Xapian::Database> db(new Xapian::WritableDatabase(path, action));
		*out = new cm_xdb{db.get(), true};
		db.release();
		return 0;
	});
}

int cm_xdb_free(cm_xdb *db)
{
	if (!db)
		return 0;
	/* close() aborts an open transaction, otherwise commits. A reader is
	 * not closed: a combined database shares its sub-databases, which
	 * close() would close too. */
	int rc = !db->writable ? 0 : guard([&] {
		db->db->close();
		return 0;
	});
	delete db->db;
	delete db;
	return rc;
}

int cm_xdb_reopen(int *out_changed, cm_xdb *db)
{
	return guard([&] {
		*out_changed = db->db->reopen() ? 1 : 0;
		return 0;
	});
}

int cm_xdb_revision(unsigned long long *out, cm_xdb *db)
{
	return guard([&] {
		*out = db->db->get_revision();
		return 0;
	});
}

int cm_xdb_doccount(unsigned *out, cm_xdb *db)
{
	return guard([&] {
		*out = db->db->get_doccount();
		return 0;
	});
}

int cm_xdb_lastdocid(cm_xdocid *out, cm_xdb *db)
{
	return guard([&] {
		*out = db->db->get_lastdocid();
		return 0;
	});
}

int cm_xdb_termfreq(unsigned *out, cm_xdb *db, const char *term, size_t len)
{
	return guard([&] {
		*out = db->db->get_termfreq(std::string(term, len));
		return 0;
	});
}

int cm_xdb_get_document(cm_xdoc **out, cm_xdb *db, cm_xdocid docid)
{
	return guard([&] {
		if (docid == 0)
			return cm_error_set(CM_ENOTFOUND, "there is no document 0");
		*out = new cm_xdoc{db->db->get_document(docid)};
		return 0;
	});
}

int cm_xdb_add_document(cm_xdocid *out, cm_xdb *db, const cm_xdoc *doc)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		int rc = need_ptr(doc, "document");
		if (rc == 0)
			*out = w.add_document(doc->doc);
		return rc;
	});
}

int cm_xdb_replace_by_term(cm_xdocid *out, cm_xdb *db, const char *unique_term, size_t len,
			   const cm_xdoc *doc)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		int rc = need_ptr(doc, "document");
		if (rc == 0)
			*out = w.replace_document(std::string(unique_term, len), doc->doc);
		return rc;
	});
}

int cm_xdb_replace_document(cm_xdb *db, cm_xdocid docid, const cm_xdoc *doc)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		int rc = need_ptr(doc, "document");
		if (rc == 0)
			w.replace_document(docid, doc->doc);
		return rc;
	});
}

int cm_xdb_delete_by_term(cm_xdb *db, const char *unique_term, size_t len)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.delete_document(std::string(unique_term, len));
		return 0;
	});
}

int cm_xdb_delete_document(cm_xdb *db, cm_xdocid docid)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.delete_document(docid);
		return 0;
	});
}

int cm_xdb_begin_transaction(cm_xdb *db, int flushed)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.begin_transaction(flushed != 0);
		return 0;
	});
}

int cm_xdb_commit_transaction(cm_xdb *db)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.commit_transaction();
		return 0;
	});
}

int cm_xdb_cancel_transaction(cm_xdb *db)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.cancel_transaction();
		return 0;
	});
}

int cm_xdb_commit(cm_xdb *db)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.commit();
		return 0;
	});
}

int cm_xdb_get_metadata(char **out, size_t *out_len, cm_xdb *db, const char *key)
{
	return guard([&] { return copy_out(out, out_len, db->db->get_metadata(key)); });
}

int cm_xdb_set_metadata(cm_xdb *db, const char *key, const char *value, size_t len)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.set_metadata(key, std::string(value, len));
		return 0;
	});
}

int cm_xdb_check(size_t *out_errors, char **out_report, const char *path)
{
	return guard([&] {
		std::ostringstream report;
		size_t errors = Xapian::Database::check(path, Xapian::DBCHECK_SHOW_STATS, &report);
		if (out_report) {
			int rc = copy_out(out_report, nullptr, report.str());
			if (rc < 0)
				return rc;
		}
		*out_errors = errors;
		return 0;
	});
}

int cm_xdb_compact(const char *src, const char *dst)
{
	return cm_xdb_merge(&src, 1, dst);
}

int cm_xdb_merge(const char *const *srcs, size_t n, const char *dst)
{
	return guard([&] {
		struct stat st;
		Xapian::Database all;
		/* Xapian would compact into an existing directory, over its files. */
		if (stat(dst, &st) == 0)
			return cm_error_set(CM_EINVAL, "%s already exists", dst);
		for (size_t i = 0; i < n; i++)
			all.add_database(Xapian::Database(srcs[i]));
		all.compact(dst);
		return 0;
	});
}

/* ---- documents ---------------------------------------------------------- */

int cm_xdoc_new(cm_xdoc **out)
{
	return guard([&] {
		*out = new cm_xdoc;
		return 0;
	});
}

void cm_xdoc_free(cm_xdoc *doc)
{
	delete doc;
}

int cm_xdoc_add_posting(cm_xdoc *doc, const char *term, size_t len, cm_xtermpos pos,
			unsigned wdf_inc)
{
	return guard([&] {
		doc->doc.add_posting(std::string(term, len), pos, wdf_inc);
		return 0;
	});
}

int cm_xdoc_add_term(cm_xdoc *doc, const char *term, size_t len, unsigned wdf_inc)
{
	return guard([&] {
		doc->doc.add_term(std::string(term, len), wdf_inc);
		return 0;
	});
}

int cm_xdoc_remove_term(cm_xdoc *doc, const char *term, size_t len)
{
	return guard([&] {
		doc->doc.remove_term(std::string(term, len));
		return 0;
	});
}

int cm_xdoc_clear_terms(cm_xdoc *doc)
{
	return guard([&] {
		doc->doc.clear_terms();
		return 0;
	});
}

int cm_xdoc_termcount(unsigned *out, cm_xdoc *doc)
{
	return guard([&] {
		*out = doc->doc.termlist_count();
		return 0;
	});
}

int cm_xdoc_set_data(cm_xdoc *doc, const char *data, size_t len)
{
	return guard([&] {
		doc->doc.set_data(std::string(data, len));
		return 0;
	});
}

int cm_xdoc_get_data(char **out, size_t *out_len, cm_xdoc *doc)
{
	return guard([&] { return copy_out(out, out_len, doc->doc.get_data()); });
}

int cm_xdoc_add_value(cm_xdoc *doc, unsigned slot, const char *value, size_t len)
{
	return guard([&] {
		doc->doc.add_value(slot, std::string(value, len));
		return 0;
	});
}

int cm_xdoc_get_value(char **out, size_t *out_len, cm_xdoc *doc, unsigned slot)
{
	return guard([&] { return copy_out(out, out_len, doc->doc.get_value(slot)); });
}

int cm_xdoc_docid(cm_xdocid *out, cm_xdoc *doc)
{
	return guard([&] {
		*out = doc->doc.get_docid();
		return 0;
	});
}

/* These two cannot report a code: on an exception (which Xapian does not
 * throw here) they record the error and return 0. */
size_t cm_xsortable_serialise(char *buf, double value)
{
	size_t n = 0;
	guard([&] {
		std::string s = Xapian::sortable_serialise(value);
		std::memcpy(buf, s.data(), s.size());
		n = s.size();
		return 0;
	});
	return n;
}

double cm_xsortable_unserialise(const char *buf, size_t len)
{
	double v = 0;
	guard([&] {
		v = Xapian::sortable_unserialise(std::string(buf, len));
		return 0;
	});
	return v;
}

/* ---- iterators ---------------------------------------------------------- */

int cm_xdoc_terms(cm_xterms **out, cm_xdoc *doc)
{
	return guard([&] {
		const Xapian::Document &d = doc->doc;
		*out = new cm_xterms{d, d.termlist_begin(), d.termlist_end(), cm_xterms::WDF, ""};
		return 0;
	});
}

int cm_xdb_allterms(cm_xterms **out, cm_xdb *db, const char *prefix, size_t len)
{
	return guard([&] {
		std::string p(prefix, len);
		*out = new cm_xterms{Xapian::Document(), db->db->allterms_begin(p),
				     db->db->allterms_end(p), cm_xterms::TERMFREQ, ""};
		return 0;
	});
}

int cm_xdb_synonyms(cm_xterms **out, cm_xdb *db, const char *term, size_t len)
{
	if (db->load) {
		int (*load)(void *, cm_xdb *) = db->load;
		int rc;
		db->load = nullptr;
		if ((rc = load(db->load_ctx, db)) < 0) {
			db->load = load;
			return rc;
		}
	}
	return guard([&] {
		std::string t(term, len);
		std::unique_ptr<cm_xterms> it(
			new cm_xterms{Xapian::Document(), db->db->synonyms_begin(t),
				      db->db->synonyms_end(t), cm_xterms::NONE, ""});
		auto kept = db->kept.find(t);
		if (kept != db->kept.end()) {
			std::vector<std::string> &v = it->list;
			v.assign(it->it, it->end);
			v.insert(v.end(), kept->second.begin(), kept->second.end());
			std::sort(v.begin(), v.end());
			v.erase(std::unique(v.begin(), v.end()), v.end());
			it->at = 0;
		}
		*out = it.release();
		return 0;
	});
}

int cm_xdb_keep_synonym(cm_xdb *db, const char *term, size_t len, const char *synonym,
			size_t synonym_len)
{
	return guard([&] {
		db->kept[std::string(term, len)].emplace_back(synonym, synonym_len);
		return 0;
	});
}

int cm_xdb_add_synonym(cm_xdb *db, const char *term, size_t len, const char *synonym,
		       size_t synonym_len)
{
	return guard_writable(db, [&](Xapian::WritableDatabase &w) {
		w.add_synonym(std::string(term, len), std::string(synonym, synonym_len));
		return 0;
	});
}

int cm_xdb_metadata_keys(cm_xterms **out, cm_xdb *db, const char *prefix, size_t len)
{
	return guard([&] {
		std::string p(prefix, len);
		*out = new cm_xterms{Xapian::Document(), db->db->metadata_keys_begin(p),
				     db->db->metadata_keys_end(p), cm_xterms::NONE, ""};
		return 0;
	});
}

int cm_xterms_next(const char **term, size_t *len, unsigned *count, cm_xterms *it)
{
	return guard([&] {
		if (!it->list.empty()) {
			if (it->at == it->list.size())
				return 0;
			it->current = it->list[it->at++];
			*term = it->current.c_str();
			*len = it->current.size();
			*count = 0;
			return 1;
		}
		if (it->it == it->end)
			return 0;
		it->current = *it->it;
		unsigned c = it->count == cm_xterms::TERMFREQ ? it->it.get_termfreq()
			     : it->count == cm_xterms::WDF    ? it->it.get_wdf()
							      : 0;
		++it->it;
		*term = it->current.c_str();
		*len = it->current.size();
		*count = c;
		return 1;
	});
}

void cm_xdb_on_first_synonyms(cm_xdb *db, int (*load)(void *ctx, cm_xdb *db), void *ctx)
{
	db->load = load;
	db->load_ctx = ctx;
}

int cm_xterms_skip_to(cm_xterms *it, const char *term, size_t len)
{
	return guard([&] {
		if (!it->list.empty())
			return cm_error_set(CM_EINVAL, "a merged term list cannot skip");
		it->it.skip_to(std::string(term, len));
		return 0;
	});
}

void cm_xterms_free(cm_xterms *it)
{
	delete it;
}

int cm_xdb_postings(cm_xpostings **out, cm_xdb *db, const char *term, size_t len)
{
	return guard([&] {
		std::string t(term, len);
		*out = new cm_xpostings{db->db->postlist_begin(t), db->db->postlist_end(t)};
		return 0;
	});
}

int cm_xpostings_next(cm_xdocid *docid, unsigned *wdf, cm_xpostings *it)
{
	return guard([&] {
		if (it->it == it->end)
			return 0;
		cm_xdocid id = *it->it;
		unsigned w = it->it.get_wdf();
		++it->it;
		*docid = id;
		*wdf = w;
		return 1;
	});
}

void cm_xpostings_free(cm_xpostings *it)
{
	delete it;
}

int cm_xdb_positions(cm_xpositions **out, cm_xdb *db, cm_xdocid docid, const char *term, size_t len)
{
	return guard([&] {
		std::string t(term, len);
		*out = new cm_xpositions{db->db->positionlist_begin(docid, t),
					 db->db->positionlist_end(docid, t)};
		return 0;
	});
}

int cm_xpositions_next(cm_xtermpos *pos, cm_xpositions *it)
{
	return guard([&] {
		if (it->it == it->end)
			return 0;
		cm_xtermpos p = *it->it;
		++it->it;
		*pos = p;
		return 1;
	});
}

void cm_xpositions_free(cm_xpositions *it)
{
	delete it;
}

/* ---- queries ------------------------------------------------------------ */

int cm_xquery_term(cm_xquery **out, const char *term, size_t len, unsigned wqf, cm_xtermpos pos)
{
	return guard([&] {
		*out = new cm_xquery{Xapian::Query(std::string(term, len), wqf ? wqf : 1, pos)};
		return 0;
	});
}

int cm_xquery_combine(cm_xquery **out, enum cm_xop op, cm_xquery *const *subs, size_t n,
		      unsigned window)
{
	return guard([&] {
		/* C may pass any int, and loading an enum out of its range is
		 * undefined in C++: read the bytes instead. */
		std::underlying_type_t<enum cm_xop> code;
		std::memcpy(&code, &op, sizeof code);
		Xapian::Query::op xop;
		switch (code) {
		case CM_XQ_AND: xop = Xapian::Query::OP_AND; break;
		case CM_XQ_OR: xop = Xapian::Query::OP_OR; break;
		case CM_XQ_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
		case CM_XQ_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
		case CM_XQ_FILTER: xop = Xapian::Query::OP_FILTER; break;
		case CM_XQ_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
		case CM_XQ_NEAR: xop = Xapian::Query::OP_NEAR; break;
		case CM_XQ_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
		case CM_XQ_MAX: xop = Xapian::Query::OP_MAX; break;
		default: return cm_error_set(CM_EINVAL, "unknown query operator %d", (int)code);
		}
		if (n == 0 || !subs)
			return cm_error_set(CM_EINVAL, "an operator needs at least one subquery");
		if (window && xop != Xapian::Query::OP_PHRASE && xop != Xapian::Query::OP_NEAR)
			return cm_error_set(CM_EINVAL, "a window only applies to PHRASE and NEAR");
		std::vector<Xapian::Query> v;
		v.reserve(n);
		for (size_t i = 0; i < n; i++) {
			if (!subs[i])
				return cm_error_set(CM_EINVAL, "subquery %zu is NULL", i);
			v.push_back(subs[i]->q);
		}
		if ((xop == Xapian::Query::OP_AND_NOT || xop == Xapian::Query::OP_AND_MAYBE ||
		     xop == Xapian::Query::OP_FILTER) &&
		    n > 2) {
			/* Xapian folds these left to right; the header promises
			 * first op (OR of the rest). */
			Xapian::Query rest(Xapian::Query::OP_OR, v.begin() + 1, v.end());
			*out = new cm_xquery{Xapian::Query(xop, v[0], rest)};
			return 0;
		}
		*out = new cm_xquery{Xapian::Query(xop, v.begin(), v.end(), window)};
		return 0;
	});
}

int cm_xquery_value_range(cm_xquery **out, unsigned slot, const char *lo, size_t lo_len,
			  const char *hi, size_t hi_len)
{
	return guard([&] {
		Xapian::Query q = Xapian::Query::MatchAll;
		if (lo && hi)
			q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
					  std::string(lo, lo_len), std::string(hi, hi_len));
		else if (lo)
			q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
					  std::string(lo, lo_len));
		else if (hi)
			q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot,
					  std::string(hi, hi_len));
		*out = new cm_xquery{q};
		return 0;
	});
}

int cm_xquery_scale(cm_xquery **out, double factor, const cm_xquery *sub)
{
	return guard([&] {
		int rc = need_ptr(sub, "subquery");
		if (rc == 0)
			*out = new cm_xquery{
				Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, sub->q, factor)};
		return rc;
	});
}

int cm_xquery_match_all(cm_xquery **out)
{
	return guard([&] {
		*out = new cm_xquery{Xapian::Query::MatchAll};
		return 0;
	});
}

int cm_xquery_match_nothing(cm_xquery **out)
{
	return guard([&] {
		*out = new cm_xquery{Xapian::Query::MatchNothing};
		return 0;
	});
}

int cm_xquery_is_empty(int *out, const cm_xquery *q)
{
	return guard([&] {
		*out = q->q.empty() ? 1 : 0;
		return 0;
	});
}

int cm_xquery_describe(char **out, const cm_xquery *q)
{
	return guard([&] { return copy_out(out, nullptr, q->q.get_description()); });
}

void cm_xquery_free(cm_xquery *q)
{
	delete q;
}

int cm_xquery_parse(cm_xquery **out, cm_xdb *db, const char *text, const char *prefix, int flags)
{
	return guard([&] {
		if (flags & ~(CM_XQP_BOOLEAN | CM_XQP_PHRASE | CM_XQP_LOVEHATE))
			return cm_error_set(CM_EINVAL, "unknown query parser flags %#x", flags);
		unsigned xflags = 0;
		if (flags & CM_XQP_BOOLEAN)
			xflags |= Xapian::QueryParser::FLAG_BOOLEAN;
		if (flags & CM_XQP_PHRASE)
			xflags |= Xapian::QueryParser::FLAG_PHRASE;
		if (flags & CM_XQP_LOVEHATE)
			xflags |= Xapian::QueryParser::FLAG_LOVEHATE;
		Xapian::QueryParser qp;
		if (db)
			qp.set_database(*db->db);
		qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
		qp.set_default_op(Xapian::Query::OP_OR);
		*out = new cm_xquery{qp.parse_query(text, xflags, prefix ? prefix : "")};
		return 0;
	});
}

/* ---- searching ---------------------------------------------------------- */

int cm_xenquire_new(cm_xenquire **out, cm_xdb *db)
{
	return guard([&] {
		*out = new cm_xenquire{Xapian::Enquire(*db->db)};
		return 0;
	});
}

void cm_xenquire_free(cm_xenquire *e)
{
	delete e;
}

int cm_xenquire_set_query(cm_xenquire *e, const cm_xquery *q)
{
	return guard([&] {
		int rc = need_ptr(q, "query");
		if (rc == 0)
			e->enq.set_query(q->q);
		return rc;
	});
}

int cm_xenquire_set_bm25(cm_xenquire *e, double k1, double k2, double k3, double b,
			 double min_normlen)
{
	return guard([&] {
		e->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
		return 0;
	});
}

int cm_xenquire_set_sort_by_value(cm_xenquire *e, unsigned slot, int reverse)
{
	return guard([&] {
		e->enq.set_sort_by_value(slot, reverse != 0);
		return 0;
	});
}

int cm_xenquire_set_sort_by_docid(cm_xenquire *e)
{
	return guard([&] {
		/* Equal weights everywhere, ties broken by ascending docid. */
		e->enq.set_weighting_scheme(Xapian::BoolWeight());
		e->enq.set_sort_by_relevance();
		e->enq.set_docid_order(Xapian::Enquire::ASCENDING);
		return 0;
	});
}

int cm_xenquire_mset(cm_xmset **out, cm_xenquire *e, unsigned first, unsigned maxitems)
{
	return guard([&] {
		*out = new cm_xmset{e->enq.get_mset(first, maxitems)};
		return 0;
	});
}

unsigned cm_xmset_size(const cm_xmset *m)
{
	unsigned n = 0;
	guard([&] {
		n = m->mset.size();
		return 0;
	});
	return n;
}

unsigned cm_xmset_matches_estimated(const cm_xmset *m)
{
	unsigned n = 0;
	guard([&] {
		n = m->mset.get_matches_estimated();
		return 0;
	});
	return n;
}

int cm_xmset_get(cm_xdocid *docid, double *weight, unsigned *rank, const cm_xmset *m, unsigned i)
{
	return guard([&] {
		if (i >= m->mset.size())
			return cm_error_set(CM_EINVAL, "item %u past the end of the result", i);
		Xapian::MSetIterator it = m->mset[i];
		cm_xdocid id = *it;
		double w = it.get_weight();
		unsigned r = it.get_rank();
		*docid = id;
		*weight = w;
		*rank = r;
		return 0;
	});
}

int cm_xmset_document(cm_xdoc **out, const cm_xmset *m, unsigned i)
{
	return guard([&] {
		if (i >= m->mset.size())
			return cm_error_set(CM_EINVAL, "item %u past the end of the result", i);
		*out = new cm_xdoc{m->mset[i].get_document()};
		return 0;
	});
}

void cm_xmset_free(cm_xmset *m)
{
	delete m;
}

} /* extern "C" */
