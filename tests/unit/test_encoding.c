/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_encoding.c: legacy encodings. Corpus texts in windows-1258 and TCVN3
 * (fixtures made by glibc's iconv, tests/data/encoding/make.sh) and in VNI
 * (tests/data/encoding/make_vni.py, from the VNI rules, not from the
 * decoder's table) convert back to the NFC of the original and are detected, certain;
 * published VNI spellings; TCVN3's 0xA0-0xFF agrees with glibc; labels;
 * recoding of windows-1252 characters; hostile bytes.
 *
 * TCVN3 here is the ABC fonts' VN3, which has no capitals with tones (the
 * fonts write them with the ".VnTimeH" capitals at the lowercase bytes):
 * the TCVN3 fixtures are made from the lowercased text. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "chimuc/encoding.h"
#include "chimuc/error.h"
#include "gold.h"

#define DATA "tests/data/encoding/"

/* The corpus file whose name starts with prefix (e.g. "001_"). */
static char *read_corpus(const char *prefix, size_t *len)
{
	cm_gold *g = cm_gold_load("corpus");
	char *text = NULL;

	for (size_t i = 0; i < g->ndocs && !text; i++)
		if (strncmp(g->docs[i], prefix, strlen(prefix)) == 0)
			text = cm_gold_read(g, g->docs[i], len);
	cm_gold_free(g);
	cr_assert_not_null(text, "no corpus file %s*", prefix);
	return text;
}

/* The NFC of UTF-8 s, straight from ICU. */
static char *nfc(const char *s, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t n16, nn, n8;
	UChar *u, *v;
	char *out;

	u_strFromUTF8(NULL, 0, &n16, s, (int32_t)len, &e);
	e = U_ZERO_ERROR;
	u = malloc(((size_t)n16 + 1) * sizeof *u);
	v = malloc(((size_t)n16 * 3 + 1) * sizeof *v);
	u_strFromUTF8(u, n16 + 1, NULL, s, (int32_t)len, &e);
	nn = unorm2_normalize(unorm2_getNFCInstance(&e), u, n16, v, n16 * 3 + 1, &e);
	u_strToUTF8(NULL, 0, &n8, v, nn, &e);
	e = U_ZERO_ERROR;
	out = malloc((size_t)n8 + 1);
	u_strToUTF8(out, n8 + 1, NULL, v, nn, &e);
	cr_assert(U_SUCCESS(e), "%s", u_errorName(e));
	free(u);
	free(v);
	return out;
}

static int valid_utf8(const char *s, size_t len)
{
	int32_t i = 0, n = (int32_t)len;
	UChar32 c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

/* Converts and checks the result is valid UTF-8, NUL-terminated. */
static char *convert(cm_encoding enc, const char *data, size_t len, size_t *invalid)
{
	char *out = NULL;
	size_t n = 0;

	cr_assert_eq(cm_encoding_convert(&out, &n, invalid, enc, data, len), 0, "%s",
		     cm_error_last());
	cr_assert_eq(out[n], '\0');
	cr_assert(valid_utf8(out, n));
	return out;
}

/* The bytes of a string whose characters are all U+0000-U+00FF: how VNI
 * text shows in a Latin-1 font ("Vieät" for "Việt"). */
static char *latin1(const char *utf8, size_t *len)
{
	char *out = malloc(strlen(utf8) + 1);
	int32_t i = 0, n = (int32_t)strlen(utf8);
	size_t o = 0;
	UChar32 c;

	while (i < n) {
		U8_NEXT(utf8, i, n, c);
		cr_assert(c >= 0 && c <= 0xFF);
		out[o++] = (char)c;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* ---- corpus round trips ---- */

typedef struct {
	const char *corpus; /* corpus file prefix */
	cm_encoding enc;
	const char *encoded;  /* fixture in enc */
	const char *expected; /* its UTF-8, or NULL for the corpus text itself */
} corpus_case;

static const corpus_case corpus_cases[] = {
	{"001_", CM_ENC_CP1258, DATA "001.cp1258", NULL},
	{"004_", CM_ENC_CP1258, DATA "004.cp1258", NULL},
	{"001_", CM_ENC_TCVN3, DATA "001.tcvn3", DATA "001.tcvn3.txt"},
	{"004_", CM_ENC_TCVN3, DATA "004.tcvn3", DATA "004.tcvn3.txt"},
	{"001_", CM_ENC_VNI, DATA "001.vni", NULL},
	{"004_", CM_ENC_VNI, DATA "004.vni", NULL},
};

static void check_round_trip(cm_encoding enc, const char *bytes, size_t len, const char *want)
{
	size_t invalid = 99;
	int uncertain = -1;
	char *got;

	cr_expect_eq(cm_encoding_detect(&uncertain, bytes, len, CM_ENC_UNKNOWN), enc,
		     "detected %s, want %s",
		     cm_encoding_name(cm_encoding_detect(NULL, bytes, len, CM_ENC_UNKNOWN)),
		     cm_encoding_name(enc));
	cr_expect_eq(uncertain, 0);
	got = convert(enc, bytes, len, &invalid);
	cr_expect_eq(invalid, 0);
	cr_expect_str_eq(got, want);
	free(got);
}

Test(encoding, corpus_fixtures)
{
	for (size_t i = 0; i < sizeof corpus_cases / sizeof *corpus_cases; i++) {
		const corpus_case *c = &corpus_cases[i];
		size_t n, len;
		char *orig =
			c->expected ? cm_test_read(c->expected, &n) : read_corpus(c->corpus, &n);
		char *want = nfc(orig, n);
		char *bytes = cm_test_read(c->encoded, &len);
		check_round_trip(c->enc, bytes, len, want);
		free(orig);
		free(want);
		free(bytes);
	}
}

Test(encoding, corpus_utf8_and_utf16)
{
	size_t n;
	char *orig = read_corpus("004_", &n), *want = nfc(orig, n), *u16, *got;
	int uncertain = -1;
	size_t invalid = 9, m = 0;
	UChar *units = malloc((n + 1) * sizeof *units);
	UErrorCode e = U_ZERO_ERROR;
	int32_t nu;

	cr_expect_eq(cm_encoding_detect(&uncertain, orig, n, CM_ENC_UNKNOWN), CM_ENC_UTF8);
	cr_expect_eq(uncertain, 0);
	/* UTF-16LE with a BOM */
	u_strFromUTF8(units, (int32_t)n + 1, &nu, orig, (int32_t)n, &e);
	u16 = malloc(2 * (size_t)nu + 2);
	u16[m++] = (char)0xFF;
	u16[m++] = (char)0xFE;
	for (int32_t i = 0; i < nu; i++) {
		u16[m++] = (char)(units[i] & 0xFF);
		u16[m++] = (char)(units[i] >> 8);
	}
	cr_expect_eq(cm_encoding_detect(&uncertain, u16, m, CM_ENC_UNKNOWN), CM_ENC_UTF16LE);
	cr_expect_eq(uncertain, 0);
	got = convert(CM_ENC_UTF16LE, u16, m, &invalid);
	cr_expect_eq(invalid, 0);
	cr_expect_str_eq(got, want);
	free(got);
	/* no BOM: the hint decides */
	cr_expect_eq(cm_encoding_detect(&uncertain, u16 + 2, m - 2, CM_ENC_UTF16LE),
		     CM_ENC_UTF16LE);
	free(u16);
	free(units);
	free(orig);
	free(want);
}

/* U+0000 in UTF-16 (a C string cannot hold it) becomes U+FFFD, counted as
 * invalid, in both byte orders; a text without one keeps every character. */
Test(encoding, utf16_nul_replaced)
{
	static const struct {
		cm_encoding enc;
		const char *data;
		size_t len;
		const char *want;
		size_t invalid;
	} cases[] = {
		{CM_ENC_UTF16LE, "a\0\0\0b\0", 6,
		 "a\xEF\xBF\xBD"
		 "b",
		 1},
		{CM_ENC_UTF16BE, "\0a\0\0\0b", 6,
		 "a\xEF\xBF\xBD"
		 "b",
		 1},
		{CM_ENC_UTF16LE, "a\0 \0b\0", 6, "a b", 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t invalid = 9, n = 0;
		char *got = NULL;

		cr_assert_eq(cm_encoding_convert(&got, &n, &invalid, cases[i].enc, cases[i].data,
						 cases[i].len),
			     0, "case %zu: %s", i, cm_error_last());
		cr_expect_eq(strlen(got), n, "case %zu", i);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		cr_expect_eq(invalid, cases[i].invalid, "case %zu", i);
		free(got);
	}
}

/* ---- TCVN3's table against glibc ---- */

Test(encoding, tcvn3_agrees_with_glibc)
{
	size_t n;
	char *lines = cm_test_read(DATA "tcvn3_a0ff.txt", &n), *line = lines;

	for (int b = 0xA0; b <= 0xFF; b++) {
		char byte = (char)b, *end = strchr(line, '\n'), *got, *want;
		size_t invalid;
		cr_assert_not_null(end);
		*end = '\0';
		want = nfc(line, strlen(line));
		got = convert(CM_ENC_TCVN3, &byte, 1, &invalid);
		cr_expect_str_eq(got, want, "byte 0x%02X", b);
		free(got);
		free(want);
		line = end + 1;
	}
	free(lines);
}

/* ---- VNI as published ---- */

typedef struct {
	const char *vni; /* the VNI bytes as Latin-1 shows them */
	const char *text;
} pair;

static const pair vni_pairs[] = {
	{"Vieät Nam", "Việt Nam"},
	{"VIEÄT NAM", "VIỆT NAM"},
	{"Nghò quyeát", "Nghị quyết"},
	{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	{"Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
	{"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	{"ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"},
	{"Thuû töôùng Chính phuû", "Thủ tướng Chính phủ"},
	{"QUYEÁT ÑÒNH", "QUYẾT ĐỊNH"},
	{"CHÆ THÒ", "CHỈ THỊ"},
	{"TÆNH UÛY", "TỈNH ỦY"},
	{"TRÖÔØNG ÑAÏI HOÏC", "TRƯỜNG ĐẠI HỌC"},
	{"CÔ QUAN", "CƠ QUAN"},
	{"naêm, baèng, chaéc chaén, thaúng, saün saøng, maët",
	 "năm, bằng, chắc chắn, thẳng, sẵn sàng, mặt"},
	{"NAÊM, BAÈNG, CHAÉC, THAÚNG, SAÜN, MAËT", "NĂM, BẰNG, CHẮC, THẲNG, SẴN, MẶT"},
	{"kyõ thuaät, Ñieän Bieân Phuû, ngöôøi, öôùc", "kỹ thuật, Điện Biên Phủ, người, ước"},
	{"hieäu löïc, ô, ö, ñ, ì, æ, ó, í, ò, î", "hiệu lực, ơ, ư, đ, ì, ỉ, ĩ, í, ị, ỵ"},
	{"Ô, Ö, Ñ, Ì, Æ, Ó, Í, Ò, Î", "Ơ, Ư, Đ, Ì, Ỉ, Ĩ, Í, Ị, Ỵ"},
	{"Daân vaän kheùo « 2018 »", "Dân vận khéo « 2018 »"},
};

Test(encoding, vni_published)
{
	for (size_t i = 0; i < sizeof vni_pairs / sizeof *vni_pairs; i++) {
		size_t len, invalid = 9;
		char *bytes = latin1(vni_pairs[i].vni, &len);
		char *got = convert(CM_ENC_VNI, bytes, len, &invalid);
		cr_expect_str_eq(got, vni_pairs[i].text);
		cr_expect_eq(invalid, 0);
		free(got);
		free(bytes);
	}
}

/* The "“" in a UTF-8 literal is its cp1252 byte here. */
Test(encoding, vni_cp1252_punctuation)
{
	size_t invalid;
	char *got = convert(CM_ENC_VNI, "\x93x\x94\x81", 4, &invalid);

	cr_expect_str_eq(got, "“x”\xEF\xBF\xBD");
	cr_expect_eq(invalid, 1);
	free(got);
}

/* ---- small conversions ---- */

typedef struct {
	cm_encoding enc;
	const char *in;
	size_t len;
	const char *out;
	size_t invalid;
} conv_case;

#define S(x) x, sizeof(x) - 1

static const conv_case conv_cases[] = {
	{CM_ENC_TCVN3, S("Ngh\xDE quy\xD5t"), "Nghị quyết", 0},
	{CM_ENC_TCVN3, S("\xA7\xAB ng Vi\xD6t"), "Đô ng Việt", 0},
	{CM_ENC_TCVN3, S("\x93Vi\xD6t\x94"), "“Việt”", 0},
	{CM_ENC_TCVN3, S("a\xB3"), "á", 0}, /* a lone tone byte composes */
	{CM_ENC_CP1258, S("Vi\xEA\xF2t Nam"), "Việt Nam", 0},
	{CM_ENC_CP1258,
	 S("\xD0"
	   "a\xCC\x80"),
	 "Đà€", 0},
	{CM_ENC_UTF8, S("\xEF\xBB\xBFVi\xE1\xBB\x87t"), "Việt", 0},
	{CM_ENC_UTF8, S("Vie\xCC\xA3\xCC\x82t"), "Việt", 0},
	{CM_ENC_UTF8,
	 S("a\xFF"
	   "b"),
	 "a\xEF\xBF\xBD"
	 "b",
	 1},
	{CM_ENC_UTF16BE, S("\xFE\xFF\x00V\x1E\xC7"), "Vệ", 0},
	{CM_ENC_UTF16LE, S("V\x00\x00\xD8"), "V\xEF\xBF\xBD", 1},
	{CM_ENC_VNI,
	 S("\xF9"
	   "a"),
	 "\xCC\x81"
	 "a",
	 0}, /* a mark with no letter stays */
	{CM_ENC_VNI, S("Vie\xE4"), "Việ", 0},
	{CM_ENC_TCVN3, S(""), "", 0},
};

Test(encoding, convert_cases)
{
	for (size_t i = 0; i < sizeof conv_cases / sizeof *conv_cases; i++) {
		const conv_case *c = &conv_cases[i];
		size_t invalid = 99;
		char *got = convert(c->enc, c->in, c->len, &invalid);
		cr_expect_str_eq(got, c->out, "case %zu", i);
		cr_expect_eq(invalid, c->invalid, "case %zu", i);
		free(got);
	}
}

Test(encoding, convert_unknown)
{
	char *out = NULL;
	size_t n, invalid;

	cr_expect_eq(cm_encoding_convert(&out, &n, &invalid, CM_ENC_UNKNOWN, "a", 1), CM_EINVAL);
	cr_expect_eq(cm_encoding_convert(&out, &n, &invalid, (cm_encoding)42, "a", 1), CM_EINVAL);
	cr_expect_eq(cm_encoding_recode_cp1252(&out, &n, &invalid, CM_ENC_UNKNOWN, "a", 1),
		     CM_EINVAL);
	cr_expect_null(out);
}

/* ---- recoding windows-1252 characters ---- */

static const conv_case recode_cases[] = {
	{CM_ENC_TCVN3, S("NghÞ quyÕt"), "Nghị quyết", 0},
	{CM_ENC_TCVN3, S("“ViÖt Nam”"), "“Việt Nam”", 0},
	{CM_ENC_TCVN3, S("§¶ng ViÖt → Việt"), "Đảng Việt → Việt", 0},
	{CM_ENC_VNI, S("Vieät Nam – Ñaûng"), "Việt Nam – Đảng", 0},
	{CM_ENC_UTF8, S("Viá»‡t Nam"), "Việt Nam", 0},
	{CM_ENC_CP1258, S("Viêòt"), "Việt", 0},
	{CM_ENC_TCVN3, S("\xC2\x93x\xC2\x94"), "“x”", 0}, /* C1 code points are their byte */
	{CM_ENC_TCVN3,
	 S("a\xFF"
	   "b"),
	 "a\xEF\xBF\xBD"
	 "b",
	 1},
	{CM_ENC_TCVN3, S(""), "", 0},
};

Test(encoding, recode_cp1252)
{
	for (size_t i = 0; i < sizeof recode_cases / sizeof *recode_cases; i++) {
		const conv_case *c = &recode_cases[i];
		size_t invalid = 99, n;
		char *got = NULL;
		cr_assert_eq(cm_encoding_recode_cp1252(&got, &n, &invalid, c->enc, c->in, c->len),
			     0);
		cr_expect_str_eq(got, c->out, "case %zu", i);
		cr_expect_eq(invalid, c->invalid, "case %zu", i);
		cr_expect(valid_utf8(got, n));
		free(got);
	}
}

/* ---- detection ---- */

typedef struct {
	const char *in;
	size_t len;
	cm_encoding hint, want;
	int uncertain;
} detect_case;

static const detect_case detect_cases[] = {
	{S(""), CM_ENC_UNKNOWN, CM_ENC_UTF8, 0},
	{S("Nghi quyet so 25-NQ/TW"), CM_ENC_UNKNOWN, CM_ENC_UTF8, 0},
	{S("Nghi quyet"), CM_ENC_TCVN3, CM_ENC_UTF8, 0}, /* ASCII fits any hint */
	{S("Việt"), CM_ENC_UNKNOWN, CM_ENC_UTF8, 0},     /* valid UTF-8, however short */
	{S("Nghị quyết của Ban Chấp hành Trung ương Đảng"), CM_ENC_UNKNOWN, CM_ENC_UTF8, 0},
	{S("\xEF\xBB\xBF"), CM_ENC_UNKNOWN, CM_ENC_UTF8, 0},
	{S("\xFE\xFF\x00V"), CM_ENC_UNKNOWN, CM_ENC_UTF16BE, 0},
	{S("\xFF\xFEV\x00"), CM_ENC_VNI, CM_ENC_UTF16LE, 0},
	/* TCVN3, short: Nghị quyết */
	{S("Ngh\xDE quy\xD5t"), CM_ENC_UNKNOWN, CM_ENC_TCVN3, 1},
	{S("Ngh\xDE quy\xD5t"), CM_ENC_TCVN3, CM_ENC_TCVN3, 1},
	/* TCVN3: Nghị quyết về việc tăng cường công tác dân vận của Đảng */
	{S("Ngh\xDE quy\xD5t v\xD2 vi\xD6"
	   "c t\xA8ng c\xAD\xEAng c\xABng t\xB8"
	   "c d\xA9n v\xCBn c\xF1"
	   "a \xA7\xB6ng"),
	 CM_ENC_UNKNOWN, CM_ENC_TCVN3, 0},
	/* the same in windows-1258 */
	{S("Nghi\xF2 quy\xEA\xECt v\xEA\xCC vi\xEA\xF2"
	   "c t\xE3ng c\xFD\xF5\xCCng c\xF4ng t\xE1"
	   "c d\xE2n v\xE2\xF2n cu\xD2"
	   "a \xD0"
	   "a\xD2ng"),
	 CM_ENC_UNKNOWN, CM_ENC_CP1258, 0},
	/* the same in VNI, and a hint against the bytes */
	{S("Ngh\xF2 quye\xE1t ve\xE0 vie\xE4"
	   "c ta\xEAng c\xF6\xF4\xF8ng co\xE2ng ta\xF9"
	   "c da\xE2n va\xE4n cu\xFB"
	   "a \xD1"
	   "a\xFBng"),
	 CM_ENC_TCVN3, CM_ENC_VNI, 0},
	/* ambiguous: one high byte, "càu" in windows-1258 and "cá" in VNI */
	{S("ca\xF9"), CM_ENC_UNKNOWN, CM_ENC_CP1258, 1},
};

Test(encoding, detect_cases)
{
	for (size_t i = 0; i < sizeof detect_cases / sizeof *detect_cases; i++) {
		const detect_case *c = &detect_cases[i];
		int uncertain = -1;
		cm_encoding got = cm_encoding_detect(&uncertain, c->in, c->len, c->hint);
		cr_expect_eq(got, c->want, "case %zu: %s", i, cm_encoding_name(got));
		cr_expect_eq(uncertain, c->uncertain, "case %zu", i);
	}
}

/* The hint wins only when its score is close: a whole corpus text in
 * windows-1258 stays windows-1258 against a VNI hint. */
Test(encoding, detect_hint_against_evidence)
{
	size_t len;
	char *bytes = cm_test_read(DATA "004.cp1258", &len);
	int uncertain = -1;

	cr_expect_eq(cm_encoding_detect(&uncertain, bytes, len, CM_ENC_VNI), CM_ENC_CP1258);
	cr_expect_eq(uncertain, 0);
	free(bytes);
}

/* ---- labels and names ---- */

typedef struct {
	const char *label;
	cm_encoding enc;
} label_case;

static const label_case label_cases[] = {
	{"utf-8", CM_ENC_UTF8},
	{"UTF8", CM_ENC_UTF8},
	{" utf-8 ", CM_ENC_UTF8},
	{"utf-16le", CM_ENC_UTF16LE},
	{"UTF-16BE", CM_ENC_UTF16BE},
	{"windows-1258", CM_ENC_CP1258},
	{"CP1258", CM_ENC_CP1258},
	{"tcvn3", CM_ENC_TCVN3},
	{"TCVN", CM_ENC_TCVN3},
	{"tcvn5712-1", CM_ENC_TCVN3},
	{"vni", CM_ENC_VNI},
	{".VnTime", CM_ENC_TCVN3},
	{".VnArial", CM_ENC_TCVN3},
	{".VnTimeH", CM_ENC_TCVN3},
	{"VNI-Times", CM_ENC_VNI},
	{"VNI-Helve", CM_ENC_VNI},
	{"Times New Roman", CM_ENC_UNKNOWN},
	{"utf-88", CM_ENC_UNKNOWN},
	{"vnix", CM_ENC_UNKNOWN},
	{"", CM_ENC_UNKNOWN},
};

Test(encoding, labels)
{
	for (size_t i = 0; i < sizeof label_cases / sizeof *label_cases; i++)
		cr_expect_eq(
			cm_encoding_from_label(label_cases[i].label, strlen(label_cases[i].label)),
			label_cases[i].enc, "%s", label_cases[i].label);
	cr_expect_eq(cm_encoding_from_label("utf-8garbage", 5), CM_ENC_UTF8); /* len-bounded */
	cr_expect_eq(cm_encoding_from_label(NULL, 0), CM_ENC_UNKNOWN);
}

Test(encoding, names)
{
	cr_expect_str_eq(cm_encoding_name(CM_ENC_CP1258), "windows-1258");
	cr_expect_str_eq(cm_encoding_name(CM_ENC_TCVN3), "TCVN3");
	cr_expect_str_eq(cm_encoding_name(CM_ENC_VNI), "VNI");
	cr_expect_str_eq(cm_encoding_name(CM_ENC_UNKNOWN), "unknown");
	cr_expect_str_eq(cm_encoding_name((cm_encoding)-1), "unknown");
}

/* ---- hostile bytes ---- */

static const cm_encoding all_encodings[] = {CM_ENC_UTF8,   CM_ENC_UTF16LE, CM_ENC_UTF16BE,
					    CM_ENC_CP1258, CM_ENC_TCVN3,   CM_ENC_VNI};

static void survive(const char *bytes, size_t len)
{
	int uncertain;

	cm_encoding_detect(&uncertain, bytes, len, CM_ENC_UNKNOWN);
	for (size_t k = 0; k < 6; k++) {
		size_t invalid, n;
		char *got = convert(all_encodings[k], bytes, len, &invalid);
		free(got);
		cm_encoding_detect(&uncertain, bytes, len, all_encodings[k]);
		cr_assert_eq(
			cm_encoding_recode_cp1252(&got, &n, &invalid, all_encodings[k], bytes, len),
			0);
		cr_assert(valid_utf8(got, n));
		free(got);
	}
}

Test(encoding, hostile_bytes)
{
	char all[512];
	/* Lengths are counted, not measured: some pieces hold a NUL byte. */
#define PIECE(s)                \
	{                       \
		s, sizeof s - 1 \
	}
	static const struct {
		const char *bytes;
		size_t len;
	} pieces[] = {PIECE("\xE4"),
		      PIECE("Vie\xE4"),
		      PIECE("\xF9\xF9\xF9"),
		      PIECE("\xFF\xFE\x00"),
		      PIECE("\xFE\xFF\xD8"),
		      PIECE("\xEF\xBB"),
		      PIECE("\xB0\xB1"),
		      PIECE("a\x00"
			    "b")};
#undef PIECE

	for (int i = 0; i < 256; i++)
		all[i] = all[511 - i] = (char)i;
	survive(all, sizeof all);
	survive(all + 256, 256);
	survive("", 0);
	for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++)
		survive(pieces[i].bytes, pieces[i].len);
	for (int b = 0; b < 256; b++) {
		char one = (char)b;
		survive(&one, 1);
	}
}
