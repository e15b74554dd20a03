/* test_text.c: decoding, canonical text and tokens, table-driven: invalid
 * UTF-8 and UTF-16, old/new tone placement pairs, NFC/NFD, folding, spans,
 * the CM_TERM_MAX limit, and the decomposed passage of corpus/000. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/text.h"

#define S(x) x, sizeof(x) - 1

static const struct {
	const char *in;
	size_t len;
	const char *want;
	size_t invalid;
	const char *encoding;
} decode_cases[] = {
	{S("Nghị quyết"), "Nghị quyết", 0, "UTF-8"},
	{S(""), "", 0, "UTF-8"},
	{S("\xef\xbb\xbf" "BOM"), "\xef\xbb\xbf" "BOM", 0, "UTF-8"},
	{S("a\xffz"), "a\xef\xbf\xbdz", 1, "UTF-8"},            /* stray byte */
	{S("a\x80\x80z"), "a\xef\xbf\xbd\xef\xbf\xbdz", 2, "UTF-8"}, /* continuations */
	{S("a\xc3"), "a\xef\xbf\xbd", 1, "UTF-8"},              /* truncated */
	{S("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd", 2, "UTF-8"}, /* overlong */
	{S("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3, "UTF-8"}, /* surrogate */
	{S("\xf4\x90\x80\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 4, "UTF-8"},
	{S("\xff\xfe" "d\0\xe2\0n\0"), "dân", 0, "UTF-16LE"},
	{S("\xfe\xff\0d\0\xe2\0n"), "dân", 0, "UTF-16BE"},
	{S("\xff\xfe\x3d\xd8\x00\xde"), "\xf0\x9f\x98\x80", 0, "UTF-16LE"}, /* pair */
	{S("\xff\xfe\x00\xd8" "a\0"), "\xef\xbf\xbd" "a", 1, "UTF-16LE"},   /* lone lead */
	{S("\xff\xfe" "a\0b"), "a\xef\xbf\xbd", 1, "UTF-16LE"},             /* odd length */
};

Test(text, decode_table)
{
	for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		char *out;
		size_t n;
		cm_decode_info info;

		cr_assert_eq(cm_text_decode(&out, &n, &info, decode_cases[i].in, decode_cases[i].len), 0);
		cr_expect_eq(n, strlen(decode_cases[i].want), "case %zu", i);
		cr_expect_str_eq(out, decode_cases[i].want, "case %zu", i);
		cr_expect_eq(info.invalid, decode_cases[i].invalid, "case %zu", i);
		cr_expect_str_eq(info.encoding, decode_cases[i].encoding, "case %zu", i);
		free(out);
	}
}

/* Old and new tone placement, precomposed and decomposed: the same term. */
static const struct {
	const char *a, *b;
} same_term[] = {
	{"hòa", "hoà"},     {"hóa", "hoá"},       {"họa", "hoạ"},   {"hỏa", "hoả"},
	{"hõa", "hoã"},     {"khóa", "khoá"},     {"khỏe", "khoẻ"}, {"xòe", "xoè"},
	{"thủy", "thuỷ"},   {"ủy", "uỷ"},         {"Ủy", "Uỷ"},     {"lũy", "luỹ"},
	{"tụy", "tuỵ"},     {"Tỉnh ủy", "TỈNH UỶ"}, {"hòa", "ho\xcc\x80" "a"},
	{"hòa", "hoa\xcc\x80"}, {"dân", "da\xcc\x82n"}, {"Đảng", "đảng"},
	{"nghị", "nghi\xcc\xa3"}, {"khoá", "kho\xcc\x81" "a"},
};

/* Tone placements that must not move. */
static const struct {
	const char *in, *exact, *folded;
} terms[] = {
	{"quý", "quý", "quy"},     {"quỳ", "quỳ", "quy"},       {"hoàn", "hoàn", "hoan"},
	{"toán", "toán", "toan"},   {"thuyền", "thuyền", "thuyen"}, {"quyết", "quyết", "quyet"},
	{"của", "của", "cua"},     {"mùa", "mùa", "mua"},       {"chưa", "chưa", "chua"},
	{"hoà", "hòa", "hoa"},     {"Uỷ", "ủy", "uy"},          {"ĐẢNG", "đảng", "dang"},
	{"Đ", "đ", "d"},           {"QH14", "qh14", "qh14"},    {"ngoài", "ngoài", "ngoai"},
	{"khuya", "khuya", "khuya"}, {"Ngày", "ngày", "ngay"},  {"Straße", "strasse", "strasse"},
};

static void one_token(cm_token *tok, const char *s)
{
	cm_tokenizer tz;

	cm_tokenizer_init(&tz, s, strlen(s));
	cr_assert_eq(cm_tokenizer_next(&tz, tok), 1, "no token in '%s'", s);
}

Test(text, tone_pairs_give_one_term)
{
	for (size_t i = 0; i < sizeof same_term / sizeof same_term[0]; i++) {
		cm_tokenizer ta, tb;
		cm_token a, b;
		int ra, rb;

		cm_tokenizer_init(&ta, same_term[i].a, strlen(same_term[i].a));
		cm_tokenizer_init(&tb, same_term[i].b, strlen(same_term[i].b));
		while ((ra = cm_tokenizer_next(&ta, &a)) == 1 && (rb = cm_tokenizer_next(&tb, &b)) == 1)
			cr_expect_str_eq(a.exact, b.exact, "%s / %s", same_term[i].a, same_term[i].b);
		cr_expect_eq(ra, 0);
	}
}

Test(text, tone_pairs_give_one_canonical_text)
{
	for (size_t i = 0; i < sizeof same_term / sizeof same_term[0]; i++) {
		char *a, *b;
		size_t na, nb;
		int same_case = strcmp(same_term[i].a, "Tỉnh ủy") && strcmp(same_term[i].a, "Đảng");

		if (!same_case)
			continue;
		cr_assert_eq(cm_text_canon(&a, &na, NULL, same_term[i].a, strlen(same_term[i].a)), 0);
		cr_assert_eq(cm_text_canon(&b, &nb, NULL, same_term[i].b, strlen(same_term[i].b)), 0);
		cr_expect_str_eq(a, b, "%s / %s", same_term[i].a, same_term[i].b);
		free(a);
		free(b);
	}
}

Test(text, exact_and_folded_terms)
{
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		cm_token tok;
		one_token(&tok, terms[i].in);
		cr_expect_str_eq(tok.exact, terms[i].exact, "%s", terms[i].in);
		cr_expect_str_eq(tok.folded, terms[i].folded, "%s", terms[i].in);
		cr_expect_eq(cm_token_has_diacritics(&tok), strcmp(terms[i].exact, terms[i].folded) != 0);
	}
}

Test(text, token_spans_on_a_corpus_line)
{
	static const char line[] = "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 (khoá XI)";
	static const char *const want[] = {"nghị", "quyết", "số", "25", "nq", "tw", "ngày",
					   "03", "6", "2013", "khóa", "xi"};
	cm_tokenizer tz;
	cm_token tok;
	size_t n = 0;

	cm_tokenizer_init(&tz, line, strlen(line));
	while (cm_tokenizer_next(&tz, &tok) == 1) {
		cr_assert_lt(n, sizeof want / sizeof want[0]);
		cr_expect_str_eq(tok.exact, want[n]);
		cr_expect_lt(tok.start, tok.end);
		n++;
	}
	cr_expect_eq(n, sizeof want / sizeof want[0]);
	cm_tokenizer_init(&tz, line, strlen(line));
	cr_assert_eq(cm_tokenizer_next(&tz, &tok), 1);
	cr_expect_eq(tok.start, 0);
	cr_expect_eq(tok.end, strlen("Nghị"));
}

Test(text, separators_never_inside_tokens)
{
	static const char s[] = "a\xef\xbf\xbd" "b\xef\xbb\xbf" "c d\xc2\xa0" "e";
	cm_tokenizer tz;
	cm_token tok;
	size_t n = 0;

	cm_tokenizer_init(&tz, s, strlen(s));
	while (cm_tokenizer_next(&tz, &tok) == 1) {
		cr_expect_eq(tok.exact_len, 1, "token '%s'", tok.exact);
		n++;
	}
	cr_expect_eq(n, 5);
}

static void token_of_length(size_t n, int *found)
{
	char *s = malloc(n + 3);
	cm_tokenizer tz;
	cm_token tok;

	s[0] = ' ';
	memset(s + 1, 'a', n);
	s[n + 1] = ' ';
	s[n + 2] = '\0';
	cm_tokenizer_init(&tz, s, n + 2);
	*found = cm_tokenizer_next(&tz, &tok);
	free(s);
}

Test(text, term_limit_at_and_past)
{
	int found;

	token_of_length(CM_TERM_MAX, &found);
	cr_expect_eq(found, 1, "a token of exactly CM_TERM_MAX bytes is kept");
	token_of_length(CM_TERM_MAX + 1, &found);
	cr_expect_eq(found, 0, "one byte more is skipped");
}

Test(text, long_unicode_word_is_skipped_not_cut)
{
	char s[4096] = "x ";
	cm_tokenizer tz;
	cm_token tok;

	for (int i = 0; i < 600; i++)
		strcat(s, "ệ");
	strcat(s, " y");
	cm_tokenizer_init(&tz, s, strlen(s));
	cr_assert_eq(cm_tokenizer_next(&tz, &tok), 1);
	cr_expect_str_eq(tok.exact, "x");
	cr_assert_eq(cm_tokenizer_next(&tz, &tok), 1);
	cr_expect_str_eq(tok.exact, "y");
}

static const struct {
	const char *in, *want;
} canon_cases[] = {
	{"a\xc2\xa0" "b\tc", "a b c"},
	{"\xe2\x80\x9c" "Dân vận\xe2\x80\x9d", "\"Dân vận\""},
	{"\xe2\x80\x98x\xe2\x80\x99", "'x'"},
	{"a\xe2\x80\x8b" "b\xef\xbb\xbf", "ab"},
	{"25 \xe2\x80\x93 NQ/TW\n", "25 \xe2\x80\x93 NQ/TW\n"},
	{"KHOÁ XI, Tỉnh Uỷ", "KHÓA XI, Tỉnh Ủy"},
	{"nga\xcc\x80y", "ngày"},
};

Test(text, canon_table_and_map)
{
	for (size_t i = 0; i < sizeof canon_cases / sizeof canon_cases[0]; i++) {
		const char *in = canon_cases[i].in;
		size_t inlen = strlen(in), n, *map;
		char *out;

		cr_assert_eq(cm_text_canon(&out, &n, &map, in, inlen), 0);
		cr_expect_str_eq(out, canon_cases[i].want, "case %zu", i);
		cr_expect_eq(map[n], inlen);
		for (size_t k = 1; k <= n; k++)
			cr_expect_geq(map[k], map[k - 1]);
		free(out);
		free(map);
	}
}

static char *read_corpus(const char *name, size_t *len)
{
	char path[512];
	FILE *f;
	char *buf;

	snprintf(path, sizeof path, "%s/corpus/%s", CM_SOURCE_DIR, name);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	cr_assert_eq(fread(buf, 1, *len, f), *len);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Line 23 of corpus/000 is decomposed (NFD): its terms must be those of its
 * NFC form, and the canonical text maps back onto the raw passage. */
Test(text, decomposed_passage_of_corpus_000)
{
	size_t len, n, *map, clen;
	char *text = read_corpus("000_04ed2d92d4fbe0fc.txt", &len), *canon;
	const char *nfd = strstr(text, "nga\xcc\x80y 03/6/2013");
	const char *want = "ngày 03/6/2013";
	char *hit;
	cm_tokenizer tz;
	cm_token tok;
	int khoa = 0;

	cr_assert_not_null(nfd, "the NFD passage is in the file");
	cm_tokenizer_init(&tz, text, len);
	while (cm_tokenizer_next(&tz, &tok) == 1)
		if (tok.start > (size_t)(nfd - text) && !strcmp(tok.exact, "khóa"))
			khoa = 1;
	cr_expect(khoa, "the decomposed (khóa XI) gives the term khóa");
	cr_assert_eq(cm_text_canon(&canon, &clen, &map, text, len), 0);
	hit = strstr(canon, want);
	cr_assert_not_null(hit);
	n = (size_t)(hit - canon);
	cr_expect_eq(map[n], (size_t)(nfd - text), "span start maps to the raw text");
	cr_expect_eq(map[n + strlen(want)], (size_t)(nfd - text) + strlen("nga\xcc\x80y 03/6/2013"));
	free(canon);
	free(map);
	free(text);
}
