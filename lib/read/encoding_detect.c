/* SPDX-License-Identifier: GPL-2.0-or-later */

/* encoding_detect.c: tells the encodings of Vietnamese text apart
 * (cm_encoding_detect of chimuc/encoding.h). It reads at most the first
 * DETECT_WINDOW bytes, once per candidate, in constant memory: each legacy
 * candidate decodes the bytes on the fly into words, and scores the share of
 * words holding a non-ASCII byte that form a Vietnamese syllable (onset,
 * vowel nucleus, coda, one tone). */
#include "chimuc/encoding.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "read/encoding_tables.h"
#include "text/vnchar.h"

#define DETECT_WINDOW (256 * 1024) /* bytes detection looks at */
#define MIN_HIGH_BYTES 8           /* fewer non-ASCII bytes: uncertain */
#define MARGIN 0.10                /* top two scores closer: uncertain */
#define HINT_MARGIN 0.10           /* the hint wins this close to the best */
#define MIN_SCORE 0.5              /* a worse best score: uncertain */
#define MAX_WORD 8                 /* longer words are no syllable */

enum { SHAPE_NONE, SHAPE_CIRC, SHAPE_BREVE, SHAPE_HORN, SHAPE_STROKE };

/* A letter of a word: its lowercase ASCII base and the mark that shapes it. */
typedef struct {
	char base;
	unsigned char shape;
} vletter;

typedef struct {
	vletter l[MAX_WORD];
	int n;        /* letters, up to MAX_WORD */
	UChar32 tone; /* the word's tone mark, 0 if none */
	int tone_at;  /* the letter carrying it */
	int broken;   /* no Vietnamese syllable whatever follows */
	int high;     /* holds a decoded non-ASCII byte */
} word;

typedef struct {
	const uint16_t (*map)[2];
	word w;
	size_t good, bad; /* words (and symbols) from non-ASCII bytes */
} scorer;

static const struct {
	char base;
	unsigned char shape;
	const char *utf8;
} shaped_letters[] = {
	{'a', SHAPE_BREVE, "ă"},  {'a', SHAPE_CIRC, "â"}, {'e', SHAPE_CIRC, "ê"},
	{'o', SHAPE_CIRC, "ô"},   {'o', SHAPE_HORN, "ơ"}, {'u', SHAPE_HORN, "ư"},
	{'d', SHAPE_STROKE, "đ"},
};

static const char *const onsets[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d",
	"đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x", "",
};

static const char *const nuclei[] = {
	"a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",   "ư",
	"y",   "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "ia",  "iê",
	"iu",  "oa",  "oă",  "oe",  "oi",  "oo",  "ôi",  "ơi",  "ua",  "uâ",  "uê",
	"ui",  "uô",  "uơ",  "uy",  "ưa",  "ưi",  "ưu",  "ươ",  "yê",  "iêu", "yêu",
	"oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
};

static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

static int is_stop(const char *coda)
{
	return *coda == 'c' || *coda == 'p' || *coda == 't';
}

static int is_vowel(char base)
{
	return strchr("aeiouy", base) != NULL;
}

/* 1 if s splits into onset, nucleus and coda, the tone fitting the coda
 * (a syllable ending in c, ch, p or t takes sắc or nặng). */
static int parses(const char *s, UChar32 tone)
{
	for (size_t i = 0; i < sizeof onsets / sizeof *onsets; i++) {
		size_t no = strlen(onsets[i]);
		if (strncmp(s, onsets[i], no))
			continue;
		for (size_t j = 0; j < sizeof nuclei / sizeof *nuclei; j++) {
			size_t nn = strlen(nuclei[j]);
			if (strncmp(s + no, nuclei[j], nn))
				continue;
			for (size_t k = 0; k < sizeof codas / sizeof *codas; k++)
				if (!strcmp(s + no + nn, codas[k]) &&
				    (!is_stop(codas[k]) || tone == 0x0301 || tone == 0x0323))
					return 1;
		}
	}
	return 0;
}

/* 1 if w is a Vietnamese syllable. */
static int syllable_ok(const word *w)
{
	char s[MAX_WORD * 2 + 1];
	size_t n = 0;

	if (w->broken || (w->tone && !is_vowel(w->l[w->tone_at].base)))
		return 0;
	for (int i = 0; i < w->n; i++) {
		const char *shaped = NULL;
		if (w->l[i].shape == SHAPE_NONE) {
			s[n++] = w->l[i].base;
			continue;
		}
		for (size_t k = 0; k < sizeof shaped_letters / sizeof *shaped_letters; k++)
			if (shaped_letters[k].base == w->l[i].base &&
			    shaped_letters[k].shape == w->l[i].shape)
				shaped = shaped_letters[k].utf8;
		if (!shaped)
			return 0;
		memcpy(s + n, shaped, 2);
		n += 2;
	}
	s[n] = '\0';
	return parses(s, w->tone);
}

static void add_letter(word *w, int base, int shape)
{
	if (w->n == MAX_WORD || base < 'a' || base > 'z') {
		w->broken = 1;
		return;
	}
	w->l[w->n].base = (char)base;
	w->l[w->n++].shape = (unsigned char)shape;
}

static int shape_of(UChar32 mark)
{
	switch (mark) {
	case 0x0302: return SHAPE_CIRC;
	case 0x0306: return SHAPE_BREVE;
	case 0x031B: return SHAPE_HORN;
	default: return SHAPE_NONE;
	}
}

static int is_tone(UChar32 mark)
{
	return mark == 0x0300 || mark == 0x0301 || mark == 0x0303 || mark == 0x0309 ||
	       mark == 0x0323;
}

static void add_mark(word *w, UChar32 mark)
{
	int shape = shape_of(mark);

	if (w->n == 0 || w->broken)
		w->broken = 1;
	else if (shape && !w->l[w->n - 1].shape)
		w->l[w->n - 1].shape = (unsigned char)shape;
	else if (is_tone(mark) && !w->tone) {
		w->tone = mark;
		w->tone_at = w->n - 1;
	} else
		w->broken = 1;
}

/* Adds letter or mark c to w, split into its base and marks. */
static void add_char(word *w, UChar32 c)
{
	UChar d[4];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n;

	if (c < 0x80) {
		add_letter(w, cm_ascii_lower((int)c), SHAPE_NONE);
		return;
	}
	if (c == 0x0110 || c == 0x0111) {
		add_letter(w, 'd', SHAPE_STROKE);
		return;
	}
	if (cm_is_mark(c)) {
		add_mark(w, c);
		return;
	}
	n = cm_nfd() ? unorm2_getDecomposition(cm_nfd(), c, d, 4, &e) : -1;
	if (U_FAILURE(e) || n < 2 || d[0] >= 0x80) {
		w->broken = 1;
		return;
	}
	add_letter(w, cm_ascii_lower(d[0]), SHAPE_NONE);
	for (int32_t i = 1; i < n; i++)
		add_mark(w, d[i]);
}

static void end_word(scorer *s)
{
	if (s->w.high) {
		if (syllable_ok(&s->w))
			s->good++;
		else
			s->bad++;
	}
	memset(&s->w, 0, sizeof s->w);
}

/* Punctuation the legacy encodings share: no evidence either way. */
static int is_neutral(UChar32 c)
{
	static const UChar32 neutral[] = {0x00A0, 0x00A7, 0x00AB, 0x00B0, 0x00BB, 0x2013, 0x2014,
					  0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026};

	for (size_t i = 0; i < sizeof neutral / sizeof *neutral; i++)
		if (neutral[i] == c)
			return 1;
	return 0;
}

static void score_char(scorer *s, UChar32 c, int high)
{
	if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (u_isalpha(c) || cm_is_mark(c))) {
		add_char(&s->w, c);
		s->w.high |= high;
		return;
	}
	end_word(s);
	if (high && !is_neutral(c))
		s->bad++;
}

static void score_byte(scorer *s, unsigned char b)
{
	if (b < 0x80) {
		score_char(s, b, 0);
		return;
	}
	score_char(s, cm_byte_map_first(s->map, b), 1);
	if (s->map[b - 0x80][1])
		score_char(s, s->map[b - 0x80][1], 1);
}

static double score_of(const scorer *s)
{
	return s->good + s->bad ? (double)s->good / (double)(s->good + s->bad) : 0.0;
}

/* windows-1258's bytes 0x80-0xFF as a map, from ICU; -1 if ICU lacks it. */
static int cp1258_map(cm_byte_map map)
{
	char bytes[128];
	UChar units[128];
	UErrorCode e = U_ZERO_ERROR;
	UConverter *cnv;
	int32_t n;

	for (int i = 0; i < 128; i++)
		bytes[i] = (char)(0x80 + i);
	if (!(cnv = ucnv_open("windows-1258", &e)))
		return -1;
	n = ucnv_toUChars(cnv, units, 128, bytes, 128, &e);
	ucnv_close(cnv);
	if (U_FAILURE(e) || n != 128)
		return -1;
	for (int i = 0; i < 128; i++) {
		map[i][0] = units[i];
		map[i][1] = 0;
	}
	return 0;
}

/* 1 if the n bytes at p look like UTF-16 in the byte order of enc: a
 * quarter of their high bytes at least are zero. */
static int fits_utf16(cm_encoding enc, const unsigned char *p, size_t n)
{
	size_t zeros = 0, high = enc == CM_ENC_UTF16BE ? 0 : 1;

	for (size_t i = high; i + 1 - high < n; i += 2)
		zeros += p[i] == 0;
	return n >= 2 && zeros * 4 >= n / 2;
}

/* Counts the non-ASCII bytes of p, and its valid and invalid UTF-8
 * multibyte sequences (one cut at the end of a window cut from longer
 * input counts as valid). */
static void scan_utf8(size_t *high, size_t *valid, size_t *invalid, const char *p, size_t n,
		      int cut)
{
	size_t pos = 0;

	*high = *valid = *invalid = 0;
	while (pos < n) {
		size_t at = pos;
		if ((unsigned char)p[pos] < 0x80) {
			pos++;
			continue;
		}
		if (cm_u8_next(p, n, &pos) < 0 && !(cut && pos == n))
			(*invalid)++;
		else
			(*valid)++;
		*high += pos - at;
	}
}

/* 1 if p reads as UTF-8: valid, or with fewer damaged sequences than good
 * ones (they are replaced and counted), since legacy 8-bit text almost never
 * forms a valid sequence. *high as for scan_utf8. */
static int looks_utf8(size_t *high, const char *p, size_t n, int cut)
{
	size_t valid, invalid;

	scan_utf8(high, &valid, &invalid, p, n, cut);
	return invalid == 0 || valid > invalid;
}

static const cm_encoding candidates[] = {CM_ENC_CP1258, CM_ENC_TCVN3, CM_ENC_VNI};

/* Scores each legacy candidate on the n bytes at p into score[]. */
static void score_legacy(double score[3], const unsigned char *p, size_t n)
{
	cm_byte_map cp1258;
	scorer s[3] = {
		{.map = (const uint16_t(*)[2])cp1258}, {.map = cm_tcvn3_map}, {.map = cm_vni_map}};
	int have_cp1258 = cp1258_map(cp1258) == 0;

	for (int k = 0; k < 3; k++) {
		if (k == 0 && !have_cp1258) {
			score[k] = 0.0;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			score_byte(&s[k], p[i]);
		end_word(&s[k]);
		score[k] = score_of(&s[k]);
	}
}

/* The candidate chosen by score and hint; *uncertain as documented. */
static cm_encoding pick(int *uncertain, const double score[3], size_t high, cm_encoding hint)
{
	int best = 0, chosen;
	double second = -1.0;

	for (int k = 1; k < 3; k++)
		if (score[k] > score[best])
			best = k;
	for (int k = 0; k < 3; k++)
		if (k != best && score[k] > second)
			second = score[k];
	chosen = best;
	for (int k = 0; k < 3; k++)
		if (candidates[k] == hint && score[k] + HINT_MARGIN >= score[best])
			chosen = k;
	*uncertain = high < MIN_HIGH_BYTES || score[chosen] < MIN_SCORE ||
		     (candidates[chosen] != hint && score[best] - second < MARGIN);
	return candidates[chosen];
}

cm_encoding cm_encoding_detect(int *uncertain, const char *data, size_t len, cm_encoding hint)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t n = len < DETECT_WINDOW ? len : DETECT_WINDOW, high;
	double score[3];
	int weak = 0;
	cm_encoding enc;

	if (cm_encoding_bom_length(CM_ENC_UTF8, p, len))
		enc = CM_ENC_UTF8;
	else if (cm_encoding_bom_length(CM_ENC_UTF16LE, p, len))
		enc = CM_ENC_UTF16LE;
	else if (cm_encoding_bom_length(CM_ENC_UTF16BE, p, len))
		enc = CM_ENC_UTF16BE;
	else if ((hint == CM_ENC_UTF16LE || hint == CM_ENC_UTF16BE) && fits_utf16(hint, p, n))
		enc = hint;
	else if (looks_utf8(&high, data, n, n < len))
		enc = CM_ENC_UTF8; /* even one valid sequence is strong evidence */
	else {
		score_legacy(score, p, n);
		enc = pick(&weak, score, high, hint);
	}
	if (uncertain)
		*uncertain = weak;
	return enc;
}
