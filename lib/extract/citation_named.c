/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_named.c: references to a document by its name, without a number
 * ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại hội Đảng toàn quốc
 * lần thứ XII"): a capitalized type word outside every citation, followed by
 * a phrase that carries a marker (a term, a conference number, a year, a
 * period). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "extract/citation_text.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

#define NAMED_MAX 160 /* bytes a named reference may run */

/* Citations are found left to right and do not overlap: a binary search. */
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

/* The end of the phrase that starts at p: before ';', '.', ',', ':', a line
 * break, a quote, '*' or " về ". */
static size_t phrase_end(const cm_ctext *t, size_t p)
{
	size_t e = p, limit = p + NAMED_MAX < t->n ? p + NAMED_MAX : t->n;

	while (e < limit && !strchr(";.,:\n\"*", t->s[e]) &&
	       strncmp(t->lw + e, " về ", strlen(" về ")))
		e++;
	while (e > p && t->s[e - 1] == ' ')
		e--;
	return e;
}

/* A roman numeral term marker ("khóa XII", "lần thứ XVII") in [p, e). */
static void find_term(char *out, size_t cap, const cm_ctext *t, size_t p, size_t e)
{
	static const char *const markers[] = {"khóa ", "lần thứ "};

	out[0] = '\0';
	for (size_t i = p; i < e; i++)
		for (size_t k = 0; k < 2; k++) {
			size_t m = strlen(markers[k]), r = i + m;
			if (i + m > e || memcmp(t->lw + i, markers[k], m))
				continue;
			while (r < e && strchr("IVXL", t->s[r]))
				r++;
			if (r > i + m) {
				snprintf(out, cap, "%s%.*s", markers[k], (int)(r - i - m),
					 t->s + i + m);
				return;
			}
		}
}

static int has_marker(const cm_ctext *t, size_t p, size_t e, const char *term)
{
	if (*term)
		return 1;
	for (size_t i = p; i + 4 <= e; i++) {
		if (i + strlen("trung ương ") < e &&
		    !memcmp(t->lw + i, "trung ương ", strlen("trung ương ")) &&
		    is_digit(t->s[i + strlen("trung ương ")]))
			return 1;
		if (i + strlen("giai đoạn") <= e &&
		    !memcmp(t->lw + i, "giai đoạn", strlen("giai đoạn")))
			return 1;
		if ((t->s[i] == '1' || t->s[i] == '2') && is_digit(t->s[i + 1]) &&
		    is_digit(t->s[i + 2]) && is_digit(t->s[i + 3]) &&
		    (i == 0 || !is_digit(t->s[i - 1])) && (i + 4 >= e || !is_digit(t->s[i + 4])))
			return 1;
	}
	return 0;
}

int cm_citations_named_refs(cm_citations *c, const cm_ctext *t)
{
	size_t cap = 0;

	for (size_t i = 0; i < t->n; i++) {
		size_t after, e;
		cm_named_ref r, *slot;
		int k = -1;
		if (t->s[i] == t->lw[i] ||
		    (i > 0 && t->s[i - 1] != ' ' && t->s[i - 1] != '\n' && t->s[i - 1] != '(' &&
		     t->s[i - 1] != '*' && t->s[i - 1] != '"'))
			continue; /* a capitalized word start */
		for (size_t j = 0; j < cm_ctext_ntypes() && k < 0; j++) {
			const char *lower = cm_ctext_type_lower(j);
			size_t m = strlen(lower);

			if (i + m < t->n && !memcmp(t->lw + i, lower, m) &&
			    t->s[i + 1] == t->lw[i + 1] && t->s[i + m] == ' ')
				k = (int)j;
		}
		if (k < 0 || inside_citation(c, i))
			continue;
		after = i + strlen(cm_ctext_type_lower((size_t)k)) + 1;
		if (!strncmp(t->lw + after, "số", strlen("số")) || is_digit(t->s[after]))
			continue;
		e = phrase_end(t, after);
		if (e < t->n && t->s[e] == ')')
			e++;
		memset(&r, 0, sizeof r);
		find_term(r.term, sizeof r.term, t, after, e);
		if (!has_marker(t, after, e, r.term))
			continue;
		if (e < t->n && t->lw[e] == ' ' && !strncmp(t->lw + e, " (khóa", strlen(" (khóa")))
			while (e < t->n && t->s[e - 1] != ')')
				e++;
		r.start = i;
		r.end = e;
		r.type = cm_ctext_type_name((size_t)k);
		if (!(slot = cm_array_push(&c->named, &c->nnamed, &cap, sizeof *slot)))
			return CM_ENOMEM;
		*slot = r;
		i = e;
	}
	return 0;
}
