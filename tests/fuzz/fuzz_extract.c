/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_extract.c: libFuzzer target for the date, citation and relation
 * extractors.
 * Properties: every span lies in the text with start <= end; dates are in
 * order; keys, issuers, terms and relations are valid UTF-8; a resolved
 * date is a full ISO date; short forms are in order, apart from each other;
 * a deadline's actor, recipient, channel, partners and task are valid UTF-8,
 * only a deadline (an occasion's too, not a range's start) has them, and
 * each body has a key; a relation has a target, a source other than its
 * target (the document's own key when own), a known kind, a cue span in
 * the text, a part and keys of valid UTF-8 and a date empty or full ISO. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/body.h"
#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/relation.h"
#include "chimuc/text.h"

static void check_utf8(const char *s)
{
	int32_t i = 0, n;
	UChar32 c;

	if (!s)
		return;
	n = (int32_t)strlen(s);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			abort();
	}
}

/* An obligation only for a deadline (an occasion's end owes one, its start
 * does not); its names valid UTF-8 with a key (chimuc/body.h). */
static void check_obligation(const cm_date *d)
{
	const char *names[] = {d->actor, d->recipient, d->channel, d->partners, d->task};
	char *key;

	if ((d->actor || d->recipient || d->task) && !d->deadline)
		abort();
	if ((d->actor != NULL) != (d->actor_from != CM_ACTOR_NONE))
		abort();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		check_utf8(names[i]);
		if (names[i] && i < 4) {
			if (cm_body_key(&key, names[i], strlen(names[i])) < 0)
				abort();
			free(key);
		}
	}
}

static void check_span(size_t start, size_t end, size_t len)
{
	if (start > end || end > len)
		abort();
}

static void check_relations(const cm_relations *r, const cm_citations *c, size_t len)
{
	for (size_t i = 0; i < r->n; i++) {
		const cm_relation *x = &r->v[i];
		check_span(x->start, x->end, len);
		if (x->start == x->end || x->target_start > len || !x->target[0] ||
		    x->kind >= CM_REL_KINDS || !strcmp(x->source, x->target) ||
		    (x->own && strcmp(x->source, c->self.key)) || (!x->own && !x->source[0]) ||
		    (x->date[0] && strlen(x->date) != 10))
			abort();
		check_utf8(x->source);
		check_utf8(x->target);
		check_utf8(x->part);
	}
	if (r->effective[0] && strlen(r->effective) != 10)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	size_t len;
	cm_decode_info info;
	cm_dates *d = NULL;
	cm_citations *c = NULL;
	cm_relations *r = NULL;

	if (cm_text_decode(&text, &len, &info, (const char *)data, size) < 0)
		return 0;
	if (cm_dates_extract(&d, text, len) < 0 || cm_citations_extract(&c, text, len, d) < 0)
		abort();
	for (size_t i = 0; i < d->n; i++) {
		check_span(d->v[i].start, d->v[i].end, len);
		check_span(d->v[i].context_start, d->v[i].context_end, len);
		if (i > 0 && d->v[i].start < d->v[i - 1].start)
			abort();
		if (d->v[i].resolved[0] && strlen(d->v[i].resolved) < 7)
			abort();
		check_utf8(d->v[i].occasion);
		check_obligation(&d->v[i]);
	}
	for (size_t i = 0; i < c->n; i++) {
		check_span(c->v[i].start, c->v[i].end, len);
		check_utf8(c->v[i].key);
		check_utf8(c->v[i].issuer);
		check_utf8(c->v[i].term);
		check_utf8(c->v[i].relation);
	}
	for (size_t i = 0; i < c->nnamed; i++)
		check_span(c->named[i].start, c->named[i].end, len);
	for (size_t i = 0; i < c->nshort; i++) {
		check_span(c->shorts[i].start, c->shorts[i].end, len);
		check_utf8(c->shorts[i].key);
		if (c->shorts[i].kind != CM_CITE_SHORT_REF ||
		    (i > 0 && c->shorts[i].start < c->shorts[i - 1].end))
			abort();
	}
	check_utf8(c->self.title);
	if (cm_relations_extract(&r, text, len, c, d) < 0)
		abort();
	check_relations(r, c, len);
	cm_relations_free(r);
	cm_citations_free(c);
	cm_dates_free(d);
	free(text);
	return 0;
}
