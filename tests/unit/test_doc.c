/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_doc.c: the doc operation (chimuc/doc.h) on an index of the five
 * sample directives: a document by its number (with and without its year)
 * and by its path, one not there, a bad options version. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "chimuc/doc.h"
#include "chimuc/error.h"
#include "test_index.h"

TestSuite(doc, .init = cm_test_open_samples, .fini = cm_test_close);

static const struct {
	const char *name;
	const char *file; /* NULL: none */
} cases[] = {
	{"1600-KH/BDVTW", "004_3c74891c68df0f2c.txt"},
	{"1600-KH/BDVTW@2018", "004_3c74891c68df0f2c.txt"},
	{"Kế hoạch số 1600-KH/BDVTW", "004_3c74891c68df0f2c.txt"},
	{CM_SOURCE_DIR "/corpus/003_33f224fdd1db13f7.txt", "003_33f224fdd1db13f7.txt"},
	{"1600-KH/BDVTW@2019", NULL},
	{"9999-XX/YY", NULL},
	{"no number at all", NULL},
};

Test(doc, by_number_and_by_path)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_docinfo *info = NULL;
		int rc = cm_doc(&info, cm_test_ix, cases[i].name, NULL);

		if (!cases[i].file) {
			cr_expect_eq(rc, CM_ENOTFOUND, "%s", cases[i].name);
			cr_expect_null(info);
			continue;
		}
		cr_assert_eq(rc, 0, "%s: %s", cases[i].name, cm_error_last());
		cr_expect_str_eq(cm_test_base(info->path), cases[i].file, "%s", cases[i].name);
		cr_expect_gt(info->text_len, 0);
		cm_docinfo_free(info);
	}
}

Test(doc, a_bad_version)
{
	cm_doc_options o = CM_DOC_OPTIONS_INIT;
	cm_docinfo *info;

	o.version = 0;
	cr_expect_eq(cm_doc(&info, cm_test_ix, "1600-KH/BDVTW", &o), CM_EINVAL);
	cr_expect_null(info);
}
