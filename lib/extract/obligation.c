/* SPDX-License-Identifier: GPL-2.0-or-later */

/* obligation.c: the actor, task, recipient, channel and partners of a
 * deadline (obligation.h), read from the set phrases of Vietnamese plans:
 *
 *	3. Ban Tuyên giáo Tỉnh ủy                          (heading: the actor)
 *	- Chủ trì, phối hợp với Ban Dân vận Tỉnh ủy …      (partners)
 *	- Tổng hợp, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (recipient)
 *	  (qua Văn phòng Tỉnh ủy) trước ngày 15/10/2024.    (channel, deadline)
 *
 * The sentence runs from the line start (or ". ") to the line end; its
 * clauses are cut at ';'. */
#include "extract/obligation.h"

#include <string.h>

#include "chimuc/text.h"
#include "extract/body.h"

#define SENTENCE_MAX 800      /* bytes either side of the date a sentence may run */
#define HEADING_LINES 80      /* lines above the sentence a heading is looked for in */
#define HEADING_MAX 200       /* bytes of an unnumbered heading line */
#define ISSUER_HEADER_LINES 8 /* lines at the top that may be the issuer's name */
#define ISSUER_TITLE_LINES 3  /* lines at the top whose "của X" names the issuer */
#define ASKED_BACK 1500       /* bytes above a sentence where "Đề nghị X" still holds */
#define DATE_OPENING 40       /* bytes from a sentence's start its opening date ends within */
#define PREAMBLE_BYTES 4000   /* bytes at the top where the plan's "X … như sau:" may be */

typedef struct {
	const char *s;
	size_t n;
} text;

static const char *const asking[] = {"đề nghị", "giao cho", "giao", "yêu cầu", "phân công", "chọn"};
/* An event a body holds: its congress ("Đại hội đại biểu Hội Nông dân tỉnh"). */
static const char *const holding[] = {"đại hội đại biểu", "đại hội điểm", "đại hội"};
/* Words before an event that others celebrate, not hold ("chào mừng đại hội
 * đảng bộ các cấp"). */
static const char *const celebrating[] = {"chào mừng", "hướng tới", "hướng về"};
/* A count and a collective noun before the bodies they count ("Hai cơ quan
 * Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh"). */
static const char *const counts[] = {"hai", "ba",  "bốn",  "năm", "sáu",
				     "bảy", "tám", "chín", "mười"};
static const char *const collectives[] = {"cơ quan", "đơn vị"};
/* What a preamble acts on: "Thực hiện Hướng dẫn số …", "Căn cứ Luật …". */
static const char *const grounding[] = {"thực hiện", "căn cứ"};
/* Words that open a sentence with the occasion it is held on ("Nhân kỷ niệm
 * … (…), UBND tỉnh thông báo …"). */
static const char *const occasion_cues[] = {"nhân dịp", "nhân", "chào mừng", "hướng tới"};
/* Words between an advising body and "tham mưu" ("X sẽ tham mưu Y"). */
static const char *const modals[] = {"sẽ", "cần", "phải", "đã", "có trách nhiệm"};
static const char *const to_cues[] = {"gửi về",       "gửi lên",     "gửi cho", "gửi",
				      "báo cáo về",   "báo cáo cho", "báo cáo", "trình",
				      "tham mưu cho", "tham mưu"};
static const char *const with_cues[] = {"phối hợp chặt chẽ với", "phối hợp với", "phối hợp"};
/* Words between a task and its date, trimmed off the task. */
static const char *const date_cues[] = {"trước ngày",   "trước",     "chậm nhất là ngày",
					"chậm nhất là", "chậm nhất", "ngày",
					"xong trong",   "xong",      "trong",
					"vào",          "dự kiến",   "đến hết",
					"hạn chót",     "gửi",       "trình"};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static cm_span span(size_t start, size_t end)
{
	return (cm_span){start, end};
}

static int empty(cm_span s)
{
	return s.end <= s.start;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int in_set(char c, const char *set)
{
	return c && strchr(set, c);
}

/* The sentence around [at, end): from the line start or the last ". "
 * before it to the line end or the next ". " (a ';' does not end it). */
static cm_span sentence(const text *t, size_t at, size_t end)
{
	size_t a = at, b = end;
	size_t lo = at > SENTENCE_MAX ? at - SENTENCE_MAX : 0;
	size_t hi = end + SENTENCE_MAX < t->n ? end + SENTENCE_MAX : t->n;

	while (a > lo && t->s[a - 1] != '\n' &&
	       !(a >= 2 && is_space(t->s[a - 1]) && t->s[a - 2] == '.' &&
		 cm_is_capital(t->s, t->n, a)))
		a--;
	while (b < hi && t->s[b] != '\n' &&
	       !(t->s[b] == '.' && b + 1 < t->n && is_space(t->s[b + 1])))
		b++;
	if (a == lo && a > 0) /* cut inside a long sentence: start and end on a word */
		while (a < at && !is_space(t->s[a - 1]))
			a++;
	if (b == hi && b < t->n)
		while (b > end && !is_space(t->s[b]))
			b--;
	return span(a, b);
}

/* The clause of sentence se around `at`: cut at ';'. */
static cm_span clause(const text *t, cm_span se, size_t at, size_t end)
{
	size_t a = at, b = end;

	while (a > se.start && t->s[a - 1] != ';')
		a--;
	while (b < se.end && t->s[b] != ';')
		b++;
	return span(a, b);
}

/* The numbering at `at` ("1. ", "7.3. ", "II. ", "a) ", "(1) "): its depth
 * (1 for "1." and "II.", 2 for "1.1.", 3 for "a)" and "(1)") and *end after
 * it; 0 if there is none. */
static int numbering(const text *t, size_t at, size_t *end)
{
	size_t p = at;
	int depth = 0;

	if (p < t->n && t->s[p] == '(')
		p++;
	if (p < t->n && in_set(t->s[p], "IVX")) {
		while (p < t->n && in_set(t->s[p], "IVX"))
			p++;
		depth = 1;
	} else if (p < t->n && t->s[p] >= 'a' && t->s[p] <= 'z' && p + 1 < t->n &&
		   t->s[p + 1] == ')') {
		p++;
		depth = 3;
	} else {
		while (p < t->n && t->s[p] >= '0' && t->s[p] <= '9') {
			while (p < t->n && t->s[p] >= '0' && t->s[p] <= '9')
				p++;
			depth++;
			if (p + 1 < t->n && t->s[p] == '.' && t->s[p + 1] >= '0' &&
			    t->s[p + 1] <= '9')
				p++;
		}
	}
	if (!depth || p >= t->n || !in_set(t->s[p], ".)-"))
		return 0;
	if (t->s[p] == ')')
		depth = 3;
	p++;
	if (p < t->n && t->s[p] == ')')
		p++;
	if (p < t->n && !is_space(t->s[p]))
		return 0;
	*end = cm_skip_spaces(t->s, t->n, p);
	return depth;
}

/* `at` after bullets, numbering and emphasis: where a line's words start. */
static size_t skip_lead(const text *t, size_t at, int *depth)
{
	size_t p = cm_skip_spaces(t->s, t->n, at), e;

	*depth = 0;
	for (int round = 0; round < 3; round++) {
		int d;

		if (p < t->n && in_set(t->s[p], "-+*("))
			p = cm_skip_spaces(t->s, t->n, p + 1);
		else if (t->n - p >= 3 && !memcmp(t->s + p, "\xe2\x80\xa2", 3)) /* • */
			p = cm_skip_spaces(t->s, t->n, p + 3);
		else if ((d = numbering(t, p, &e))) {
			if (!*depth)
				*depth = d;
			p = e;
		}
	}
	return p;
}

static size_t words_after(const text *t, size_t at, const char *const *cues, size_t ncues)
{
	for (size_t i = 0; i < ncues; i++) {
		size_t k = cm_phrase_at(t->s, t->n, at, cues[i]);

		if (k)
			return cm_skip_spaces(t->s, t->n, at + k);
	}
	return 0;
}

static int word_start(const text *t, size_t at)
{
	return at == 0 || in_set(t->s[at - 1], " \t\n(,;:\"*");
}

/* The list of bodies at `at` (any_case: cm_body_at's), or an empty span. */
static cm_span bodies_at(const text *t, size_t at, int any_case, cm_body_level *level)
{
	size_t count, k = cm_body_list_at(t->s, t->n, at, any_case, &count, level);

	return span(at, at + k);
}

/* `at` after a count ("11 Bộ, cơ quan"), `at` if there is none. */
static size_t count_end(const text *t, size_t at)
{
	size_t e = at;

	while (e < t->n && t->s[e] >= '0' && t->s[e] <= '9')
		e++;
	return e > at && e < t->n && t->s[e] == ' ' ? cm_skip_spaces(t->s, t->n, e) : at;
}

/* `at` after a count and a collective noun that a body's capitalized name
 * follows ("Hai cơ quan Ban Dân vận …", "02 đơn vị Hội …"), `at` if there
 * is none. */
static size_t collective_end(const text *t, size_t at)
{
	size_t p = count_end(t, at), q;

	if (p == at && !(p = words_after(t, at, counts, N_OF(counts))))
		return at;
	q = words_after(t, p, collectives, N_OF(collectives));
	return q && cm_is_capital(t->s, t->n, q) ? q : at;
}

/* 1 if the words before `at` (from `from` on) celebrate the event there. */
static int celebrated(const text *t, size_t from, size_t at)
{
	size_t e = at;

	while (e > from && is_space(t->s[e - 1]))
		e--;
	for (size_t i = 0; i < N_OF(celebrating); i++) {
		size_t k = strlen(celebrating[i]);

		if (e - from >= k && word_start(t, e - k) &&
		    cm_phrase_at(t->s, t->n, e - k, celebrating[i]) == k)
			return 1;
	}
	return 0;
}

/* The body asked to act in [from, to): "Đề nghị X", "giao X", "yêu cầu X". */
static cm_span asked(const text *t, size_t from, size_t to, cm_body_level *level)
{
	cm_span found = span(0, 0);

	for (size_t p = from; p < to; p++) {
		size_t q;
		cm_span b;

		if (!word_start(t, p) || !(q = words_after(t, p, asking, N_OF(asking))))
			continue;
		b = bodies_at(t, count_end(t, q), 1, level);
		if (b.end > b.start)
			found = span(q, b.end); /* with its count: "yêu cầu 11 Bộ, cơ quan" */
	}
	return found;
}

/* The body holding the event of the deadline in [from, to): the last "Đại
 * hội X" there ("Đại hội Đảng bộ huyện Phú Ninh hoàn thành trước …"). */
static cm_span holder(const text *t, size_t from, size_t to, cm_body_level *level)
{
	cm_span found = span(0, 0);

	for (size_t p = from; p < to; p++) {
		size_t q;
		cm_span b;

		if (!word_start(t, p) || !(q = words_after(t, p, holding, N_OF(holding))) ||
		    celebrated(t, from, p))
			continue;
		b = bodies_at(t, q, 1, level);
		if (b.end > b.start && b.end <= to)
			found = b;
	}
	return found;
}

/* The body opening the words at `at` (after bullets and numbering). */
static cm_span subject(const text *t, size_t at, cm_body_level *level)
{
	int depth;

	return bodies_at(t, collective_end(t, skip_lead(t, at, &depth)), 0, level);
}

/* 1 if the line [ps, pe) ends with a colon (before spaces and emphasis):
 * it introduces the lines below it. */
static int introduces(const text *t, size_t ps, size_t pe)
{
	while (pe > ps && in_set(t->s[pe - 1], " \t*\r"))
		pe--;
	return pe > ps && t->s[pe - 1] == ':';
}

/* The nearest heading above the line at `line` that names a body: a
 * numbered line, a short line holding only the name (or the name and a
 * colon), or a line that introduces the lines below it and asks a body to
 * act ("Theo đó, X yêu cầu Y thực hiện … như sau:"). A numbered heading of
 * the first level without a body ends the search: the section changed. */
static cm_span heading(const text *t, size_t line, cm_body_level *level)
{
	for (size_t k = 0; k < HEADING_LINES && line > 0; k++) {
		size_t ps = cm_text_line_start(t->s, line - 1), pe = line - 1, p;
		int depth;
		cm_span b;

		line = ps;
		p = collective_end(t, skip_lead(t, ps, &depth));
		if (p >= pe)
			continue;
		if (introduces(t, ps, pe) && !empty(b = asked(t, ps, pe, level)))
			return b;
		b = bodies_at(t, p, 0, level);
		if (b.end > b.start) {
			size_t after = cm_skip_spaces(t->s, t->n, b.end);

			if (depth ||
			    (pe - ps <= HEADING_MAX && (after >= pe || t->s[after] == ':')))
				return b;
		} else if (depth == 1) {
			break;
		}
	}
	return span(0, 0);
}

/* The first body after a cue of cues in [from, to). With reports set, "về"
 * is a cue after a report's verb ("Gửi báo cáo kết quả … về Ban Chỉ đạo"),
 * not before it ("về công tác dân vận"). */
static cm_span after_cue(const text *t, size_t from, size_t to, const char *const *cues,
			 size_t ncues, int reports, cm_body_level *level)
{
	int reported = 0;

	for (size_t p = from; p < to; p++) {
		size_t q;
		cm_span b;

		if (!word_start(t, p))
			continue;
		if (reports &&
		    (cm_phrase_at(t->s, t->n, p, "báo cáo") || cm_phrase_at(t->s, t->n, p, "gửi")))
			reported = 1;
		if (reported && (q = cm_phrase_at(t->s, t->n, p, "về")))
			q = cm_skip_spaces(t->s, t->n, p + q);
		else if (!(q = words_after(t, p, cues, ncues)))
			continue;
		b = bodies_at(t, q, 1, level);
		if (b.end > b.start)
			return b;
	}
	return span(0, 0);
}

/* The body in "(qua X)" right after `at`. */
static cm_span channel_after(const text *t, size_t at)
{
	size_t p = cm_skip_spaces(t->s, t->n, at), k;
	cm_body_level level;

	if (p >= t->n || t->s[p] != '(')
		return span(0, 0);
	while (++p < t->n && t->s[p] == '*') /* "(*qua …*)": emphasis */
		;
	if (!(k = cm_phrase_at(t->s, t->n, p, "qua")))
		return span(0, 0);
	return bodies_at(t, cm_skip_spaces(t->s, t->n, p + k), 0, &level);
}

/* The end of the task before the date at `date`: the cue words, spaces and
 * punctuation between them trimmed. */
static size_t task_end(const text *t, size_t from, size_t date)
{
	size_t e = date;

	for (int trimmed = 1; trimmed && e > from;) {
		trimmed = 0;
		while (e > from && in_set(t->s[e - 1], " \t(,;:*"))
			e--, trimmed = 1;
		for (size_t i = 0; i < N_OF(date_cues); i++) {
			size_t k = strlen(date_cues[i]);

			if (e - from >= k && word_start(t, e - k) &&
			    cm_phrase_at(t->s, t->n, e - k, date_cues[i]) == k) {
				e -= k;
				trimmed = 1;
				break;
			}
		}
	}
	return e;
}

/* Where the words after a sentence's opening date start ("Dự kiến giữa
 * tháng 06/2025, HĐND huyện …": the "HĐND"), se.end if the sentence does
 * not open with its date. */
static size_t after_date_opening(const text *t, cm_span se, size_t date_end)
{
	size_t p = date_end;
	int depth;

	if (date_end - se.start > DATE_OPENING &&
	    !words_after(t, skip_lead(t, se.start, &depth), occasion_cues, N_OF(occasion_cues)))
		return se.end; /* neither its date nor its occasion ("Nhân kỷ niệm …") opens it */
	while (p < se.end && t->s[p] != ',')
		p++;
	return p < se.end ? cm_skip_spaces(t->s, t->n, p + 1) : se.end;
}

/* The body that opens the last part (after its last ';') of the line
 * [line, end), at its start or after a comma: the subject of a plan's
 * preamble ("Thực hiện …; căn cứ …, Ban Chỉ đạo … của tỉnh hướng dẫn … như
 * sau:"). */
static cm_span preamble_subject(const text *t, size_t line, size_t end, cm_body_level *level)
{
	size_t from = line;

	for (size_t p = line; p < end; p++)
		if (t->s[p] == ';')
			from = p + 1;
	for (size_t p = from; p < end; p++) {
		cm_span b;

		if (p > from && t->s[p - 1] != ',')
			continue;
		if (!empty(b = bodies_at(t, cm_skip_spaces(t->s, t->n, p), 0, level)))
			return b;
	}
	return span(0, 0);
}

/* 1 if the line at `line` opens with the ground it acts on ("Thực hiện
 * …", "Căn cứ …"). */
static int grounds(const text *t, size_t line)
{
	int depth;

	return words_after(t, skip_lead(t, line, &depth), grounding, N_OF(grounding)) != 0;
}

/* The subject of the plan's own preamble, in the first line near the top
 * that ends in "như sau:" ("Ban Thường trực Ủy ban MTTQ tỉnh xây dựng kế
 * hoạch … như sau:") or, among its header lines, opens with its ground
 * ("Thực hiện Hướng dẫn số …, Ban Tuyên giáo Tỉnh ủy hướng dẫn …") and
 * names one; else an empty span. */
static cm_span preamble(const text *t, cm_body_level *level)
{
	size_t hi = t->n < PREAMBLE_BYTES ? t->n : PREAMBLE_BYTES;

	for (size_t line = 0, k = 0; line < hi; k++) {
		const char *nl = memchr(t->s + line, '\n', t->n - line);
		size_t end = nl ? (size_t)(nl - t->s) : t->n, e = end;
		const size_t m = strlen("như sau:");
		cm_span b;

		while (e > line && in_set(t->s[e - 1], " \t*"))
			e--;
		if (((e - line >= m && !memcmp(t->s + e - m, "như sau:", m)) ||
		     (k < ISSUER_HEADER_LINES && grounds(t, line))) &&
		    !empty(b = preamble_subject(t, line, e, level)))
			return b;
		line = end + 1;
	}
	return span(0, 0);
}

/* The body that a news item's lead says issued the document: "X (vừa)
 * ban hành …" opening the line at `line`; an empty span if none. */
static cm_span issued_by(const text *t, size_t line, cm_body_level *level)
{
	int depth;
	cm_span b = bodies_at(t, skip_lead(t, line, &depth), 0, level);
	size_t p;

	if (empty(b))
		return b;
	p = cm_skip_spaces(t->s, t->n, b.end);
	p += cm_phrase_at(t->s, t->n, p, "vừa") ? cm_phrase_at(t->s, t->n, p, "vừa")
						: cm_phrase_at(t->s, t->n, p, "đã");
	p = cm_skip_spaces(t->s, t->n, p);
	return cm_phrase_at(t->s, t->n, p, "ban hành") ? b : span(0, 0);
}

/* The issuer of the document: the subject of its preamble ("X xây dựng kế
 * hoạch … như sau:"), else a lead's "X vừa ban hành …", else "của X" in
 * its first lines (not in one that cites its ground: "Thực hiện … của Y") ("Kế hoạch số
 * 1600-KH/BDVTW ngày 28/02/2018 của Ban Dân vận Trung ương"), or a line of
 * its header that is a body's name alone ("BAN DÂN VẬN TỈNH ỦY"). */
static cm_span issuer(const text *t, cm_body_level *level)
{
	size_t line = 0;
	cm_span b = preamble(t, level);

	if (!empty(b))
		return b;
	for (int k = 0; k < ISSUER_HEADER_LINES && line < t->n; k++) {
		const char *nl = memchr(t->s + line, '\n', t->n - line);
		size_t end = nl ? (size_t)(nl - t->s) : t->n;
		int depth;

		b = bodies_at(t, skip_lead(t, line, &depth), 0, level);
		if (!empty(b) && !depth && cm_skip_spaces(t->s, t->n, b.end) >= end)
			return b; /* a header line, not a numbered heading */
		if (!empty(b = issued_by(t, line, level)))
			return b;
		for (size_t p = line; k < ISSUER_TITLE_LINES && !grounds(t, line) && p < end; p++) {
			size_t q;

			if (word_start(t, p) && (q = cm_phrase_at(t->s, t->n, p, "của")) &&
			    !empty(b = bodies_at(t, cm_skip_spaces(t->s, t->n, p + q), 0, level)))
				return b;
		}
		line = end + 1;
	}
	return span(0, 0);
}

/* The body that opens the clause after the last comma before `date` in
 * [from, date) ("sáng 3-2, tại Trung tâm Hội nghị tỉnh, Tỉnh ủy Tuyên Quang
 * tổ chức gặp mặt kỷ niệm …"), or an empty span. */
static cm_span clause_subject(const text *t, size_t from, size_t date, cm_body_level *level)
{
	for (size_t p = date; p > from; p--)
		if (t->s[p - 1] == ',')
			return subject(t, p, level);
	return span(0, 0);
}

/* The last body in [from, to) that advises another ("X (sẽ) tham mưu Y
 * …"), or an empty span. */
static cm_span advisor(const text *t, size_t from, size_t to, cm_body_level *level)
{
	cm_span found = span(0, 0);

	for (size_t p = from; p < to; p++) {
		size_t q, k;
		cm_span b;

		if (!cm_is_capital(t->s, t->n, p) || (p > 0 && cm_is_capital(t->s, t->n, p - 1)) ||
		    empty(b = bodies_at(t, p, 0, level)))
			continue;
		q = cm_skip_spaces(t->s, t->n, b.end);
		if ((k = words_after(t, q, modals, N_OF(modals))))
			q = k;
		if (cm_phrase_at(t->s, t->n, q, "tham mưu"))
			found = b;
		p = b.end;
	}
	return found;
}

/* The body owing the deadline at [date, date_end) of sentence se, whose
 * clause's own words start at `own` (after the deadline before it);
 * *from says where it was named, *held whether it holds the event ("Đại
 * hội X"), which then stays part of the task. */
static cm_span actor(const text *t, cm_span se, size_t date, size_t date_end, size_t own,
		     cm_actor_from *from, int *held, cm_body_level *level)
{
	size_t line = cm_text_line_start(t->s, se.start), p;
	cm_span a = asked(t, own, date, level);

	*from = CM_ACTOR_SENTENCE;
	*held = 0;
	if (empty(a))
		*held = !empty(a = holder(t, own, date, level));
	if (empty(a) && !empty(a = subject(t, own, level))) {
		cm_body_level l;
		cm_span list = asked(t, se.start, date, &l);

		if (list.start < own && list.end >= a.end) { /* "đề nghị X; Y, Z …": the list */
			a = list;
			*level = l;
		}
	}
	if (empty(a))
		a = asked(t, se.start, date, level);
	if (empty(a))
		a = subject(t, se.start, level);
	for (p = se.start; empty(a) && p < date; p++)
		if (t->s[p] == ':')
			a = subject(t, p + 1, level);
	if (empty(a) && (p = after_date_opening(t, se, date_end)) < se.end)
		a = subject(t, p, level); /* "Dự kiến giữa tháng 06/2025, HĐND huyện tổ chức" */
	if (empty(a))
		a = clause_subject(t, se.start, date, level);
	if (empty(a) && line < se.start) { /* the paragraph's: "- Đề nghị X: …. Báo cáo …" */
		a = asked(t, line, se.start, level);
		if (empty(a))
			a = advisor(t, line, se.start, level); /* "X sẽ tham mưu Y …. Việc này …" */
		if (empty(a))
			a = subject(t, line, level);
	}
	if (!empty(a))
		return a;
	*from = CM_ACTOR_HEADING;
	if (!empty(a = heading(t, line, level)))
		return a;
	if (!empty(a = asked(t, line > ASKED_BACK ? line - ASKED_BACK : 0, line, level)))
		return a; /* "Đề nghị X tiến hành tổng kết …" a few paragraphs above */
	*from = CM_ACTOR_ISSUER;
	if (!empty(a = issuer(t, level)))
		return a;
	*from = CM_ACTOR_NONE;
	return a;
}

static cm_span recipient(const text *t, cm_span se, cm_span cl, cm_body_level *level)
{
	size_t line = cm_text_line_start(t->s, se.start);
	cm_span r = after_cue(t, cl.start, cl.end, to_cues, N_OF(to_cues), 1, level);

	if (empty(r))
		r = after_cue(t, se.start, se.end, to_cues, N_OF(to_cues), 1, level);
	if (empty(r) && line < se.start)
		r = after_cue(t, line, se.start, to_cues, N_OF(to_cues), 1, level);
	return r;
}

void cm_obligation_find(cm_obligation *out, const char *s, size_t n, size_t date_start,
			size_t date_end, size_t prev_end)
{
	text t = {s, n};
	cm_span se = sentence(&t, date_start, date_end);
	cm_span cl = clause(&t, se, date_start, date_end);
	size_t own, task_from, p;
	int depth, held;

	memset(out, 0, sizeof *out);
	own = prev_end > cl.start && prev_end < date_start ? prev_end : cl.start;
	while (own < date_start && in_set(s[own], ":,*; ")) /* "…, báo cáo năm gửi trước …" */
		own++;
	out->actor = actor(&t, se, date_start, date_end, own, &out->actor_from, &held,
			   &out->actor_level);
	out->recipient = recipient(&t, se, cl, &out->recipient_level);
	if (!empty(out->recipient))
		out->channel = channel_after(&t, out->recipient.end);
	out->partners =
		after_cue(&t, cl.start, cl.end, with_cues, N_OF(with_cues), 0, &(cm_body_level){0});

	task_from = skip_lead(&t, own, &depth);
	if (out->actor_from == CM_ACTOR_SENTENCE && !held && out->actor.end > own &&
	    out->actor.end <= date_start) /* the actor in this clause, or its list's end */
		task_from = cm_skip_spaces(s, n, out->actor.end);
	while (task_from < date_start && in_set(s[task_from], ":,*; "))
		task_from++;
	if ((p = after_date_opening(&t, se, date_end)) < se.end && out->actor.start >= p) {
		task_from =
			cm_skip_spaces(s, n, out->actor.end); /* "…, HĐND huyện tổ chức kỳ họp" */
		p = cl.end;
		while (p > task_from && in_set(s[p - 1], " .;,"))
			p--;
		out->task = span(task_from, p);
		return;
	}
	out->task = span(task_from, task_end(&t, task_from, date_start));
	if (empty(out->task))
		out->task = span(0, 0);
}
