/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_ocr_repair.c: each OCR repair rule with a row it must repair and a
 * row it must leave alone (the same text out as in, no repair counted). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "read/ocr_repair.h"

static const struct {
	const char *in, *out;
	unsigned repairs;
} rows[] = {
	/* Ð and ð read for Đ and đ */
	{"ĐẢNG CỘNG SẢN, Ðảng, ðồng", "ĐẢNG CỘNG SẢN, Đảng, đồng", 2},
	{"Đảng và đồng bào", "Đảng và đồng bào", 0},
	/* O and l in a citation's number */
	{"Chỉ thị số O5-CT/TW ngày", "Chỉ thị số 05-CT/TW ngày", 1},
	{"Nghị quyết số 2l-NQ/TW", "Nghị quyết số 21-NQ/TW", 1},
	{"Nghị quyết số Ol-NQ/TW", "Nghị quyết số Ol-NQ/TW", 0},
	{"số lượng 1O người", "số lượng 1O người", 0},
	/* a lost or added space around the dash */
	{"Kế hoạch số 54 -KH/BCĐ", "Kế hoạch số 54-KH/BCĐ", 1},
	{"Kế hoạch số 54- KH/BCĐ", "Kế hoạch số 54-KH/BCĐ", 1},
	{"số 54 - 60 người", "số 54 - 60 người", 0},
	/* the type's code where the type word decides */
	{"Quyết định số 12-OD/TU ngày", "Quyết định số 12-QĐ/TU ngày", 1},
	{"Quyết định số 290-QĐÐ/TW", "Quyết định số 290-QĐ/TW", 1},
	{"Nghị quyết số 25-N0/TW", "Nghị quyết số 25-NQ/TW", 1},
	{"Quyết định số 12-KH/TU", "Quyết định số 12-KH/TU", 0},
	{"Hội nghị số 12-OD/TU", "Hội nghị số 12-OD/TU", 0},
	/* TVV read for TW after the slash */
	{"Nghị quyết số 25-NQ/TVV về", "Nghị quyết số 25-NQ/TW về", 1},
	{"Nghị quyết số 25-NQ/TVVX", "Nghị quyết số 25-NQ/TVVX", 0},
	{"ở TVV và NQ/TVV", "ở TVV và NQ/TVV", 0},
	/* the last part of a compound issuer split by a space */
	{"số 1599-KH/BDVTW-ĐĐHN BVN, ngày", "số 1599-KH/BDVTW-ĐĐHNBVN, ngày", 1},
	{"số 15-KH/BDVTU-HNB ĐẢNG, ngày", "số 15-KH/BDVTU-HNB ĐẢNG, ngày", 0},
	{"số 25-NQ/TW BCH, ngày", "số 25-NQ/TW BCH, ngày", 0},
	/* several at once, and the end of the text */
	{"Quyết định số l2-OD/TVV", "Quyết định số 12-QĐ/TW", 3},
	{"số", "số", 0},
	{"Số 1", "Số 1", 0},
};

Test(ocr_repair, rules)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *out;
		size_t len;
		unsigned repairs;
		cr_assert_eq(cm_ocr_repair(&out, &len, &repairs, rows[i].in, strlen(rows[i].in)),
			     0);
		cr_expect_str_eq(out, rows[i].out, "row %zu", i);
		cr_expect_eq(len, strlen(out), "row %zu", i);
		cr_expect_eq(repairs, rows[i].repairs, "row %zu: %u repairs", i, repairs);
		free(out);
	}
}
