/* SPDX-License-Identifier: GPL-2.0-or-later */

/* date.c: the date extractor of chimuc/date.h: scans the canonical text
 * (cm_text_canon) for date forms (date_scan.c), then classifies each date:
 * inside a citation, the document's own date, occasion, recurrence,
 * deadline (date_deadline.c), and resolves year-less dates with the
 * document's year. It does not extract citations: a date counts as a
 * citation's when it follows "SYMBOL[,] ngày", SYMBOL being a document
 * number such as 25-NQ/TW. */
#include "chimuc/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/text.h"
#include "extract/date_scan.h"
#include "extract/obligation.h"

#define CLAUSE_MAX 160  /* how far back an occasion's name is looked for */
#define HEAD_LINES 3    /* lines at the top that may carry the title */
#define HEAD_BYTES 1500 /* where the "Place, ngày … tháng … năm …" line may be */
#define PAREN_BACK 16   /* the longest lost range start before a date in parentheses */

static size_t back_spaces(const cm_date_scan *sc, size_t at)
{
	while (at > 0 && cm_date_is_space(sc->s[at - 1]))
		at--;
	return at;
}

/* Start of the word ending at end. */
static size_t word_start(const cm_date_scan *sc, size_t end)
{
	while (end > 0 && !cm_date_is_space(sc->s[end - 1]) && sc->s[end - 1] != '\n' &&
	       sc->s[end - 1] != '(')
		end--;
	return end;
}

/* 1 if the word ending at end looks like a document symbol (25-NQ/TW), or
 * ends one whose number stands apart ("27- HD/BTCTW", "493 -CV/TU", "40 –
 * CT/TW"). */
static int symbol_before(const cm_date_scan *sc, size_t end)
{
	size_t p = word_start(sc, end), q;
	int digit = 0, slash = 0, upper = 0;

	for (size_t i = p; i < end; i++) {
		unsigned char c = (unsigned char)sc->s[i];
		digit |= cm_date_is_digit((char)c);
		slash |= c == '/';
		upper |= (c >= 'A' && c <= 'Z') || c == 0xC4; /* Đ */
	}
	if (digit || !slash || !upper)
		return digit && slash && upper;
	q = back_spaces(sc, p);
	if (sc->s[p] != '-') { /* the dash stands alone: "27- HD", "40 – CT" */
		if (q >= 3 && !memcmp(sc->s + q - 3, "\xe2\x80\x93", 3))
			q = back_spaces(sc, q - 3);
		else if (q > 0 && sc->s[q - 1] == '-')
			q = back_spaces(sc, q - 1);
		else
			return 0;
	}
	return q > 0 && cm_date_is_digit(sc->s[q - 1]);
}

/* Start of the clause holding at: after the last ';', ',', line break, or
 * '.' that ends a sentence (not "Ph.Ăng", "V.I" with a letter after it). */
static size_t clause_start(const cm_date_scan *sc, size_t at)
{
	size_t limit = at > CLAUSE_MAX ? at - CLAUSE_MAX : 0;

	while (at > limit && !strchr(";\n,", sc->s[at - 1]) &&
	       !(sc->s[at - 1] == '.' && !cm_date_is_letter((unsigned char)sc->s[at])))
		at--;
	while (at < sc->n && ((unsigned char)sc->s[at] & 0xC0) == 0x80)
		at++;
	return at;
}

static int clause_has(const cm_date_scan *sc, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to; i++)
		if (cm_date_word_at(sc, i, word))
			return 1;
	return 0;
}

/* "N năm Ngày …", "N năm "Ngày …"": an anniversary. */
static int clause_has_anniversary(const cm_date_scan *sc, size_t from, size_t to)
{
	for (size_t i = from; i + 1 < to; i++)
		if (cm_date_is_digit(sc->s[i]) && !cm_date_is_digit(sc->s[i + 1]) &&
		    cm_date_word_at(sc, i + 1, " năm "))
			return 1;
	return 0;
}

/* Where the parenthesis that ends at the date and opens at most
 * PAREN_BACK bytes before from starts, past digits, blanks and dashes only
 * ("(30/9 - 1910/ 30/9/2020)", a range whose start lost its form); 0 if
 * the date is not so enclosed. */
static size_t paren_open(const cm_date_scan *sc, size_t from)
{
	size_t open = from;

	while (open > 0 && from - open < PAREN_BACK) {
		if (cm_date_is_digit(sc->s[open - 1]) || strchr(" \t/-.", sc->s[open - 1]))
			open--;
		else if (open >= 3 && (!memcmp(sc->s + open - 3, "\xe2\x80\x93", 3) ||
				       !memcmp(sc->s + open - 3, "\xe2\x80\x94", 3)))
			open -= 3;
		else
			break;
	}
	return open > 0 && sc->s[open - 1] == '(' ? open : 0;
}

/* *out is the occasion named before the parenthesis holding the date, or
 * NULL; *open is where that parenthesis opens and *name where the name
 * starts. */
static int occasion(char **out, size_t *open, size_t *name, const cm_date_scan *sc,
		    const cm_date *d)
{
	size_t from = d->range ? d->range_start : d->start, to = d->range ? d->range_end : d->end;
	size_t o = paren_open(sc, from), c, kn;
	char *s;

	*out = NULL;
	if (o == 0 || to >= sc->n || sc->s[to] != ')')
		return 0;
	o--;
	c = clause_start(sc, o);
	if (!(clause_has(sc, c, o, "kỷ niệm") || clause_has(sc, c, o, "truyền thống") ||
	      clause_has(sc, c, o, "ngày truyền") || clause_has_anniversary(sc, c, o)))
		return 0;
	kn = c;
	for (size_t i = c; i < o; i++) /* the last "kỷ niệm" names it */
		if (cm_date_word_at(sc, i, "kỷ niệm "))
			kn = i + strlen("kỷ niệm ");
	while (kn < o && (cm_date_is_space(sc->s[kn]) || sc->s[kn] == '*'))
		kn++;
	if (!(s = malloc(to + 2 - kn)))
		return cm_error_nomem();
	memcpy(s, sc->s + kn, to + 1 - kn);
	s[to + 1 - kn] = '\0';
	*out = s;
	*open = o;
	*name = kn;
	return 0;
}

/* 1 if the occasion named at `name` follows, in a list, the one whose
 * parenthesis closed at `close` ("(15/10/1930 - 15/10/2020), 90 năm ngày
 * Truyền thống MTTQ …", "(21/6) và kỷ niệm Ngày …"): only commas,
 * semicolons, emphasis, "và" and "kỷ niệm" lie between them. */
static int occasion_listed(const cm_date_scan *sc, size_t close, size_t name)
{
	size_t p = close, k;

	if (!close || close > name)
		return 0;
	while (p < name)
		if (strchr(" \t,;*", sc->s[p]))
			p++;
		else if ((k = cm_date_word_at(sc, p, "và ")) ||
			 (k = cm_date_word_at(sc, p, "kỷ niệm ")))
			p += k;
		else
			return 0;
	return 1;
}

static const char *recurrence(const cm_date_scan *sc, size_t from, size_t to)
{
	if (clause_has(sc, from, to, "hằng năm") || clause_has(sc, from, to, "hàng năm"))
		return "yearly";
	if (clause_has(sc, from, to, "định kỳ 6 tháng"))
		return "every 6 months";
	if (clause_has(sc, from, to, "hằng quý") || clause_has(sc, from, to, "hàng quý"))
		return "quarterly";
	if (clause_has(sc, from, to, "hằng tháng") || clause_has(sc, from, to, "hàng tháng"))
		return "monthly";
	return NULL;
}

/* Type words that open a document's title line. */
static const char *const title_types[] = {
	"kế hoạch", "nghị quyết", "chỉ thị",      "quyết định", "hướng dẫn", "thông báo",
	"kết luận", "quy định",   "chương trình", "công văn",   "báo cáo",
};

/* 1 if the line holding at opens with a document type ("Kế hoạch số …"). */
static int title_line(const cm_date_scan *sc, size_t at)
{
	size_t p = cm_text_line_start(sc->s, at);

	while (p < at && cm_date_is_space(sc->s[p]))
		p++;
	for (size_t i = 0; i < sizeof title_types / sizeof title_types[0]; i++)
		if (cm_date_word_at(sc, p, title_types[i]))
			return 1;
	return 0;
}

/* The document's own date: "Place, ngày … tháng … năm …" near the top, or
 * a dated title line ("Kế hoạch số 1600-KH/BDVTW ngày 28/02/2018 …"); a
 * web page's timestamp line ("Thứ tư - 07/06/2017 16:00") only when the
 * page has neither. */
static int is_self(const cm_date_scan *sc, const cm_date *d, int timestamp)
{
	size_t ls, p;
	int had_ngay, place = 0;

	if (d->start > HEAD_BYTES || strlen(d->iso) != 10 || d->iso[0] == '-')
		return 0;
	/* Only now, near the top: the dates of one long line must not each
	 * scan back to its start. */
	ls = cm_text_line_start(sc->s, d->start);
	if (timestamp)
		return cm_text_lines_before(sc->s, d->start, HEAD_LINES) < HEAD_LINES &&
		       (cm_date_word_at(sc, ls, "thứ ") || cm_date_word_at(sc, ls, "chủ nhật"));
	for (size_t k = ls; k < d->start; k++)
		place |= sc->s[k] == ',';
	p = cm_date_back_over_ngay(sc, d->start, &had_ngay);
	return (d->end - d->start > 12 && place && !cm_date_word_at(sc, ls, "thứ ")) ||
	       (had_ngay && symbol_before(sc, p) &&
		cm_text_lines_before(sc->s, d->start, HEAD_LINES) < HEAD_LINES &&
		title_line(sc, d->start));
}

/* 1 for the written form, which starts with its own "ngày". */
static int written(const cm_date_scan *sc, const cm_date *d)
{
	return d->end - d->start > 5 &&
	       (cm_date_word_at(sc, d->start, "ngày") || !memcmp(sc->s + d->start, "NGÀY", 5));
}

static void find_self(cm_date_scan *sc)
{
	for (int timestamp = 0; timestamp < 2; timestamp++)
		for (size_t i = 0; i < sc->out->n; i++) {
			cm_date *d = &sc->out->v[i];
			if (is_self(sc, d, timestamp)) {
				d->in_self = 1;
				memcpy(sc->out->doc_date, d->iso, CM_ISO_MAX);
				return;
			}
		}
}

/* 1 if d, the i-th date, follows the one before in a list ("trước ngày 15/6
 * và 15/12", "trong tháng 11, tháng 12 năm 2025"), whose cue it shares; a
 * comma joins months and quarters only. */
static int listed(const cm_date_scan *sc, const cm_date *d, size_t i)
{
	size_t p, k;

	if (i == 0 || d[-1].range || d->range)
		return 0;
	p = cm_date_skip_spaces(sc, d[-1].end);
	if (p < sc->n && sc->s[p] == ',' && !cm_date_has_day(d[-1].iso) && !cm_date_has_day(d->iso))
		k = 1;
	else if (!(k = cm_date_word_at(sc, p, "và ")))
		return 0;
	p = cm_date_skip_spaces(sc, p + k);
	if ((k = cm_date_word_at(sc, p, "ngày ")))
		p = cm_date_skip_spaces(sc, p + k);
	return p == d->start;
}

/* A copy of span, or NULL when it is empty; CM_ENOMEM. */
static int copy_span(const char **out, const cm_date_scan *sc, cm_span span)
{
	char *c;

	*out = NULL;
	if (span.end <= span.start)
		return 0;
	if (!(c = malloc(span.end - span.start + 1)))
		return cm_error_nomem();
	memcpy(c, sc->s + span.start, span.end - span.start);
	c[span.end - span.start] = '\0';
	*out = c;
	return 0;
}

/* Where the obligation finder looks for a deadline: [start, end) stands
 * for its date, prev_end is where the deadline before it ends. */
typedef struct {
	size_t start, end, prev_end;
} anchor;

/* The actor, task, recipient, channel and partners of the deadline d, read
 * around the anchor a. */
static int obligation(const cm_date_scan *sc, cm_date *d, anchor a)
{
	cm_obligation ob;
	int rc;

	cm_obligation_find(&ob, sc->s, sc->n, a.start, a.end, a.prev_end);
	if ((rc = copy_span(&d->actor, sc, ob.actor)) < 0 ||
	    (rc = copy_span(&d->task, sc, ob.task)) < 0 ||
	    (rc = copy_span(&d->recipient, sc, ob.recipient)) < 0 ||
	    (rc = copy_span(&d->channel, sc, ob.channel)) < 0 ||
	    (rc = copy_span(&d->partners, sc, ob.partners)) < 0)
		return rc;
	d->actor_from = ob.actor_from;
	d->actor_level = ob.actor_level;
	d->recipient_level = ob.recipient_level;
	return 0;
}

/* The anchor of the deadline d: its date; for an occasion, the parenthesis
 * holding it (the task is the words before "kỷ niệm …"), or that of the
 * occasion it is listed after, whose obligation it shares. *occ is the
 * anchor of the last occasion, occ_close where its parenthesis closed. */
static anchor anchor_of(const cm_date_scan *sc, const cm_date *d, size_t open, size_t name,
			size_t prev_end, anchor *occ, size_t *occ_close)
{
	anchor a = {d->start, d->end, prev_end};

	if (!d->occasion)
		return a;
	if (!occasion_listed(sc, *occ_close, name))
		*occ = (anchor){open, d->end, prev_end};
	*occ_close = d->end + 1;
	return *occ;
}

static int classify(cm_date_scan *sc)
{
	size_t last_deadline = 0, occ_close = 0;
	anchor occ = {0, 0, 0};

	find_self(sc);
	for (size_t i = 0; i < sc->out->n; i++) {
		cm_date *d = &sc->out->v[i];
		int had_ngay, rc;
		char *occ_name;
		size_t p = cm_date_back_over_ngay(
			sc, d->range == CM_RANGE_END ? d->range_start : d->start, &had_ngay);
		size_t cs, ce, head, open = 0, name = 0;
		const cm_date *first;

		had_ngay |= d->range != CM_RANGE_END && written(sc, d);
		d->in_citation = !d->in_self && had_ngay && symbol_before(sc, p);
		cm_text_sentence(&cs, &ce, sc->s, sc->n, d->start, d->end);
		d->context_start = cs;
		d->context_end = ce;
		if (d->iso[0] == '-' && sc->out->doc_date[0])
			snprintf(d->resolved, sizeof d->resolved, "%.4s%s", sc->out->doc_date,
				 d->iso + 1);
		else if (d->iso[0] != '-')
			memcpy(d->resolved, d->iso, CM_ISO_MAX);
		if (d->in_citation || d->in_self)
			continue;
		if ((rc = occasion(&occ_name, &open, &name, sc, d)) < 0)
			return rc;
		d->occasion = occ_name;
		head = d->range == CM_RANGE_END ? i - 1 : i;
		while (d->range != CM_RANGE_END && listed(sc, &sc->out->v[head], head))
			head--; /* back to the head of the list */
		first = &sc->out->v[head];
		d->deadline = cm_date_is_deadline(sc, d, first, d->occasion != NULL);
		d->recurrence = recurrence(sc, cs, ce);
		if (d->deadline && (rc = obligation(sc, d,
						    anchor_of(sc, d, open, name, last_deadline,
							      &occ, &occ_close))) < 0)
			return rc;
		if (d->deadline)
			last_deadline = d->end;
	}
	return 0;
}

/* Canonical offsets to input offsets. */
static void map_back(cm_dates *out, const size_t *map)
{
	for (size_t i = 0; i < out->n; i++) {
		cm_date *d = &out->v[i];
		d->start = map[d->start];
		d->end = map[d->end];
		d->context_start = map[d->context_start];
		d->context_end = map[d->context_end];
		if (d->range) {
			d->range_start = map[d->range_start];
			d->range_end = map[d->range_end];
		}
	}
}

int cm_dates_extract(cm_dates **out, const char *text, size_t len)
{
	cm_date_scan sc = {0};
	char *canon = NULL;
	size_t clen, *map = NULL;
	int rc;

	if ((rc = cm_text_canon(&canon, &clen, &map, text, len)) < 0)
		return rc;
	sc = (cm_date_scan){canon, clen, calloc(1, sizeof(cm_dates)), 0};
	if (!sc.out) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	if ((rc = cm_date_scan_all(&sc)) < 0 || (rc = classify(&sc)) < 0) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	map_back(sc.out, map);
	*out = sc.out;
	sc.out = NULL;
cleanup:
	cm_dates_free(sc.out);
	free(canon);
	free(map);
	return rc;
}

void cm_dates_free(cm_dates *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		cm_date *x = &d->v[i];

		free((char *)x->occasion);
		free((char *)x->actor);
		free((char *)x->task);
		free((char *)x->recipient);
		free((char *)x->channel);
		free((char *)x->partners);
	}
	free(d->v);
	free(d);
}

int cm_date_numeric_at(char iso[CM_ISO_MAX], size_t *len, const char *s, size_t n)
{
	cm_date_scan sc = {.s = s, .n = n};
	size_t at = 0;

	if (!cm_date_numeric_full(&sc, &at, iso))
		return 0;
	*len = at;
	return 1;
}

int cm_date_parse_user(char out[CM_ISO_MAX], const char *s)
{
	int a, b, c, n = 0;

	if (sscanf(s, "--%2d-%2d%n", &a, &b, &n) == 2 && !s[n] && cm_date_valid_day(0, a, b))
		return cm_date_iso_write(out, -1, a, b, 0), 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && !s[n] && cm_date_valid_day(a, b, c))
		return cm_date_iso_write(out, a, b, c, 0), 0;
	if (sscanf(s, "%2d/%2d/%4d%n", &a, &b, &c, &n) == 3 && !s[n] && cm_date_valid_day(c, b, a))
		return cm_date_iso_write(out, c, b, a, 0), 0;
	if (sscanf(s, "%4d-%2d%n", &a, &b, &n) == 2 && !s[n] && a > 999 && b >= 1 && b <= 12)
		return cm_date_iso_write(out, a, b, 0, 0), 0;
	if (sscanf(s, "%2d/%4d%n", &a, &b, &n) == 2 && !s[n] && b > 999 && a >= 1 && a <= 12)
		return cm_date_iso_write(out, b, a, 0, 0), 0;
	if (sscanf(s, "%2d/%2d%n", &a, &b, &n) == 2 && !s[n] && cm_date_valid_day(0, b, a))
		return cm_date_iso_write(out, -1, b, a, 0), 0;
	return cm_error_set(CM_EINVAL,
			    "not a date: '%s' (use 15/10, 15/10/2024, 2024-10-15, "
			    "2024-06 or 6/2024)",
			    s);
}
