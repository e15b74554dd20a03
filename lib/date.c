/* date.c: a hand-written, linear scanner for the date forms of chimuc/date.h
 * over the canonical text (cm_text_canon), then a pass that classifies each
 * date: inside a citation, the document's own date, deadline, occasion,
 * recurrence, and resolves year-less dates with the document's year. It
 * does not extract citations: a date counts as a citation's when it follows
 * "SYMBOL[,] ngày", SYMBOL being a document number such as 25-NQ/TW. */
#include "chimuc/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/text.h"

#define CLAUSE_MAX 160  /* how far back an occasion's name is looked for */
#define HEAD_LINES 3    /* lines at the top that may carry the title */
#define HEAD_BYTES 1500 /* where the "Place, ngày … tháng … năm …" line may be */

typedef struct {
	const char *s; /* canonical text */
	size_t n;
	const size_t *map;
	const char *in;
	size_t inlen;
	cm_dates *out;
	size_t cap;
} scan;

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* 1 if word (UTF-8, lower case) is at s[at], ASCII letters compared without
 * case. */
static int word_at(const scan *sc, size_t at, const char *word)
{
	size_t k = strlen(word);

	if (at + k > sc->n)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (lower(sc->s[at + i]) != word[i])
			return 0;
	return 1;
}

/* Upper-case Vietnamese initials that the ASCII folding above misses. */
static size_t match_word(const scan *sc, size_t at, const char *lower_word, const char *upper_word)
{
	if (word_at(sc, at, lower_word))
		return strlen(lower_word);
	if (upper_word && at + strlen(upper_word) <= sc->n &&
	    !memcmp(sc->s + at, upper_word, strlen(upper_word)))
		return strlen(upper_word);
	return 0;
}

static size_t skip_spaces(const scan *sc, size_t at)
{
	while (at < sc->n && (is_space(sc->s[at]) || sc->s[at] == '*'))
		at++;
	return at;
}

/* Reads 1..max digits at *at into *v. */
static int number(const scan *sc, size_t *at, int max, int *v)
{
	int k = 0;

	*v = 0;
	while (*at < sc->n && is_digit(sc->s[*at]) && k < max) {
		*v = *v * 10 + (sc->s[*at] - '0');
		(*at)++;
		k++;
	}
	return k > 0 && !(*at < sc->n && is_digit(sc->s[*at]));
}

static int year4(const scan *sc, size_t *at, int *y)
{
	size_t from = *at;
	return number(sc, at, 4, y) && *at - from == 4;
}

static int valid_day(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && y > 0)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return 1;
}

static int word_boundary_before(const scan *sc, size_t at)
{
	unsigned char c;

	if (at == 0)
		return 1;
	c = (unsigned char)sc->s[at - 1];
	return !(c >= 0x80 || is_digit((char)c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		 c == '/' || c == '-' || c == '.');
}

static int end_ok(const scan *sc, size_t at)
{
	unsigned char c;

	if (at >= sc->n)
		return 1;
	c = (unsigned char)sc->s[at];
	if (is_digit((char)c) || c == '/' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    c >= 0x80)
		return 0;
	/* "03.6.2013." is a date; "1.1.2" is not */
	return !(c == '.' && at + 1 < sc->n && is_digit(sc->s[at + 1]));
}

/* ISO forms written digit by digit: y 0..9999, m and d 0..99 (callers
 * validate them first). q is a quarter 1..4. */
static void iso_write(char out[CM_ISO_MAX], int y, int m, int d, int q)
{
	char *p = out;

	if (y >= 0) {
		*p++ = (char)('0' + y / 1000 % 10);
		*p++ = (char)('0' + y / 100 % 10);
		*p++ = (char)('0' + y / 10 % 10);
		*p++ = (char)('0' + y % 10);
	} else {
		*p++ = '-';
	}
	*p++ = '-';
	if (q > 0) {
		*p++ = 'Q';
		*p++ = (char)('0' + q % 10);
		*p = '\0';
		return;
	}
	*p++ = (char)('0' + m / 10 % 10);
	*p++ = (char)('0' + m % 10);
	if (d > 0) {
		*p++ = '-';
		*p++ = (char)('0' + d / 10 % 10);
		*p++ = (char)('0' + d % 10);
	}
	*p = '\0';
}

static int push(scan *sc, size_t start, size_t end, const char *iso)
{
	cm_date *d;

	if (sc->out->n == sc->cap) {
		size_t cap = sc->cap ? 2 * sc->cap : 32;
		cm_date *v = realloc(sc->out->v, cap * sizeof *v);
		if (!v)
			return cm_error_set(CM_ENOMEM, "out of memory");
		sc->out->v = v;
		sc->cap = cap;
	}
	d = &sc->out->v[sc->out->n++];
	memset(d, 0, sizeof *d);
	d->start = start; /* canonical offsets until the end of the scan */
	d->end = end;
	snprintf(d->iso, sizeof d->iso, "%s", iso);
	return 0;
}

/* d/m/yyyy, d-m-yyyy or d.m.yyyy at *at; on success *at is past it. */
static int numeric_full(const scan *sc, size_t *at, char iso[CM_ISO_MAX])
{
	size_t p = *at;
	int d, m, y;
	char sep;

	if (!number(sc, &p, 2, &d) || p >= sc->n)
		return 0;
	sep = sc->s[p];
	if (sep != '/' && sep != '-' && sep != '.')
		return 0;
	p++;
	if (!number(sc, &p, 2, &m) || p >= sc->n || sc->s[p] != sep)
		return 0;
	p++;
	if (!year4(sc, &p, &y) || !end_ok(sc, p) || !valid_day(y, m, d))
		return 0;
	iso_write(iso, y, m, d, 0);
	*at = p;
	return 1;
}

/* A dash between the two dates of a range: -, – or —, spaces around. */
static size_t range_dash(const scan *sc, size_t at)
{
	at = skip_spaces(sc, at);
	if (at < sc->n && sc->s[at] == '-')
		return skip_spaces(sc, at + 1);
	if (at + 3 <= sc->n && (!memcmp(sc->s + at, "\xe2\x80\x93", 3) ||
				!memcmp(sc->s + at, "\xe2\x80\x94", 3)))
		return skip_spaces(sc, at + 3);
	return 0;
}

/* Position before the optional "ngày" (and spaces, commas, '*') ahead of at. */
static size_t back_over_ngay(const scan *sc, size_t at, int *had_ngay)
{
	size_t p = at;

	while (p > 0 && (is_space(sc->s[p - 1]) || sc->s[p - 1] == '*'))
		p--;
	*had_ngay = 0;
	if (p >= 5 && (word_at(sc, p - 5, "ngày") || !memcmp(sc->s + p - 5, "NGÀY", 5))) {
		p -= 5;
		*had_ngay = 1;
	}
	while (p > 0 && (is_space(sc->s[p - 1]) || sc->s[p - 1] == ',' || sc->s[p - 1] == '*'))
		p--;
	return p;
}

static void set_range(cm_date *d, enum cm_range_role role, size_t start, size_t end)
{
	d->range = role;
	d->range_start = start;
	d->range_end = end;
}

/* A full numeric date, maybe the start of a range, or a day-month. */
static int scan_numeric(scan *sc, size_t *at)
{
	char iso[CM_ISO_MAX], iso2[CM_ISO_MAX];
	size_t start = *at, p = *at, q;
	int d, m, rc, had_ngay;

	if (numeric_full(sc, &p, iso)) {
		size_t second = range_dash(sc, p);
		q = second;
		if (second && numeric_full(sc, &q, iso2)) {
			if ((rc = push(sc, start, p, iso)) < 0 || (rc = push(sc, second, q, iso2)) < 0)
				return rc;
			set_range(&sc->out->v[sc->out->n - 2], CM_RANGE_START, start, q);
			set_range(&sc->out->v[sc->out->n - 1], CM_RANGE_END, start, q);
			*at = q;
			return 0;
		}
		*at = p;
		return push(sc, start, p, iso);
	}
	p = start;
	if (!number(sc, &p, 2, &d) || p >= sc->n || sc->s[p] != '/')
		return 0;
	p++;
	if (!number(sc, &p, 2, &m) || !end_ok(sc, p) || !valid_day(0, m, d))
		return 0;
	if (!((start > 0 && sc->s[start - 1] == '(' && p < sc->n && sc->s[p] == ')') ||
	      (back_over_ngay(sc, start, &had_ngay), had_ngay)))
		return 0;
	iso_write(iso, -1, m, d, 0);
	*at = p;
	return push(sc, start, p, iso);
}

static const struct {
	const char *lower, *upper;
} NGAY = {"ngày", "NGÀY"}, THANG = {"tháng", "THÁNG"}, NAM = {"năm", "NĂM"}, QUY = {"quý", "QUÝ"};

/* "ngày 04 tháng 3 năm 2018" (any spacing). */
static int scan_written(scan *sc, size_t *at)
{
	size_t p = *at, k;
	int d, m, y;
	char iso[CM_ISO_MAX];

	if (!(k = match_word(sc, p, NGAY.lower, NGAY.upper)))
		return 0;
	p = skip_spaces(sc, p + k);
	if (!number(sc, &p, 2, &d))
		return 0;
	p = skip_spaces(sc, p);
	if (!(k = match_word(sc, p, THANG.lower, THANG.upper)))
		return 0;
	p = skip_spaces(sc, p + k);
	if (!number(sc, &p, 2, &m))
		return 0;
	p = skip_spaces(sc, p);
	if (!(k = match_word(sc, p, NAM.lower, NAM.upper)))
		return 0;
	p = skip_spaces(sc, p + k);
	if (!year4(sc, &p, &y) || !valid_day(y, m, d))
		return 0;
	iso_write(iso, y, m, d, 0);
	k = *at;
	*at = p;
	return push(sc, k, p, iso) < 0 ? -1 : 1;
}

/* "tháng 3/2024" or "tháng 3 năm 2024". */
static int scan_month(scan *sc, size_t *at)
{
	size_t p = *at, k;
	int m, y;
	char iso[CM_ISO_MAX];

	if (!(k = match_word(sc, p, THANG.lower, THANG.upper)))
		return 0;
	p = skip_spaces(sc, p + k);
	if (!number(sc, &p, 2, &m) || m < 1 || m > 12 || p >= sc->n)
		return 0;
	if (sc->s[p] == '/') {
		p++;
	} else {
		p = skip_spaces(sc, p);
		if (!(k = match_word(sc, p, NAM.lower, NAM.upper)))
			return 0;
		p = skip_spaces(sc, p + k);
	}
	if (!year4(sc, &p, &y) || !end_ok(sc, p))
		return 0;
	iso_write(iso, y, m, 0, 0);
	k = *at;
	*at = p;
	return push(sc, k, p, iso) < 0 ? -1 : 1;
}

/* "quý III/2018" or "quý 3/2018". */
static int scan_quarter(scan *sc, size_t *at)
{
	static const char *const roman[] = {"IV", "III", "II", "I"};
	static const int value[] = {4, 3, 2, 1};
	size_t p = *at, k;
	int q = 0, y;
	char iso[CM_ISO_MAX];

	if (!(k = match_word(sc, p, QUY.lower, QUY.upper)))
		return 0;
	p = skip_spaces(sc, p + k);
	for (size_t i = 0; i < 4 && !q; i++)
		if (p + strlen(roman[i]) <= sc->n && !memcmp(sc->s + p, roman[i], strlen(roman[i]))) {
			q = value[i];
			p += strlen(roman[i]);
		}
	if (!q && !(number(sc, &p, 1, &q) && q >= 1 && q <= 4))
		return 0;
	if (p >= sc->n || sc->s[p] != '/')
		return 0;
	p++;
	if (!year4(sc, &p, &y) || !end_ok(sc, p))
		return 0;
	iso_write(iso, y, 0, 0, q);
	k = *at;
	*at = p;
	return push(sc, k, p, iso) < 0 ? -1 : 1;
}

static int scan_all(scan *sc)
{
	size_t i = 0;

	while (i < sc->n) {
		int rc = 0;
		if (!word_boundary_before(sc, i)) {
			i++;
			continue;
		}
		if ((rc = scan_written(sc, &i)) || (rc = scan_month(sc, &i)) ||
		    (rc = scan_quarter(sc, &i))) {
			if (rc < 0)
				return CM_ENOMEM;
			continue;
		}
		if (is_digit(sc->s[i])) {
			size_t before = i;
			if ((rc = scan_numeric(sc, &i)) < 0)
				return rc;
			if (i != before)
				continue;
			while (i < sc->n && is_digit(sc->s[i]))
				i++;
			continue;
		}
		i++;
	}
	return 0;
}

/* ---- classification ----------------------------------------------------- */


/* 1 if the word ending at end looks like a document symbol (25-NQ/TW). */
static int symbol_before(const scan *sc, size_t end)
{
	size_t p = end;
	int digit = 0, slash = 0, upper = 0;

	while (p > 0 && !is_space(sc->s[p - 1]) && sc->s[p - 1] != '\n' && sc->s[p - 1] != '(')
		p--;
	for (size_t i = p; i < end; i++) {
		unsigned char c = (unsigned char)sc->s[i];
		digit |= is_digit((char)c);
		slash |= c == '/';
		upper |= (c >= 'A' && c <= 'Z') || c == 0xC4; /* Đ */
	}
	return digit && slash && upper;
}

static int ends_with_word(const scan *sc, size_t end, const char *word)
{
	size_t k = strlen(word);
	return end >= k && word_at(sc, end - k, word) && word_boundary_before(sc, end - k);
}

/* Words that tie a task to the date that follows them. */
static const char *const deadline_cues[] = {
	"trước", "chậm nhất", "hạn", "trong", "trình", "dự kiến", "hoàn thành", "đến", "xong",
	"muộn nhất",
};

/* 1 for a cue right before the date; 0 for none; -1 for "Trước ngày X," at a
 * sentence start (a description of the past). */
static int deadline_cue(const scan *sc, const cm_date *d)
{
	int had_ngay;
	size_t p = back_over_ngay(sc, d->start, &had_ngay);

	while (p > 0 && (sc->s[p - 1] == '(' || is_space(sc->s[p - 1])))
		p--;
	for (size_t i = 0; i < sizeof deadline_cues / sizeof deadline_cues[0]; i++) {
		size_t k = strlen(deadline_cues[i]), q;
		if (!ends_with_word(sc, p, deadline_cues[i]))
			continue;
		q = p - k;
		while (q > 0 && is_space(sc->s[q - 1]))
			q--;
		if (sc->s[p - k] == 'T' && (q == 0 || strchr(".\n:;", sc->s[q - 1])) &&
		    d->end < sc->n && sc->s[d->end] == ',')
			return -1;
		return 1;
	}
	return 0;
}

static size_t clause_start(const scan *sc, size_t at)
{
	size_t limit = at > CLAUSE_MAX ? at - CLAUSE_MAX : 0;

	while (at > limit && !strchr(";.\n,", sc->s[at - 1]))
		at--;
	while (at < sc->n && ((unsigned char)sc->s[at] & 0xC0) == 0x80)
		at++;
	return at;
}

static int clause_has(const scan *sc, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to; i++)
		if (word_at(sc, i, word))
			return 1;
	return 0;
}

/* "N năm Ngày …", "N năm "Ngày …"": an anniversary. */
static int clause_has_anniversary(const scan *sc, size_t from, size_t to)
{
	for (size_t i = from; i + 1 < to; i++)
		if (is_digit(sc->s[i]) && !is_digit(sc->s[i + 1]) && word_at(sc, i + 1, " năm "))
			return 1;
	return 0;
}

/* *out is the occasion named before the parenthesis holding the date, or
 * NULL. */
static int occasion(char **out, const scan *sc, const cm_date *d)
{
	size_t from = d->range ? d->range_start : d->start, to = d->range ? d->range_end : d->end;
	size_t open = from, c, kn;
	char *s;

	*out = NULL;
	while (open > 0 && is_space(sc->s[open - 1]))
		open--;
	if (open == 0 || sc->s[open - 1] != '(' || to >= sc->n || sc->s[to] != ')')
		return 0;
	open--;
	c = clause_start(sc, open);
	if (!(clause_has(sc, c, open, "kỷ niệm") || clause_has(sc, c, open, "truyền thống") ||
	      clause_has(sc, c, open, "ngày truyền") || clause_has_anniversary(sc, c, open)))
		return 0;
	kn = c;
	for (size_t i = c; i < open; i++) /* the last "kỷ niệm" names it */
		if (word_at(sc, i, "kỷ niệm "))
			kn = i + strlen("kỷ niệm ");
	while (kn < open && (is_space(sc->s[kn]) || sc->s[kn] == '*'))
		kn++;
	if (!(s = malloc(to + 2 - kn)))
		return cm_error_set(CM_ENOMEM, "out of memory");
	memcpy(s, sc->s + kn, to + 1 - kn);
	s[to + 1 - kn] = '\0';
	*out = s;
	return 0;
}

static const char *recurrence(const scan *sc, size_t from, size_t to)
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
	"kế hoạch", "nghị quyết", "chỉ thị", "quyết định", "hướng dẫn", "thông báo", "kết luận",
	"quy định", "chương trình", "công văn", "báo cáo",
};

/* 1 if the line holding at opens with a document type ("Kế hoạch số …"). */
static int title_line(const scan *sc, size_t at)
{
	size_t p = cm_text_line_start(sc->s, at);

	while (p < at && is_space(sc->s[p]))
		p++;
	for (size_t i = 0; i < sizeof title_types / sizeof title_types[0]; i++)
		if (word_at(sc, p, title_types[i]))
			return 1;
	return 0;
}

/* The document's own date: "Place, ngày … tháng … năm …" near the top, or
 * a dated title line ("Kế hoạch số 1600-KH/BDVTW ngày 28/02/2018 …"); a
 * web page's timestamp line ("Thứ tư - 07/06/2017 16:00") only when the
 * page has neither. */
static int is_self(const scan *sc, const cm_date *d, int timestamp)
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
		       (word_at(sc, ls, "thứ ") || word_at(sc, ls, "chủ nhật"));
	for (size_t k = ls; k < d->start; k++)
		place |= sc->s[k] == ',';
	p = back_over_ngay(sc, d->start, &had_ngay);
	return (d->end - d->start > 12 && place && !word_at(sc, ls, "thứ ")) ||
	       (had_ngay && symbol_before(sc, p) && cm_text_lines_before(sc->s, d->start, HEAD_LINES) < HEAD_LINES &&
		title_line(sc, d->start));
}

static void find_self(scan *sc)
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

static int classify(scan *sc)
{
	find_self(sc);
	for (size_t i = 0; i < sc->out->n; i++) {
		cm_date *d = &sc->out->v[i];
		int had_ngay, cue, rc;
		char *occ;
		size_t p = back_over_ngay(sc, d->range == CM_RANGE_END ? d->range_start : d->start, &had_ngay);
		size_t cs, ce;

		d->in_citation = !d->in_self && had_ngay && symbol_before(sc, p);
		cm_text_sentence(&cs, &ce, sc->s, sc->n, d->start, d->end);
		d->context_start = cs;
		d->context_end = ce;
		if (d->iso[0] == '-' && sc->out->doc_date[0])
			snprintf(d->resolved, sizeof d->resolved, "%.4s%s", sc->out->doc_date, d->iso + 1);
		else if (d->iso[0] != '-')
			memcpy(d->resolved, d->iso, CM_ISO_MAX);
		if (d->in_citation || d->in_self)
			continue;
		if ((rc = occasion(&occ, sc, d)) < 0)
			return rc;
		d->occasion = occ;
		cue = deadline_cue(sc, d->range == CM_RANGE_END ? &sc->out->v[i - 1] : d);
		d->deadline = d->range != CM_RANGE_START && cue >= 0 && (cue > 0 || d->occasion);
		d->recurrence = recurrence(sc, cs, ce);
	}
	return 0;
}

/* Canonical offsets to input offsets. */
static void map_back(scan *sc)
{
	for (size_t i = 0; i < sc->out->n; i++) {
		cm_date *d = &sc->out->v[i];
		d->start = sc->map[d->start];
		d->end = sc->map[d->end];
		d->context_start = sc->map[d->context_start];
		d->context_end = sc->map[d->context_end];
		if (d->range) {
			d->range_start = sc->map[d->range_start];
			d->range_end = sc->map[d->range_end];
		}
	}
}

int cm_dates_extract(cm_dates **out, const char *text, size_t len)
{
	scan sc = {0};
	char *canon = NULL;
	size_t clen, *map = NULL;
	int rc;

	if ((rc = cm_text_canon(&canon, &clen, &map, text, len)) < 0)
		return rc;
	sc = (scan){canon, clen, map, text, len, calloc(1, sizeof(cm_dates)), 0};
	if (!sc.out) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto cleanup;
	}
	if ((rc = scan_all(&sc)) < 0 || (rc = classify(&sc)) < 0) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto cleanup;
	}
	map_back(&sc);
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
	for (size_t i = 0; i < d->n; i++)
		free((char *)d->v[i].occasion);
	free(d->v);
	free(d);
}

int cm_date_numeric_at(char iso[CM_ISO_MAX], size_t *len, const char *s, size_t n)
{
	scan sc = {.s = s, .n = n};
	size_t at = 0;

	if (!numeric_full(&sc, &at, iso))
		return 0;
	*len = at;
	return 1;
}

int cm_date_parse_user(char out[CM_ISO_MAX], const char *s)
{
	int a, b, c, n = 0;

	if (sscanf(s, "--%2d-%2d%n", &a, &b, &n) == 2 && !s[n] && valid_day(0, a, b))
		return iso_write(out, -1, a, b, 0), 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && !s[n] && valid_day(a, b, c))
		return iso_write(out, a, b, c, 0), 0;
	if (sscanf(s, "%2d/%2d/%4d%n", &a, &b, &c, &n) == 3 && !s[n] && valid_day(c, b, a))
		return iso_write(out, c, b, a, 0), 0;
	if (sscanf(s, "%4d-%2d%n", &a, &b, &n) == 2 && !s[n] && a > 999 && b >= 1 && b <= 12)
		return iso_write(out, a, b, 0, 0), 0;
	if (sscanf(s, "%2d/%4d%n", &a, &b, &n) == 2 && !s[n] && b > 999 && a >= 1 && a <= 12)
		return iso_write(out, b, a, 0, 0), 0;
	if (sscanf(s, "%2d/%2d%n", &a, &b, &n) == 2 && !s[n] && valid_day(0, b, a))
		return iso_write(out, -1, b, a, 0), 0;
	return cm_error_set(CM_EINVAL, "not a date: '%s' (use 15/10, 15/10/2024, 2024-10-15, "
			    "2024-06 or 6/2024)", s);
}
