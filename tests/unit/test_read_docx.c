/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_read_docx.c: the DOCX reader on tests/data/formats (made by make.sh):
 * the 001 directive line for line, tables row by row, footnotes after the
 * body, the title, legacy fonts; ZIP bombs, entity declarations, damaged
 * and foreign archives refused with their reason. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "gold.h"
#include "read/reader.h"

static char *fixture(const char *name, size_t *len)
{
	char rel[256];

	snprintf(rel, sizeof rel, "tests/data/formats/%s", name);
	return cm_test_read(rel, len);
}

/* The non-empty lines of s, each with its runs of white space (ASCII and
 * U+00A0) folded to one space and trimmed, each ending with a newline. */
static char *fold_lines(const char *s)
{
	char *out = malloc(strlen(s) + 2), *o = out;
	int space = 0;

	cr_assert_not_null(out);
	for (; *s; s++) {
		int nbsp = (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0;
		if (*s == '\n') {
			if (o > out && o[-1] != '\n')
				*o++ = '\n';
			space = 0;
		} else if (nbsp || strchr(" \t\r\f\v", *s)) {
			s += nbsp;
			space = o > out && o[-1] != '\n';
		} else {
			if (space)
				*o++ = ' ';
			space = 0;
			*o++ = *s;
		}
	}
	if (o > out && o[-1] != '\n')
		*o++ = '\n';
	*o = '\0';
	return out;
}

static int read_fixture(cm_extracted *x, const char *name)
{
	size_t len;
	char *data = fixture(name, &len);
	int rc = cm_read_docx(x, data, len);

	free(data);
	return rc;
}

Test(read_docx, directive_line_for_line)
{
	size_t len;
	char *txt = cm_gold_read_doc("001_37328ef8013521d8.txt", &len);
	char *want = fold_lines(txt), *got;
	cm_extracted x;

	cr_assert_eq(read_fixture(&x, "directive.docx"), 0, "%s", cm_error_last());
	/* Every non-empty line of the .txt, white space folded, is a line of the
	 * text, in the same order and with nothing else. */
	got = fold_lines(x.text);
	cr_assert_str_eq(got, want);
	cr_assert_eq(x.text_len, strlen(x.text));
	cr_assert(strstr(x.text, "thực hiện Nghị quyết số 25-NQ/TW về"));
	cr_assert_str_eq(x.title, "Ban Dân vận Tỉnh uỷ và Hội Nhà báo tỉnh: Phối hợp, "
				  "tổ chức thực hiện công tác dân vận");
	cr_assert_null(x.date);
	cr_assert_null(x.legacy_font);
	free(got);
	free(want);
	free(txt);
	cm_extracted_clear(&x);
}

typedef struct {
	const char *file;
	const char *text; /* the exact text */
	const char *title;
	const char *font;
} good_t;

static const good_t goods[] = {
	/* Tab stops of w:pPr add nothing, w:tab a space; w:br a line; cells of a
	 * row on one line, a cell's paragraphs joined; mc:Fallback and deleted
	 * text left out; the footnote after a blank line, the separators not. */
	{"table_footnote.docx",
	 "ĐẢNG CỘNG SẢN VIỆT NAM\n"
	 "Số 15 CT/TU\n"
	 "Thực hiện Nghị quyết số 25-NQ/TW,\n"
	 "dòng sau\n"
	 "Số, ký hiệu | Trích yếu\n"
	 "25-NQ/TW | Tăng cường công tác dân vận\n"
	 "Hộp chữ\n"
	 "Nơi nhận\n"
	 "\n"
	 "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khoá IX.\n",
	 "Chỉ thị số 15-CT/TU", NULL},
	/* Legacy fonts are named, the text left as it is. */
	{"vntime.docx", "Unicode\nChØ thÞ\n", NULL, ".VnTime"},
	{"vni_defaults.docx", "Chæ thò\n", NULL, "VNI-Times"},
};

Test(read_docx, good)
{
	for (const good_t *c = goods; c < goods + sizeof goods / sizeof goods[0]; c++) {
		cm_extracted x;

		cr_assert_eq(read_fixture(&x, c->file), 0, "%s: %s", c->file, cm_error_last());
		cr_assert_str_eq(x.text, c->text, "%s", c->file);
		cr_assert_eq(x.text_len, strlen(c->text));
		if (c->title)
			cr_assert_str_eq(x.title, c->title);
		else
			cr_assert_null(x.title);
		if (c->font)
			cr_assert_str_eq(x.legacy_font, c->font);
		else
			cr_assert_null(x.legacy_font);
		cr_assert_null(x.date, "no creation time taken for the document's date");
		cm_extracted_clear(&x);
	}
}

typedef struct {
	const char *file;
	int rc;
	const char *why; /* the message, from its start */
} bad_t;

static const bad_t bads[] = {
	/* 300 MB of zeros: refused on the declared size, before inflating. */
	{"bomb.docx", CM_ELIMIT, "DOCX entry word/document.xml expands to more than 256 MiB"},
	/* 2 MiB in 2 KB. */
	{"ratio_bomb.docx", CM_ELIMIT,
	 "DOCX entry word/document.xml has a compression ratio over 200:1"},
	/* 20 MiB declared as 1,000 bytes: stopped while inflating. */
	{"lying_bomb.docx", CM_ELIMIT,
	 "DOCX entry word/document.xml has a compression ratio over 200:1"},
	{"laughs.docx", CM_EUNSUPPORTED, "DOCX entry word/document.xml declares XML entities"},
	/* The same in UTF-16, where "<!ENTITY" is not in the bytes. */
	{"entity_utf16.docx", CM_EUNSUPPORTED,
	 "DOCX entry word/document.xml declares XML entities"},
	{"malformed.docx", CM_EUNSUPPORTED,
	 "DOCX entry word/document.xml is not well-formed XML: Premature end of data"},
	{"directive_truncated.docx", CM_EUNSUPPORTED, "damaged ZIP: Not a zip archive"},
	{"not_docx.docx", CM_EUNSUPPORTED, "not a DOCX (no word/document.xml)"},
	{"directive.pdf", CM_EUNSUPPORTED, "damaged ZIP: Not a zip archive"},
};

Test(read_docx, bad)
{
	for (const bad_t *c = bads; c < bads + sizeof bads / sizeof bads[0]; c++) {
		cm_extracted x;

		memset(&x, 0xff, sizeof x);
		cr_assert_eq(read_fixture(&x, c->file), c->rc, "%s: %s", c->file, cm_error_last());
		cr_assert_eq(strncmp(cm_error_last(), c->why, strlen(c->why)), 0, "%s: %s", c->file,
			     cm_error_last());
		cr_assert_null(x.text);
		cr_assert_null(x.title);
		cr_assert_null(x.legacy_font);
	}
}

Test(read_docx, not_a_zip)
{
	static const char *const inputs[][2] = {
		{"", "not a DOCX (no word/document.xml)"}, /* libzip: an empty archive */
		{"PK", "damaged ZIP: Not a zip archive"},
		{"hello, world", "damaged ZIP: Not a zip archive"},
	};
	cm_extracted x;

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		cr_assert_eq(cm_read_docx(&x, inputs[i][0], strlen(inputs[i][0])), CM_EUNSUPPORTED);
		cr_assert_str_eq(cm_error_last(), inputs[i][1]);
		cr_assert_null(x.text);
	}
}

/* Every prefix of a good file, and the file with any one byte changed, is
 * read or refused with a reason, never a crash or a leak. */
Test(read_docx, damaged_anywhere)
{
	size_t len;
	char *data = fixture("table_footnote.docx", &len);

	for (size_t i = 0; i < 2 * len; i++) {
		cm_extracted x;
		size_t n = i < len ? i : len;
		int rc;
		if (i >= len)
			data[i - len] ^= 0x5a;
		rc = cm_read_docx(&x, data, n);
		if (i >= len)
			data[i - len] ^= 0x5a;
		cr_assert(rc == 0 || ((rc == CM_EUNSUPPORTED || rc == CM_ELIMIT) &&
				      *cm_error_last() && !x.text),
			  "%zu: %d %s", i, rc, cm_error_last());
		cm_extracted_clear(&x);
	}
	free(data);
}
