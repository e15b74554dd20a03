/* SPDX-License-Identifier: GPL-2.0-or-later */

/* date_deadline.c: whether a date is a deadline. What makes one: a cue
 * right before the date ("chậm nhất là vào ngày", "trước", "hạn chót",
 * "không muộn hơn", "xong", "trong", "trình", "dự kiến", "Thời gian thực
 * hiện:"…), a task or plan verb earlier in the clause of a month or a
 * quarter ("trình Tỉnh ủy quý III/2024", "dự kiến tổ chức vào tháng 3"),
 * the end of a range, an occasion, a table's cell under a column of
 * deadlines ("Ngày chậm nhất phải hoàn thành"). What overrides that: the
 * date a count is made to ("tính đến ngày", "số liệu tính từ"), a period
 * under review ("kết quả thực hiện trong quý I"), a weak cue after a verb
 * of happening ("diễn ra trong tháng 4"), a statement of what was done by
 * the date ("đến ngày 30/6/2024, đã có …"), and a cue opening a sentence
 * ("Trước ngày 01/3/2025, …") that no task follows. */
#include "extract/date_scan.h"

#include <string.h>

#define CLAUSE_BACK 160  /* how far back in its clause a date's cue is looked for */
#define CLAUSE_AHEAD 200 /* how far ahead the clause after a date is read */
#define REVIEW_BACK 48   /* how close before a period its review noun is */
#define TABLE_BACK 2048  /* how far above its cell a table's column header is */
#define HEADER_MAX 64    /* the longest line taken for a column header */

/* Cues: weak ones yield to a period under review; temporal ones opening a
 * sentence may describe the past ("Trước ngày 01/3/2025, Cục Thuế gồm có"). */
enum { CUE_NONE = 0, CUE_WEAK = 1, CUE_STRONG = 2, CUE_TEMPORAL = 4 };

static const struct {
	const char *word;
	int kind;
} cues[] = {
	{"trước", CUE_STRONG | CUE_TEMPORAL},
	{"chậm nhất", CUE_STRONG},
	{"muộn nhất", CUE_STRONG},
	{"hạn", CUE_STRONG},
	{"hạn chót", CUE_STRONG},
	{"không muộn hơn", CUE_STRONG},
	{"dự kiến", CUE_STRONG},
	{"xong", CUE_STRONG},
	{"hoàn thành", CUE_STRONG},
	{"hoàn thiện", CUE_STRONG},
	{"trình", CUE_STRONG},
	{"thời gian thực hiện", CUE_STRONG},
	{"tiến độ", CUE_STRONG},
	{"trong", CUE_WEAK | CUE_TEMPORAL},
	{"đến", CUE_WEAK | CUE_TEMPORAL},
};

/* Compounds that end with a cue but are nouns ("Chương trình quý III"). */
static const char *const not_cues[] = {
	"chương trình", "quá trình", "lộ trình", "tờ trình", "công trình", "hành trình",
};

/* Words between a cue and its date: "chậm nhất là vào ngày", "đến hết ngày",
 * "hoàn thành vào cuối tháng 6/2012". */
static const char *const fillers[] = {"ngày", "là", "vào", "hết", "cuối", "đầu", "giữa"};

/* Verbs of a task, and of a plan ("dự kiến tổ chức vào tháng 3 năm 2020"). */
static const char *const tasks[] = {
	"trình", "hoàn thành", "hoàn thiện", "gửi", "nộp", "báo cáo", "xong", "phải", "dự kiến",
};

/* Verbs that say when something happens, before a weak cue: "các sự kiện
 * diễn ra trong tháng 04 năm 2015" dates events, not a task. */
static const char *const happen[] = {"diễn ra", "xảy ra"};

/* Nouns that open the header of a table's column of dates, and the words
 * that make the column's dates due ones: "Ngày chậm nhất phải hoàn thành",
 * "Thời hạn hoàn thành", "Thời gian thực hiện"; "Ngày ban hành" is a column
 * of dates that are not. */
static const char *const column_nouns[] = {"ngày", "thời hạn", "thời gian", "hạn chót", "tiến độ"};
static const char *const column_due[] = {"thời hạn", "hạn chót", "chậm nhất", "hoàn thành",
					 "thực hiện"};

/* The date a count or a figure is made to or from. */
static const char *const counted[] = {"tính đến", "tính từ", "tính tới"};

/* A period under review. */
static const char *const reviewed[] = {"kết quả", "tình hình"};

/* Words after a date that state what was done by it. */
static const char *const done[] = {"đã", "đạt"};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])

static size_t back_blanks(const cm_date_scan *sc, size_t at)
{
	while (at > 0 && (cm_date_is_space(sc->s[at - 1]) || strchr("*(:", sc->s[at - 1])))
		at--;
	return at;
}

/* Start of the clause holding at: after the last ',', ';', '.' or line
 * break, at most CLAUSE_BACK bytes back. */
static size_t clause_start(const cm_date_scan *sc, size_t at)
{
	size_t limit = at > CLAUSE_BACK ? at - CLAUSE_BACK : 0;

	while (at > limit && !strchr(",;.\n", sc->s[at - 1]))
		at--;
	return at;
}

/* Length of word as a whole word at i, ending by to, else 0. */
static size_t word_here(const cm_date_scan *sc, size_t i, size_t to, const char *word)
{
	size_t len;

	if (!cm_date_boundary_before(sc, i) || !(len = cm_date_word_at(sc, i, word)) ||
	    i + len > to)
		return 0;
	return i + len == sc->n || !cm_date_is_letter((unsigned char)sc->s[i + len]) ? len : 0;
}

/* 1 if one of words is in [from, to). */
static int has_word(const cm_date_scan *sc, size_t from, size_t to, const char *const *words,
		    size_t n)
{
	for (size_t i = from; i < to; i++)
		for (size_t k = 0; k < n; k++)
			if (word_here(sc, i, to, words[k]))
				return 1;
	return 0;
}

/* 1 if a task verb is in [from, to), not as part of a noun ("chương trình"). */
static int has_task(const cm_date_scan *sc, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		for (size_t k = 0; k < COUNT(tasks); k++) {
			size_t len = word_here(sc, i, to, tasks[k]);
			int noun = 0;
			for (size_t j = 0; len && j < COUNT(not_cues); j++)
				noun |= cm_date_ends_with(sc, i + len, not_cues[j]);
			if (len && !noun)
				return 1;
		}
	return 0;
}

/* The cue right before at (the date's start): its kind, and in *cue_start
 * where it starts. */
static int cue_before(const cm_date_scan *sc, size_t at, size_t *cue_start)
{
	size_t p = back_blanks(sc, at);
	int more = 1;

	while (more) {
		more = 0;
		for (size_t i = 0; i < COUNT(fillers); i++)
			if (cm_date_ends_with(sc, p, fillers[i])) {
				p = back_blanks(sc, p - strlen(fillers[i]));
				more = 1;
			}
		if (p >= 5 && !memcmp(sc->s + p - 5, "NGÀY", 5)) {
			p = back_blanks(sc, p - 5);
			more = 1;
		}
	}
	for (size_t i = 0; i < COUNT(not_cues); i++)
		if (cm_date_ends_with(sc, p, not_cues[i]))
			return CUE_NONE;
	for (size_t i = 0; i < COUNT(cues); i++)
		if (cm_date_ends_with(sc, p, cues[i].word)) {
			*cue_start = p - strlen(cues[i].word);
			p = back_blanks(sc, *cue_start);
			for (size_t k = 0; (cues[i].kind & CUE_WEAK) && k < COUNT(happen); k++)
				if (cm_date_ends_with(sc, p, happen[k]))
					return CUE_NONE;
			return cues[i].kind;
		}
	return CUE_NONE;
}

/* 1 if [from, to) is the only thing on its line but for blanks and a
 * parenthesis after it ("07/02/2021 (chủ Nhật)"): a table's cell. */
static int alone_on_line(const cm_date_scan *sc, size_t from, size_t to)
{
	size_t p = cm_date_skip_spaces(sc, to);

	while (from > 0 && (cm_date_is_space(sc->s[from - 1]) || sc->s[from - 1] == '*'))
		from--;
	if (from > 0 && sc->s[from - 1] != '\n')
		return 0;
	if (p < sc->n && sc->s[p] == '(') {
		while (p < sc->n && sc->s[p] != ')' && sc->s[p] != '\n')
			p++;
		if (p < sc->n && sc->s[p] == ')')
			p = cm_date_skip_spaces(sc, p + 1);
	}
	return p == sc->n || sc->s[p] == '\n';
}

/* 1 if the line [from, to) is the header of a column of dates: short, no
 * digit, opening with a column noun. */
static int column_header(const cm_date_scan *sc, size_t from, size_t to)
{
	from = cm_date_skip_spaces(sc, from);
	if (to - from > HEADER_MAX)
		return 0;
	for (size_t i = from; i < to; i++)
		if (cm_date_is_digit(sc->s[i]))
			return 0;
	for (size_t k = 0; k < COUNT(column_nouns); k++)
		if (word_here(sc, from, to, column_nouns[k]))
			return 1;
	return 0;
}

/* 1 if [from, to) is a table's cell whose column, the nearest column
 * header within TABLE_BACK bytes above it, is one of deadlines. */
static int in_deadline_column(const cm_date_scan *sc, size_t from, size_t to)
{
	size_t limit = from > TABLE_BACK ? from - TABLE_BACK : 0, line = from;

	if (!alone_on_line(sc, from, to))
		return 0;
	while (line > 0 && sc->s[line - 1] != '\n')
		line--;
	while (line > limit) { /* line starts after a '\n': read the line above */
		size_t start = line - 1;
		while (start > limit && sc->s[start - 1] != '\n')
			start--;
		if (column_header(sc, start, line - 1))
			return has_word(sc, start, line - 1, column_due, COUNT(column_due));
		line = start;
	}
	return 0;
}

/* 1 if the cue at cue_start opens a sentence ("Trước ngày …", "Đến ngày …"). */
static int opens_sentence(const cm_date_scan *sc, size_t cue_start)
{
	size_t q = cue_start;
	unsigned char c = (unsigned char)sc->s[cue_start];

	while (q > 0 && (cm_date_is_space(sc->s[q - 1]) || strchr("*-+", sc->s[q - 1])))
		q--;
	return (q == 0 || strchr(".\n:;", sc->s[q - 1])) &&
	       ((c >= 'A' && c <= 'Z') || !memcmp(sc->s + cue_start, "Đ", 2));
}

/* The clause after the date: [*from, *to) past its comma and spaces, to the
 * end of the sentence; 1 if the date is followed by a comma. */
static int clause_after(const cm_date_scan *sc, size_t end, size_t *from, size_t *to)
{
	size_t p = cm_date_skip_spaces(sc, end), limit;
	int comma = p < sc->n && sc->s[p] == ',';

	p = cm_date_skip_spaces(sc, p + comma);
	limit = p + CLAUSE_AHEAD < sc->n ? p + CLAUSE_AHEAD : sc->n;
	*from = p;
	while (p < limit && !strchr(";.\n", sc->s[p]))
		p++;
	*to = p;
	return comma;
}

/* 1 if what follows the date says what was done by it: "đã" or "đạt" right
 * after it, or in the clause after its comma. */
static int done_by(const cm_date_scan *sc, size_t from, size_t to, int comma)
{
	size_t p = cm_date_skip_spaces(sc, from), end = p;

	if (!comma) {
		for (size_t k = 0; k < COUNT(done); k++)
			if (word_here(sc, p, to, done[k]))
				return 1;
		return 0;
	}
	while (end < to && sc->s[end] != ',')
		end++;
	return has_word(sc, p, end, done, COUNT(done));
}

int cm_date_is_deadline(const cm_date_scan *sc, const cm_date *d, const cm_date *first,
			int occasion)
{
	size_t cs = 0, from, to, clause = clause_start(sc, first->start);
	int cue, comma;

	if (d->range == CM_RANGE_START ||
	    has_word(sc, clause, first->start, counted, COUNT(counted)))
		return 0;
	comma = clause_after(sc, d->end, &from, &to);
	if (done_by(sc, from, to, comma))
		return 0;
	cue = cue_before(sc, first->start, &cs);
	if ((cue & CUE_TEMPORAL) && from < to && opens_sentence(sc, cs))
		return has_task(sc, from, to);
	if ((cue & CUE_STRONG) || occasion || in_deadline_column(sc, first->start, d->end))
		return 1;
	if (has_word(sc, first->start - clause > REVIEW_BACK ? first->start - REVIEW_BACK : clause,
		     first->start, reviewed, COUNT(reviewed)))
		return 0;
	if (cue || d->range == CM_RANGE_END)
		return 1;
	return !cm_date_has_day(d->iso) && !has_word(sc, clause, first->start, done, COUNT(done)) &&
	       has_task(sc, clause, first->start);
}
