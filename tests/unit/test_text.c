/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_text.c: the text module, table-driven: decoding (every kind of
 * invalid UTF-8, UTF-16 with BOMs), the traditional tone placement (old and
 * new pairs, precomposed and decomposed), exact and folded terms, token spans
 * on real corpus lines, separators, the CM_TERM_MAX limit, the canonical
 * text and its offset map, and the decomposed passage of corpus/000. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "chimuc/error.h"
#include "chimuc/text.h"
#include "gold.h"

#define S(x) x, sizeof(x) - 1
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define FFFD "\xef\xbf\xbd"

/* ---- helpers ---- */

/* The NFC (or NFD) of s by ICU, malloc'd, independent of the code tested. */
static char *icu_normalize(const char *s, size_t len, int nfd)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *n = nfd ? unorm2_getNFDInstance(&e) : unorm2_getNFCInstance(&e);
	int32_t cap = 4 * (int32_t)len + 16, m, k;
	UChar *a = malloc((size_t)cap * sizeof *a), *b = malloc((size_t)cap * sizeof *b);
	char *out = malloc(3 * (size_t)cap + 1);

	u_strFromUTF8(a, cap, &m, s, (int32_t)len, &e);
	m = unorm2_normalize(n, a, m, b, cap, &e);
	u_strToUTF8(out, 3 * cap + 1, &k, b, m, &e);
	cr_assert(U_SUCCESS(e), "ICU: %s", u_errorName(e));
	out[k] = '\0';
	free(a);
	free(b);
	return out;
}

/* 1 if the n bytes at s hold the string needle. */
static int holds(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, needle, k))
			return 1;
	return 0;
}

/* The canonical form of s: an out-parameter, since a pointer returned from
 * a local that cm_text_canon filled reads as dangling to gcc -O3. */
static void canon_of(char **out, const char *s, size_t len, size_t **map)
{
	size_t n;

	cr_assert_eq(cm_text_canon(out, &n, map, s, len), 0, "%s", cm_error_last());
	cr_assert_eq(strlen(*out), n);
}

/* The tokens of s as "exact/folded" joined by '|', into buf. */
static void terms_of(char *buf, size_t cap, const char *s, size_t len)
{
	cm_tokenizer tz;
	cm_token tok;
	size_t n = 0;
	int rc;

	buf[0] = '\0';
	cm_tokenizer_init(&tz, s, len);
	while ((rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		cr_assert_lt(n + tok.exact_len + tok.folded_len + 3, cap);
		n += (size_t)sprintf(buf + n, "%s%s/%s", n ? "|" : "", tok.exact, tok.folded);
	}
	cr_assert_eq(rc, 0);
}

static const char *const corpus_files[] = {
	"000_04ed2d92d4fbe0fc.txt", "001_37328ef8013521d8.txt", "002_b5165427152976bf.txt",
	"003_33f224fdd1db13f7.txt", "004_3c74891c68df0f2c.txt",
};

/* ---- decoding ---- */

static const struct {
	const char *in;
	size_t len;
	const char *want;
	size_t want_len, invalid;
	const char *encoding;
} decode_cases[] = {
	/* clang-format off */
	{S(""), S(""), 0, "UTF-8"},
	{S("Nghị quyết 25-NQ/TW"), S("Nghị quyết 25-NQ/TW"), 0, "UTF-8"},
	{S("\xf0\x9f\x98\x80 \xe4\xb8\xad"), S("\xf0\x9f\x98\x80 \xe4\xb8\xad"), 0, "UTF-8"},
	{S("a\0b"), S("a\0b"), 0, "UTF-8"},                       /* NUL is valid */
	{S("\xef\xbb\xbf" "BOM"), S("\xef\xbb\xbf" "BOM"), 0, "UTF-8"}, /* kept */
	{S("a\xffz"), S("a" FFFD "z"), 1, "UTF-8"},                 /* never a lead */
	{S("\xf5\x80"), S(FFFD FFFD), 2, "UTF-8"},                  /* past U+10FFFF */
	{S("a\x80\xbfz"), S("a" FFFD FFFD "z"), 2, "UTF-8"},       /* stray continuations */
	{S("a\xc3"), S("a" FFFD), 1, "UTF-8"},                      /* truncated at end */
	{S("\xe1\x80z"), S(FFFD "z"), 1, "UTF-8"},                  /* truncated 3-byte */
	{S("\xf0\x9f\x98z"), S(FFFD "z"), 1, "UTF-8"},              /* truncated 4-byte */
	{S("\xc0\xaf"), S(FFFD FFFD), 2, "UTF-8"},                  /* overlong '/' */
	{S("\xe0\x80\xaf"), S(FFFD FFFD FFFD), 3, "UTF-8"},         /* overlong 3-byte */
	{S("\xf0\x80\x80\xaf"), S(FFFD FFFD FFFD FFFD), 4, "UTF-8"}, /* overlong 4-byte */
	{S("\xed\xa0\x80"), S(FFFD FFFD FFFD), 3, "UTF-8"},         /* surrogate D800 */
	{S("\xf4\x90\x80\x80"), S(FFFD FFFD FFFD FFFD), 4, "UTF-8"}, /* U+110000 */
	{S("d\xc3\xa2n\xff" "v\xe1\xba\xadn"), S("dân" FFFD "vận"), 1, "UTF-8"},
	{S("\xff\xfe"), S(""), 0, "UTF-16LE"},
	{S("\xff\xfe" "d\0\xe2\0n\0"), S("dân"), 0, "UTF-16LE"},
	{S("\xfe\xff\0d\0\xe2\0n"), S("dân"), 0, "UTF-16BE"},
	{S("\xff\xfe\xa1\x1e"), S("ạ"), 0, "UTF-16LE"},
	{S("\xff\xfe\x3d\xd8\x00\xde"), S("\xf0\x9f\x98\x80"), 0, "UTF-16LE"}, /* pair */
	{S("\xfe\xff\xd8\x3d\xde\x00"), S("\xf0\x9f\x98\x80"), 0, "UTF-16BE"},
	{S("\xff\xfe\x00\xd8" "a\0"), S(FFFD "a"), 1, "UTF-16LE"}, /* lone lead */
	{S("\xff\xfe\x00\xdc" "a\0"), S(FFFD "a"), 1, "UTF-16LE"}, /* lone trail */
	{S("\xff\xfe" "a\0\x00\xd8"), S("a" FFFD), 1, "UTF-16LE"}, /* lead at end */
	{S("\xff\xfe" "a\0b"), S("a" FFFD), 1, "UTF-16LE"},        /* odd length */
	/* clang-format on */
};

Test(text, decode_table)
{
	for (size_t i = 0; i < N(decode_cases); i++) {
		char *out;
		size_t n;
		cm_decode_info info;

		cr_assert_eq(
			cm_text_decode(&out, &n, &info, decode_cases[i].in, decode_cases[i].len),
			0);
		cr_expect_eq(n, decode_cases[i].want_len, "case %zu", i);
		cr_expect_eq(memcmp(out, decode_cases[i].want, decode_cases[i].want_len), 0,
			     "case %zu", i);
		cr_expect_eq(out[n], '\0', "case %zu: NUL-terminated", i);
		cr_expect_eq(info.invalid, decode_cases[i].invalid, "case %zu", i);
		cr_expect_str_eq(info.encoding, decode_cases[i].encoding, "case %zu", i);
		free(out);
	}
}

Test(text, decode_without_info_and_of_a_whole_file)
{
	size_t len, n;
	char *file = cm_gold_read_doc(corpus_files[2], &len), *out;

	cr_assert_eq(cm_text_decode(&out, &n, NULL, file, len), 0);
	cr_expect_eq(n, len);
	cr_expect_eq(memcmp(out, file, len), 0, "valid UTF-8 is copied byte for byte");
	free(out);
	free(file);
}

/* ---- tone placement ---- */

/* Old (traditional, canonical) and new placement of the same words. */
static const struct {
	const char *old, *new;
} tone_pairs[] = {
	/* clang-format off */
	{"hòa", "hoà"},       {"hóa", "hoá"},        {"họa", "hoạ"},     {"hỏa", "hoả"},
	{"hõa", "hoã"},       {"khóa", "khoá"},      {"khỏe", "khoẻ"},   {"xòe", "xoè"},
	{"hòe", "hoè"},       {"lõe", "loẽ"},        {"thủy", "thuỷ"},   {"ủy", "uỷ"},
	{"Ủy", "Uỷ"},         {"lũy", "luỹ"},        {"tụy", "tuỵ"},     {"túy", "tuý"},
	{"thùy", "thuỳ"},     {"òa", "oà"},          {"HÒA", "HOÀ"},     {"KHỎE", "KHOẺ"},
	{"THỦY", "THUỶ"},     {"ỦY", "UỶ"},          {"Hòa", "Hoà"},     {"hòA", "hoÀ"},
	{"Tỉnh ủy", "Tỉnh uỷ"}, {"Ủy ban MTTQ", "Uỷ ban MTTQ"},
	{"(khóa XI)", "(khoá XI)"}, {"hòa, thủy; khỏe.", "hoà, thuỷ; khoẻ."},
	/* clang-format on */
};

/* Words whose tone stays where it is, with their exact terms. */
static const struct {
	const char *in, *exact;
} tone_kept[] = {
	/* clang-format off */
	{"quý", "quý"},       {"quỳ", "quỳ"},     {"Quý", "quý"},       {"QUÝ", "quý"},
	{"quỷ", "quỷ"},       {"hoàn", "hoàn"},   {"toán", "toán"},     {"thuyền", "thuyền"},
	{"quyết", "quyết"},   {"khoảng", "khoảng"}, {"HOẠCH", "hoạch"}, {"của", "của"},
	{"mùa", "mùa"},       {"chưa", "chưa"},   {"gia", "gia"},       {"ngoài", "ngoài"},
	{"khuya", "khuya"},   {"hoa", "hoa"},     {"thuy", "thuy"},     {"hòa", "hòa"},
	{"thủy", "thủy"},     {"người", "người"}, {"tuỳ2", "tuỳ2"},    {"hoằ", "hoằ"},
	/* clang-format on */
};

static void expect_same_terms(const char *a, const char *b)
{
	char ta[512], tb[512];

	terms_of(ta, sizeof ta, a, strlen(a));
	terms_of(tb, sizeof tb, b, strlen(b));
	cr_expect_str_eq(ta, tb, "terms of '%s' and '%s'", a, b);
	cr_expect_neq(ta[0], '\0', "'%s' has tokens", a);
}

Test(text, tone_pairs_give_one_term_whatever_the_normal_form)
{
	for (size_t i = 0; i < N(tone_pairs); i++) {
		const char *old = tone_pairs[i].old, *new = tone_pairs[i].new;
		char *old_nfd = icu_normalize(old, strlen(old), 1);
		char *new_nfd = icu_normalize(new, strlen(new), 1);

		cr_assert_str_neq(new, new_nfd, "the table's NFD differs from NFC");
		expect_same_terms(old, new);
		expect_same_terms(old, old_nfd);
		expect_same_terms(old, new_nfd);
		free(old_nfd);
		free(new_nfd);
	}
}

Test(text, tone_pairs_give_the_traditional_canonical_text)
{
	for (size_t i = 0; i < N(tone_pairs); i++) {
		const char *old = tone_pairs[i].old, *new = tone_pairs[i].new;
		char *new_nfd = icu_normalize(new, strlen(new), 1);
		char *a, *b, *c;

		canon_of(&a, old, strlen(old), NULL);
		canon_of(&b, new, strlen(new), NULL);
		canon_of(&c, new_nfd, strlen(new_nfd), NULL);

		cr_expect_str_eq(a, old, "the traditional form is canonical");
		cr_expect_str_eq(b, old, "'%s' becomes '%s'", new, old);
		cr_expect_str_eq(c, old, "decomposed '%s' becomes '%s'", new, old);
		free(a);
		free(b);
		free(c);
		free(new_nfd);
	}
}

Test(text, tone_kept_where_it_is)
{
	for (size_t i = 0; i < N(tone_kept); i++) {
		const char *w = tone_kept[i].in;
		char *nfd = icu_normalize(w, strlen(w), 1);
		char *a, *b;
		cm_tokenizer tz;
		cm_token tok;

		canon_of(&a, w, strlen(w), NULL);
		canon_of(&b, nfd, strlen(nfd), NULL);

		cr_expect_str_eq(a, w, "canon keeps '%s'", w);
		cr_expect_str_eq(b, w, "canon of decomposed '%s'", w);
		cm_tokenizer_init(&tz, nfd, strlen(nfd));
		cr_assert_eq(cm_tokenizer_next(&tok, &tz), 1);
		cr_expect_str_eq(tok.exact, tone_kept[i].exact, "term of '%s'", w);
		cr_expect_eq(tok.end, strlen(nfd));
		free(a);
		free(b);
		free(nfd);
	}
}

/* ---- exact and folded terms ---- */

static const struct {
	const char *in, *exact, *folded;
} terms[] = {
	/* clang-format off */
	{"quý", "quý", "quy"},          {"hoàn", "hoàn", "hoan"},
	{"thuyền", "thuyền", "thuyen"}, {"của", "của", "cua"},
	{"chưa", "chưa", "chua"},       {"hoà", "hòa", "hoa"},
	{"Uỷ", "ủy", "uy"},             {"ĐẢNG", "đảng", "dang"},
	{"Đảng", "đảng", "dang"},       {"Đ", "đ", "d"},
	{"đđhnbvn", "đđhnbvn", "ddhnbvn"}, {"QH14", "qh14", "qh14"},
	{"Ngày", "ngày", "ngay"},       {"NGHỊ", "nghị", "nghi"},
	{"Việt", "việt", "viet"},       {"dặn", "dặn", "dan"},
	{"Ưu", "ưu", "uu"},             {"ơn", "ơn", "on"},
	{"khéo", "khéo", "kheo"},        {"Straße", "strasse", "strasse"},
	{"ÉCOLE", "école", "ecole"},    {"2013", "2013", "2013"},
	{"ngh\xe1\xbb\x8b", "nghị", "nghi"},
	{"nghi\xcc\xa3", "nghị", "nghi"},             /* NFD */
	{"vi\xc3\xaa\xcc\xa3t", "việt", "viet"},      /* half composed */
	{"vie\xcc\xa3\xcc\x82t", "việt", "viet"},     /* marks in canonical order */
	{"vie\xcc\x82\xcc\xa3t", "việt", "viet"},     /* and not */
	{"\xe2\x84\xaa" "m", "km", "km"},             /* KELVIN SIGN: NFC is K */
	{"\xea\xb0\x80", "\xea\xb0\x80", "\xea\xb0\x80"}, /* Hangul is no diacritic */
	{"\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80", "\xea\xb0\x80"}, /* jamo compose */
	/* clang-format on */
};

Test(text, exact_and_folded_terms)
{
	for (size_t i = 0; i < N(terms); i++) {
		cm_tokenizer tz;
		cm_token tok;

		cm_tokenizer_init(&tz, terms[i].in, strlen(terms[i].in));
		cr_assert_eq(cm_tokenizer_next(&tok, &tz), 1, "a token in '%s'", terms[i].in);
		cr_expect_str_eq(tok.exact, terms[i].exact, "exact of '%s'", terms[i].in);
		cr_expect_str_eq(tok.folded, terms[i].folded, "folded of '%s'", terms[i].in);
		cr_expect_eq(tok.exact_len, strlen(terms[i].exact));
		cr_expect_eq(tok.folded_len, strlen(terms[i].folded));
		cr_expect_eq(cm_token_has_diacritics(&tok),
			     strcmp(terms[i].exact, terms[i].folded) != 0, "diacritics of '%s'",
			     terms[i].in);
		cr_expect_eq(tok.start, 0);
		cr_expect_eq(tok.end, strlen(terms[i].in));
		cr_expect_eq(cm_tokenizer_next(&tok, &tz), 0, "one token in '%s'", terms[i].in);
	}
}

/* ---- tokens of real lines ---- */

typedef struct {
	const char *raw, *exact, *folded;
} want_token;

static const struct {
	const char *file, *line;
	want_token want[24];
} corpus_lines[] = {
	{"004_3c74891c68df0f2c.txt",
	 "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI",
	 {{"Nghị", "nghị", "nghi"},
	  {"quyết", "quyết", "quyet"},
	  {"số", "số", "so"},
	  {"25", "25", "25"},
	  {"NQ", "nq", "nq"},
	  {"TW", "tw", "tw"},
	  {"ngày", "ngày", "ngay"},
	  {"03", "03", "03"},
	  {"6", "6", "6"},
	  {"2013", "2013", "2013"},
	  {"của", "của", "cua"},
	  {"Ban", "ban", "ban"},
	  {"Chấp", "chấp", "chap"},
	  {"hành", "hành", "hanh"},
	  {"Trung", "trung", "trung"},
	  {"ương", "ương", "uong"},
	  {"Đảng", "đảng", "dang"},
	  {"khóa", "khóa", "khoa"},
	  {"XI", "xi", "xi"}}},
	{"001_37328ef8013521d8.txt",
	 "Ban Dân vận Tỉnh uỷ và Hội Nhà báo tỉnh",
	 {{"Ban", "ban", "ban"},
	  {"Dân", "dân", "dan"},
	  {"vận", "vận", "van"},
	  {"Tỉnh", "tỉnh", "tinh"},
	  {"uỷ", "ủy", "uy"},
	  {"và", "và", "va"},
	  {"Hội", "hội", "hoi"},
	  {"Nhà", "nhà", "nha"},
	  {"báo", "báo", "bao"},
	  {"tỉnh", "tỉnh", "tinh"}}},
	{"000_04ed2d92d4fbe0fc.txt",
	 "\t          ĐẢNG CỘNG SẢN VIỆT NAM\n",
	 {{"ĐẢNG", "đảng", "dang"},
	  {"CỘNG", "cộng", "cong"},
	  {"SẢN", "sản", "san"},
	  {"VIỆT", "việt", "viet"},
	  {"NAM", "nam", "nam"}}},
	{"002_b5165427152976bf.txt",
	 "gương điển hình “Dân vận khéo” tiêu biểu",
	 {{"gương", "gương", "guong"},
	  {"điển", "điển", "dien"},
	  {"hình", "hình", "hinh"},
	  {"Dân", "dân", "dan"},
	  {"vận", "vận", "van"},
	  {"khéo", "khéo", "kheo"},
	  {"tiêu", "tiêu", "tieu"},
	  {"biểu", "biểu", "bieu"}}},
	{"000_04ed2d92d4fbe0fc.txt",
	 "số 1599-KH/BDVTW-ĐĐHNBVN, ngày 01/03/2018",
	 {{"số", "số", "so"},
	  {"1599", "1599", "1599"},
	  {"KH", "kh", "kh"},
	  {"BDVTW", "bdvtw", "bdvtw"},
	  {"ĐĐHNBVN", "đđhnbvn", "ddhnbvn"},
	  {"ngày", "ngày", "ngay"},
	  {"01", "01", "01"},
	  {"03", "03", "03"},
	  {"2018", "2018", "2018"}}},
	{"001_37328ef8013521d8.txt",
	 "Ban Bí thư Trung ương Đảng (khoá XI)",
	 {{"Ban", "ban", "ban"},
	  {"Bí", "bí", "bi"},
	  {"thư", "thư", "thu"},
	  {"Trung", "trung", "trung"},
	  {"ương", "ương", "uong"},
	  {"Đảng", "đảng", "dang"},
	  {"khoá", "khóa", "khoa"},
	  {"XI", "xi", "xi"}}},
	{"004_3c74891c68df0f2c.txt",
	 "đồng bào dân tộc Khơ-me",
	 {{"đồng", "đồng", "dong"},
	  {"bào", "bào", "bao"},
	  {"dân", "dân", "dan"},
	  {"tộc", "tộc", "toc"},
	  {"Khơ", "khơ", "kho"},
	  {"me", "me", "me"}}},
	{"002_b5165427152976bf.txt",
	 "- BTT Uỷ ban MTTQ tỉnh;",
	 {{"BTT", "btt", "btt"},
	  {"Uỷ", "ủy", "uy"},
	  {"ban", "ban", "ban"},
	  {"MTTQ", "mttq", "mttq"},
	  {"tỉnh", "tỉnh", "tinh"}}},
};

Test(text, token_spans_and_terms_on_corpus_lines)
{
	for (size_t i = 0; i < N(corpus_lines); i++) {
		const char *line = corpus_lines[i].line;
		size_t flen, at = 0, n = 0;
		char *file = cm_gold_read_doc(corpus_lines[i].file, &flen);
		cm_tokenizer tz;
		cm_token tok;

		cr_assert_not_null(strstr(file, line), "line %zu is in %s", i,
				   corpus_lines[i].file);
		cm_tokenizer_init(&tz, line, strlen(line));
		while (cm_tokenizer_next(&tok, &tz) == 1) {
			const want_token *w = &corpus_lines[i].want[n];
			const char *raw;
			cr_assert_not_null(w->raw, "line %zu: extra token '%s'", i, tok.exact);
			cr_assert_not_null(raw = strstr(line + at, w->raw));
			at = (size_t)(raw - line);
			cr_expect_eq(tok.start, at, "line %zu: start of '%s'", i, w->raw);
			cr_expect_eq(tok.end, at + strlen(w->raw), "line %zu: end of '%s'", i,
				     w->raw);
			cr_expect_str_eq(tok.exact, w->exact, "line %zu", i);
			cr_expect_str_eq(tok.folded, w->folded, "line %zu", i);
			at = tok.end;
			n++;
		}
		cr_expect_null(corpus_lines[i].want[n].raw, "line %zu: %zu tokens only", i, n);
		free(file);
	}
}

/* ---- separators ---- */

static const struct {
	const char *in, *want; /* tokens' exact terms joined by '|' */
} separators[] = {
	{"25-NQ/TW", "25|nq|tw"},
	{"QH14", "qh14"},
	{"1.000.000 đồng", "1|000|000|đồng"},
	{"a" FFFD "b", "a|b"},
	{"Vi" FFFD "ệt", "vi|ệt"},
	{"\xef\xbb\xbf"
	 "Kế",
	 "kế"},                        /* BOM */
	{"x\xe2\x80\x8by", "x|y"},     /* zero-width space */
	{"dân\xc2\xa0vận", "dân|vận"}, /* NBSP */
	{"a\xe2\x80\x93"
	 "b\xe2\x80\x94"
	 "c",
	 "a|b|c"}, /* dashes */
	{"“x” «y» ‘z’", "x|y|z"},
	{"a_b a'b a.b", "a|b|a|b|a|b"},
	{"x\xc2\xb2", "x"},                       /* superscript two: not Nd */
	{"\xd9\xa3\xd9\xa4", "\xd9\xa3\xd9\xa4"}, /* Arabic-Indic digits: Nd */
	{"\xcc\x81 a", "a"},                      /* a mark alone: no term */
	{"a\xffz", "a|z"},                        /* invalid input separates */
	{"", ""},
	{" \t\n.,;", ""},
};

Test(text, separators_table)
{
	for (size_t i = 0; i < N(separators); i++) {
		char got[256] = "";
		size_t n = 0;
		cm_tokenizer tz;
		cm_token tok;

		cm_tokenizer_init(&tz, separators[i].in, strlen(separators[i].in));
		while (cm_tokenizer_next(&tok, &tz) == 1) {
			cr_expect_null(strstr(tok.exact, FFFD));
			n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", n ? "|" : "",
					      tok.exact);
		}
		cr_expect_str_eq(got, separators[i].want, "tokens of '%s'", separators[i].in);
	}
}

Test(text, replacement_never_inside_a_token_after_decoding)
{
	static const char raw[] = "Vi\xe1\xbb\x87t\xc3Nam \xed\xa0\x80"
				  "dân\x80vận";
	char *text, got[256] = "";
	size_t len, n = 0;
	cm_decode_info info;
	cm_tokenizer tz;
	cm_token tok;

	cr_assert_eq(cm_text_decode(&text, &len, &info, raw, sizeof raw - 1), 0);
	cr_expect_eq(info.invalid, 5);
	cm_tokenizer_init(&tz, text, len);
	while (cm_tokenizer_next(&tok, &tz) == 1) {
		cr_expect_not(holds(text + tok.start, tok.end - tok.start, FFFD));
		n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", n ? "|" : "", tok.exact);
	}
	cr_expect_str_eq(got, "việt|nam|dân|vận");
	free(text);
}

/* ---- the CM_TERM_MAX limit ---- */

/* The tokens of " " + count * unit + tail + " end", joined by '|'. */
static void long_word(char *got, size_t cap, const char *unit, size_t count, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail), len = 1 + count * ul + tl + 4;
	char *s = malloc(len + 1), *p = s;

	*p++ = ' ';
	for (size_t i = 0; i < count; i++, p += ul)
		memcpy(p, unit, ul);
	memcpy(p, tail, tl);
	memcpy(p + tl, " end", 5);
	terms_of(got, cap, s, len);
	free(s);
}

static const struct {
	const char *unit;
	size_t count;
	const char *tail;
	int kept; /* 1 if the word is a token */
} limits[] = {
	{"a", CM_TERM_MAX, "", 1},
	{"a", CM_TERM_MAX + 1, "", 0},
	{"A", CM_TERM_MAX, "", 1},
	{"ệ", CM_TERM_MAX / 3, "a", 1},                 /* 21 * 3 + 1 = 64 bytes */
	{"ệ", CM_TERM_MAX / 3, "ab", 0},                /* 65 */
	{"e\xcc\xa3\xcc\x82", CM_TERM_MAX / 3, "a", 1}, /* NFD: 106 bytes, term 64 */
	{"e\xcc\xa3\xcc\x82", CM_TERM_MAX / 3, "ab", 0},
	{"Ệ", CM_TERM_MAX / 3, "A", 1},
	{"ß", CM_TERM_MAX / 2, "", 1},   /* 64 bytes, folds to "ss" * 32 */
	{"ŉ", CM_TERM_MAX / 3, "a", 1},  /* 43 bytes, folds to 64 */
	{"ŉ", CM_TERM_MAX / 3, "ab", 0}, /* 44 bytes, folds to 65 */
	{"a", 1 << 20, "", 0},
	{"ệ", 1 << 18, "", 0},
	{"a\xcc\x80", 1 << 18, "", 0},
};

Test(text, term_limit_at_and_past)
{
	for (size_t i = 0; i < N(limits); i++) {
		char got[512];
		const char *end;

		long_word(got, sizeof got, limits[i].unit, limits[i].count, limits[i].tail);
		end = strrchr(got, '|');
		cr_expect_str_eq(end ? end + 1 : got, "end/end", "case %zu: the next token", i);
		cr_expect_eq(end != NULL, limits[i].kept, "case %zu: '%s'", i, got);
		if (end)
			cr_expect_eq((size_t)(strchr(got, '/') - got), CM_TERM_MAX, "case %zu", i);
	}
}

/* ---- canonical text and its map ---- */

static const struct {
	const char *in, *want;
	size_t map[16]; /* out_len + 1 entries */
} canon_cases[] = {
	{"", "", {0}},
	{"a\xc2\xa0"
	 "b\tc",
	 "a b c",
	 {0, 1, 3, 4, 5, 6}},
	{"A\xe2\x80\x83"
	 "B\xe3\x80\x80",
	 "A B ",
	 {0, 1, 4, 5, 8}},
	{"x\xe2\x80\xaf"
	 "y\xe2\x81\x9f",
	 "x y ",
	 {0, 1, 4, 5, 8}},
	{"\xe2\x80\x9c"
	 "x\xe2\x80\x9d",
	 "\"x\"",
	 {0, 3, 4, 7}},
	{"\xe2\x80\x9e"
	 "x\xe2\x80\x9f",
	 "\"x\"",
	 {0, 3, 4, 7}},
	{"\xc2\xab"
	 "x\xc2\xbb",
	 "\"x\"",
	 {0, 2, 3, 5}},
	{"\xe2\x80\x98"
	 "x\xe2\x80\x99",
	 "'x'",
	 {0, 3, 4, 7}},
	{"\xe2\x80\x9a"
	 "x\xe2\x80\x9b",
	 "'x'",
	 {0, 3, 4, 7}},
	{"a\xe2\x80\x8b"
	 "b",
	 "ab",
	 {0, 4, 5}},
	{"\xef\xbb\xbf"
	 "a\xe2\x81\xa0",
	 "a",
	 {3, 7}},
	{"a\xe2\x80\x8c\xe2\x80\x8d"
	 "b",
	 "ab",
	 {0, 7, 8}},
	{"hoà", "hòa", {0, 1, 1, 2, 4}},
	{"nga\xcc\x80y", "ngày", {0, 1, 2, 2, 5, 6}},
	{"a\xe2\x80\x8b\xcc\x80", "à", {0, 0, 6}},   /* a dropped character cuts nothing */
	{"=\xcc\xb8", "\xe2\x89\xa0", {0, 0, 0, 3}}, /* NFC beyond letters */
	{"\xe2\x84\xaa", "K", {0, 3}},
	{"25 \xe2\x80\x93 NQ/TW\r\n",
	 "25 \xe2\x80\x93 NQ/TW\r\n",
	 {0, 1, 2, 3, 3, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14}},
};

Test(text, canon_table_and_map)
{
	for (size_t i = 0; i < N(canon_cases); i++) {
		const char *in = canon_cases[i].in;
		size_t inlen = strlen(in), n, *map;
		char *out;

		cr_assert_eq(cm_text_canon(&out, &n, &map, in, inlen), 0, "case %zu", i);
		cr_expect_str_eq(out, canon_cases[i].want, "case %zu", i);
		cr_expect_eq(n, strlen(canon_cases[i].want), "case %zu", i);
		for (size_t k = 0; k <= n && k < N(canon_cases[i].map); k++)
			cr_expect_eq(map[k], canon_cases[i].map[k], "case %zu: map[%zu]", i, k);
		cr_expect_eq(map[n], inlen);
		free(out);
		free(map);
	}
}

Test(text, canon_keeps_case_breaks_and_dashes)
{
	static const char in[] = "KẾ HOẠCH\nKHOÁ XI – Tỉnh Uỷ — Hoà";
	char *out;

	canon_of(&out, S(in), NULL);

	cr_expect_str_eq(out, "KẾ HOẠCH\nKHÓA XI – Tỉnh Ủy — Hòa");
	free(out);
}

Test(text, canon_rejects_invalid_utf8)
{
	char *out = NULL;
	size_t n;

	cr_expect_eq(cm_text_canon(&out, &n, NULL, S("ok\xff")), CM_EINVAL);
	cr_expect_null(out, "nothing written on failure");
	cr_expect_eq(cm_text_canon(&out, &n, NULL, S("\xe1\xba")), CM_EINVAL);
}

/* On whole files: canon is idempotent, its tokens are the input's, and each
 * canonical token maps back to input bytes that give the same term. */
Test(text, canon_of_the_corpus_maps_back)
{
	for (size_t f = 0; f < N(corpus_files); f++) {
		size_t len, clen, *map, again_len;
		char *text = cm_gold_read_doc(corpus_files[f], &len), *canon, *again;
		char *ta = malloc(4 * len + 16), *tb = malloc(4 * len + 16);
		cm_tokenizer tz;
		cm_token tok;

		cr_assert_eq(cm_text_canon(&canon, &clen, &map, text, len), 0);
		cr_assert_eq(map[clen], len);
		for (size_t k = 1; k <= clen; k++)
			cr_assert_leq(map[k - 1], map[k], "%s: map is monotonic", corpus_files[f]);
		cr_assert_eq(cm_text_canon(&again, &again_len, NULL, canon, clen), 0);
		cr_expect(again_len == clen && !memcmp(again, canon, clen), "idempotent");
		terms_of(ta, 4 * len + 16, text, len);
		terms_of(tb, 4 * len + 16, canon, clen);
		cr_expect_str_eq(ta, tb, "%s: same terms from the canonical text", corpus_files[f]);
		cm_tokenizer_init(&tz, canon, clen);
		while (cm_tokenizer_next(&tok, &tz) == 1) {
			size_t s = map[tok.start], e = map[tok.end];
			cm_tokenizer one;
			cm_token back;
			cm_tokenizer_init(&one, text + s, e - s);
			cr_assert_eq(cm_tokenizer_next(&back, &one), 1);
			cr_expect_str_eq(back.exact, tok.exact, "%s at %zu", corpus_files[f], s);
			cr_expect_eq(back.start, 0);
		}
		free(again);
		free(canon);
		free(map);
		free(ta);
		free(tb);
		free(text);
	}
}

/* ---- the decomposed passage of corpus/000 ---- */

/* Line 23 of corpus/000 is partly decomposed (NFD): its tokens must carry
 * the terms of its NFC form, with spans in the raw line, and its canonical
 * text must be the NFC line's. */
Test(text, decomposed_passage_of_corpus_000)
{
	size_t len, rl, cl, nl, *map;
	char *text = cm_gold_read_doc(corpus_files[0], &len), *line = text, *nfc, *canon,
	     *nfc_canon;
	char *raw_terms = malloc(8192), *nfc_terms = malloc(8192);
	const char *hit, *want = "ngày 03/6/2013", *nfd = "nga\xcc\x80y 03/6/2013";
	cm_tokenizer tz;
	cm_token tok;
	int khoa = 0;

	for (int i = 1; i < 23; i++)
		line = strchr(line, '\n') + 1;
	rl = (size_t)(strchr(line, '\n') - line);
	nfc = icu_normalize(line, rl, 0);
	nl = strlen(nfc);
	cr_assert_lt(nl, rl, "line 23 is partly decomposed");
	cr_assert(holds(line, rl, nfd));

	terms_of(raw_terms, 8192, line, rl);
	terms_of(nfc_terms, 8192, nfc, nl);
	cr_expect_str_eq(raw_terms, nfc_terms);

	cm_tokenizer_init(&tz, line, rl);
	while (cm_tokenizer_next(&tok, &tz) == 1) {
		char alone[512];
		char expect[2 * CM_TERM_MAX + 2];
		snprintf(expect, sizeof expect, "%s/%s", tok.exact, tok.folded);
		terms_of(alone, sizeof alone, line + tok.start, tok.end - tok.start);
		cr_expect_str_eq(alone, expect, "the span [%zu, %zu) holds the token", tok.start,
				 tok.end);
		if (tok.start > (size_t)(strstr(line, nfd) - line) && !strcmp(tok.exact, "khóa"))
			khoa = 1;
	}
	cr_expect(khoa, "the decomposed (khóa XI) gives the term khóa");

	canon_of(&canon, line, rl, &map);
	canon_of(&nfc_canon, nfc, nl, NULL);
	cr_expect_str_eq(canon, nfc_canon);
	cl = strlen(canon);
	hit = strstr(canon, want);
	cr_assert_not_null(hit);
	cr_expect_eq(map[hit - canon], (size_t)(strstr(line, nfd) - line));
	cr_expect_eq(map[hit - canon + strlen(want)],
		     (size_t)(strstr(line, nfd) - line) + strlen(nfd));
	cr_expect_eq(map[cl], rl);
	free(canon);
	free(nfc_canon);
	free(map);
	free(nfc);
	free(raw_terms);
	free(nfc_terms);
	free(text);
}

/* Tokenizes a and b (the same text in two normal forms) and expects the
 * same terms, token for token. */
static void expect_same_tokens(const char *a, size_t na, const char *b, size_t nb)
{
	cm_tokenizer ta, tb;
	cm_token x, y;
	int ra, rb;
	size_t n = 0;

	cm_tokenizer_init(&ta, a, na);
	cm_tokenizer_init(&tb, b, nb);
	while ((ra = cm_tokenizer_next(&x, &ta)) == 1 && (rb = cm_tokenizer_next(&y, &tb)) == 1) {
		cr_assert_str_eq(x.exact, y.exact, "token %zu", n);
		cr_assert_str_eq(x.folded, y.folded, "token %zu (%s)", n, x.exact);
		n++;
	}
	cr_assert_eq(ra, 0, "%s", cm_error_last());
	cr_assert_eq(cm_tokenizer_next(&y, &tb), 0, "the NFD text has more tokens");
	cr_assert_gt(n, 0);
}

/* Precomposed letters take a fast path past ICU, decomposed ones go through
 * ICU: both must give the same terms, on the corpus and on every letter the
 * fast path knows, alone and after o, u and qu (tone placement). */
Test(text, fast_path_gives_the_terms_icu_gives)
{
	static const UChar32 ranges[][2] = {{0xC0, 0x24F}, {0x1EA0, 0x1EF9}};
	static const char *const before[] = {"", "o", "u", "qu", "H"};
	size_t cap = 1 << 16, len = 0;
	char *letters = malloc(cap), *nfd;
	cm_gold *g = cm_gold_load("corpus");

	for (size_t i = 0; i < g->ndocs; i++) {
		size_t n;
		char *doc = cm_gold_read(g, g->docs[i], &n);
		nfd = icu_normalize(doc, n, 1);
		expect_same_tokens(doc, n, nfd, strlen(nfd));
		free(nfd);
		free(doc);
	}
	cm_gold_free(g);
	for (size_t r = 0; r < N(ranges); r++)
		for (UChar32 c = ranges[r][0]; c <= ranges[r][1]; c++)
			for (size_t k = 0; k < N(before); k++) {
				int32_t at = 0;
				char u8[4];
				U8_APPEND_UNSAFE(u8, at, c);
				len += (size_t)snprintf(letters + len, cap - len, "%s%.*s ",
							before[k], (int)at, u8);
			}
	cr_assert_lt(len, cap);
	nfd = icu_normalize(letters, len, 1);
	expect_same_tokens(letters, len, nfd, strlen(nfd));
	free(nfd);
	free(letters);
}

/* Columns on a terminal: what aligned output pads by. */
static const struct {
	const char *in;
	size_t len, width;
} widths[] = {
	/* clang-format off */
	{S(""), 0},
	{S("25-NQ/TW"), 8},
	{S("\xc4\x90\xe1\xba\xa3ng"), 4},                  /* Đảng, composed */
	{S("\xc4\x90" "a\xcc\x89\xcc\x83" "ng"), 4},     /* Đ a + two marks ng */
	{S("1599-KH/BDVTW-\xc4\x90\xc4\x90HNBVN"), 21},  /* ĐĐ: one column each */
	{S("\xe4\xb8\xad\xe6\x96\x87"), 4},                /* 中文: wide */
	{S("\xef\xbc\xa1"), 2},                            /* fullwidth A */
	{S("a\xe2\x80\x8b" "b"), 2},                       /* zero-width space */
	{S("a\tb"), 2},                                    /* a control */
	{S("\xff" "a"), 2},                                /* an invalid byte: 1 */
	{S("\xe1\xba"), 1},                                /* a cut sequence: 1 */
	/* clang-format on */
};

Test(text, display_width_table)
{
	for (size_t i = 0; i < N(widths); i++)
		cr_expect_eq(cm_text_width(widths[i].in, widths[i].len), widths[i].width,
			     "row %zu: width %zu, want %zu", i,
			     cm_text_width(widths[i].in, widths[i].len), widths[i].width);
	cr_expect_neq(cm_text_width(S("\xc4\x90\xe1\xba\xa3ng")), strlen("\xc4\x90\xe1\xba\xa3ng"),
		      "bytes are not columns");
}
