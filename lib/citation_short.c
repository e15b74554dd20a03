/* citation_short.c: short forms that point back to a full citation of the
 * same text: "Nghị quyết 25", "Chỉ thị số 40" (by number) and "Nghị quyết
 * nói trên", "Chỉ thị này" (the nearest before). They are resolved to that
 * citation's key, or flagged ambiguous when two documents fit; never
 * guessed, never a citation of their own. */
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "citation_text.h"

#define NUMBER_MAX 6 /* digits of a document number */

/* Words after a type that point to the one named before. */
static const char *const back_words[] = {"nói trên", "này"};

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

/* A citation in c->v covers at (c->v is in text order, without overlaps). */
static int inside_citation(const cm_citations *c, size_t at)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].start <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && at < c->v[lo - 1].end;
}

/* x is a full citation of a document of that type. */
static int fits(const cm_citation *x, const char *type)
{
	const char *code = cm_citation_type_code(type);

	if (x->kind != CM_CITE_CITATION)
		return 0;
	if (x->type)
		return !strcmp(x->type, type);
	return code && !strncmp(x->symbol, code, strlen(code));
}

/* "25" is the number "25" or "025", and "15" is that of "15/2020". */
static int same_number(const char *a, const char *b, size_t blen)
{
	size_t alen = strcspn(a, "/");

	while (alen > 1 && *a == '0') {
		a++;
		alen--;
	}
	while (blen > 1 && *b == '0') {
		b++;
		blen--;
	}
	return alen == blen && !memcmp(a, b, blen);
}

/* By number: the one key of the citations before `before` with that type
 * and number, or ambiguous; 0 if none fits. */
static int by_number(cm_citation *r, const cm_citations *c, size_t before, const char *num,
		     size_t nlen)
{
	const cm_citation *found = NULL;

	for (size_t k = 0; k < c->n && c->v[k].start < before; k++) {
		const cm_citation *x = &c->v[k];
		if (!fits(x, r->type) || !same_number(x->number, num, nlen))
			continue;
		if (found && strcmp(found->key, x->key))
			r->flags |= CM_CITE_AMBIGUOUS;
		found = x;
	}
	if (found && !(r->flags & CM_CITE_AMBIGUOUS))
		memcpy(r->key, found->key, sizeof r->key);
	return found != NULL;
}

/* "… nói trên", "… này": the nearest citation of that type before
 * `before`; ambiguous when the text says "các" (several) or when that
 * citation closes a list with another of the type. 0 if none fits. */
static int by_nearest(cm_citation *r, const cm_citations *c, const cm_ctext *t, size_t before)
{
	size_t k = c->n;

	while (k > 0 && (c->v[k - 1].start >= before || !fits(&c->v[k - 1], r->type)))
		k--;
	if (k == 0)
		return 0;
	k--;
	if ((r->start >= strlen("các ") && !memcmp(t->lw + r->start - strlen("các "), "các ", strlen("các "))) ||
	    ((c->v[k].flags & CM_CITE_IN_LIST) && k > 0 && (c->v[k - 1].flags & CM_CITE_IN_LIST) &&
	     fits(&c->v[k - 1], r->type) && strcmp(c->v[k - 1].key, c->v[k].key)))
		r->flags |= CM_CITE_AMBIGUOUS;
	else
		memcpy(r->key, c->v[k].key, sizeof r->key);
	return 1;
}

/* The short form whose type words end at p (at the space after them), if
 * any: fills r (its end, number) and resolves it. */
static int short_at(cm_citation *r, const cm_citations *c, const cm_ctext *t, size_t p)
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
		return by_number(r, c, r->start, t->s + q, d - q);
	}
	for (size_t k = 0; k < sizeof back_words / sizeof back_words[0]; k++) {
		size_t m = strlen(back_words[k]);
		if (p + 1 + m > t->n || memcmp(t->lw + p + 1, back_words[k], m) || !word_end(t, p + 1 + m))
			continue;
		if (!strcmp(back_words[k], "này") && c->self.type && !strcmp(c->self.type, r->type))
			return 0; /* "Kế hoạch này" in a Kế hoạch: the document itself */
		r->end = p + 1 + m;
		return by_nearest(r, c, t, r->start);
	}
	return 0;
}

int cm_citations_short_refs(cm_citations *c, const cm_ctext *t)
{
	size_t cap = 0;

	for (size_t i = 0; i < t->n; i++) {
		cm_citation r;
		size_t len;
		const char *type;
		if (!word_start(t, i) || !(type = cm_ctext_type_at(t, i, &len)) || inside_citation(c, i))
			continue;
		memset(&r, 0, sizeof r);
		r.kind = CM_CITE_SHORT_REF;
		r.type = type;
		r.start = i;
		if (!short_at(&r, c, t, i + len))
			continue;
		if (c->nshort == cap) {
			cm_citation *v = realloc(c->shorts, (cap = cap ? 2 * cap : 8) * sizeof *v);
			if (!v)
				return cm_error_set(CM_ENOMEM, "out of memory");
			c->shorts = v;
		}
		c->shorts[c->nshort++] = r;
		i = r.end - 1;
	}
	return 0;
}
