/* SPDX-License-Identifier: GPL-2.0-or-later */

/* relation.c: the relations a text states between documents (chimuc/relation.h):
 * a cue ("thay thế", "bãi bỏ", "sửa đổi, bổ sung", "hết hiệu lực"…), the
 * source it is said of (the document itself, a cited document before the
 * cue, the one after "bởi", the heading of a history table) and the
 * numbered targets it governs, read on the canonical text with the
 * citations and dates found there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/relation.h"
#include "chimuc/text.h"
#include "citation_text.h"

#define CLAUSE_MAX 600 /* bytes looked back for a clause's start */
#define GAP_MAX 120    /* bytes between a stated source and its cue */
#define SLACK 3        /* bytes allowed before a target's citation */

static const char *const names[CM_REL_KINDS] = {"replaces", "repeals", "amends", "expires"};

/* Longest first, so that "sửa đổi, bổ sung" is one cue. */
static const struct {
	const char *word;
	cm_relation_kind kind;
} cues[] = {
	{"sửa đổi, bổ sung", CM_REL_AMENDS}, {"thay thế", CM_REL_REPLACES},
	{"bãi bỏ", CM_REL_REPEALS},          {"hủy bỏ", CM_REL_REPEALS},
	{"thu hồi", CM_REL_REPEALS},         {"sửa đổi", CM_REL_AMENDS},
	{"bổ sung", CM_REL_AMENDS},          {"hết hiệu lực", CM_REL_EXPIRES},
};

/* The words that name the document itself before "này". */
static const char *const own_types[] = {
	"quyết định", "chỉ thị",  "thông tư",  "nghị định", "nghị quyết", "quy định",
	"quy chế",    "kế hoạch", "hướng dẫn", "thông báo", "văn bản",
};

typedef struct {
	size_t s, e;
	const char *key;
	unsigned flags;
} cite;

typedef struct {
	size_t s, e;
	const char *iso;
} cdate;

typedef struct {
	const char *lw; /* the canonical text in lower case */
	size_t n;
	cite *c;
	size_t nc;
	cdate *d;
	size_t nd;
	const char *self_key, *doc_date;
	cm_array_t(cm_relation) out;
} ctx;

static int is_letter(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
}

static int is_space(char b)
{
	return b == ' ' || b == '\n';
}

/* The bytes of word at at, a space in word matching any run of spaces and
 * line breaks, and a word boundary on both sides; 0 if it is not there. */
static size_t word_at(const ctx *x, size_t at, const char *word)
{
	size_t i = at;

	if (at > 0 && is_letter((unsigned char)x->lw[at - 1]))
		return 0;
	for (const char *w = word; *w; w++) {
		if (*w == ' ') {
			if (i >= x->n || !is_space(x->lw[i]))
				return 0;
			while (i < x->n && is_space(x->lw[i]))
				i++;
		} else if (i < x->n && x->lw[i] == *w) {
			i++;
		} else {
			return 0;
		}
	}
	return i < x->n && is_letter((unsigned char)x->lw[i]) ? 0 : i - at;
}

/* 1 if the word (no spaces) ends at end, spaces before end skipped. */
static int word_before(const ctx *x, size_t end, const char *word)
{
	size_t l = strlen(word);

	while (end > 0 && is_space(x->lw[end - 1]))
		end--;
	return end >= l && !memcmp(x->lw + end - l, word, l) &&
	       (end == l || !is_letter((unsigned char)x->lw[end - l - 1]));
}

static size_t skip_spaces(const ctx *x, size_t i)
{
	while (i < x->n && is_space(x->lw[i]))
		i++;
	return i;
}

/* Where the sentence holding at ends: at ". ", ";", a blank line, at most
 * CLAUSE_MAX bytes on. */
static size_t clause_end(const ctx *x, size_t at)
{
	size_t ceil = at + CLAUSE_MAX < x->n ? at + CLAUSE_MAX : x->n;

	for (size_t i = at; i < ceil; i++)
		if (x->lw[i] == ';' ||
		    (x->lw[i] == '.' && (i + 1 == x->n || is_space(x->lw[i + 1]))) ||
		    (x->lw[i] == '\n' && i + 1 < x->n && x->lw[i + 1] == '\n'))
			return i;
	return ceil;
}

/* Where the clause holding at starts: after ". ", ";", ":", a quote, a
 * blank line or a line ending in one of those (a hard-wrapped line goes
 * on), at most CLAUSE_MAX bytes back. */
static size_t clause_start(const ctx *x, size_t at)
{
	size_t floor = at > CLAUSE_MAX ? at - CLAUSE_MAX : 0;

	for (size_t i = at; i > floor; i--) {
		char b = x->lw[i - 1], a = i >= 2 ? x->lw[i - 2] : '\n';
		if (b == ';' || b == ':' || b == '"')
			return i;
		if (b == '.' && i < x->n && is_space(x->lw[i]))
			return i;
		if (b == '\n' && (a == '\n' || a == '.' || a == ';' || a == ':' || a == '|'))
			return i;
	}
	return floor;
}

/* The citation that starts in [at, at + SLACK], or NULL. */
static const cite *cite_at(const ctx *x, size_t at)
{
	for (size_t i = 0; i < x->nc; i++)
		if (x->c[i].s >= at && x->c[i].s <= at + SLACK)
			return &x->c[i];
	return NULL;
}

/* The last citation that ends in [from, to], or NULL. */
static const cite *cite_ending(const ctx *x, size_t from, size_t to)
{
	const cite *best = NULL;

	for (size_t i = 0; i < x->nc; i++)
		if (x->c[i].e >= from && x->c[i].e <= to)
			best = &x->c[i];
	return best;
}

/* The first full date (YYYY-MM-DD) that starts in [from, to), or NULL. */
static const char *date_in(const ctx *x, size_t from, size_t to)
{
	for (size_t i = 0; i < x->nd; i++)
		if (x->d[i].s >= from && x->d[i].s < to && strlen(x->d[i].iso) == 10)
			return x->d[i].iso;
	return NULL;
}

/* The end of the date that covers i, or i. */
static size_t past_date(const ctx *x, size_t i)
{
	for (size_t k = 0; k < x->nd; k++)
		if (x->d[k].s <= i && i < x->d[k].e)
			return x->d[k].e;
	return i;
}

static int has(const ctx *x, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to; i++)
		if (word_at(x, i, word))
			return 1;
	return 0;
}

/* "Quyết định này" (the document itself) in [from, to), with no citation
 * after it before to. */
static int own_named(const ctx *x, size_t from, size_t to)
{
	for (size_t i = to; i-- > from;) {
		for (size_t k = 0; k < sizeof own_types / sizeof own_types[0]; k++) {
			size_t m = word_at(x, i, own_types[k]), e;
			if (!m)
				continue;
			e = skip_spaces(x, i + m);
			if (word_at(x, e, "này"))
				return !cite_ending(x, e, to);
		}
	}
	return 0;
}

/* [from, to) holds nothing but an article's or an item's number and
 * "nay": the cue opens a provision ("Điều 3. Bãi bỏ …"). */
static int opens_provision(const ctx *x, size_t from, size_t to)
{
	size_t i = skip_spaces(x, from);

	if (i < to && (x->lw[i] == '-' || x->lw[i] == '+'))
		i = skip_spaces(x, i + 1);
	while (i < to &&
	       ((x->lw[i] >= '0' && x->lw[i] <= '9') || x->lw[i] == '.' || x->lw[i] == ')'))
		i++;
	i = skip_spaces(x, i);
	if (word_at(x, i, "nay"))
		i = skip_spaces(x, i + strlen("nay"));
	return i >= to;
}

/* The gap between a cited source and its cue: dates, "của" and its
 * issuer, "về (việc)", and nothing that opens another clause or cites. */
static int source_gap(const ctx *x, size_t from, size_t to)
{
	size_t i = skip_spaces(x, past_date(x, from));

	if (to - from > GAP_MAX || has(x, from, to, "này"))
		return 0;
	for (size_t k = from; k < to; k++)
		if (strchr(";:.()|", x->lw[k]) || (x->lw[k] >= '0' && x->lw[k] <= '9'))
			return 0;
	if (i >= to || word_at(x, i, "của") || word_at(x, i, "về"))
		return 1;
	return 0;
}

/* The part named at i ("khoản 7 Điều 15 của", "một số điều của"): its
 * text into part and the position after "của"; i itself when none. */
static size_t part_at(const ctx *x, size_t i, char part[CM_PART_MAX], const char *s)
{
	static const char *const units[] = {"điểm", "khoản", "điều", "chương", "mục", "phần"};
	size_t p = i, last = i, m;

	if ((m = word_at(x, p, "một số điều"))) {
		last = p + m;
		p = skip_spaces(x, last);
	}
	for (;;) {
		size_t k, u = 0;
		for (k = 0; k < sizeof units / sizeof units[0] && !u; k++)
			u = word_at(x, p, units[k]);
		if (!u)
			break;
		p = skip_spaces(x, p + u);
		if (p >= x->n ||
		    !(is_letter((unsigned char)x->lw[p]) || (x->lw[p] >= '0' && x->lw[p] <= '9')))
			break;
		while (p < x->n && !is_space(x->lw[p]) && x->lw[p] != ',')
			p++;
		last = p;
		if (p < x->n && x->lw[p] == ',')
			p++;
		p = skip_spaces(x, p);
		if ((m = word_at(x, p, "và")))
			p = skip_spaces(x, p + m);
	}
	p = skip_spaces(x, last);
	if (last == i || !(m = word_at(x, p, "của")))
		return i;
	if (last - i < CM_PART_MAX) {
		memcpy(part, s + i, last - i);
		part[last - i] = '\0';
		for (char *c = part; *c; c++)
			if (*c == '\n')
				*c = ' ';
	}
	return skip_spaces(x, p + m);
}

static int push(ctx *x, cm_relation_kind kind, int own, const char *source, const cite *target,
		const char *part, const char *date, size_t start, size_t end)
{
	cm_relation *r;

	if (!target->key[0] || (source && !strcmp(source, target->key)))
		return 0;
	if (!(r = cm_array_alloc(x->out)))
		return cm_error_nomem();
	r->kind = kind;
	r->own = own;
	snprintf(r->source, sizeof r->source, "%s", source ? source : "");
	snprintf(r->target, sizeof r->target, "%s", target->key);
	snprintf(r->part, sizeof r->part, "%s", part);
	snprintf(r->date, sizeof r->date, "%s", date ? date : "");
	r->start = start;
	r->end = end;
	r->target_start = target->s;
	return 0;
}

/* The first target at i and the members of its list: one edge each. */
static int targets(ctx *x, size_t i, cm_relation_kind kind, int own, const char *source,
		   const char *date, size_t cue, size_t cue_end, const char *s)
{
	char part[CM_PART_MAX] = "";
	const cite *t;
	int rc;

	i = skip_spaces(x, i);
	i = part_at(x, i, part, s);
	if (word_at(x, i, "các"))
		i = skip_spaces(x, i + strlen("các"));
	if (!(t = cite_at(x, i)))
		return 0;
	if ((rc = push(x, kind, own, source, t, part, date, cue, cue_end)) < 0)
		return rc;
	while ((t->flags & CM_CITE_IN_LIST) && t + 1 < x->c + x->nc &&
	       (t[1].flags & CM_CITE_IN_LIST) && !has(x, t->e, t[1].s, "căn cứ") &&
	       t[1].s - t->e < 240) {
		t++;
		if ((rc = push(x, kind, own, source, t, part, date, cue, cue_end)) < 0)
			return rc;
	}
	return 0;
}

/* The date a statement says it takes effect from ("kể từ ngày 08-07-2013")
 * in the sentence [from, to), or NULL. */
static const char *from_date(const ctx *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		size_t m = word_at(x, i, "từ");
		if (m) {
			const char *d = date_in(x, i, i + m + 16);
			if (d)
				return d;
		}
	}
	return NULL;
}

/* ISO date plus days. */
static void add_days(char out[CM_ISO_MAX], const char *iso, long days)
{
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400, doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long z = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy + days;
	long doe, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y = (int)(yoe + era * 400 + (m <= 2));
	snprintf(out, CM_ISO_MAX, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 13u,
		 (unsigned)d % 32u);
}

/* "ngày ký" at i, also glued ("ngàyký"). */
static int signing_at(const ctx *x, size_t i)
{
	return word_at(x, i, "ngày ký") || word_at(x, i, "ngàyký");
}

/* The document's own effective date: "… này có hiệu lực (thi hành) (kể)
 * từ ngày ký", "sau N (…) ngày kể từ ngày ký", "kể từ ngày DATE". */
static void effective(ctx *x, char out[CM_ISO_MAX])
{
	for (size_t i = 0; i < x->n; i++) {
		size_t m = word_at(x, i, "có hiệu lực"), p;
		const char *d;
		if (!m || !own_named(x, clause_start(x, i), i))
			continue;
		p = skip_spaces(x, i + m);
		if (!strncmp(x->lw + p, "thi hành", strlen("thi hành")))
			p = skip_spaces(x, p + strlen("thi hành")); /* also glued: "hànhsau" */
		if (!strncmp(x->lw + p, "sau ", strlen("sau "))) {
			long n = strtol(x->lw + skip_spaces(x, p + strlen("sau")), NULL, 10);
			size_t k = p;
			while (k < x->n && k < p + 48 && !signing_at(x, k))
				k++;
			if (n > 0 && k < p + 48 && x->doc_date[0]) {
				add_days(out, x->doc_date, n);
				return;
			}
			continue;
		}
		if ((m = word_at(x, p, "kể")))
			p = skip_spaces(x, p + m);
		if ((m = word_at(x, p, "từ")))
			p = skip_spaces(x, p + m);
		if (signing_at(x, p)) {
			snprintf(out, CM_ISO_MAX, "%s", x->doc_date);
			return;
		}
		if ((d = date_in(x, p, p + 40))) {
			snprintf(out, CM_ISO_MAX, "%s", d);
			return;
		}
	}
}

/* The citation under "Lịch sử hiệu lực:" before at: a history table's
 * document, or NULL. */
static const cite *history_of(const ctx *x, size_t at)
{
	const cite *best = NULL;

	for (size_t i = 0; i < at; i++) {
		size_t m = word_at(x, i, "lịch sử hiệu lực");
		const cite *c;
		if (m && i + m < x->n && x->lw[i + m] == ':' &&
		    (c = cite_at(x, skip_spaces(x, i + m + 1))))
			best = c;
	}
	return best;
}

/* The start of the line holding at. */
static size_t line_of(const ctx *x, size_t at)
{
	while (at > 0 && x->lw[at - 1] != '\n')
		at--;
	return at;
}

/* "… được/bị thay thế bởi Y" and a history row "DATE Bị thay thế Y". */
static int passive(ctx *x, size_t p, size_t q, cm_relation_kind kind, const char *s)
{
	char part[CM_PART_MAX] = "";
	size_t i = skip_spaces(x, q), m, sentence = clause_start(x, p);
	const cite *y, *target = NULL;

	while (i < x->n && x->lw[i] == ',') {
		size_t k = skip_spaces(x, i + 1), c = 0;
		for (size_t j = 0; j < sizeof cues / sizeof cues[0] && !c; j++)
			c = word_at(x, k, cues[j].word);
		if (!c)
			break;
		i = skip_spaces(x, k + c);
	}
	if ((m = word_at(x, i, "1 phần")) || (m = word_at(x, i, "một phần"))) {
		memcpy(part, s + i, m);
		part[m] = '\0';
		i = skip_spaces(x, i + m);
	}
	if ((m = word_at(x, i, "bởi"))) {
		if (!(y = cite_at(x, skip_spaces(x, i + m))))
			return 0;
		for (size_t k = 0; k < x->nc && !target; k++)
			if (x->c[k].s >= sentence && x->c[k].e <= p)
				target = &x->c[k];
		return target ? push(x, kind, 0, y->key, target, part,
				     from_date(x, sentence, clause_end(x, q)), p, q)
			      : 0;
	}
	if (!(y = cite_at(x, i)) || !(target = history_of(x, p)))
		return 0;
	return push(x, kind, 0, y->key, target, part, date_in(x, line_of(x, p), p), p, q);
}

/* "Các Thông tư sau đây hết hiệu lực (…): A; B; …": own edges to each
 * citation after the colon, up to a blank line. */
static int expiring_list(ctx *x, size_t p, size_t q, const char *date)
{
	size_t i = q;
	int rc;

	const char *blank;
	size_t stop;

	while (i < x->n && x->lw[i] != ':' && x->lw[i] != '.' && i < q + 80)
		i++;
	if (i >= x->n || x->lw[i] != ':')
		return 0;
	blank = strstr(x->lw + i, "\n\n");
	stop = blank ? (size_t)(blank - x->lw) : x->n;
	for (size_t k = 0; k < x->nc; k++) {
		if (x->c[k].s < i)
			continue;
		if (x->c[k].s > stop || has(x, i, x->c[k].s, "điều"))
			break;
		if ((rc = push(x, CM_REL_EXPIRES, 1, x->self_key, &x->c[k], "", date, p, q)) < 0)
			return rc;
	}
	return 0;
}

static int cue(ctx *x, size_t p, size_t q, cm_relation_kind kind, const char *eff, const char *s)
{
	size_t start = clause_start(x, p);
	const cite *a;

	if (word_before(x, p, "bị") || word_before(x, p, "được"))
		return passive(x, p, q, kind, s);
	if (kind == CM_REL_EXPIRES) {
		if (has(x, start, p, "sau đây"))
			return expiring_list(x, p, q, eff);
		a = cite_ending(x, start, p);
		if (!a || !source_gap(x, a->e, p) || !strcmp(a->key, x->self_key))
			return 0;
		return push(x, kind, 1, x->self_key, a, "",
			    from_date(x, q, q + 60) ? from_date(x, q, q + 60) : eff, p, q);
	}
	if (own_named(x, start, p) || opens_provision(x, start, p))
		return targets(x, q, kind, 1, x->self_key, eff, p, q, s);
	a = cite_ending(x, start, p);
	if (!a || !source_gap(x, a->e, p))
		return 0;
	if (!strcmp(a->key, x->self_key))
		return targets(x, q, kind, 1, x->self_key, eff, p, q, s);
	return targets(x, q, kind, 0, a->key, NULL, p, q, s);
}

static int scan(ctx *x, cm_relations *r, const char *s)
{
	effective(x, r->effective);
	for (size_t i = 0; i < x->n; i++) {
		for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++) {
			size_t m = word_at(x, i, cues[k].word);
			int rc;
			if (!m)
				continue;
			if ((rc = cue(x, i, i + m, cues[k].kind, r->effective, s)) < 0)
				return rc;
			i += m - 1;
			break;
		}
	}
	return 0;
}

/* The canonical offset of input offset at (map: canonical → input). */
static size_t to_canon(const size_t *map, size_t n, size_t at)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (map[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int by_start(const void *a, const void *b)
{
	const cite *x = a, *y = b;
	return (x->s > y->s) - (x->s < y->s);
}

/* The citations (the own identity's surface among them) and dates of the
 * input in canonical offsets. */
static int load(ctx *x, const cm_citations *c, const cm_dates *d, const size_t *map)
{
	if (!(x->c = calloc(c->n + 2, sizeof *x->c)) || !(x->d = calloc(d->n + 1, sizeof *x->d)))
		return cm_error_nomem();
	for (size_t i = 0; i < c->n; i++) {
		const cm_citation *ci = &c->v[i];
		if (ci->kind == CM_CITE_SHORT_REF)
			continue;
		x->c[x->nc] = (cite){
			to_canon(map, x->n, ci->start), to_canon(map, x->n, ci->end),
			ci->kind == CM_CITE_SELF_MENTION && c->self.key[0] ? c->self.key : ci->key,
			ci->flags};
		x->nc++;
	}
	if (c->self.key[0] && c->self.end > c->self.start)
		x->c[x->nc++] = (cite){to_canon(map, x->n, c->self.start),
				       to_canon(map, x->n, c->self.end), c->self.key, 0};
	qsort(x->c, x->nc, sizeof *x->c, by_start);
	for (size_t i = 0; i < d->n; i++)
		x->d[x->nd++] = (cdate){to_canon(map, x->n, d->v[i].start),
					to_canon(map, x->n, d->v[i].end), d->v[i].iso};
	return 0;
}

/* Offsets back in the input. */
static void map_back(cm_relations *r, const size_t *map)
{
	for (size_t i = 0; i < r->n; i++) {
		r->v[i].start = map[r->v[i].start];
		r->v[i].end = map[r->v[i].end];
		r->v[i].target_start = map[r->v[i].target_start];
	}
}

int cm_relations_extract(cm_relations **out, const char *text, size_t len, const cm_citations *c,
			 const cm_dates *d)
{
	ctx x = {0};
	char *canon = NULL, *lw = NULL;
	size_t *map = NULL;
	cm_relations *r = NULL;
	int rc;

	if ((rc = cm_text_canon(&canon, &x.n, &map, text, len)) < 0)
		return rc;
	if (!(lw = malloc(x.n + 1)) || !(r = calloc(1, sizeof *r))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	cm_ctext_lower(lw, canon, x.n);
	x.lw = lw;
	x.self_key = c->self.key;
	x.doc_date = strlen(c->self.date) == 10  ? c->self.date
		     : strlen(d->doc_date) == 10 ? d->doc_date
						 : "";
	if ((rc = load(&x, c, d, map)) < 0 || (rc = scan(&x, r, canon)) < 0)
		goto cleanup;
	r->v = x.out.ptr;
	r->n = x.out.size;
	x.out.ptr = NULL;
	map_back(r, map);
	*out = r;
	r = NULL;
cleanup:
	cm_array_clear(x.out);
	cm_relations_free(r);
	free(x.c);
	free(x.d);
	free(canon);
	free(lw);
	free(map);
	return rc;
}

void cm_relations_free(cm_relations *r)
{
	if (!r)
		return;
	free(r->v);
	free(r);
}

const char *cm_relation_name(cm_relation_kind kind)
{
	return kind < CM_REL_KINDS ? names[kind] : NULL;
}

int cm_relation_from_name(cm_relation_kind *out, const char *name)
{
	for (int k = 0; k < CM_REL_KINDS; k++)
		if (name && !strcmp(name, names[k])) {
			*out = (cm_relation_kind)k;
			return 0;
		}
	cm_error_set(CM_EINVAL, "no relation named \"%s\"", name ? name : "");
	return CM_EINVAL;
}
