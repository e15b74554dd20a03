/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_read_pdf.c: the PDF reader on tests/data/formats (made by make.sh):
 * the 001 directive's text and title, pages apart; scans, encrypted,
 * damaged and over-long PDFs refused with their reason. */
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

/* s without any white space (ASCII and U+00A0). */
static char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	cr_assert_not_null(out);
	for (; *s; s++) {
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			s++;
		else if (!strchr(" \t\r\n\f\v", *s))
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

static int read_fixture(cm_extracted *x, const char *name)
{
	size_t len;
	char *data = fixture(name, &len);
	int rc = cm_read_pdf(x, data, len);

	free(data);
	return rc;
}

Test(read_pdf, directive)
{
	size_t len;
	char *txt = cm_gold_read_doc("001_37328ef8013521d8.txt", &len);
	char *want = squeeze(txt), *got;
	const char *head = "Ban Dân vận Tỉnh uỷ và Hội Nhà báo tỉnh: Phối hợp, tổ chức thực "
			   "hiện công tác dân vận\nThứ tư - 07/06/2017 16:00 55 0\n";
	cm_extracted x;

	cr_assert_eq(read_fixture(&x, "directive.pdf"), 0, "%s", cm_error_last());
	/* The PDF wraps the .txt's lines anew: without white space, the texts
	 * are the same. */
	got = squeeze(x.text);
	cr_assert_str_eq(got, want);
	cr_assert_eq(x.text_len, strlen(x.text));
	/* Lines wrapped at the margin are joined (the heading wraps after
	 * "dân" on the page), others kept; the signature on the second page
	 * follows a blank line. */
	cr_assert_eq(strncmp(x.text, head, strlen(head)), 0, "%.200s", x.text);
	cr_assert(strstr(x.text, "(15/10/1930 – 15/10/2020).\n\nTố Tuấn\n"), "%s", x.text);
	cr_assert_null(strstr(x.text, "\n\n\n"));
	cr_assert_null(strstr(x.text, " \n"));
	cr_assert_null(strstr(x.text, "\n "));
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
	int rc;
	const char *why; /* the message, from its start */
} bad_t;

static const bad_t bads[] = {
	{"scan.pdf", CM_EUNSUPPORTED, "no text layer (scanned?)"},
	{"encrypted.pdf", CM_EUNSUPPORTED, "cannot open PDF: Document is encrypted"},
	{"damaged.pdf", CM_EUNSUPPORTED, "cannot open PDF: PDF document is damaged"},
	{"directive.docx", CM_EUNSUPPORTED, "cannot open PDF: "},
	{"pages.pdf", CM_ELIMIT, "PDF has 10001 pages, more than 10000"},
};

Test(read_pdf, bad)
{
	for (const bad_t *c = bads; c < bads + sizeof bads / sizeof bads[0]; c++) {
		cm_extracted x;

		memset(&x, 0xff, sizeof x);
		cr_assert_eq(read_fixture(&x, c->file), c->rc, "%s: %s", c->file, cm_error_last());
		cr_assert_eq(strncmp(cm_error_last(), c->why, strlen(c->why)), 0, "%s: %s", c->file,
			     cm_error_last());
		cr_assert_null(x.text);
		cr_assert_null(x.title);
	}
}

Test(read_pdf, empty)
{
	cm_extracted x;

	cr_assert_eq(cm_read_pdf(&x, "", 0), CM_EUNSUPPORTED);
	cr_assert_eq(strncmp(cm_error_last(), "cannot open PDF: ", 17), 0, "%s", cm_error_last());
	cr_assert_null(x.text);
}

/* Prefixes of the directive are read or refused, never a crash or a leak. */
Test(read_pdf, truncated)
{
	size_t len;
	char *data = fixture("directive.pdf", &len);

	for (size_t n = 0; n < len; n += 997) {
		cm_extracted x;
		int rc = cm_read_pdf(&x, data, n);
		cr_assert(rc == 0 || (rc == CM_EUNSUPPORTED && *cm_error_last() && !x.text),
			  "%zu bytes: %d %s", n, rc, cm_error_last());
		cm_extracted_clear(&x);
	}
	free(data);
}
