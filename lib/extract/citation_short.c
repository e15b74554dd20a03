/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_short.c: short forms that point back to a full citation of the
 * same text: "Nghị quyết 25", "Chỉ thị số 40" (by number) and "Nghị quyết
 * nói trên", "Chỉ thị này" (the nearest before). They are resolved to that
 * citation's key, or flagged ambiguous when two documents fit; never
 * guessed, never a citation of their own. One pass over the text with the
 * full citations sorted by type and number, so that a text with very many
 * of both takes n log n, not n squared. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "extract/citation_text.h"

#define NUMBER_MAX 6 /* digits of a document number */

/* Words after a type that point to the one named before. */
static const char *const back_words[] = {"nói trên", "này"};

/* A full citation under one type it fits, by its number without leading
 * zeros or "/year" ("25" of "025", "15" of "15/2020/NĐ-CP"). */
typedef struct {
	size_t type;
	const char *num;
	size_t nlen, start;
	const char *key;
	size_t ambiguous_from; /* in a group's first entry: where a second key
				* starts, or SIZE_MAX */
} entry;

typedef struct {
	entry *v;
	size_t n;
	size_t *last; /* per type: 1 + the index in c->v of the latest fitting
		       * citation passed, or 0 */
} index_t;

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int word_start(const cm_ctext *t, size_t i)
{
	return i == 0 || t->s[i - 1] == ' ' || t->s[i - 1] == '\n' || t->s[i - 1] == '(' ||
	       t->s[i - 1] == '"' || t->s[i - 1] == '*';
}

/* 1 if no letter, digit or number punctuation goes on at i. */
static int word_end(const cm_ctext *t, size_t i)
{
	unsigned char c = i < t->n ? (unsigned char)t->s[i] : ' ';

	if (c == '.' || c == ',')
		return i + 1 >= t->n || !is_digit(t->s[i + 1]);
	return c == ' ' || c == '\n' || c == ';' || c == ':' || c == ')' || c == '"' || c == '*';
}

/* x is a full citation of a document of type k. */
static int fits(const cm_citation *x, size_t k)
{
	const char *code = cm_citation_type_code(cm_ctext_type_name(k));

	if (x->kind != CM_CITE_CITATION)
		return 0;
	if (x->type)
		return !strcmp(x->type, cm_ctext_type_name(k));
	return code && !strncmp(x->symbol, code, strlen(code));
}

static void trim_number(const char **num, size_t *nlen)
{
	while (*nlen > 1 && **num == '0') {
		(*num)++;
		(*nlen)--;
	}
}

static int cmp_number(const entry *a, size_t type, const char *num, size_t nlen)
{
	if (a->type != type)
		return a->type < type ? -1 : 1;
	if (a->nlen != nlen)
		return a->nlen < nlen ? -1 : 1;
	return memcmp(a->num, num, nlen);
}

static int by_type_number_start(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;
	int r = cmp_number(a, b->type, b->num, b->nlen);

	return r ? r : (a->start > b->start) - (a->start < b->start);
}

static int build_index(index_t *ix, const cm_citations *c)
{
	size_t ntypes = cm_ctext_ntypes(), cap = c->n + 1;

	ix->n = 0;
	ix->last = calloc(ntypes, sizeof *ix->last);
	ix->v = malloc(cap * sizeof *ix->v);
	if (!ix->last || !ix->v)
		return cm_error_nomem();
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < ntypes; k++) {
			entry *e;
			if (!fits(&c->v[i], k))
				continue;
			if (ix->n == cap) {
				entry *v = realloc(ix->v, (cap *= 2) * sizeof *v);
				if (!v)
					return cm_error_nomem();
				ix->v = v;
			}
			e = &ix->v[ix->n++];
			e->type = k;
			e->num = c->v[i].number;
			e->nlen = strcspn(e->num, "/");
			trim_number(&e->num, &e->nlen);
			e->start = c->v[i].start;
			e->key = c->v[i].key;
			e->ambiguous_from = SIZE_MAX;
		}
	qsort(ix->v, ix->n, sizeof *ix->v, by_type_number_start);
	for (size_t g = 0, i = 0; i < ix->n; i++) {
		if (cmp_number(&ix->v[g], ix->v[i].type, ix->v[i].num, ix->v[i].nlen))
			g = i;
		else if (ix->v[g].ambiguous_from == SIZE_MAX && strcmp(ix->v[g].key, ix->v[i].key))
			ix->v[g].ambiguous_from = ix->v[i].start;
	}
	return 0;
}

/* By number: the key of the citations before r with its type and number,
 * or ambiguous when there are two; 0 if none fits. */
static int by_number(cm_citation *r, const index_t *ix, size_t type, const char *num, size_t nlen)
{
	size_t lo = 0, hi = ix->n;

	trim_number(&num, &nlen);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_number(&ix->v[mid], type, num, nlen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == ix->n || cmp_number(&ix->v[lo], type, num, nlen) || ix->v[lo].start >= r->start)
		return 0;
	if (ix->v[lo].ambiguous_from < r->start)
		r->flags |= CM_CITE_AMBIGUOUS;
	else
		memcpy(r->key, ix->v[lo].key, sizeof r->key);
	return 1;
}

/* "… nói trên", "… này": the latest citation of its type before it;
 * ambiguous when the text says "các" (several) or when that citation
 * closes a list with another of the type. 0 if none fits. */
static int by_nearest(cm_citation *r, const cm_citations *c, const index_t *ix, const cm_ctext *t,
		      size_t type)
{
	size_t k = ix->last[type];
	const cm_citation *x, *before;

	if (k == 0)
		return 0;
	x = &c->v[k - 1];
	before = k > 1 ? &c->v[k - 2] : NULL;
	if ((r->start >= strlen("các ") &&
	     !memcmp(t->lw + r->start - strlen("các "), "các ", strlen("các "))) ||
	    ((x->flags & CM_CITE_IN_LIST) && before && (before->flags & CM_CITE_IN_LIST) &&
	     fits(before, type) && strcmp(before->key, x->key)))
		r->flags |= CM_CITE_AMBIGUOUS;
	else
		memcpy(r->key, x->key, sizeof r->key);
	return 1;
}

/* The short form of type `type` whose words end at p (at the space after
 * them), if any: fills r (its end, number) and resolves it. */
static int short_at(cm_citation *r, const cm_citations *c, const index_t *ix, const cm_ctext *t,
		    size_t type, size_t p)
{
	size_t q = p + 1, d;

	if (!strncmp(t->lw + q, "số ", strlen("số ")))
		q += strlen("số ");
	for (d = q; d < t->n && is_digit(t->s[d]) && d - q <= NUMBER_MAX; d++)
		;
	if (d > q && d - q <= NUMBER_MAX && word_end(t, d)) {
		memcpy(r->number, t->s + q, d - q);
		r->number[d - q] = '\0';
		r->end = d;
		return by_number(r, ix, type, t->s + q, d - q);
	}
	for (size_t k = 0; k < sizeof back_words / sizeof back_words[0]; k++) {
		size_t m = strlen(back_words[k]);
		if (p + 1 + m > t->n || memcmp(t->lw + p + 1, back_words[k], m) ||
		    !word_end(t, p + 1 + m))
			continue;
		if (!strcmp(back_words[k], "này") && c->self.type && !strcmp(c->self.type, r->type))
			return 0; /* "Kế hoạch này" in a Kế hoạch: the document itself */
		r->end = p + 1 + m;
		return by_nearest(r, c, ix, t, type);
	}
	return 0;
}

static int push(cm_citations *c, size_t *cap, const cm_citation *r)
{
	cm_citation *v = cm_array_push(&c->shorts, &c->nshort, cap, sizeof *v);

	if (!v)
		return CM_ENOMEM;
	*v = *r;
	return 0;
}

int cm_citations_short_refs(cm_citations *c, const cm_ctext *t)
{
	index_t ix = {0};
	size_t cap = 0, next = 0, ntypes = cm_ctext_ntypes();
	int rc = build_index(&ix, c);

	for (size_t i = 0; i < t->n && rc == 0; i++) {
		cm_citation r;
		size_t len;
		int type;
		for (; next < c->n && c->v[next].start <= i; next++)
			for (size_t k = 0; k < ntypes; k++)
				if (fits(&c->v[next], k))
					ix.last[k] = next + 1;
		if (next > 0 && i < c->v[next - 1].end)
			continue; /* inside a citation */
		if (!word_start(t, i) || (type = cm_ctext_type_at(t, i, &len)) < 0)
			continue;
		memset(&r, 0, sizeof r);
		r.kind = CM_CITE_SHORT_REF;
		r.type = cm_ctext_type_name((size_t)type);
		r.start = i;
		if (!short_at(&r, c, &ix, t, (size_t)type, i + len))
			continue;
		rc = push(c, &cap, &r);
		i = r.end - 1;
	}
	free(ix.v);
	free(ix.last);
	return rc;
}
