/* SPDX-License-Identifier: GPL-2.0-or-later */

/* date_scan.c: a hand-written, linear scanner for the date forms of
 * chimuc/date.h over the canonical text: numeric dates with '/', '-' or
 * '.', day-months where a day word or a cue says they are dates (a fraction,
 * a score or a count has neither), the written form, months, quarters, and
 * two dates joined by a dash or "đến" as a range. */
#include "extract/date_scan.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/array.h"
#include "chimuc/error.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

size_t cm_date_word_at(const cm_date_scan *sc, size_t at, const char *word)
{
	size_t k = strlen(word);

	if (at + k > sc->n)
		return 0;
	for (size_t i = 0; i < k; i++) {
		if (!memcmp(word + i, "đ", 2) && !memcmp(sc->s + at + i, "Đ", 2)) {
			i++;
			continue;
		}
		if (lower(sc->s[at + i]) != word[i])
			return 0;
	}
	return k;
}

/* The word at at in lower case, or in upper case (the Vietnamese capitals
 * that the ASCII folding misses). */
static size_t match_word(const cm_date_scan *sc, size_t at, const char *lower_word,
			 const char *upper_word)
{
	size_t k = cm_date_word_at(sc, at, lower_word);

	if (k)
		return k;
	k = strlen(upper_word);
	return at + k <= sc->n && !memcmp(sc->s + at, upper_word, k) ? k : 0;
}

int cm_date_boundary_before(const cm_date_scan *sc, size_t at)
{
	char c;

	if (at == 0)
		return 1;
	c = sc->s[at - 1];
	return !(cm_date_is_letter((unsigned char)c) || cm_date_is_digit(c) || c == '/' ||
		 c == '-' || c == '.');
}

int cm_date_ends_with(const cm_date_scan *sc, size_t end, const char *word)
{
	size_t k = strlen(word);
	return end >= k && cm_date_word_at(sc, end - k, word) &&
	       cm_date_boundary_before(sc, end - k);
}

size_t cm_date_skip_spaces(const cm_date_scan *sc, size_t at)
{
	while (at < sc->n && (cm_date_is_space(sc->s[at]) || sc->s[at] == '*'))
		at++;
	return at;
}

static size_t back_spaces(const cm_date_scan *sc, size_t at)
{
	while (at > 0 && (cm_date_is_space(sc->s[at - 1]) || sc->s[at - 1] == '*'))
		at--;
	return at;
}

size_t cm_date_back_over_ngay(const cm_date_scan *sc, size_t at, int *had_ngay)
{
	size_t p = back_spaces(sc, at);

	*had_ngay = 0;
	if (p >= 5 && (cm_date_word_at(sc, p - 5, "ngày") || !memcmp(sc->s + p - 5, "NGÀY", 5))) {
		p -= 5;
		*had_ngay = 1;
	}
	while (p > 0 &&
	       (cm_date_is_space(sc->s[p - 1]) || sc->s[p - 1] == ',' || sc->s[p - 1] == '*'))
		p--;
	return p;
}

/* Reads 1..max digits at *at into *v; no digit may follow them. */
static int number(const cm_date_scan *sc, size_t *at, int max, int *v)
{
	int k = 0;

	*v = 0;
	while (*at < sc->n && cm_date_is_digit(sc->s[*at]) && k < max) {
		*v = *v * 10 + (sc->s[*at] - '0');
		(*at)++;
		k++;
	}
	return k > 0 && !(*at < sc->n && cm_date_is_digit(sc->s[*at]));
}

static int year4(const cm_date_scan *sc, size_t *at, int *y)
{
	size_t from = *at;
	return number(sc, at, 4, y) && *at - from == 4;
}

int cm_date_valid_day(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && y > 0)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return 1;
}

/* 1 if a date may end at at: no letter, digit or '/' follows, nor a '.' or
 * ',' with a digit ("1.1.2", "3,5"), nor '%'. */
static int end_ok(const cm_date_scan *sc, size_t at)
{
	char c;

	if (at >= sc->n)
		return 1;
	c = sc->s[at];
	if (cm_date_is_digit(c) || c == '/' || c == '%' || cm_date_is_letter((unsigned char)c))
		return 0;
	return !((c == '.' || c == ',') && at + 1 < sc->n && cm_date_is_digit(sc->s[at + 1]));
}

void cm_date_iso_write(char out[CM_ISO_MAX], int y, int m, int d, int q)
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

/* Appends the date [start, end) with its ISO value; 1, or CM_ENOMEM. */
static int push(cm_date_scan *sc, size_t start, size_t end, const char *iso)
{
	cm_date *d = cm_array_push(&sc->out->v, &sc->out->n, &sc->cap, sizeof *d);

	if (!d)
		return CM_ENOMEM;
	d->start = start;
	d->end = end;
	memcpy(d->iso, iso, CM_ISO_MAX);
	return 1;
}

int cm_date_has_day(const char *iso)
{
	return strlen(iso) == 10 || (iso[0] == '-' && iso[2] != 'Q');
}

/* "d/m", "d-m" or "d.m" at *at: the day, the separator and the month
 * read, *at past the month; 1, or 0 if no such pair is there. */
static int day_sep_month(const cm_date_scan *sc, size_t *at, int *d, char *sep, int *m)
{
	size_t p = *at;

	if (!number(sc, &p, 2, d) || p >= sc->n)
		return 0;
	*sep = sc->s[p];
	if (*sep != '/' && *sep != '-' && *sep != '.')
		return 0;
	p++;
	if (!number(sc, &p, 2, m))
		return 0;
	*at = p;
	return 1;
}

int cm_date_numeric_full(const cm_date_scan *sc, size_t *at, char iso[CM_ISO_MAX])
{
	size_t p = *at;
	int d, m, y;
	char sep;

	if (!day_sep_month(sc, &p, &d, &sep, &m) || p >= sc->n || sc->s[p] != sep)
		return 0;
	p++;
	if (!year4(sc, &p, &y) || !end_ok(sc, p) || !cm_date_valid_day(y, m, d))
		return 0;
	cm_date_iso_write(iso, y, m, d, 0);
	*at = p;
	return 1;
}

/* Words that, like "ngày", make the day-month after them a day: "Chiều
 * 7-8", "mồng 2/9", "sáng qua 12-4". */
static const char *const day_words[] = {
	"mùng", "mồng", "sáng",     "chiều",     "trưa",    "tối",
	"đêm",  "hôm",  "sáng qua", "chiều qua", "tối qua", "hôm qua",
};

/* Words after a dashed or dotted pair that make it a count ("mỗi ngày 2-3
 * lần"). */
static const char *const count_words[] = {
	"lần",   "người", "giờ", "ngày",  "tiếng", "phút",  "tuần",
	"tháng", "năm",   "km",  "triệu", "tỷ",    "nghìn", "đồng",
};

/* Deadline words after which d/m is a date ("trước 10/2"); a day-month
 * with a dash or a dot after them may also be a count ("trước 7-8"). */
static const char *const day_cues[] = {
	"trước", "chậm nhất", "muộn nhất", "hạn chót", "không muộn hơn",
};

static int any_before(const cm_date_scan *sc, size_t at, const char *const *words, size_t n)
{
	size_t p = back_spaces(sc, at);

	for (size_t i = 0; i < n; i++)
		if (cm_date_ends_with(sc, p, words[i]))
			return 1;
	return 0;
}

static int any_after(const cm_date_scan *sc, size_t at, const char *const *words, size_t n)
{
	size_t p = cm_date_skip_spaces(sc, at), k;

	for (size_t i = 0; i < n; i++)
		if ((k = cm_date_word_at(sc, p, words[i])) &&
		    (p + k == sc->n || !cm_date_is_letter((unsigned char)sc->s[p + k])))
			return 1;
	return 0;
}

static void set_range(cm_date *d, enum cm_range_role role, size_t start, size_t end)
{
	d->range = role;
	d->range_start = start;
	d->range_end = end;
}

/* Marks the last two dates found as a range's start and end. */
static void last_two_range(cm_date_scan *sc)
{
	cm_date *v = sc->out->v + sc->out->n - 2;

	set_range(&v[0], CM_RANGE_START, v[0].start, v[1].end);
	set_range(&v[1], CM_RANGE_END, v[0].start, v[1].end);
}

/* "các ngày 7-8/6", "ngày 7-8/6/2024": two days of one month after a day
 * word, as a range; d and last are read, *at is at d and p at the '/'. */
static int scan_days(cm_date_scan *sc, size_t *at, int d, int last, size_t p)
{
	size_t start = *at, dash = start, q;
	int m, y = -1, day, rc;
	char iso[CM_ISO_MAX];

	while (cm_date_is_digit(sc->s[dash]))
		dash++;
	p++;
	if (!number(sc, &p, 2, &m))
		return 0;
	if (p < sc->n && sc->s[p] == '/') {
		q = p + 1;
		if (!year4(sc, &q, &y))
			return 0;
		p = q;
	}
	cm_date_back_over_ngay(sc, start, &day);
	if (!end_ok(sc, p) || d >= last || !cm_date_valid_day(y < 0 ? 0 : y, m, d) ||
	    !cm_date_valid_day(y < 0 ? 0 : y, m, last) ||
	    !(day || any_before(sc, start, day_words, sizeof day_words / sizeof day_words[0])))
		return 0;
	cm_date_iso_write(iso, y, m, d, 0);
	if ((rc = push(sc, start, dash, iso)) < 0)
		return rc;
	cm_date_iso_write(iso, y, m, last, 0);
	if ((rc = push(sc, dash + 1, p, iso)) < 0)
		return rc;
	last_two_range(sc);
	*at = p;
	return 1;
}

/* d/m, d-m or d.m: a date after a day word, a deadline cue, inside
 * parentheses ("(21/6)", '/' only), or as the second date of a range
 * (member). */
static int scan_day_month(cm_date_scan *sc, size_t *at, int member)
{
	size_t start = *at, p = *at;
	char iso[CM_ISO_MAX], sep;
	int d, m, rc, day, cue, paren;

	if (!day_sep_month(sc, &p, &d, &sep, &m))
		return 0;
	if (sep == '-' && p < sc->n && sc->s[p] == '/')
		return scan_days(sc, at, d, m, p);
	if (!end_ok(sc, p) || !cm_date_valid_day(0, m, d) || (p < sc->n && sc->s[p] == sep))
		return 0;
	cm_date_back_over_ngay(sc, start, &day);
	day = day || any_before(sc, start, day_words, sizeof day_words / sizeof day_words[0]);
	cue = any_before(sc, start, day_cues, sizeof day_cues / sizeof day_cues[0]);
	paren = sep == '/' && start > 0 && sc->s[start - 1] == '(' && p < sc->n && sc->s[p] == ')';
	if (!(member || day || cue || paren) ||
	    (sep != '/' &&
	     any_after(sc, p, count_words, sizeof count_words / sizeof count_words[0])))
		return 0;
	cm_date_iso_write(iso, -1, m, d, 0);
	if ((rc = push(sc, start, p, iso)) < 0)
		return rc;
	sc->out->v[sc->out->n - 1].ambiguous = sep != '/' && !day && !member;
	*at = p;
	return 1;
}

static int scan_numeric(cm_date_scan *sc, size_t *at, int member)
{
	char iso[CM_ISO_MAX];
	size_t p = *at;
	int rc;

	if (cm_date_numeric_full(sc, &p, iso)) {
		if ((rc = push(sc, *at, p, iso)) < 0)
			return rc;
		*at = p;
		return 1;
	}
	return scan_day_month(sc, at, member);
}

static const struct {
	const char *lower, *upper;
} NGAY = {"ngày", "NGÀY"}, THANG = {"tháng", "THÁNG"}, NAM = {"năm", "NĂM"}, QUY = {"quý", "QUÝ"};

/* Position at after spaces and at most one line break ("Kon Tum, ngày
 * 25\ntháng 01 năm 2024" as a page lays it out). */
static size_t skip_blanks(const cm_date_scan *sc, size_t at)
{
	at = cm_date_skip_spaces(sc, at);
	if (at < sc->n && sc->s[at] == '\n')
		at = cm_date_skip_spaces(sc, at + 1);
	return at;
}

/* "ngày 04 tháng 3 năm 2018" (any spacing, either case), or without the
 * year ("chậm nhất ngày 25 tháng 11": iso --11-25). */
static int scan_written(cm_date_scan *sc, size_t *at)
{
	size_t p = *at, k, month_end;
	int d, m, y;
	char iso[CM_ISO_MAX];

	if (!(k = match_word(sc, p, NGAY.lower, NGAY.upper)))
		return 0;
	p = skip_blanks(sc, p + k);
	if (!number(sc, &p, 2, &d))
		return 0;
	p = skip_blanks(sc, p);
	if (!(k = match_word(sc, p, THANG.lower, THANG.upper)))
		return 0;
	p = skip_blanks(sc, p + k);
	if (!number(sc, &p, 2, &m))
		return 0;
	month_end = p;
	p = skip_blanks(sc, p);
	if ((k = match_word(sc, p, NAM.lower, NAM.upper)) &&
	    (p = skip_blanks(sc, p + k), year4(sc, &p, &y))) {
		if (!cm_date_valid_day(y, m, d))
			return 0;
		cm_date_iso_write(iso, y, m, d, 0);
	} else {
		p = month_end;
		if (!cm_date_valid_day(0, m, d) || !end_ok(sc, p) ||
		    any_after(sc, p, count_words, sizeof count_words / sizeof count_words[0]))
			return 0;
		cm_date_iso_write(iso, -1, m, d, 0);
	}
	k = *at;
	*at = p;
	return push(sc, k, p, iso);
}

/* After a month or quarter number: "/2024", "-2024", ".2024" or " năm
 * 2024"; *y gets the year. */
static int year_part(const cm_date_scan *sc, size_t *at, int *year)
{
	size_t p = *at, k;
	int y;

	if (p < sc->n && (sc->s[p] == '/' || sc->s[p] == '-' || sc->s[p] == '.')) {
		p++;
	} else {
		p = cm_date_skip_spaces(sc, p);
		if (!(k = match_word(sc, p, NAM.lower, NAM.upper)))
			return 0;
		p = cm_date_skip_spaces(sc, p + k);
	}
	if (!year4(sc, &p, &y) || !end_ok(sc, p))
		return 0;
	*at = p;
	*year = y;
	return 1;
}

/* "tháng N" at *at: the month in *m, *at past it; 1, or 0. */
static int month_word(const cm_date_scan *sc, size_t *at, int *m)
{
	size_t p = *at, k;

	if (!(k = match_word(sc, p, THANG.lower, THANG.upper)))
		return 0;
	p = cm_date_skip_spaces(sc, p + k);
	if (!number(sc, &p, 2, m) || *m < 1 || *m > 12)
		return 0;
	*at = p;
	return 1;
}

/* The year that a list of months after at states once ("tháng 11, tháng
 * 12 năm 2025", "tháng 10 và tháng 11/2024"): each member after a comma or
 * "và" is "tháng N", the last with its year, at most the twelve of a year;
 * 1 and *y, or 0. */
static int list_year(const cm_date_scan *sc, size_t at, int *y)
{
	int m;

	for (int members = 1; members < 12; members++) {
		size_t p = cm_date_skip_spaces(sc, at), k;
		if (p < sc->n && sc->s[p] == ',')
			p = cm_date_skip_spaces(sc, p + 1);
		else if ((k = cm_date_word_at(sc, p, "và ")))
			p = cm_date_skip_spaces(sc, p + k);
		else
			return 0;
		if (!month_word(sc, &p, &m))
			return 0;
		if (year_part(sc, &p, y))
			return 1;
		at = p;
	}
	return 0;
}

/* "tháng 3/2024", "tháng 6.2012", "tháng 6-2012" or "tháng 3 năm 2024",
 * or a month whose list states the year ("tháng 11, tháng 12 năm 2025"). */
static int scan_month(cm_date_scan *sc, size_t *at)
{
	size_t p = *at, k;
	int m, y;
	char iso[CM_ISO_MAX];

	if (!month_word(sc, &p, &m) ||
	    !(year_part(sc, &p, &y) ||
	      (end_ok(sc, p) &&
	       !any_after(sc, p, count_words, sizeof count_words / sizeof count_words[0]) &&
	       list_year(sc, p, &y))))
		return 0;
	cm_date_iso_write(iso, y, m, 0, 0);
	k = *at;
	*at = p;
	return push(sc, k, p, iso);
}

/* "quý III/2018", "Quý II-2025", "quý 3 năm 2024", "quý IV năm 2024", or
 * in Roman numerals without a year ("trong quý I": iso "--Q1"). */
static int scan_quarter(cm_date_scan *sc, size_t *at)
{
	static const char *const roman[] = {"IV", "III", "II", "I"};
	static const int value[] = {4, 3, 2, 1};
	size_t p = *at, k;
	int q = 0, y = -1, is_roman = 0;
	char iso[CM_ISO_MAX];

	if (!(k = match_word(sc, p, QUY.lower, QUY.upper)))
		return 0;
	p = cm_date_skip_spaces(sc, p + k);
	for (size_t i = 0; i < 4 && !q; i++)
		if (p + strlen(roman[i]) <= sc->n &&
		    !memcmp(sc->s + p, roman[i], strlen(roman[i]))) {
			q = value[i];
			p += strlen(roman[i]);
			is_roman = 1;
		}
	if (!q && !(number(sc, &p, 1, &q) && q >= 1 && q <= 4))
		return 0;
	if (!year_part(sc, &p, &y) && !(is_roman && end_ok(sc, p)))
		return 0;
	cm_date_iso_write(iso, y, 0, 0, q);
	k = *at;
	*at = p;
	return push(sc, k, p, iso);
}

/* One date of any form at *at (member: the second date of a range, where
 * "ngày" may lead and a bare day-month is a date); 1 and *at past it, 0,
 * or CM_ENOMEM. */
static int scan_one(cm_date_scan *sc, size_t *at, int member)
{
	size_t p = *at, k;
	int rc;

	if ((rc = scan_written(sc, at)) != 0)
		return rc;
	if (member && (k = match_word(sc, p, NGAY.lower, NGAY.upper)))
		p = cm_date_skip_spaces(sc, p + k);
	if ((rc = scan_month(sc, &p)) || (rc = scan_quarter(sc, &p)) ||
	    (p < sc->n && cm_date_is_digit(sc->s[p]) && (rc = scan_numeric(sc, &p, member))))
		*at = p;
	return rc;
}

/* Where the second date of a range may start after at: past a dash (-, –
 * or —, spaces around), "đến" ("đến hết") or "tới"; 0 if none is there. */
static size_t range_link(const cm_date_scan *sc, size_t at)
{
	size_t p = cm_date_skip_spaces(sc, at), k;

	if (p < sc->n && sc->s[p] == '-')
		return cm_date_skip_spaces(sc, p + 1);
	if (p + 3 <= sc->n &&
	    (!memcmp(sc->s + p, "\xe2\x80\x93", 3) || !memcmp(sc->s + p, "\xe2\x80\x94", 3)))
		return cm_date_skip_spaces(sc, p + 3);
	if (!(k = cm_date_word_at(sc, p, "đến ")) && !(k = cm_date_word_at(sc, p, "tới ")))
		return 0;
	p = cm_date_skip_spaces(sc, p + k);
	if ((k = cm_date_word_at(sc, p, "hết ")))
		p = cm_date_skip_spaces(sc, p + k);
	return p < sc->n ? p : 0;
}

/* Where the next day of a list may start after at: past "và" ("ngày 30/4
 * và 1/5"); 0 if it is not there. */
static size_t list_link(const cm_date_scan *sc, size_t at)
{
	size_t p = cm_date_skip_spaces(sc, at), k = cm_date_word_at(sc, p, "và ");

	return k ? cm_date_skip_spaces(sc, p + k) : 0;
}

/* The written form whose "ngày" is glued to the word before, as portals
 * lose the space ("Chính phủngày 25 tháng 12 năm 2001", "70-TB/TWngày 06
 * tháng 01 năm 2012"); no other word of the language ends in "ngày". */
static int glued_written(cm_date_scan *sc, size_t *at)
{
	if (*at == 0 || lower(sc->s[*at]) != 'n' ||
	    !cm_date_is_letter((unsigned char)sc->s[*at - 1]) ||
	    !match_word(sc, *at, NGAY.lower, NGAY.upper))
		return 0;
	return scan_written(sc, at);
}

/* 1 if a digit at at follows the word "ngày" with no space ("ngày7/5/2019"). */
static int after_glued_ngay(const cm_date_scan *sc, size_t at)
{
	return at >= 5 && cm_date_is_digit(sc->s[at]) && cm_date_boundary_before(sc, at - 5) &&
	       (cm_date_word_at(sc, at - 5, "ngày") || !memcmp(sc->s + at - 5, "NGÀY", 5));
}

int cm_date_scan_all(cm_date_scan *sc)
{
	size_t i = 0;

	while (i < sc->n) {
		size_t p = i, link, first;
		int rc;
		if (cm_date_boundary_before(sc, i) || after_glued_ngay(sc, i))
			rc = scan_one(sc, &p, 0);
		else
			rc = glued_written(sc, &p);
		if (rc == 0) {
			i++;
			continue;
		}
		if (rc < 0)
			return rc;
		first = sc->out->n - 1;
		if (!sc->out->v[first].range && (link = range_link(sc, p)) &&
		    (rc = scan_one(sc, &link, 1)) != 0) {
			if (rc < 0)
				return rc;
			if (!sc->out->v[sc->out->n - 1].range) /* not a range of its own */
				last_two_range(sc);
			p = link;
		} else if (cm_date_has_day(sc->out->v[first].iso) && (link = list_link(sc, p)) &&
			   (rc = scan_one(sc, &link, 1)) != 0) {
			if (rc < 0)
				return rc;
			p = link;
		}
		i = p;
	}
	return 0;
}
