/* SPDX-License-Identifier: GPL-2.0-or-later */

/* body.c: the table of bodies (chimuc/body.h) and the finder of their names
 * in canonical text (body.h).
 *
 * A name is a head from the table ("Ban Dân vận", "Ủy ban nhân dân",
 * "Tỉnh ủy", "Sở" + a name, "các" + a plural: "các huyện ủy") and a tail:
 * capitalized syllables, each followed by at most one lower-case one (the
 * second syllable of a word: "Tỉnh ủy", "Nhà báo", "Nội vụ"), level words
 * ("tỉnh", "các huyện, thành phố"), a quoted name, and "," / "và" / "-"
 * followed by a capitalized syllable that does not open another head
 * ("Sở Văn hóa, Thể thao và Du lịch"). Vietnamese writes names so; a verb
 * after the name ("chủ trì", "hướng dẫn") is two lower-case syllables and
 * ends it. */
#include "extract/body.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "chimuc/array.h"
#include "chimuc/error.h"
#include "chimuc/text.h"

enum {
	OWN = 1,   /* a body on its own: "Tỉnh ủy", "Bộ Chính trị" */
	NAMED = 2, /* a body when a capitalized name follows: "Sở Nội vụ" */
	MANY = 4,  /* a body after "các": "các huyện ủy", "các sở, ban, ngành" */
	LOWER = 8, /* a body in lower case too: "cấp huyện hoàn thành" */
	UNIT = 16  /* a territorial unit, named or numbered: "xã Khánh Hội", "ấp 8" */
};

typedef struct {
	const char *lower;
	unsigned kind;
	cm_body_level level;
} head;

/* Longer heads first where one opens another ("ban tuyên giáo và dân vận"
 * before "ban tuyên giáo"); the finder takes the longest match anyway. */
static const head heads[] = {
	{"ban thường vụ", OWN, CM_LEVEL_UNKNOWN},
	{"ban thường trực", OWN, CM_LEVEL_UNKNOWN},
	{"thường trực", OWN, CM_LEVEL_UNKNOWN},
	{"ban chấp hành", OWN, CM_LEVEL_UNKNOWN},
	{"ban bí thư", OWN, CM_LEVEL_CENTRAL},
	{"bộ chính trị", OWN, CM_LEVEL_CENTRAL},
	{"ban chỉ đạo", OWN, CM_LEVEL_UNKNOWN},
	{"ban tổ chức", OWN, CM_LEVEL_UNKNOWN},
	{"ban dân vận", OWN, CM_LEVEL_UNKNOWN},
	{"ban tuyên giáo và dân vận", OWN, CM_LEVEL_UNKNOWN},
	{"ban tuyên giáo", OWN, CM_LEVEL_UNKNOWN},
	{"ban kiểm tra", OWN, CM_LEVEL_UNKNOWN},
	{"ủy ban kiểm tra", OWN, CM_LEVEL_UNKNOWN},
	{"ban nội chính", OWN, CM_LEVEL_UNKNOWN},
	{"ban kinh tế", OWN, CM_LEVEL_UNKNOWN},
	{"ban cán sự đảng", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"đảng đoàn", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"ủy ban nhân dân", OWN, CM_LEVEL_UNKNOWN},
	{"hội đồng nhân dân", OWN, CM_LEVEL_UNKNOWN},
	{"ủy ban mặt trận tổ quốc", OWN, CM_LEVEL_UNKNOWN},
	{"mặt trận tổ quốc", OWN, CM_LEVEL_UNKNOWN},
	{"ủy ban bầu cử", OWN, CM_LEVEL_UNKNOWN},
	{"tỉnh ủy", OWN | MANY, CM_LEVEL_PROVINCE},
	{"đảng bộ", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"mặt trận", OWN, CM_LEVEL_UNKNOWN},
	{"hội nông dân", OWN, CM_LEVEL_UNKNOWN},
	{"hội liên hiệp phụ nữ", OWN, CM_LEVEL_UNKNOWN},
	{"hội cựu chiến binh", OWN, CM_LEVEL_UNKNOWN},
	{"đoàn thanh niên", OWN, CM_LEVEL_UNKNOWN},
	{"thành ủy", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"huyện ủy", OWN | MANY, CM_LEVEL_DISTRICT},
	{"quận ủy", OWN | MANY, CM_LEVEL_DISTRICT},
	{"thị ủy", OWN | MANY, CM_LEVEL_DISTRICT},
	{"đảng ủy", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"cấp ủy", OWN | MANY, CM_LEVEL_UNKNOWN},
	{"chi bộ", OWN | MANY, CM_LEVEL_COMMUNE},
	{"tỉnh đoàn", OWN, CM_LEVEL_PROVINCE},
	{"thành đoàn", OWN, CM_LEVEL_UNKNOWN},
	{"huyện đoàn", OWN, CM_LEVEL_DISTRICT},
	{"liên đoàn lao động", OWN, CM_LEVEL_UNKNOWN},
	{"công an", OWN, CM_LEVEL_UNKNOWN},
	{"chính phủ", OWN, CM_LEVEL_CENTRAL},
	{"thủ tướng chính phủ", OWN, CM_LEVEL_CENTRAL},
	{"quốc hội", OWN, CM_LEVEL_CENTRAL},
	{"cấp tỉnh", OWN | LOWER, CM_LEVEL_PROVINCE},
	{"cấp huyện", OWN | LOWER, CM_LEVEL_DISTRICT},
	{"cấp xã", OWN | LOWER, CM_LEVEL_COMMUNE},
	{"ubnd", OWN, CM_LEVEL_UNKNOWN},
	{"hđnd", OWN, CM_LEVEL_UNKNOWN},
	{"ubmttq", OWN, CM_LEVEL_UNKNOWN},
	{"mttq", OWN, CM_LEVEL_UNKNOWN},
	{"btv", OWN, CM_LEVEL_UNKNOWN},
	{"bdv", OWN, CM_LEVEL_UNKNOWN},
	{"btg", OWN, CM_LEVEL_UNKNOWN},
	{"bch", OWN, CM_LEVEL_UNKNOWN},
	{"ủy ban", NAMED, CM_LEVEL_UNKNOWN},
	{"ban", NAMED | MANY, CM_LEVEL_UNKNOWN},
	{"sở", NAMED | MANY, CM_LEVEL_PROVINCE},
	{"phòng", NAMED | MANY, CM_LEVEL_DISTRICT},
	{"hội", NAMED | MANY, CM_LEVEL_UNKNOWN},
	{"đoàn", NAMED, CM_LEVEL_UNKNOWN},
	{"bộ", NAMED | MANY, CM_LEVEL_CENTRAL},
	{"cục", NAMED, CM_LEVEL_UNKNOWN},
	{"tổng cục", NAMED, CM_LEVEL_CENTRAL},
	{"văn phòng", NAMED, CM_LEVEL_UNKNOWN},
	{"báo", NAMED, CM_LEVEL_UNKNOWN},
	{"đài", NAMED, CM_LEVEL_UNKNOWN},
	{"trung tâm", NAMED, CM_LEVEL_UNKNOWN},
	{"viện", NAMED, CM_LEVEL_UNKNOWN},
	{"chủ tịch", NAMED, CM_LEVEL_UNKNOWN},
	{"giám đốc", NAMED, CM_LEVEL_UNKNOWN},
	{"thủ trưởng", NAMED | MANY, CM_LEVEL_UNKNOWN},
	{"bí thư", NAMED, CM_LEVEL_UNKNOWN},
	{"tuyên huấn", NAMED, CM_LEVEL_UNKNOWN},
	{"ngành", MANY, CM_LEVEL_UNKNOWN},
	{"cơ quan", MANY, CM_LEVEL_UNKNOWN},
	{"đơn vị", MANY, CM_LEVEL_UNKNOWN},
	{"địa phương", MANY, CM_LEVEL_UNKNOWN},
	{"tổ chức chính trị - xã hội", MANY, CM_LEVEL_UNKNOWN},
	{"tổ chức chính trị- xã hội", MANY, CM_LEVEL_UNKNOWN},
	{"tổ chức chính trị-xã hội", MANY, CM_LEVEL_UNKNOWN},
	{"đoàn thể", MANY, CM_LEVEL_UNKNOWN},
	{"thành viên", MANY, CM_LEVEL_UNKNOWN},
	{"huyện", NAMED | MANY | UNIT, CM_LEVEL_DISTRICT},
	{"thành phố", MANY, CM_LEVEL_UNKNOWN},
	{"thị xã", NAMED | MANY | UNIT, CM_LEVEL_DISTRICT},
	{"xã", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"phường", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"thị trấn", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"ấp", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"khóm", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"thôn", NAMED | MANY | UNIT, CM_LEVEL_COMMUNE},
	{"tổ dân phố", MANY, CM_LEVEL_COMMUNE},
	{"khu dân cư", MANY, CM_LEVEL_COMMUNE},
};

/* Lower-case words after a name that belong to it, with the level they give. */
static const struct {
	const char *lower;
	cm_body_level level;
} levels[] = {
	{"trung ương", CM_LEVEL_CENTRAL}, {"tỉnh", CM_LEVEL_PROVINCE},
	{"thành phố", CM_LEVEL_UNKNOWN},  {"huyện", CM_LEVEL_DISTRICT},
	{"quận", CM_LEVEL_DISTRICT},      {"thị xã", CM_LEVEL_DISTRICT},
	{"xã", CM_LEVEL_COMMUNE},         {"phường", CM_LEVEL_COMMUNE},
	{"thị trấn", CM_LEVEL_COMMUNE},   {"cấp tỉnh", CM_LEVEL_PROVINCE},
	{"cấp huyện", CM_LEVEL_DISTRICT}, {"cấp xã", CM_LEVEL_COMMUNE},
	{"các cấp", CM_LEVEL_UNKNOWN},    {"trực thuộc", CM_LEVEL_UNKNOWN},
	{"nhân dân", CM_LEVEL_UNKNOWN},   {"cấp cơ sở", CM_LEVEL_COMMUNE},
	{"cơ sở", CM_LEVEL_COMMUNE},      {"và tương đương", CM_LEVEL_UNKNOWN},
	{"còn lại", CM_LEVEL_UNKNOWN},
};

/* Capitalized words that give a level. */
static const struct {
	const char *lower;
	cm_body_level level;
} named_levels[] = {
	{"trung ương", CM_LEVEL_CENTRAL}, {"tw", CM_LEVEL_CENTRAL},
	{"tỉnh ủy", CM_LEVEL_PROVINCE},   {"huyện ủy", CM_LEVEL_DISTRICT},
	{"quận ủy", CM_LEVEL_DISTRICT},   {"thị ủy", CM_LEVEL_DISTRICT},
};

/* Abbreviations written out in a key (cm_body_key): as written, or typed in
 * lower case without marks ("mttq", "bcd"), which no Vietnamese syllable
 * is; the two-letter ones only as written, since "tu" or "hu" typed in a
 * query are words (tư, từ, hư). */
static const struct {
	const char *abbr, *full, *typed;
} abbrevs[] = {
	{"BTV", "Ban Thường vụ", "btv"},
	{"BTT", "Ban Thường trực", "btt"},
	{"BDV", "Ban Dân vận", "bdv"},
	{"BTG", "Ban Tuyên giáo", "btg"},
	{"BTC", "Ban Tổ chức", "btc"},
	{"BCH", "Ban Chấp hành", "bch"},
	{"BCĐ", "Ban Chỉ đạo", "bcd"},
	{"UBKT", "Ủy ban Kiểm tra", "ubkt"},
	{"UBND", "Ủy ban nhân dân", "ubnd"},
	{"HĐND", "Hội đồng nhân dân", "hdnd"},
	{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc", "ubmttq"},
	{"MTTQ", "Mặt trận Tổ quốc", "mttq"},
	{"LĐLĐ", "Liên đoàn Lao động", "ldld"},
	{"TW", "Trung ương", NULL},
	{"TU", "Tỉnh ủy", NULL},
	{"HU", "Huyện ủy", NULL},
	{"VP", "Văn phòng", NULL},
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static UChar32 cp_at(const char *s, size_t n, size_t at, size_t *len)
{
	int32_t i = (int32_t)at;
	UChar32 c;

	if (at >= n || n > INT32_MAX) {
		*len = 0;
		return -1;
	}
	U8_NEXT(s, i, (int32_t)n, c);
	*len = (size_t)i - at;
	return c;
}

static int is_word_cp(UChar32 c)
{
	return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) > 0);
}

/* The end of the word at `at` (letters and digits), `at` if none. */
static size_t word_end(const char *s, size_t n, size_t at)
{
	size_t k;

	for (;;) {
		while (at < n && is_word_cp(cp_at(s, n, at, &k)))
			at += k;
		if (at + 1 >= n || s[at] != '&' || !cm_is_capital(s, n, at + 1))
			return at; /* an abbreviation goes on after '&': "GD&ĐT" */
		at++;
	}
}

int cm_is_capital(const char *s, size_t n, size_t at)
{
	size_t k;
	UChar32 c = cp_at(s, n, at, &k);

	return c >= 0 && (u_isupper(c) || u_istitle(c));
}

size_t cm_phrase_at(const char *s, size_t n, size_t at, const char *lower)
{
	size_t i = at, j = 0, k, m = strlen(lower);

	while (j < m) {
		UChar32 a = cp_at(s, n, i, &k), b;
		size_t kb;

		if (a < 0)
			return 0;
		b = cp_at(lower, m, j, &kb);
		if (u_tolower(a) != b)
			return 0;
		i += k;
		j += kb;
	}
	return is_word_cp(cp_at(s, n, i, &k)) ? 0 : i - at;
}

size_t cm_skip_spaces(const char *s, size_t n, size_t at)
{
	while (at < n && (s[at] == ' ' || s[at] == '\t'))
		at++;
	return at;
}

/* Words that open like a head but name no body. */
static const char *const not_heads[] = {
	"bộ phận",    "ban hành", "hội nghị", "hội thảo", "hội thi", "đoàn kết",     "phòng chống",
	"phòng ngừa", "sở dĩ",    "cục bộ",   "báo cáo",  "báo chí", "công an toàn",
};

/* The longest head at `at` whose kind has one of the bits of want; its
 * bytes, 0 if none. */
static size_t head_at(const char *s, size_t n, size_t at, unsigned want, const head **out)
{
	size_t best = 0;

	for (size_t i = 0; i < N_OF(not_heads); i++)
		if (cm_phrase_at(s, n, at, not_heads[i]))
			return 0;

	for (size_t i = 0; i < N_OF(heads); i++) {
		size_t k;

		if (!(heads[i].kind & want) || (k = cm_phrase_at(s, n, at, heads[i].lower)) <= best)
			continue;
		best = k;
		*out = &heads[i];
	}
	return best;
}

static size_t level_word_at(const char *s, size_t n, size_t at, cm_body_level *level)
{
	for (size_t i = 0; i < N_OF(levels); i++) {
		size_t k = cm_phrase_at(s, n, at, levels[i].lower);

		if (k) {
			if (!*level)
				*level = levels[i].level;
			return k;
		}
	}
	return 0;
}

static void named_level(const char *s, size_t n, size_t at, cm_body_level *level)
{
	for (size_t i = 0; i < N_OF(named_levels) && !*level; i++)
		if (cm_phrase_at(s, n, at, named_levels[i].lower))
			*level = named_levels[i].level;
}

/* 1 if a capitalized syllable at `at` opens a new body (a list's next
 * item), not more of this one's name. */
static int opens_body(const char *s, size_t n, size_t at)
{
	const head *h;
	size_t k = head_at(s, n, at, OWN | NAMED, &h);

	return k && (h->kind & OWN || cm_is_capital(s, n, cm_skip_spaces(s, n, at + k)));
}

/* A quoted name right at `at` ("Dân vận khéo"; canonical text has straight
 * quotes only): its bytes, else 0. */
static size_t quoted_at(const char *s, size_t n, size_t at)
{
	if (at >= n || s[at] != '"' || !cm_is_capital(s, n, at + 1))
		return 0;
	for (size_t i = at + 1; i < n && s[i] != '\n'; i++)
		if (s[i] == '"')
			return i + 1 - at;
	return 0;
}

/* 1 if the word [at, end) is an abbreviation in capitals ("UBND", "GD&ĐT"),
 * which no lower-case syllable finishes. */
static int all_caps(const char *s, size_t n, size_t at, size_t end)
{
	size_t k, letters = 0;

	for (size_t i = at; i < end; i += k) {
		UChar32 c = cp_at(s, n, i, &k);

		if (u_isalpha(c) && !u_isupper(c))
			return 0;
		letters += u_isalpha(c) != 0;
		if (!k)
			break;
	}
	return letters >= 2;
}

/* Function words, which never finish a name's syllable ("Trung ương Đảng
 * về …", "Tỉnh ủy Tuyên Quang tại …"). */
static const char *const function_words[] = {"và",  "các",  "về",    "của", "tại", "với",
					     "cho", "theo", "trong", "từ",  "đến", "sẽ",
					     "đã",  "là",   "được",  "để"};

/* A lower-case syllable at `at` that can finish a capitalized one ("ủy" of
 * "Tỉnh ủy", "vụ" of "Nội vụ"): its end, else `at`. */
static size_t second_syllable(const char *s, size_t n, size_t at)
{
	size_t k, e;
	UChar32 c = cp_at(s, n, at, &k);

	if (c < 0 || !u_isalpha(c) || cm_is_capital(s, n, at) ||
	    level_word_at(s, n, at, &(cm_body_level){0}))
		return at;
	for (size_t i = 0; i < N_OF(function_words); i++)
		if (cm_phrase_at(s, n, at, function_words[i]))
			return at;
	e = word_end(s, n, at);
	return e;
}

static size_t many_at(const char *s, size_t n, size_t at, cm_body_level *level);
static size_t plurals_after(const char *s, size_t n, size_t end, cm_body_level *level);

/* The sectors a Party unit is named by ("đảng bộ cơ quan, trường học, lực
 * lượng vũ trang trực thuộc Huyện ủy"). */
static const char *const sectors[] = {"cơ quan", "trường học", "lực lượng vũ trang", "doanh nghiệp",
				      "bệnh viện"};

static size_t sector_at(const char *s, size_t n, size_t at)
{
	for (size_t i = 0; i < N_OF(sectors); i++) {
		size_t k = cm_phrase_at(s, n, at, sectors[i]);

		if (k)
			return k;
	}
	return 0;
}

#define QUOTE_LEAD 2 /* lower-case syllables a quoted name may follow */

/* A quoted name after at most QUOTE_LEAD lower-case syllables at `at`
 * ("thi đua "Dân vận khéo""): its bytes with them, else 0. */
static size_t lower_then_quoted(const char *s, size_t n, size_t at)
{
	size_t p = at, k;

	for (int i = 0; i <= QUOTE_LEAD; i++) {
		size_t e;

		if ((k = quoted_at(s, n, p)))
			return i ? p + k - at : 0;
		if (cm_is_capital(s, n, p) || (e = word_end(s, n, p)) == p)
			return 0;
		p = cm_skip_spaces(s, n, e);
	}
	return 0;
}

/* The end of the tail of a name that starts at `at` (after its head). A
 * run of capitalized syllables is a proper name ("Tuyên Quang"); only the
 * first of a run takes a lower-case second syllable ("Nội vụ"), so that a
 * verb after a place name ("Tỉnh ủy Tuyên Quang chỉ đạo") stays out. */
static size_t tail_end(const char *s, size_t n, size_t at, cm_body_level *level)
{
	size_t end = at, run = 0;

	for (;;) {
		size_t p = cm_skip_spaces(s, n, end), k, e;
		const head *h;

		if (p < n && (s[p] == ',' || (s[p] == '-' && p + 1 < n && s[p + 1] == ' '))) {
			size_t q = cm_skip_spaces(s, n, p + 1);

			if (!cm_is_capital(s, n, q) || opens_body(s, n, q) ||
			    (s[p] == '-' && head_at(s, n, q, MANY, &h)))
				return end; /* a dash before "Cơ quan …" opens its role */
			p = q;
		} else if ((k = cm_phrase_at(s, n, p, "và")) &&
			   !cm_phrase_at(s, n, p, "và tương đương")) {
			size_t q = cm_skip_spaces(s, n, p + k);

			if (!cm_is_capital(s, n, q) || opens_body(s, n, q))
				return end;
			p = q;
		} else if (p == end && end > at) {
			return end; /* punctuation ends the name */
		} else if (cm_is_capital(s, n, p) && (k = head_at(s, n, p, OWN | NAMED, &h))) {
			named_level(s, n, p, level); /* "Văn phòng Tỉnh ủy" */
			if (!*level)
				*level = h->level;
			end = p + k;
			run = 0;
			continue;
		} else if ((k = cm_phrase_at(s, n, p, "của")) &&
			   (e = level_word_at(s, n, cm_skip_spaces(s, n, p + k), level))) {
			end = cm_skip_spaces(s, n, p + k) + e; /* "Ban Chỉ đạo của tỉnh" */
			run = 0;
			continue;
		} else if ((k = cm_phrase_at(s, n, p, "trực thuộc")) &&
			   (e = cm_body_at(s, n, cm_skip_spaces(s, n, p + k), 1,
					   &(cm_body_level){0}))) {
			end = cm_skip_spaces(s, n, p + k) +
			      e; /* "chi bộ trực thuộc đảng ủy cơ sở" */
			run = 0;
			continue;
		} else if (!cm_is_capital(s, n, p) && (k = sector_at(s, n, p))) {
			end = p + k;
			run = 0;
			while (end < n && s[end] == ',' &&
			       (k = sector_at(s, n, cm_skip_spaces(s, n, end + 1))))
				end = cm_skip_spaces(s, n, end + 1) + k; /* "cơ quan, trường học" */
			continue;
		} else if ((k = many_at(s, n, p, level)) || (k = level_word_at(s, n, p, level)) ||
			   (k = quoted_at(s, n, p))) {
			end = p + k;
			run = 0;
			while (end < n && s[end] == ',' &&
			       (k = level_word_at(s, n, cm_skip_spaces(s, n, end + 1), level)))
				end = cm_skip_spaces(s, n, end + 1) + k; /* "xã, thị trấn" */
			continue;
		}
		if ((k = lower_then_quoted(s, n, p))) { /* Phong trào thi đua "Dân vận khéo" */
			end = p + k;
			run = 0;
			continue;
		}
		if (!cm_is_capital(s, n, p) || (e = word_end(s, n, p)) == p)
			return end;
		named_level(s, n, p, level);
		end = e;
		if (run++ == 0 && !all_caps(s, n, p, e) && (p = cm_skip_spaces(s, n, end)) > end &&
		    (e = second_syllable(s, n, p)) > p) {
			end = e;
			run = 0;
		}
	}
}

/* The end of the plurals listed after `end` (", ban, ngành", " và địa
 * phương"), end itself if none. */
static size_t plurals_after(const char *s, size_t n, size_t end, cm_body_level *level)
{
	for (;;) {
		const head *h;
		size_t q = end, m;

		if (q < n && s[q] == ',')
			q++;
		else if ((m = cm_phrase_at(s, n, cm_skip_spaces(s, n, q), "và")))
			q = cm_skip_spaces(s, n, q) + m;
		else
			return end;
		q = cm_skip_spaces(s, n, q);
		if ((m = cm_phrase_at(s, n, q, "thị")) && q + m < n && s[q + m] == ',') {
			end = q + m; /* "các huyện, thị, thành phố": "thị" for "thị xã" */
			continue;
		}
		if (!(m = head_at(s, n, q, MANY, &h)) || cm_is_capital(s, n, q))
			return end;
		end = tail_end(s, n, q + m, level);
	}
}

/* The bytes of "các" and a list of plurals at `at` ("các sở, ban, ngành",
 * "các huyện ủy, thành ủy, đảng ủy trực thuộc"), 0 if none. */
static size_t many_at(const char *s, size_t n, size_t at, cm_body_level *level)
{
	const head *h;
	size_t k = cm_phrase_at(s, n, at, "các"), p;

	if (!k)
		return 0;
	p = cm_skip_spaces(s, n, at + k);
	if (!(k = head_at(s, n, p, MANY, &h)))
		return 0;
	if (!*level)
		*level = h->level;
	return plurals_after(s, n, tail_end(s, n, p + k, level), level) - at;
}

/* The end of "thuộc (đơn vị) X" at `at`, X a body or a level word and its
 * capitalized name ("thuộc đơn vị thành phố Cao Bằng"), 0 if none. */
static size_t part_of(const char *s, size_t n, size_t at, cm_body_level *level)
{
	size_t k = cm_phrase_at(s, n, at, "thuộc"), p, e;
	cm_body_level l;

	if (!k)
		return 0;
	p = cm_skip_spaces(s, n, at + k);
	if ((k = cm_phrase_at(s, n, p, "đơn vị")))
		p = cm_skip_spaces(s, n, p + k);
	if ((k = cm_body_at(s, n, p, 1, &l)))
		return p + k;
	if (!(k = level_word_at(s, n, p, &l)) ||
	    !cm_is_capital(s, n, e = cm_skip_spaces(s, n, p + k)))
		return 0;
	if (!*level)
		*level = l;
	return tail_end(s, n, e, level);
}

size_t cm_body_at(const char *s, size_t n, size_t at, int any_case, cm_body_level *level)
{
	const head *h = NULL;
	size_t k, end;

	*level = CM_LEVEL_UNKNOWN;
	if ((k = many_at(s, n, at, level)))
		return k;
	if (!(k = head_at(s, n, at, OWN | NAMED, &h)) ||
	    !(any_case || cm_is_capital(s, n, at) || h->kind & LOWER))
		return 0;
	if (!(h->kind & OWN) && h->kind & MANY && at + k < n && s[at + k] == ',' &&
	    (end = plurals_after(s, n, at + k, level)) > at + k)
		return end - at; /* "Bộ, cơ quan", "Sở, ngành" */
	if (h->kind & UNIT && (end = cm_skip_spaces(s, n, at + k)) < n && s[end] >= '0' &&
	    s[end] <= '9') { /* "ấp 8" */
		while (end < n && s[end] >= '0' && s[end] <= '9')
			end++;
		*level = h->level;
		return tail_end(s, n, end, level) - at;
	}
	if (h->kind & UNIT && (end = part_of(s, n, cm_skip_spaces(s, n, at + k), level))) {
		*level = h->level;
		return end - at; /* "xã thuộc thành phố Cao Bằng" */
	}
	if (!(h->kind & OWN) && !cm_is_capital(s, n, cm_skip_spaces(s, n, at + k)) &&
	    !many_at(s, n, cm_skip_spaces(s, n, at + k), &(cm_body_level){0}) &&
	    !cm_phrase_at(s, n, cm_skip_spaces(s, n, at + k), "cấp"))
		return 0; /* "Sở Nội vụ", "Thủ trưởng các sở", "Đoàn cấp cơ sở" */
	*level = h->level;
	end = tail_end(s, n, at + k, level);
	if (!(h->kind & OWN) && end == at + k) { /* "Thủ trưởng các sở, ban, ngành" */
		size_t p = cm_skip_spaces(s, n, end), m = many_at(s, n, p, level);

		if (m)
			end = p + m;
	}
	return end - at;
}

size_t cm_body_list_at(const char *s, size_t n, size_t at, int any_case, size_t *count,
		       cm_body_level *level)
{
	size_t end = at, k;
	cm_body_level l;

	*count = 0;
	*level = CM_LEVEL_UNKNOWN;
	while ((k = cm_body_at(s, n, end, any_case, &l))) {
		size_t p = end + k, m;

		if (!(*count)++)
			*level = l;
		end = p;
		if (p < n && (s[p] == ',' || s[p] == ';'))
			p = cm_skip_spaces(s, n, p + 1);
		else if ((m = cm_phrase_at(s, n, cm_skip_spaces(s, n, p), "và")))
			p = cm_skip_spaces(s, n, cm_skip_spaces(s, n, p) + m);
		else
			break;
		if (!cm_body_at(s, n, p, any_case, &l))
			break;
		end = p;
	}
	return *count ? end - at : 0;
}

const char *cm_body_level_name(cm_body_level level)
{
	switch (level) {
	case CM_LEVEL_CENTRAL: return "central";
	case CM_LEVEL_PROVINCE: return "province";
	case CM_LEVEL_DISTRICT: return "district";
	case CM_LEVEL_COMMUNE: return "commune";
	default: return NULL;
	}
}

typedef cm_array_t(char) key_buf;

static int put(key_buf *key, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *c = cm_array_alloc(*key);

		if (!c)
			return CM_ENOMEM;
		*c = bytes[i];
	}
	return 0;
}

/* Appends the word s[0, n) folded (lower case, no marks, đ as d) to key,
 * after a space unless key is empty. */
static int fold_word(key_buf *key, const char *s, size_t n)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);

	if (U_FAILURE(err))
		return cm_error_set(CM_ERROR, "ICU: %s", u_errorName(err));
	if (key->size && put(key, " ", 1) < 0)
		return CM_ENOMEM;
	for (size_t i = 0, k; i < n; i += k) {
		UChar32 c = u_tolower(cp_at(s, n, i, &k));
		UChar buf[8];
		char out[4];
		int32_t m, o = 0;

		if (c == 0x111)
			c = 'd';
		err = U_ZERO_ERROR;
		if (c >= 0x80 && (m = unorm2_getDecomposition(nfd, c, buf, 8, &err)) > 0 &&
		    U_SUCCESS(err))
			U16_GET(buf, 0, 0, m, c);
		U8_APPEND_UNSAFE(out, o, c);
		if (put(key, out, (size_t)o) < 0)
			return CM_ENOMEM;
	}
	return 0;
}

/* 1 if the word s[0, n) is abbr (NULL: none). */
static int is_abbrev(const char *s, size_t n, const char *abbr)
{
	return abbr && strlen(abbr) == n && !memcmp(s, abbr, n);
}

/* Appends the words of s[0, n) to key, an abbreviation as its words. */
static int key_words(key_buf *key, const char *s, size_t n, int expand)
{
	for (size_t i = 0, k; i < n;) {
		size_t e = word_end(s, n, i);
		int rc = 0, done = 0;

		if (e == i) {
			cp_at(s, n, i, &k);
			i += k ? k : 1;
			continue;
		}
		for (size_t a = 0; expand && a < N_OF(abbrevs) && !done; a++)
			if (is_abbrev(s + i, e - i, abbrevs[a].abbr) ||
			    is_abbrev(s + i, e - i, abbrevs[a].typed)) {
				rc = key_words(key, abbrevs[a].full, strlen(abbrevs[a].full), 0);
				done = 1;
			}
		if (!done)
			rc = fold_word(key, s + i, e - i);
		if (rc < 0)
			return rc;
		i = e;
	}
	return 0;
}

int cm_body_key(char **out, const char *name, size_t len)
{
	key_buf key = CM_ARRAY_INIT;
	char *canon = NULL;
	size_t clen;
	int rc;

	*out = NULL;
	if ((rc = cm_text_canon(&canon, &clen, NULL, name, len)) < 0)
		return rc;
	if ((rc = key_words(&key, canon, clen, 1)) < 0 || (rc = put(&key, "", 1)) < 0) {
		cm_array_clear(key);
		if (rc == CM_ENOMEM)
			rc = cm_error_nomem();
		goto cleanup;
	}
	*out = key.ptr;
cleanup:
	free(canon);
	return rc;
}

int cm_body_key_matches(const char *name_key, const char *query_key)
{
	size_t m = strlen(query_key);

	for (const char *p = name_key; m && (p = strstr(p, query_key)); p++)
		if ((p == name_key || p[-1] == ' ') && (p[m] == '\0' || p[m] == ' '))
			return 1;
	return 0;
}

int cm_body_matches(const char *name, const char *query)
{
	char *kn = NULL, *kq = NULL;
	int rc;

	if ((rc = cm_body_key(&kn, name, strlen(name))) < 0 ||
	    (rc = cm_body_key(&kq, query, strlen(query))) < 0)
		goto cleanup;
	rc = cm_body_key_matches(kn, kq);
cleanup:
	free(kn);
	free(kq);
	return rc;
}
