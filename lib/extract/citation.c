/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation.c: a linear, hand-written scanner for document symbols over the
 * canonical text, and the reading of what surrounds each one (type words,
 * date, issuer, term, relation cue), then the document's own identity and
 * the citation keys. Lists are in citation_lists.c, short forms in
 * citation_short.c, references by name without a number in
 * citation_named.c. */
#include "chimuc/citation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/text.h"
#include "extract/citation_text.h"

#define HEAD_BYTES 1500 /* where the "Số …" header and the title may be */
#define HEAD_LINES 3    /* non-empty lines that may hold a title line */
#define ISSUER_MAX 120  /* bytes of an issuer phrase */
#define WINDOW_WORDS 6  /* words before a citation searched for its cue */
#define SUBJECT_MIN 24  /* bytes of a title's subject a lead must repeat */

static const struct {
	const char *lower, *name, *code;
} types[] = {
	{"nghị quyết", "Nghị quyết", "NQ"},
	{"chỉ thị", "Chỉ thị", "CT"},
	{"kết luận", "Kết luận", "KL"},
	{"quyết định", "Quyết định", "QĐ"},
	{"quy định", "Quy định", "QĐ"},
	{"kế hoạch", "Kế hoạch", "KH"},
	{"chương trình", "Chương trình", "CTr"},
	{"hướng dẫn", "Hướng dẫn", "HD"},
	{"thông báo", "Thông báo", "TB"},
	{"nghị định", "Nghị định", "NĐ"},
	{"thông tư", "Thông tư", "TT"},
	{"công văn", "Công văn", NULL},
	{"tờ trình", "Tờ trình", "TTr"},
	{"báo cáo", "Báo cáo", "BC"},
	{"quy chế", "Quy chế", "QC"},
	{"luật", "Luật", NULL},
};

/* Words allowed between a type and "số": "Kế hoạch phối hợp số". */
static const char *const qualifiers[] = {"phối hợp", "hành động", "liên tịch", "liên ngành"};

/* Cues that govern a citation ("căn cứ", "sơ kết 5 năm thực hiện"…). */
static const char *const cues[] = {
	"căn cứ",
	"thực hiện",
	"triển khai",
	"quán triệt",
	"tuyên truyền",
	"kiểm tra",
	"sơ kết",
	"tổng kết",
	"đánh giá",
	"thay thế",
	"bãi bỏ",
	"sửa đổi",
	"theo",
	"giám sát",
	"tham mưu",
	"tham gia",
	"hướng dẫn thực hiện",
	"gắn với",
};

typedef cm_ctext text;

char *cm_ctext_noted(const cm_ctext *t, char *s)
{
	if (!s && t->oom)
		*t->oom = 1;
	return s;
}

int cm_ctext_type_at(const cm_ctext *t, size_t i, size_t *len)
{
	for (size_t k = 0; i < t->n && k < sizeof types / sizeof types[0]; k++) {
		size_t m;
		if (t->lw[i] != types[k].lower[0])
			continue;
		m = cm_ctext_word_at(t, i, types[k].lower);
		if (m && i + m < t->n && t->s[i + m] == ' ') {
			*len = m;
			return (int)k;
		}
	}
	return -1;
}

size_t cm_ctext_ntypes(void)
{
	return sizeof types / sizeof types[0];
}

const char *cm_ctext_type_lower(size_t k)
{
	return types[k].lower;
}

const char *cm_ctext_type_name(size_t k)
{
	return types[k].name;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_lower_ascii(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper_start(const text *t, size_t i)
{
	return i < t->n && ((t->s[i] >= 'A' && t->s[i] <= 'Z') ||
			    ((unsigned char)t->s[i] == 0xC4 && i + 1 < t->n &&
			     (unsigned char)t->s[i + 1] == 0x90)); /* Đ */
}

/* "Ư" of "TƯ" (Trung ương) at i: written for the W of TW. */
static int tu_at(const text *t, size_t i)
{
	return i > 0 && i + 1 < t->n && t->s[i - 1] == 'T' && (unsigned char)t->s[i] == 0xC6 &&
	       (unsigned char)t->s[i + 1] == 0xAF;
}

/* Length of a symbol character at i (ASCII letter or digit, Đ, đ, the Ư of
 * TƯ), or 0. */
static size_t sym_char(const text *t, size_t i)
{
	unsigned char c;

	if (i >= t->n)
		return 0;
	c = (unsigned char)t->s[i];
	if (is_digit((char)c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return 1;
	if (c == 0xC4 && i + 1 < t->n &&
	    ((unsigned char)t->s[i + 1] == 0x90 || (unsigned char)t->s[i + 1] == 0x91))
		return 2;
	return tu_at(t, i) ? 2 : 0;
}

/* The end of the symbol part at i; before a glued "ngày" ("70-TB/TWngày 06
 * tháng 01 năm 2012"). */
static size_t segment(const text *t, size_t i)
{
	size_t k, j = i;
	while ((k = sym_char(t, j)) && strncmp(t->s + j, "ngày", strlen("ngày")))
		j += k;
	return j;
}

static size_t dash_len(const text *t, size_t i)
{
	if (i < t->n && t->s[i] == '-')
		return 1;
	if (i + 3 <= t->n &&
	    (!memcmp(t->s + i, "\xe2\x80\x93", 3) || !memcmp(t->s + i, "\xe2\x80\x94", 3)))
		return 3;
	return 0;
}

static int word_before_ok(const text *t, size_t i)
{
	unsigned char c;
	if (i == 0)
		return 1;
	c = (unsigned char)t->s[i - 1];
	return !(sym_char(t, i - 1) || c >= 0x80 || c == '/' || c == '-' || c == '.');
}

/* Appends s[from, to) to buf without spaces or line breaks, TƯ as TW. */
static void append_clean(char *buf, size_t cap, const text *t, size_t from, size_t to)
{
	size_t n = strlen(buf);

	for (size_t i = from; i < to && n + 1 < cap; i++) {
		if (tu_at(t, i)) {
			buf[n++] = 'W';
			i++;
		} else if (t->s[i] != ' ' && t->s[i] != '\n') {
			buf[n++] = t->s[i];
		}
	}
	buf[n] = '\0';
}

static size_t back_spaces(const text *t, size_t p)
{
	while (p > 0 && (t->s[p - 1] == ' ' || t->s[p - 1] == '*'))
		p--;
	return p;
}

/* Back over spaces and line breaks too: a wrapped line ("Nghị định
 * số\n34/2016/NĐ-CP", "Nghị định\nsố 154/2020/NĐ-CP"). */
static size_t back_blanks(const text *t, size_t p)
{
	while (p > 0 && (t->s[p - 1] == ' ' || t->s[p - 1] == '*' || t->s[p - 1] == '\n'))
		p--;
	return p;
}

/* Where the "số" before the number at i starts, or CM_CTEXT_NONE: "số
 * 25", "Số: 25", "số\n25", "so 25" (without marks). */
static size_t so_before(const text *t, size_t i)
{
	size_t p = back_blanks(t, i);

	if (p > 0 && t->s[p - 1] == ':')
		p = back_spaces(t, p - 1);
	return cm_ctext_word_before(t, p, "số");
}

/* The end of the code after a dash glued to the part before it and a space
 * ("46/BC- HĐND", "01/KH- BTC"): capitals and digits up to a word's end;
 * 0 if there is none ("12/KH- Tổ", "12/KH- Ban"). */
static size_t spaced_code(const text *t, size_t at)
{
	size_t p = at + 1, q, k;

	if (at >= t->n || t->s[at] != '-')
		return 0;
	while (p < t->n && t->s[p] == ' ')
		p++;
	if (p == at + 1)
		return 0;
	for (q = p; q < t->n && (k = sym_char(t, q)) && !is_lower_ascii(t->s[q]); q += k)
		if ((unsigned char)t->s[q] == 0xC4 && (unsigned char)t->s[q + 1] == 0x91)
			return 0; /* đ */
	if (q - p < 2 || (q < t->n && ((unsigned char)t->s[q] >= 0x80 || is_lower_ascii(t->s[q]))))
		return 0;
	return q;
}

/* The end of an old dotted code after at ("01/1999/QĐ.UB", a stray space
 * before the dot: "2093/2005/QĐ .UBND"): capitals only, ending before a
 * non-letter; 0 if there is none ("NĐ-CP.Căn", "QĐ. Căn"). */
static size_t dotted_code(const text *t, size_t at)
{
	size_t dot = at < t->n && t->s[at] == ' ' ? at + 1 : at, q = dot + 1;

	if (dot >= t->n || t->s[dot] != '.')
		return 0;
	while (q < t->n && is_upper_start(t, q))
		q += (unsigned char)t->s[q] == 0xC4 ? 2 : 1;
	if (q - dot < 2 || q - dot > 7 ||
	    (q < t->n && (is_lower_ascii(t->s[q]) || (unsigned char)t->s[q] >= 0x80)))
		return 0;
	return q;
}

/* A symbol at i: its number, its symbol and its end. */
static int symbol_at(const text *t, size_t i, char *number, char *symbol, size_t *end)
{
	size_t p = i, q, r, d;

	while (p < t->n && is_digit(t->s[p]) && p - i < 6)
		p++;
	if (p == i || (p < t->n && is_digit(t->s[p])))
		return 0;
	if (p + 1 < t->n && is_lower_ascii(t->s[p]) && (t->s[p + 1] == '/' || dash_len(t, p + 1)))
		p++; /* a number with a letter: "30c/NQCP" */
	number[0] = symbol[0] = '\0';
	q = p;
	while (q < t->n && t->s[q] == ' ')
		q++;
	d = dash_len(t, q);
	if (d || (q > p && is_upper_start(t, q) && so_before(t, i) != CM_CTEXT_NONE)) {
		/* Party style: 25-NQ/TW; a space for the dash after "số" ("số 84
		 * QĐ/TWĐTN") */
		r = q + d;
		while (r < t->n && (t->s[r] == ' ' || t->s[r] == '\n'))
			r++;
		if (!is_upper_start(t, r))
			return 0;
		q = segment(t, r);
		if (q >= t->n || t->s[q] != '/' || !is_upper_start(t, q + 1))
			return 0;
		snprintf(number, 32, "%.*s", (int)(p - i), t->s + i);
		append_clean(symbol, 96, t, r, q);
		p = q;
		while (p < t->n && t->s[p] == '/' && is_upper_start(t, p + 1)) {
			q = segment(t, p + 1);
			append_clean(symbol, 96, t, p, q);
			p = q;
			while (p + 1 < t->n && t->s[p] == '-' && sym_char(t, p + 1)) {
				q = segment(t, p + 1);
				append_clean(symbol, 96, t, p, q);
				p = q;
			}
		}
	} else if (p < t->n && t->s[p] == '/') { /* state style: 15/2020/NĐ-CP */
		r = p + 1;
		q = r;
		while (q < t->n && is_digit(t->s[q]))
			q++;
		if (q - r == 4 && q < t->n && t->s[q] == '/') {
			snprintf(number, 32, "%.*s", (int)(q - i), t->s + i);
			r = q + 1;
		} else {
			snprintf(number, 32, "%.*s", (int)(p - i), t->s + i);
		}
		if (!is_upper_start(t, r))
			return 0;
		p = segment(t, r);
		append_clean(symbol, 96, t, r, p);
		for (;;) {
			size_t s0 = p;
			if (s0 < t->n && t->s[s0] == ' ' && s0 + 1 < t->n && t->s[s0 + 1] == '-')
				s0++; /* "3236/TTr -SNN" */
			if (s0 + 1 < t->n && (t->s[s0] == '-' || t->s[s0] == '/') &&
			    sym_char(t, s0 + 1)) {
				q = segment(t, s0 + 1);
				append_clean(symbol, 96, t, s0, q);
				p = q;
				continue;
			}
			if (s0 == p && (q = dotted_code(t, s0))) {
				append_clean(symbol, 96, t, s0, q);
				p = q;
				continue;
			}
			if (s0 == p && (q = spaced_code(t, s0))) {
				append_clean(symbol, 96, t, s0, q);
				p = q;
				continue;
			}
			break;
		}
	} else {
		return 0;
	}
	if (p < t->n && ((unsigned char)t->s[p] >= 0x80 && !dash_len(t, p)))
		return 0; /* glued to a word */
	*end = p;
	return 1;
}

/* 1 if lw ends with word at `end` (word boundary before it). */
static int ends_with(const text *t, size_t end, const char *word)
{
	size_t k = strlen(word);
	return end >= k && !memcmp(t->lw + end - k, word, k) &&
	       (end == k || t->lw[end - k - 1] == ' ' || t->lw[end - k - 1] == '\n' ||
		t->lw[end - k - 1] == '(' || t->lw[end - k - 1] == '"' ||
		t->lw[end - k - 1] == '*' || t->lw[end - k - 1] == ',');
}

/* The type at the words that end at p, *start where they begin ("Thông
 * báo Kết luận số …" is a Thông báo), or -1. */
static int type_before(const text *t, size_t p, size_t *start)
{
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
		size_t q = cm_ctext_word_before(t, p, types[k].lower), w;
		if (q == CM_CTEXT_NONE)
			continue;
		*start = q;
		for (size_t j = 0; j < sizeof types / sizeof types[0]; j++)
			if ((w = cm_ctext_word_before(t, back_spaces(t, q), types[j].lower)) !=
			    CM_CTEXT_NONE) {
				*start = w;
				return (int)j;
			}
		return (int)k;
	}
	return -1;
}

static int type_index(const char *name)
{
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
		if (!strcmp(types[k].name, name))
			return (int)k;
	return -1;
}

/* The type a symbol's code names, for "văn bản số …" (a document, of no
 * type by its words): "CT/TU" a Chỉ thị, "HD/BTGTW" a Hướng dẫn, "CV/…" a
 * Công văn; a state symbol that opens with its issuer, not a code
 * ("UBND-NC", "UBND-KGVX"), is a Công văn, as state letters are numbered.
 * -1 when the code fits two types ("QĐ": Quyết định or Quy định) or opens
 * with a code it is not ("HDLB-…"). */
static int type_of_code(const char *symbol)
{
	size_t n = strcspn(symbol, "/-");
	int found = -1, prefix = 0;

	if (n == 2 && !strncmp(symbol, "CV", 2))
		return type_index("Công văn");
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
		const char *code = types[k].code;
		if (!code || strncmp(symbol, code, strlen(code)))
			continue;
		if (strlen(code) != n) {
			prefix = 1;
			continue;
		}
		if (found >= 0)
			return -1;
		found = (int)k;
	}
	if (found < 0 && !prefix && !strchr(symbol, '/'))
		return type_index("Công văn");
	return found;
}

/* The type words before the symbol at i: *start where they begin. A line
 * break may come before the number and before a lower-case "số", not
 * before a heading's "Số". "văn bản số" takes the type of the symbol's
 * code. */
static int find_type(const text *t, size_t i, const char *symbol, size_t *start)
{
	size_t p = back_blanks(t, i), so = so_before(t, i), w;
	int ti;

	if (p > 0 && t->s[p - 1] == ':')
		p = back_spaces(t, p - 1);
	if (so != CM_CTEXT_NONE) {
		p = t->s[so] == 's' ? back_blanks(t, so) : back_spaces(t, so);
		for (size_t k = 0; k < sizeof qualifiers / sizeof qualifiers[0]; k++)
			if ((w = cm_ctext_word_before(t, p, qualifiers[k])) != CM_CTEXT_NONE) {
				p = back_spaces(t, w);
				break;
			}
	}
	if ((ti = type_before(t, p, start)) >= 0)
		return ti;
	if (so != CM_CTEXT_NONE && (w = cm_ctext_word_before(t, p, "văn bản")) != CM_CTEXT_NONE) {
		*start = w;
		return type_of_code(symbol);
	}
	*start = so != CM_CTEXT_NONE ? so : i;
	return -1;
}

static char *dup_range(const text *t, size_t from, size_t to)
{
	char *s;

	while (from < to && (t->s[from] == ' ' || t->s[from] == '*'))
		from++;
	while (to > from && (t->s[to - 1] == ' ' || t->s[to - 1] == '*'))
		to--;
	if (to <= from || !(s = cm_ctext_noted(t, malloc(to - from + 1))))
		return NULL;
	memcpy(s, t->s + from, to - from);
	s[to - from] = '\0';
	return s;
}

static const char *const issuer_stops[] = {" về",    " (",    ",",     ";",          ".",
					   ")",      "\n",    " khóa", " thực hiện", ":",
					   " trình", " năm ", " đến",  "\""};

/* "của X" right after the citation: X. */
static char *issuer_after(const text *t, size_t at, size_t *end)
{
	size_t p = at, e;

	while (p < t->n && t->s[p] == ' ')
		p++;
	*end = at;
	if (p + strlen("của ") > t->n || memcmp(t->lw + p, "của ", strlen("của ")))
		return NULL;
	p += strlen("của ");
	for (e = p; e < t->n && e - p < ISSUER_MAX; e++) {
		int stop = 0;
		for (size_t k = 0; k < sizeof issuer_stops / sizeof issuer_stops[0] && !stop; k++)
			stop = !strncmp(t->lw + e, issuer_stops[k], strlen(issuer_stops[k]));
		if (stop)
			break;
	}
	while (e < t->n && e > p && ((unsigned char)t->s[e] & 0xC0) == 0x80)
		e--;
	*end = e;
	return dup_range(t, p, e);
}

/* "khóa XI" or "(khóa XI)" close after at. */
static char *term_after(const text *t, size_t at)
{
	size_t p = at, e;
	char *s;

	while (p < t->n && (t->s[p] == ' ' || t->s[p] == '('))
		p++;
	if (p + strlen("khóa ") > t->n || memcmp(t->lw + p, "khóa ", strlen("khóa ")))
		return NULL;
	e = p + strlen("khóa ");
	while (e < t->n && strchr("IVXL", t->s[e]) && t->s[e])
		e++;
	if (e == p + strlen("khóa "))
		return NULL;
	if (!(s = cm_ctext_noted(t, malloc(e - p + 1))))
		return NULL;
	memcpy(s, "khóa ", strlen("khóa "));
	memcpy(s + strlen("khóa "), t->s + p + strlen("khóa "), e - p - strlen("khóa "));
	s[e - p] = '\0';
	return s;
}

/* The cue governing a citation that starts at start: searched in the last
 * WINDOW_WORDS words of its clause, from the earliest cue there; NULL when
 * none, or when a '(' opens right before it (a repeat in parentheses). */
static char *relation_before(const text *t, size_t start, size_t floor)
{
	size_t p = back_spaces(t, start), w = p, words = 0, best = (size_t)-1;

	if (p > 0 && t->s[p - 1] == '(')
		return NULL;
	while (w > floor && !strchr(";.:\n(", t->s[w - 1]) && words < WINDOW_WORDS) {
		w--;
		if (t->s[w] == ' ')
			words++;
	}
	for (size_t i = w; i < p; i++)
		for (size_t k = 0; k < sizeof cues / sizeof cues[0] && best == (size_t)-1; k++)
			if (!strncmp(t->lw + i, cues[k], strlen(cues[k])) &&
			    (i == w || t->lw[i - 1] == ' ' || t->lw[i - 1] == '('))
				best = i;
	if (best == (size_t)-1)
		return NULL;
	while (p > best && (t->s[p - 1] == ',' || t->s[p - 1] == ' '))
		p--;
	if (ends_with(t, p, "các"))
		p = back_spaces(t, p - strlen("các"));
	{
		char *s = cm_ctext_noted(t, malloc(p - best + 1));
		if (s) {
			memcpy(s, t->lw + best, p - best);
			s[p - best] = '\0';
		}
		return s;
	}
}

/* "sơ kết 5 năm thực hiện" in a 2018 plan: 2013. */
static int year_from_cue(const char *relation, int doc_year)
{
	const char *p;
	int years;

	if (!relation || !doc_year)
		return 0;
	for (p = relation; *p; p++)
		if (is_digit(*p) && sscanf(p, "%d năm", &years) == 1 && strstr(p, " năm"))
			return years > 0 && years < 100 ? doc_year - years : 0;
	return 0;
}

static int push(cm_citations *c, size_t *cap, const cm_citation *x)
{
	cm_citation *v = cm_array_push(&c->v, &c->n, cap, sizeof *v);

	if (!v)
		return CM_ENOMEM;
	*v = *x;
	return 0;
}

void cm_ctext_lower(char *out, const char *s, size_t n)
{
	int32_t i = 0, len = (int32_t)n;

	while (i < len) {
		int32_t start = i, k = 0;
		UChar32 c, l;
		U8_NEXT(s, i, len, c);
		l = c < 0 ? c : u_tolower(c);
		if (c >= 0 && U8_LENGTH(l) == i - start) {
			U8_APPEND_UNSAFE(out + start, k, l);
		} else {
			memcpy(out + start, s + start, (size_t)(i - start));
		}
	}
	out[n] = '\0';
}

static void make_key(char *key, const char *number, const char *symbol, int year)
{
	int slash = strchr(number, '/') != NULL || (symbol[0] && !strchr(symbol, '/'));
	if (year)
		snprintf(key, CM_KEY_MAX, "%s%s%s@%d", number, slash ? "/" : "-", symbol, year);
	else
		snprintf(key, CM_KEY_MAX, "%s%s%s", number, slash ? "/" : "-", symbol);
}

static int code_matches(const char *type, const char *symbol)
{
	const char *code = cm_citation_type_code(type);
	return !code || !strncmp(symbol, code, strlen(code)) ||
	       (code[0] == 'Q' && !strncmp(symbol, "QĐ", strlen("QĐ")));
}

/* The canonical offset of the input offset at: the first output byte whose
 * text starts there or later (map has n + 1 entries, in order). */
static size_t canon_offset(const size_t *map, size_t n, size_t at)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (map[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The full date (YYYY-MM-DD) that cm_dates found starting at canonical
 * offset at, or NULL. */
static const cm_date *date_at(const cm_dates *dates, const size_t *map, size_t at)
{
	size_t lo = 0, hi = dates->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (dates->v[mid].start < map[at])
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < dates->n && dates->v[lo].start == map[at] && strlen(dates->v[lo].iso) == 10 &&
	    dates->v[lo].iso[0] != '-')
		return &dates->v[lo];
	return NULL;
}

/* The date right after a citation's symbol (", ngày 03/6/2013", " ngày 05
 * tháng 5 năm 2022", "NGÀY 5.6.2012", "\nngày …", "ngàỷ …" with its marks
 * scrambled: what cm_dates read there) into x, and the canonical end of
 * it; at when there is none. */
static size_t date_after(cm_citation *x, const text *t, const cm_dates *dates, const size_t *map,
			 size_t at)
{
	size_t p = at, d0, k;
	const cm_date *d;

	if (p < t->n && t->s[p] == ',')
		p++;
	while (p < t->n && (t->s[p] == ' ' || t->s[p] == '\n'))
		p++;
	if (!(k = cm_ctext_word_at(t, p, "ngày")) ||
	    (p + k < t->n && !is_digit(t->s[p + k]) && t->s[p + k] != ' ' && t->s[p + k] != '\n'))
		return at;
	d0 = p + k;
	while (d0 < t->n && (t->s[d0] == ' ' || t->s[d0] == '\n'))
		d0++;
	if (!(d = date_at(dates, map, p)) && !(d = date_at(dates, map, d0)))
		return at;
	memcpy(x->date, d->iso, sizeof x->date);
	x->year = atoi(d->iso);
	return canon_offset(map, t->n, d->end);
}

/* Scans every symbol; fills c->v (canonical offsets). */
static int scan(cm_citations *c, const text *t, const cm_dates *dates, const size_t *map)
{
	int doc_year = dates->doc_date[0] ? atoi(dates->doc_date) : 0;
	size_t cap = 0, i = 0, prev_end = 0;

	while (i < t->n) {
		cm_citation x;
		size_t send, tstart, e, iend;
		int ti, rc;

		if (!is_digit(t->s[i]) || !word_before_ok(t, i)) {
			i++;
			continue;
		}
		memset(&x, 0, sizeof x);
		if (!symbol_at(t, i, x.number, x.symbol, &send)) {
			while (i < t->n && is_digit(t->s[i]))
				i++;
			continue;
		}
		ti = find_type(t, i, x.symbol, &tstart);
		x.type = ti >= 0 ? types[ti].name : NULL;
		x.start = tstart;
		e = date_after(&x, t, dates, map, send);
		x.end = e;
		x.issuer = issuer_after(t, e, &iend);
		x.term = term_after(t, x.issuer ? iend : e);
		x.relation = relation_before(t, x.start, prev_end);
		if (!x.year)
			x.year = year_from_cue(x.relation, doc_year);
		if (x.type && !code_matches(x.type, x.symbol))
			x.flags |= CM_CITE_TYPE_MISMATCH;
		if ((rc = push(c, &cap, &x)) < 0) {
			free(x.issuer);
			free(x.term);
			free(x.relation);
			return rc;
		}
		prev_end = x.end;
		i = send;
	}
	return 0;
}

static const char *type_heading(const text *t)
{
	size_t i = 0, lines = 0;

	while (i < t->n && i < HEAD_BYTES * 2 && lines < 25) {
		size_t e = i, a, b;
		while (e < t->n && t->s[e] != '\n')
			e++;
		a = i;
		b = e;
		while (a < b && (t->s[a] == ' ' || t->s[a] == '*'))
			a++;
		while (b > a && (t->s[b - 1] == ' ' || t->s[b - 1] == '*'))
			b--;
		for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
			if (b - a == strlen(types[k].lower) &&
			    !memcmp(t->lw + a, types[k].lower, b - a) && t->s[a] != t->lw[a])
				return types[k].name;
		lines++;
		i = e + 1;
	}
	return NULL;
}

/* No lower-case letter in s[from, to). */
static int no_lower(const text *t, size_t from, size_t to)
{
	int32_t i = (int32_t)from;

	while ((size_t)i < to) {
		UChar32 c;
		U8_NEXT(t->s, i, (int32_t)to, c);
		if (c >= 0 && u_islower(c))
			return 0;
	}
	return 1;
}

/* x starts with the header's "Số" near the top: at a line start, or with
 * its colon after the issuer's name in capitals, the header's columns run
 * together ("BỘ GIÁO DỤC VÀ ĐÀO TẠO Số: 2699/CT-BGDĐT"); not "văn bản Số:
 * 12" in a sentence. */
static int header_number(const text *t, const cm_citation *x)
{
	size_t p = cm_text_line_start(t->s, x->start), k = strlen("Số");

	while (p < x->start && (t->s[p] == ' ' || t->s[p] == '*'))
		p++;
	if (x->start > HEAD_BYTES || x->start + k > t->n ||
	    (strncmp(t->s + x->start, "Số", k) && strncmp(t->s + x->start, "SỐ", k)))
		return 0;
	return p == x->start || (t->s[x->start + k] == ':' && no_lower(t, p, x->start));
}

/* Some citation before c->v[i] has its number and symbol. */
static int cited_before(const cm_citations *c, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (!strcmp(c->v[j].number, c->v[i].number) &&
		    !strcmp(c->v[j].symbol, c->v[i].symbol))
			return 1;
	return 0;
}

/* The lower-case text at a and at b agrees for SUBJECT_MIN bytes within
 * one line. */
static int same_subject(const text *t, size_t a, size_t b)
{
	size_t n = 0;

	while (n < SUBJECT_MIN && a + n < t->n && b + n < t->n && t->s[a + n] != '\n' &&
	       t->lw[a + n] == t->lw[b + n])
		n++;
	return n == SUBJECT_MIN;
}

/* " về " in [from, to), or CM_CTEXT_NONE. */
static size_t about_in(const text *t, size_t from, size_t to)
{
	size_t k = strlen(" về ");

	for (size_t i = from; i + k <= to && i + k <= t->n; i++)
		if (!memcmp(t->lw + i, " về ", k))
			return i + k;
	return CM_CTEXT_NONE;
}

/* x is issued in its clause ("… đã ban hành Nghị quyết số 10-NQ/TU"). */
static int issued_before(const text *t, const cm_citation *x)
{
	size_t a = x->start, k = strlen("ban hành");

	while (a > 0 && x->start - a < ISSUER_MAX && !strchr(".;\n", t->s[a - 1]))
		a--;
	for (size_t i = a; i + k <= x->start; i++)
		if (!memcmp(t->lw + i, "ban hành", k))
			return 1;
	return 0;
}

/* The citation issued in the lead with the subject of the title line at
 * a (a type word without a number, its end at e), or -1. */
static int lead_of(const cm_citations *c, const text *t, size_t a, size_t e)
{
	size_t len, about;
	int ti;

	if (t->s[a] == t->lw[a] || (ti = cm_ctext_type_at(t, a, &len)) < 0 || a + len + 1 >= e)
		return -1;
	a += len + 1;
	if (is_digit(t->s[a]) || cm_ctext_word_at(t, a, "số"))
		return -1;
	about = about_in(t, a - 1, e);
	for (size_t i = 0; i < c->n && c->v[i].start <= HEAD_BYTES; i++) {
		const cm_citation *x = &c->v[i];
		size_t q = about_in(t, x->end - 1, x->end + ISSUER_MAX);
		if (!x->type || x->type != types[ti].name || x->start < e || q == CM_CTEXT_NONE ||
		    !issued_before(t, x))
			continue;
		if (same_subject(t, a, q) || (about != CM_CTEXT_NONE && same_subject(t, about, q)))
			return (int)i;
	}
	return -1;
}

/* A page that publishes a document's full text: one of its first lines
 * is the document's title, a type word without a number ("Nghị quyết của
 * Ban Chấp hành … về huy động nguồn lực …", "Chương trình thực hiện Chỉ
 * thị 13-CT/TW …"), and its lead says the document was issued, by number,
 * with the same subject ("… đã ban hành Nghị quyết số 10-NQ/TU về huy động
 * nguồn lực …"). The index of that citation, or -1. */
static int published_index(const cm_citations *c, const text *t)
{
	size_t a = 0, lines = 0;

	while (a < t->n && lines < HEAD_LINES) {
		size_t e = a;
		int i;
		while (e < t->n && t->s[e] != '\n')
			e++;
		while (a < e && t->s[a] == ' ')
			a++;
		if (a < e && (i = lead_of(c, t, a, e)) >= 0)
			return i;
		lines += a < e;
		a = e + 1;
	}
	return -1;
}

/* The citation that is the document's own number: the header's "Số …",
 * else a title line ("Kế hoạch số 1600-KH/BDVTW ngày …") among the first
 * lines, unless the text cites that number before it (a news item's
 * paragraph that opens with it), else the one a page that publishes the
 * document names in its lead. */
static int self_index(const cm_citations *c, const text *t)
{
	for (size_t i = 0; i < c->n && c->v[i].start <= HEAD_BYTES; i++)
		if (header_number(t, &c->v[i]))
			return (int)i;
	for (size_t i = 0; i < c->n && c->v[i].start <= HEAD_BYTES; i++) {
		const cm_citation *x = &c->v[i];
		size_t p = cm_text_line_start(t->s, x->start);
		while (p < x->start && (t->s[p] == ' ' || t->s[p] == '*'))
			p++;
		if (x->type && p == x->start &&
		    cm_text_lines_before(t->s, x->start, HEAD_LINES) < HEAD_LINES &&
		    !cited_before(c, i))
			return (int)i;
	}
	return published_index(c, t);
}

/* x's number and symbol are the document's own, written with its year or
 * without a dash ("Quyết định số 1961/2019/QĐ-UBND" of "Số:
 * 1961/QĐUBND" dated 2019). */
static int same_as_self(const cm_citation *x, const cm_identity *id)
{
	size_t n = strlen(id->number);
	const char *a = x->symbol, *b = id->symbol;

	if (strncmp(x->number, id->number, n) ||
	    (x->number[n] && (x->number[n] != '/' || !id->date[0] ||
			      strncmp(x->number + n + 1, id->date, 4) || x->number[n + 5])))
		return 0;
	if (x->date[0] && id->date[0] && strncmp(x->date, id->date, 4))
		return 0; /* the same number of another year: another document */
	for (;; a++, b++) {
		while (*a == '-')
			a++;
		while (*b == '-')
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
	}
}

/* The first non-empty line after at, as the title. */
static char *line_after(const text *t, size_t at)
{
	size_t i = at;

	while (i < t->n && t->s[i] != '\n')
		i++;
	while (i < t->n) {
		size_t a = i + 1, e = a;
		while (e < t->n && t->s[e] != '\n')
			e++;
		char *s = dup_range(t, a, e);
		if (s)
			return s;
		i = e;
		if (i >= t->n)
			break;
	}
	return NULL;
}

static size_t find_line(const text *t, const char *lower)
{
	size_t k = strlen(lower);
	for (size_t i = 0; i + k <= t->n && i < HEAD_BYTES * 2; i++)
		if ((i == 0 || t->s[i - 1] == '\n' || t->s[i - 1] == ' ') &&
		    !memcmp(t->lw + i, lower, k) && t->s[i] != t->lw[i])
			return i;
	return t->n;
}

/* The place of "Tuyên Quang, ngày 04 tháng 3 năm 2018": what precedes the
 * comma on the line of the document's own written date. */
static char *place_of(const text *t, const cm_dates *dates, const char *in)
{
	for (size_t i = 0; i < dates->n; i++) {
		const cm_date *d = &dates->v[i];
		size_t a = d->start, b;
		if (!d->in_self || d->end - d->start < 12)
			continue;
		while (a > 0 && in[a - 1] != '\n')
			a--;
		b = d->start;
		while (b > a && (in[b - 1] == ' ' || in[b - 1] == ','))
			b--;
		while (a < b && (in[a] == ' ' || in[a] == '\t'))
			a++;
		if (b > a && b - a < 60 && memchr(in + a, ',', d->start - a))
			return cm_ctext_noted(t, strndup(in + a, b - a));
	}
	return NULL;
}

static void identity(cm_citations *c, const text *t, const cm_dates *dates, const char *in)
{
	cm_identity *id = &c->self;
	int si = self_index(c, t);
	const char *heading = type_heading(t);

	memcpy(id->date, dates->doc_date, sizeof id->date);
	id->place = place_of(t, dates, in);
	id->type = heading;
	if (si >= 0) {
		cm_citation *x = &c->v[si];
		snprintf(id->number, sizeof id->number, "%s", x->number);
		snprintf(id->symbol, sizeof id->symbol, "%s", x->symbol);
		if (x->type)
			id->type = x->type;
		id->start = x->start;
		id->end = x->end;
		if (!id->date[0])
			memcpy(id->date, x->date, sizeof id->date);
		make_key(id->key, id->number, id->symbol, id->date[0] ? atoi(id->date) : 0);
		id->issuer = x->issuer;
		free(x->term);
		free(x->relation);
		memmove(x, x + 1, (c->n - (size_t)si - 1) * sizeof *x);
		c->n--;
		for (size_t i = 0; i < c->n; i++)
			if (same_as_self(&c->v[i], id))
				c->v[i].kind = CM_CITE_SELF_MENTION;
	}
	if (heading) {
		size_t at = t->n;
		for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
			if (types[k].name == heading)
				at = find_line(t, types[k].lower);
		id->title = at < t->n ? line_after(t, at) : NULL;
	} else if (si >= 0) { /* a title line: "… số N ngày D của X về TITLE" */
		size_t e = id->end, a, k = strlen(" về ");
		while (e < t->n && t->s[e] != '\n')
			e++;
		for (a = id->end; a + k <= e && memcmp(t->lw + a, " về ", k); a++)
			;
		id->title = a + k <= e ? dup_range(t, a + k, e)
				       : dup_range(t, cm_text_line_start(t->s, id->start), e);
	}
}

/* Year for every citation without one: an earlier (or later) dated mention
 * of the same number and symbol in the document. */
static int by_number_symbol(const cm_citation *x, const cm_citation *y)
{
	int r = strcmp(x->number, y->number);

	return r ? r : strcmp(x->symbol, y->symbol);
}

/* By number and symbol, then in document order. */
static int by_number_symbol_order(const void *a, const void *b)
{
	const cm_citation *x = *(const cm_citation *const *)a, *y = *(const cm_citation *const *)b;
	int r = by_number_symbol(x, y);

	return r ? r : (x > y) - (x < y);
}

/* The first of the n sorted dated citations with x's number and symbol. */
static const cm_citation *first_dated(const cm_citation *const *dated, size_t n,
				      const cm_citation *x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_number_symbol(dated[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && by_number_symbol(dated[lo], x) == 0 ? dated[lo] : NULL;
}

/* Sorted dated citations and binary searches, so that a text with very many
 * citations takes n log n, not n squared. */
static int inherit_years(cm_citations *c)
{
	const cm_citation **dated = malloc((c->n ? c->n : 1) * sizeof *dated);
	size_t n = 0;

	if (!dated)
		return cm_error_nomem();
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].date[0] && c->v[i].year)
			dated[n++] = &c->v[i];
	qsort(dated, n, sizeof *dated, by_number_symbol_order);
	for (size_t i = 0; i < c->n; i++) {
		cm_citation *x = &c->v[i];
		const cm_citation *d = x->year ? NULL : first_dated(dated, n, x);
		if (d)
			x->year = d->year;
		make_key(x->key, x->number, x->symbol, x->year);
	}
	free(dated);
	return 0;
}

static void map_back(cm_citations *c, const size_t *map)
{
	for (size_t i = 0; i < c->n; i++) {
		c->v[i].start = map[c->v[i].start];
		c->v[i].end = map[c->v[i].end];
	}
	if (c->self.end) {
		c->self.start = map[c->self.start];
		c->self.end = map[c->self.end];
	}
	for (size_t i = 0; i < c->nnamed; i++) {
		c->named[i].start = map[c->named[i].start];
		c->named[i].end = map[c->named[i].end];
	}
	for (size_t i = 0; i < c->nshort; i++) {
		c->shorts[i].start = map[c->shorts[i].start];
		c->shorts[i].end = map[c->shorts[i].end];
	}
}

int cm_citations_extract(cm_citations **out, const char *in, size_t len, const cm_dates *dates)
{
	text t = {0};
	char *canon = NULL, *lw = NULL;
	size_t clen, *map = NULL;
	cm_citations *c = NULL;
	int rc, oom = 0;

	if ((rc = cm_text_canon(&canon, &clen, &map, in, len)) < 0)
		return rc;
	if (!(lw = malloc(clen + 1)) || !(c = calloc(1, sizeof *c))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	cm_ctext_lower(lw, canon, clen);
	t = (text){canon, lw, clen, &oom};
	if ((rc = scan(c, &t, dates, map)) < 0)
		goto cleanup;
	cm_citations_share_lists(c, &t);
	if ((rc = cm_citations_named_refs(c, &t)) < 0)
		goto cleanup;
	identity(c, &t, dates, in);
	if ((rc = inherit_years(c)) < 0 || (rc = cm_citations_short_refs(c, &t)) < 0)
		goto cleanup;
	if (oom) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	map_back(c, map);
	*out = c;
	c = NULL;
cleanup:
	cm_citations_free(c);
	free(canon);
	free(lw);
	free(map);
	return rc;
}

void cm_citations_free(cm_citations *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].issuer);
		free(c->v[i].term);
		free(c->v[i].relation);
	}
	free(c->v);
	free(c->named);
	free(c->shorts);
	free(c->self.title);
	free(c->self.issuer);
	free(c->self.place);
	free(c);
}

int cm_citation_parse_ref(char out[CM_KEY_MAX], int *year, const char *ref)
{
	size_t len = strlen(ref);
	char *canon = NULL, *lw = NULL;
	size_t clen;
	const char *at = strchr(ref, '@');
	int rc = CM_EINVAL;

	int crc = cm_text_canon(&canon, &clen, NULL, ref, at ? (size_t)(at - ref) : len);

	if (crc < 0)
		return crc;
	if ((lw = malloc(clen + 1))) {
		text t;
		cm_ctext_lower(lw, canon, clen);
		t = (text){canon, lw, clen, NULL};
		for (size_t i = 0; i < clen; i++) {
			char number[32], symbol[96];
			size_t end;
			if (is_digit(canon[i]) && word_before_ok(&t, i) &&
			    symbol_at(&t, i, number, symbol, &end)) {
				*year = at ? atoi(at + 1) : 0;
				make_key(out, number, symbol, 0);
				rc = 0;
				break;
			}
		}
	}
	free(canon);
	free(lw);
	return rc == 0 ? 0
		       : cm_error_set(CM_EINVAL, "no document number in '%s' (e.g. 25-NQ/TW)", ref);
}

const char *cm_citation_issuer_code(const char *symbol)
{
	const char *slash = strchr(symbol, '/'), *dash = strchr(symbol, '-');

	if (slash && slash[1])
		return slash + 1;
	return dash && dash[1] ? dash + 1 : NULL;
}

const char *cm_citation_flag_name(unsigned flag)
{
	switch (flag) {
	case CM_CITE_TYPE_MISMATCH: return "type_mismatch";
	case CM_CITE_SHARED_TYPE: return "shared_type";
	case CM_CITE_SHARED_DATE: return "shared_date";
	case CM_CITE_SHARED_ISSUER: return "shared_issuer";
	case CM_CITE_IN_LIST: return "in_list";
	case CM_CITE_AMBIGUOUS: return "ambiguous";
	default: return NULL;
	}
}

const char *cm_citation_type_code(const char *type)
{
	for (size_t k = 0; type && k < sizeof types / sizeof types[0]; k++)
		if (!strcmp(types[k].name, type))
			return types[k].code;
	return NULL;
}

const char *cm_citation_type_code_before(const char *s, size_t at)
{
	for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
		size_t n = strlen(types[k].name);
		const char *w = s + at - 1 - n;

		if (!types[k].code || at < n + 1 || s[at - 1] != ' ')
			continue;
		if ((w[0] | 0x20) == (types[k].name[0] | 0x20) &&
		    memcmp(w + 1, types[k].name + 1, n - 1) == 0)
			return types[k].code;
	}
	return NULL;
}

const char *cm_citation_type_from_user(const char *s)
{
	char *canon = NULL, lw[64];
	size_t n;
	const char *found = NULL;

	if (cm_text_canon(&canon, &n, NULL, s, strlen(s)) < 0 || n >= sizeof lw) {
		free(canon);
		return NULL;
	}
	cm_ctext_lower(lw, canon, n);
	for (size_t k = 0; k < sizeof types / sizeof types[0] && !found; k++)
		if (!strcmp(lw, types[k].lower) || (types[k].code && !strcmp(canon, types[k].code)))
			found = types[k].name;
	free(canon);
	return found;
}
