/* SPDX-License-Identifier: GPL-2.0-or-later */

/* query.c: a recursive-descent parser for the chimuc query language (see
 * chimuc/query.h) that builds the Xapian query directly, expanding words
 * typed without diacritics through the index's vocabulary map. It does not
 * run the query. */
#include "chimuc/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/citation.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/text.h"
#include "ops/validity.h"
#include "text/stopwords.h"

struct cm_query {
	cm_xquery *xq;
	cm_array_t(char *) wanted; /* exact terms to highlight */
};

typedef struct {
	const char *s;
	size_t len, pos;
	cm_xdb *db;
	cm_query *q;
	unsigned depth, nterms;
	int negated; /* inside NOT or -: terms are not highlighted */
} parser;

/* A list of subqueries being gathered for one operator. */
typedef cm_array_t(cm_xquery *) qlist;

static void qlist_clear(qlist *l)
{
	for (size_t i = 0; i < l->size; i++)
		cm_xquery_free(l->ptr[i]);
	cm_array_clear(*l);
}

/* Takes ownership of sub, even on failure. */
static int qlist_push(qlist *l, cm_xquery *sub)
{
	cm_xquery **slot = cm_array_alloc(*l);

	if (!slot) {
		cm_xquery_free(sub);
		return cm_error_nomem();
	}
	*slot = sub;
	return 0;
}

/* Combines the list with op into *out (NULL when the list is empty), and
 * empties the list. */
static int qlist_combine(cm_xquery **out, qlist *l, enum cm_xop op, unsigned window)
{
	int rc = 0;

	*out = NULL;
	if (l->size == 1) {
		*out = l->ptr[0];
		l->size = 0;
	} else if (l->size > 1) {
		rc = cm_xquery_combine(out, op, l->ptr, l->size, window);
	}
	qlist_clear(l);
	return rc;
}

static int want(parser *p, const char *term, size_t len)
{
	cm_query *q = p->q;
	char **slot;

	if (p->negated || cm_query_wants(q, term, len))
		return 0;
	if (!(slot = cm_array_alloc(q->wanted)))
		return cm_error_nomem();
	if (!(*slot = strndup(term, len))) {
		q->wanted.size--;
		return cm_error_nomem();
	}
	return 0;
}

static int add_term(parser *p, qlist *l, const char *term, size_t len)
{
	cm_xquery *t;
	int rc;

	if ((rc = cm_xquery_term(&t, term, len, 1, 0)) < 0)
		return rc;
	if ((rc = qlist_push(l, t)) < 0)
		return rc;
	return want(p, term, len);
}

/* The exact forms of the index that fold to tok's folded form (its
 * vocabulary map, chimuc/vocab.h). */
static int add_variants(parser *p, qlist *l, const cm_token *tok)
{
	cm_xterms *it = NULL;
	const char *term;
	size_t len;
	unsigned count;
	int rc;

	if ((rc = cm_xdb_synonyms(&it, p->db, tok->folded, tok->folded_len)) < 0)
		return rc;
	while (l->size < CM_QUERY_MAX_VARIANTS &&
	       (rc = cm_xterms_next(&term, &len, &count, it)) == 1) {
		if ((rc = add_term(p, l, term, len)) < 0)
			break;
	}
	cm_xterms_free(it);
	return rc < 0 ? rc : 0;
}

/* One token as a query: its exact term, or for a token typed without
 * diacritics every exact form that folds to it, weighted as one term (or,
 * inside a phrase, where Xapian takes only OR groups, as their OR). */
static int token_query(cm_xquery **out, parser *p, const cm_token *tok, enum cm_xop group)
{
	qlist l = {0};
	int rc;

	if (++p->nterms > CM_QUERY_MAX_TERMS)
		return cm_error_set(CM_ELIMIT, "query has more than %d words", CM_QUERY_MAX_TERMS);
	rc = add_term(p, &l, tok->exact, tok->exact_len);
	if (rc == 0 && p->db && !cm_token_has_diacritics(tok))
		rc = add_variants(p, &l, tok);
	if (rc == 0)
		return qlist_combine(out, &l, group, 0);
	qlist_clear(&l);
	return rc;
}

/* The tokens of s[0..len) as one query: a term, or a phrase. *stop is set
 * when it is a single stopword. *out is NULL when there is no token. */
static int text_query(cm_xquery **out, int *stop, parser *p, const char *s, size_t len)
{
	cm_tokenizer tz;
	cm_token tok;
	qlist l = {0};
	enum cm_xop group = CM_XQ_SYNONYM;
	int rc;

	*stop = 0;
	cm_tokenizer_init(&tz, s, len);
	while ((rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		cm_tokenizer ahead = tz;
		cm_token next;
		cm_xquery *t;
		if (l.size == 0 && cm_tokenizer_next(&next, &ahead) == 1)
			group = CM_XQ_OR; /* more than one token: a phrase */
		if ((rc = token_query(&t, p, &tok, group)) < 0 || (rc = qlist_push(&l, t)) < 0)
			break;
		*stop = l.size == 1 && cm_stopword_is(tok.exact, tok.exact_len);
	}
	if (rc < 0) {
		qlist_clear(&l);
		return rc;
	}
	if (l.size > 1)
		*stop = 0;
	return qlist_combine(out, &l, CM_XQ_PHRASE, 0);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void skip_space(parser *p)
{
	while (p->pos < p->len && is_space(p->s[p->pos]))
		p->pos++;
}

/* The length of the bare word at the cursor. */
static size_t word_len(const parser *p)
{
	size_t e = p->pos;

	while (e < p->len && !is_space(p->s[e]) && p->s[e] != '"' && p->s[e] != '(' &&
	       p->s[e] != ')')
		e++;
	return e - p->pos;
}

static int at_keyword(const parser *p, const char *kw)
{
	size_t n = strlen(kw);
	return word_len(p) == n && memcmp(p->s + p->pos, kw, n) == 0;
}

static int parse_or(cm_xquery **out, parser *p);

/* A term as a filter: it restricts without weighing. */
static int filter_term(cm_xquery **out, int (*make)(char *, size_t, const char *),
		       const char *value)
{
	char term[CM_KEY_MAX + 16];
	cm_xquery *t;
	int rc, n = make(term, sizeof term, value);

	if (n < 0)
		return n;
	if ((rc = cm_xquery_term(&t, term, (size_t)n, 1, 0)) < 0)
		return rc;
	rc = cm_xquery_scale(out, 0, t);
	cm_xquery_free(t);
	return rc;
}

/* field:VALUE filters: date:, cites:, type:, issuer:, year:, status:. 0 with *out unset when
 * the word is no field. */
static int field_query(cm_xquery **out, int *is_field, parser *p, const char *w, size_t n)
{
	char value[CM_KEY_MAX];
	const char *colon = memchr(w, ':', n);
	size_t k = colon ? (size_t)(colon - w) : 0;
	int year;

	*is_field = 0;
	if (!colon || n - k - 1 == 0 || n - k - 1 >= sizeof value)
		return 0;
	memcpy(value, colon + 1, n - k - 1);
	value[n - k - 1] = '\0';
	*is_field = 1;
	if (k == 4 && !memcmp(w, "date", 4))
		return p->db ? cm_date_filter(out, p->db, value)
			     : cm_error_set(CM_EINVAL, "date: needs an index");
	if (k == 5 && !memcmp(w, "cites", 5)) {
		char key[CM_KEY_MAX + 8];
		if (cm_citation_parse_ref(key, &year, value) < 0)
			return cm_error_code();
		if (year)
			snprintf(key + strlen(key), sizeof key - strlen(key), "@%d", year);
		return filter_term(out, cm_term_cites, key);
	}
	if (k == 4 && !memcmp(w, "type", 4)) {
		const char *type = cm_citation_type_from_user(value);
		if (!type || !cm_citation_type_code(type))
			return cm_error_set(CM_EINVAL, "unknown document type '%s'", value);
		return filter_term(out, cm_term_type, cm_citation_type_code(type));
	}
	if (k == 6 && !memcmp(w, "issuer", 6))
		return filter_term(out, cm_term_issuer, value);
	if (k == 6 && !memcmp(w, "status", 6))
		return p->db ? cm_status_filter(out, p->db, value)
			     : cm_error_set(CM_EINVAL, "status: needs an index");
	if (k == 4 && !memcmp(w, "year", 4)) {
		if (strlen(value) != 4 || strspn(value, "0123456789") != 4)
			return cm_error_set(CM_EINVAL, "year: needs four digits, not '%s'", value);
		return filter_term(out, cm_term_year, value);
	}
	*is_field = 0;
	return 0;
}

/* A word that is a document number also weighs up the documents citing it. */
static int boost_citing(cm_xquery **q, const char *w, size_t n)
{
	char buf[CM_KEY_MAX + 8], key[CM_KEY_MAX];
	cm_xquery *t, *scaled, *pair[2], *both;
	int year, rc;

	if (n >= sizeof buf || !memchr(w, '/', n))
		return 0;
	memcpy(buf, w, n);
	buf[n] = '\0';
	if (cm_citation_parse_ref(key, &year, buf) < 0)
		return 0;
	if ((rc = cm_term_cites(buf, sizeof buf, key)) < 0)
		return rc;
	if ((rc = cm_xquery_term(&t, buf, (size_t)rc, 1, 0)) < 0)
		return rc;
	rc = cm_xquery_scale(&scaled, 2.0, t);
	cm_xquery_free(t);
	if (rc < 0)
		return rc;
	pair[0] = *q;
	pair[1] = scaled;
	rc = cm_xquery_combine(&both, CM_XQ_AND_MAYBE, pair, 2, 0);
	cm_xquery_free(scaled);
	if (rc == 0) {
		cm_xquery_free(*q);
		*q = both;
	}
	return rc;
}

/* A phrase, a group or a word. */
static int parse_primary(cm_xquery **out, int *stop, parser *p)
{
	size_t start, n;
	int rc, is_field;

	*stop = 0;
	if (p->s[p->pos] == '(') {
		if (++p->depth > CM_QUERY_MAX_DEPTH)
			return cm_error_set(CM_EPARSE, "query nests ( ) deeper than %d",
					    CM_QUERY_MAX_DEPTH);
		p->pos++;
		rc = parse_or(out, p);
		skip_space(p);
		if (p->pos < p->len && p->s[p->pos] == ')')
			p->pos++;
		p->depth--;
		return rc;
	}
	if (p->s[p->pos] == '"') {
		start = ++p->pos;
		while (p->pos < p->len && p->s[p->pos] != '"')
			p->pos++;
		n = p->pos - start;
		if (p->pos < p->len)
			p->pos++;
		rc = text_query(out, stop, p, p->s + start, n);
		*stop = 0;
		return rc;
	}
	n = word_len(p);
	start = p->pos;
	p->pos += n;
	if (n == 0) { /* a stray ')' */
		p->pos++;
		*out = NULL;
		return 0;
	}
	if ((rc = field_query(out, &is_field, p, p->s + start, n)) < 0 || is_field)
		return rc;
	if ((rc = text_query(out, stop, p, p->s + start, n)) < 0 || !*out)
		return rc;
	return boost_citing(out, p->s + start, n);
}

/* Words and phrases joined by AND (implicit or written), with NOT/- parts. */
static int parse_and(cm_xquery **out, parser *p)
{
	qlist must = {0}, maybe = {0}, nots = {0};
	cm_xquery *base = NULL, *extra = NULL, *item;
	int rc = 0, stop, neg, saved = p->negated;

	for (;;) {
		skip_space(p);
		if (p->pos >= p->len || p->s[p->pos] == ')' || at_keyword(p, "OR"))
			break;
		if (at_keyword(p, "AND")) {
			p->pos += 3;
			continue;
		}
		neg = 0;
		if (at_keyword(p, "NOT")) {
			p->pos += 3;
			skip_space(p);
			neg = 1;
		} else if (p->s[p->pos] == '-' && p->pos + 1 < p->len &&
			   !is_space(p->s[p->pos + 1])) {
			p->pos++;
			neg = 1;
		}
		if (p->pos >= p->len)
			break;
		p->negated = saved || neg;
		rc = parse_primary(&item, &stop, p);
		p->negated = saved;
		if (rc < 0)
			goto cleanup;
		if (!item)
			continue;
		rc = qlist_push(neg ? &nots : stop ? &maybe : &must, item);
		if (rc < 0)
			goto cleanup;
	}
	if (must.size == 0) { /* only stopwords (or nothing): they are the query */
		qlist tmp = must;
		must = maybe;
		maybe = tmp;
	}
	if ((rc = qlist_combine(&base, &must, CM_XQ_AND, 0)) < 0)
		goto cleanup;
	if (!base && nots.size > 0 && (rc = cm_xquery_match_all(&base)) < 0)
		goto cleanup;
	if ((rc = qlist_combine(&extra, &maybe, CM_XQ_OR, 0)) < 0)
		goto cleanup;
	if (extra) {
		cm_xquery *pair[2] = {base, extra};
		if ((rc = cm_xquery_combine(&item, CM_XQ_AND_MAYBE, pair, 2, 0)) < 0)
			goto cleanup;
		cm_xquery_free(base);
		base = item;
	}
	if (nots.size > 0) {
		if ((rc = qlist_push(&must, base)) < 0) {
			base = NULL;
			goto cleanup;
		}
		base = NULL;
		for (size_t i = 0; i < nots.size; i++) {
			rc = qlist_push(&must, nots.ptr[i]);
			nots.ptr[i] = NULL;
			if (rc < 0)
				goto cleanup;
		}
		nots.size = 0;
		if ((rc = qlist_combine(&base, &must, CM_XQ_AND_NOT, 0)) < 0)
			goto cleanup;
	}
	*out = base;
	base = NULL;
cleanup:
	cm_xquery_free(base);
	cm_xquery_free(extra);
	qlist_clear(&must);
	qlist_clear(&maybe);
	qlist_clear(&nots);
	return rc;
}

static int parse_or(cm_xquery **out, parser *p)
{
	qlist alts = {0};
	cm_xquery *item = NULL;
	int rc;

	for (;;) {
		if ((rc = parse_and(&item, p)) < 0)
			break;
		if (item && (rc = qlist_push(&alts, item)) < 0)
			break;
		skip_space(p);
		if (!at_keyword(p, "OR"))
			break;
		p->pos += 2;
	}
	if (rc < 0) {
		qlist_clear(&alts);
		return rc;
	}
	return qlist_combine(out, &alts, CM_XQ_OR, 0);
}

int cm_query_parse(cm_query **out, cm_xdb *db, const char *text, size_t len)
{
	parser p = {0};
	cm_query *q;
	int rc;

	if (len > CM_QUERY_MAX_BYTES)
		return cm_error_set(CM_ELIMIT, "query longer than %d bytes", CM_QUERY_MAX_BYTES);
	q = calloc(1, sizeof *q);
	if (!q)
		return cm_error_nomem();
	p.s = text;
	p.len = len;
	p.db = db;
	p.q = q;
	while (p.pos < p.len) {
		cm_xquery *part;
		if ((rc = parse_or(&part, &p)) < 0)
			goto fail;
		if (part && q->xq) {
			cm_xquery *pair[2] = {q->xq, part}, *both;
			rc = cm_xquery_combine(&both, CM_XQ_AND, pair, 2, 0);
			cm_xquery_free(part);
			if (rc < 0)
				goto fail;
			cm_xquery_free(q->xq);
			q->xq = both;
		} else if (part) {
			q->xq = part;
		}
		if (p.pos < p.len && p.s[p.pos] == ')') /* unbalanced: ignore it */
			p.pos++;
	}
	if (!q->xq) {
		rc = cm_error_set(CM_EINVAL, "empty query: no word to search for");
		goto fail;
	}
	*out = q;
	return 0;
fail:
	cm_query_free(q);
	return rc;
}

void cm_query_free(cm_query *q)
{
	if (!q)
		return;
	cm_xquery_free(q->xq);
	for (size_t i = 0; i < q->wanted.size; i++)
		free(q->wanted.ptr[i]);
	cm_array_clear(q->wanted);
	free(q);
}

const cm_xquery *cm_query_xapian(const cm_query *q)
{
	return q->xq;
}

int cm_query_wants(const cm_query *q, const char *term, size_t len)
{
	for (size_t i = 0; i < q->wanted.size; i++)
		if (strlen(q->wanted.ptr[i]) == len && memcmp(q->wanted.ptr[i], term, len) == 0)
			return 1;
	return 0;
}
