/* SPDX-License-Identifier: GPL-2.0-or-later */

/* fuzz_source.c: libFuzzer target for reading a file's bytes: format
 * detection and every format reader (HTML, XML, DOCX, PDF, the scanned
 * images PNG, JPEG and TIFF, text in any encoding), seeded with the format
 * and encoding fixtures and small scans and a DOCX drawing images
 * (regressions/fuzz_source/seed-*). OCR is the fake engine's (ocr.h):
 * every page reads as one citation, so that what is fuzzed is the decoding
 * of the images and the walk of a DOCX to them, not Tesseract. A DOCX is
 * read again with --ocr always (every image drawn read). Properties: it
 * either fails with a message, or gives text that is valid UTF-8 of exactly
 * text_len bytes with no NUL, and a title and date that are valid UTF-8;
 * the format readers' text has no line that starts or ends with a space;
 * the OCR counts agree (pages read, low pages among them). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "chimuc/source.h"
#include "read/ocr.h"
#include "read/ocr_pages.h"

static void check_utf8(const char *s, size_t n)
{
	int32_t i = 0;
	UChar32 c;

	if (!s)
		return;
	while (i < (int32_t)n) {
		U8_NEXT(s, i, (int32_t)n, c);
		if (c <= 0)
			abort();
	}
}

static void check_lines(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ' && (i == 0 || s[i - 1] == '\n' || i + 1 == n || s[i + 1] == '\n'))
			abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cm_ocr_fake("Căn cứ Chỉ thị số 12/CT-TTg ngày 3/5/2024", 80);
	return 0;
}

/* A DOCX read with every image drawn read by OCR. */
static void docx_always(const char *data, size_t size)
{
	static const cm_ocr_request always = {CM_OCR_ALWAYS, NULL, NULL};
	cm_extracted x;

	if (cm_read_docx_ocr(&x, data, size, &always) < 0) {
		if (x.text || !cm_error_last()[0])
			abort();
		return;
	}
	if (strlen(x.text) != x.text_len || x.ocr_low_pages > x.ocr_pages)
		abort();
	check_utf8(x.text, x.text_len);
	check_lines(x.text, x.text_len);
	cm_extracted_clear(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_source *src = NULL;

	if (size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		docx_always((const char *)data, size);

	if (cm_source_from_bytes(&src, (const char *)data, size) < 0) {
		if (src || !cm_error_last()[0])
			abort();
		return 0;
	}
	if (strlen(src->text) != src->text_len)
		abort();
	check_utf8(src->text, src->text_len);
	if (strcmp(src->format, "text") != 0)
		check_lines(src->text, src->text_len);
	check_utf8(src->title, src->title ? strlen(src->title) : 0);
	check_utf8(src->date, src->date ? strlen(src->date) : 0);
	if (src->ocr_low_pages > src->ocr_pages || src->ocr_lowest_page > 10000)
		abort();
	cm_source_free(src);
	return 0;
}
