/* xapian_c.cc: the C binding to xapian-core declared in chimuc/xapian_c.h,
 * and the project's only C++ file. Every entry point runs its body inside
 * guard(), which catches every exception and maps it to a CM_E* code with
 * its message; nothing returned points into a C++ temporary. It holds no
 * chimuc domain logic. */
#include "chimuc/xapian_c.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "chimuc/error.h"

struct cm_xdb {
	Xapian::Database *db;
	Xapian::WritableDatabase *wdb; /* same object as db when writable */
	bool in_transaction;
};

struct cm_xdoc {
	Xapian::Document doc;
};

struct cm_xquery {
	Xapian::Query q;
};

struct cm_xenquire {
	Xapian::Enquire enq;
	explicit cm_xenquire(const Xapian::Database &db) : enq(db)
	{
	}
};

struct cm_xmset {
	Xapian::MSet mset;
};

struct cm_xterms {
	Xapian::TermIterator it, end;
	std::string prefix; /* skip_to target for allterms */
	std::string current;
	bool by_termfreq;
};

struct cm_xpostings {
	Xapian::PostingIterator it, end;
};

struct cm_xpositions {
	Xapian::PositionIterator it, end;
};

namespace {

int map_exception()
{
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		return cm_error_set(CM_ELOCKED, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::DatabaseModifiedError &e) {
		return cm_error_set(CM_EMODIFIED, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::DatabaseCorruptError &e) {
		return cm_error_set(CM_ECORRUPT, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::DatabaseNotFoundError &e) {
		return cm_error_set(CM_ENOTFOUND, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::DocNotFoundError &e) {
		return cm_error_set(CM_ENOTFOUND, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::InvalidArgumentError &e) {
		return cm_error_set(CM_EINVAL, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::InvalidOperationError &e) {
		return cm_error_set(CM_EINVAL, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::RangeError &e) {
		return cm_error_set(CM_EINVAL, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::QueryParserError &e) {
		return cm_error_set(CM_EPARSE, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::DatabaseError &e) {
		return cm_error_set(CM_EIO, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const Xapian::Error &e) {
		return cm_error_set(CM_ERROR, "%s: %s", e.get_type(), e.get_msg().c_str());
	} catch (const std::bad_alloc &) {
		return cm_error_set(CM_ENOMEM, "out of memory");
	} catch (const std::exception &e) {
		return cm_error_set(CM_ERROR, "%s", e.what());
	} catch (...) {
		return cm_error_set(CM_ERROR, "unknown C++ exception");
	}
}

/* Runs f, turning any exception into a code. f returns 0 or a code. */
template <typename F> int guard(F f) noexcept
{
	try {
		return f();
	} catch (...) {
		return map_exception();
	}
}

int copy_out(char **out, size_t *out_len, const std::string &s)
{
	char *p = static_cast<char *>(std::malloc(s.size() + 1));
	if (!p)
		return cm_error_set(CM_ENOMEM, "out of memory");
	std::memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	*out = p;
	if (out_len)
		*out_len = s.size();
	return 0;
}

int need_writable(const cm_xdb *db)
{
	return db->wdb ? 0 : cm_error_set(CM_EINVAL, "the database is open read-only");
}

int need_ptr(const void *p, const char *what)
{
	return p ? 0 : cm_error_set(CM_EINVAL, "%s is NULL", what);
}

} /* namespace */

extern "C" {

#ifdef CM_ASAN
/* libxapian 1.4.22's Database::check() deletes an object through a pointer
 * of another size, inside libxapian: under AddressSanitizer that would abort
 * every program that checks an index. Only that one report is turned off. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "new_delete_type_mismatch=0";
}
#endif

/* ---- databases ---------------------------------------------------------- */

int cm_xdb_open(cm_xdb **out, const char *path)
{
	return guard([&] {
		cm_xdb *h = new cm_xdb{nullptr, nullptr, false};
		try {
			h->db = new Xapian::Database(path);
		} catch (...) {
			delete h;
			throw;
		}
		*out = h;
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
		cm_xdb *h = new cm_xdb{nullptr, nullptr, false};
		try {
			h->wdb = new Xapian::WritableDatabase(path, action);
		} catch (...) {
			delete h;
			throw;
		}
		h->db = h->wdb;
		*out = h;
		return 0;
	});
}

int cm_xdb_free(cm_xdb *db)
{
	if (!db)
		return 0;
	int rc = guard([&] {
		if (db->wdb && db->in_transaction)
			db->wdb->cancel_transaction();
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
			return cm_error_set(CM_ENOTFOUND, "document 0 does not exist");
		*out = new cm_xdoc{db->db->get_document(docid)};
		return 0;
	});
}

int cm_xdb_add_document(cm_xdocid *out, cm_xdb *db, const cm_xdoc *doc)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0 && (rc = need_ptr(doc, "document")) == 0)
			*out = db->wdb->add_document(doc->doc);
		return rc;
	});
}

int cm_xdb_replace_by_term(cm_xdocid *out, cm_xdb *db, const char *unique_term, size_t len,
			   const cm_xdoc *doc)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0 && (rc = need_ptr(doc, "document")) == 0)
			*out = db->wdb->replace_document(std::string(unique_term, len), doc->doc);
		return rc;
	});
}

int cm_xdb_replace_document(cm_xdb *db, cm_xdocid docid, const cm_xdoc *doc)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0 && (rc = need_ptr(doc, "document")) == 0)
			db->wdb->replace_document(docid, doc->doc);
		return rc;
	});
}

int cm_xdb_delete_by_term(cm_xdb *db, const char *unique_term, size_t len)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0)
			db->wdb->delete_document(std::string(unique_term, len));
		return rc;
	});
}

int cm_xdb_delete_document(cm_xdb *db, cm_xdocid docid)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0)
			db->wdb->delete_document(docid);
		return rc;
	});
}

int cm_xdb_begin_transaction(cm_xdb *db, int flushed)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0) {
			db->wdb->begin_transaction(flushed != 0);
			db->in_transaction = true;
		}
		return rc;
	});
}

int cm_xdb_commit_transaction(cm_xdb *db)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0) {
			db->wdb->commit_transaction();
			db->in_transaction = false;
		}
		return rc;
	});
}

int cm_xdb_cancel_transaction(cm_xdb *db)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0) {
			db->wdb->cancel_transaction();
			db->in_transaction = false;
		}
		return rc;
	});
}

int cm_xdb_commit(cm_xdb *db)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0)
			db->wdb->commit();
		return rc;
	});
}

int cm_xdb_get_metadata(char **out, size_t *out_len, cm_xdb *db, const char *key)
{
	return guard([&] { return copy_out(out, out_len, db->db->get_metadata(key)); });
}

int cm_xdb_set_metadata(cm_xdb *db, const char *key, const char *value, size_t len)
{
	return guard([&] {
		int rc = need_writable(db);
		if (rc == 0)
			db->wdb->set_metadata(key, std::string(value, len));
		return rc;
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
	return guard([&] {
		Xapian::Database db(src);
		db.compact(dst);
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

size_t cm_xsortable_serialise(char *buf, double value)
{
	std::string s = Xapian::sortable_serialise(value);
	std::memcpy(buf, s.data(), s.size());
	return s.size();
}

double cm_xsortable_unserialise(const char *buf, size_t len)
{
	return Xapian::sortable_unserialise(std::string(buf, len));
}

/* ---- iterators ---------------------------------------------------------- */

int cm_xdoc_terms(cm_xterms **out, cm_xdoc *doc)
{
	return guard([&] {
		*out = new cm_xterms{doc->doc.termlist_begin(), doc->doc.termlist_end(), "", "",
				     false};
		return 0;
	});
}

int cm_xdb_allterms(cm_xterms **out, cm_xdb *db, const char *prefix, size_t len)
{
	return guard([&] {
		std::string p(prefix, len);
		*out = new cm_xterms{db->db->allterms_begin(p), db->db->allterms_end(p), p, "",
				     true};
		return 0;
	});
}

int cm_xterms_next(cm_xterms *it, const char **term, size_t *len, unsigned *count)
{
	return guard([&] {
		if (it->it == it->end)
			return 0;
		it->current = *it->it;
		*count = it->by_termfreq ? it->it.get_termfreq() : it->it.get_wdf();
		++it->it;
		*term = it->current.c_str();
		*len = it->current.size();
		return 1;
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

int cm_xpostings_next(cm_xpostings *it, cm_xdocid *docid, unsigned *wdf)
{
	return guard([&] {
		if (it->it == it->end)
			return 0;
		*docid = *it->it;
		*wdf = it->it.get_wdf();
		++it->it;
		return 1;
	});
}

void cm_xpostings_free(cm_xpostings *it)
{
	delete it;
}

int cm_xdb_positions(cm_xpositions **out, cm_xdb *db, cm_xdocid docid, const char *term,
		     size_t len)
{
	return guard([&] {
		std::string t(term, len);
		*out = new cm_xpositions{db->db->positionlist_begin(docid, t),
					 db->db->positionlist_end(docid, t)};
		return 0;
	});
}

int cm_xpositions_next(cm_xpositions *it, cm_xtermpos *pos)
{
	return guard([&] {
		if (it->it == it->end)
			return 0;
		*pos = *it->it;
		++it->it;
		return 1;
	});
}

void cm_xpositions_free(cm_xpositions *it)
{
	delete it;
}

/* ---- queries ------------------------------------------------------------ */

int cm_xquery_term(cm_xquery **out, const char *term, size_t len, unsigned wqf,
		   cm_xtermpos pos)
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
		Xapian::Query::op xop;
		switch (op) {
		case CM_XQ_AND: xop = Xapian::Query::OP_AND; break;
		case CM_XQ_OR: xop = Xapian::Query::OP_OR; break;
		case CM_XQ_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
		case CM_XQ_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
		case CM_XQ_FILTER: xop = Xapian::Query::OP_FILTER; break;
		case CM_XQ_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
		case CM_XQ_NEAR: xop = Xapian::Query::OP_NEAR; break;
		case CM_XQ_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
		case CM_XQ_MAX: xop = Xapian::Query::OP_MAX; break;
		default: return cm_error_set(CM_EINVAL, "unknown query operator %d", (int)op);
		}
		if (n == 0 || !subs)
			return cm_error_set(CM_EINVAL, "an operator needs at least one subquery");
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
			/* Xapian takes these as binary, left-associative: first op (OR of
			 * the rest) is what the header promises. */
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
		Xapian::Query q;
		if (lo && hi)
			q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, std::string(lo, lo_len),
					  std::string(hi, hi_len));
		else if (lo)
			q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(lo, lo_len));
		else if (hi)
			q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, std::string(hi, hi_len));
		else
			q = Xapian::Query::MatchAll;
		*out = new cm_xquery{q};
		return 0;
	});
}

int cm_xquery_scale(cm_xquery **out, double factor, const cm_xquery *sub)
{
	return guard([&] {
		int rc = need_ptr(sub, "subquery");
		if (rc == 0) {
			if (factor < 0)
				return cm_error_set(CM_EINVAL, "negative scale factor");
			*out = new cm_xquery{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, sub->q,
							   factor)};
		}
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
		Xapian::QueryParser qp;
		unsigned xflags = 0;
		if (flags & CM_XQP_BOOLEAN)
			xflags |= Xapian::QueryParser::FLAG_BOOLEAN;
		if (flags & CM_XQP_PHRASE)
			xflags |= Xapian::QueryParser::FLAG_PHRASE;
		if (flags & CM_XQP_LOVEHATE)
			xflags |= Xapian::QueryParser::FLAG_LOVEHATE;
		if (db)
			qp.set_database(*db->db);
		qp.set_default_op(Xapian::Query::OP_OR);
		*out = new cm_xquery{qp.parse_query(text, xflags, prefix ? prefix : "")};
		return 0;
	});
}

/* ---- searching ---------------------------------------------------------- */

int cm_xenquire_new(cm_xenquire **out, cm_xdb *db)
{
	return guard([&] {
		*out = new cm_xenquire(*db->db);
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
		e->enq.set_weighting_scheme(Xapian::BoolWeight());
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
	return m ? m->mset.size() : 0;
}

unsigned cm_xmset_matches_estimated(const cm_xmset *m)
{
	return m ? m->mset.get_matches_estimated() : 0;
}

int cm_xmset_get(const cm_xmset *m, unsigned i, cm_xdocid *docid, double *weight,
		 unsigned *rank)
{
	return guard([&] {
		if (i >= m->mset.size())
			return cm_error_set(CM_EINVAL, "item %u past the end of the result", i);
		Xapian::MSetIterator it = m->mset[i];
		*docid = *it;
		*weight = it.get_weight();
		*rank = it.get_rank();
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
