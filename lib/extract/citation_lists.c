/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_lists.c: lists of citations that state their type, relation cue,
 * date, issuer or term once for all members ("các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày
 * 25/10/2017 của Hội nghị Trung ương 6"): each member gets them, flagged as
 * shared. */
#include <stdlib.h>
#include <string.h>

#include "extract/citation_text.h"

/* 1 if only a list separator (",", "và", ", và") lies in [from, to); *and
 * is set when it holds "và". */
static int list_gap(const cm_ctext *t, size_t from, size_t to, int *and)
{
	size_t p = from;
	int sep = 0;

	*and = 0;
	if (from > to)
		return 0;
	while (p < to && t->s[p] == ' ')
		p++;
	if (p < to && t->s[p] == ',') {
		p++;
		sep = 1;
	}
	while (p < to && t->s[p] == ' ')
		p++;
	if (to - p >= strlen("và ") && !memcmp(t->lw + p, "và ", strlen("và "))) {
		p += strlen("và ");
		sep = *and = 1;
	}
	while (p < to && t->s[p] == ' ')
		p++;
	return sep && p == to;
}

static int linked(const cm_ctext *t, const cm_citation *a, const cm_citation *b, int *and)
{
	return a->kind == CM_CITE_CITATION && b->kind == CM_CITE_CITATION &&
	       list_gap(t, a->end, b->start, and);
}

/* What a member stated after it (b) gives the member before it (a): the
 * date only when the two share one type word ("18-NQ/TW, 19-NQ/TW ngày …",
 * "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày …"), for two
 * types in a row are two documents each with its own date; the issuer and
 * term of any list. */
static void share_back(const cm_ctext *t, cm_citation *a, const cm_citation *b, int and)
{
	int same_type = (b->flags & CM_CITE_SHARED_TYPE) ||
			(and&&a->type && b->type && !strcmp(a->type, b->type));

	if (!a->date[0] && b->date[0] && same_type) {
		memcpy(a->date, b->date, sizeof a->date);
		a->year = b->year;
		a->flags |= CM_CITE_SHARED_DATE;
	}
	if (!a->issuer && b->issuer) {
		a->issuer = cm_ctext_noted(t, strdup(b->issuer));
		a->flags |= CM_CITE_SHARED_ISSUER;
	}
	if (!a->term && b->term) {
		a->term = cm_ctext_noted(t, strdup(b->term));
		a->flags |= CM_CITE_SHARED_ISSUER;
	}
}

void cm_citations_share_lists(cm_citations *c, const cm_ctext *t)
{
	int and;

	for (size_t i = 1; i < c->n; i++) {
		cm_citation *a = &c->v[i - 1], *b = &c->v[i];
		if (!linked(t, a, b, &and))
			continue;
		a->flags |= CM_CITE_IN_LIST;
		b->flags |= CM_CITE_IN_LIST;
		if (!b->type && a->type) {
			b->type = a->type;
			b->flags |= CM_CITE_SHARED_TYPE;
		}
		if (!b->relation && a->relation) /* one cue governs the list */
			b->relation = cm_ctext_noted(t, strdup(a->relation));
	}
	for (size_t i = c->n; i-- > 1;)
		if (linked(t, &c->v[i - 1], &c->v[i], &and))
			share_back(t, &c->v[i - 1], &c->v[i], and);
}
