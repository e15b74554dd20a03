/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_docinfo.c: the typed reader of a document's stored information
 * (chimuc/docinfo.h) on an index of the samples: each sample's path, title,
 * first citation (key, type, date, excerpt), dates (with who owes a
 * deadline to whom) and identity, checked against the stored JSON they are
 * read from; excerpts out of range. */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/docinfo.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/index.h"
#include "test_index.h"

/* The docinfo of the sample file name. */
static cm_docinfo *sample(const char *name)
{
	char file[PATH_MAX], *abs, term[CM_ID_TERM_MAX + 1];
	cm_xpostings *it;
	cm_xdocid id = 0;
	cm_docinfo *info;
	unsigned wdf;
	size_t n;

	snprintf(file, sizeof file, "%s/corpus/%s", CM_SOURCE_DIR, name);
	cr_assert_not_null(abs = realpath(file, NULL));
	cm_document_id_term(term, &n, abs);
	free(abs);
	cr_assert_eq(cm_xdb_postings(&it, cm_index_xdb(cm_test_ix), term, n), 0);
	cr_assert_eq(cm_xpostings_next(&id, &wdf, it), 1, "%s is indexed", name);
	cm_xpostings_free(it);
	cr_assert_eq(cm_docinfo_read(&info, cm_index_xdb(cm_test_ix), id), 0, "%s",
		     cm_error_last());
	return info;
}

static const cm_doccite *first_citation(const cm_docinfo *info)
{
	for (size_t i = 0; i < info->ncites; i++)
		if (!info->cites[i].self_mention)
			return &info->cites[i];
	return NULL;
}

TestSuite(docinfo, .init = cm_test_open_samples, .fini = cm_test_close);

Test(docinfo, samples_table)
{
	static const struct {
		const char *file, *key, *type, *date, *excerpt;
	} cases[] = {
		{"000_04ed2d92d4fbe0fc.txt", "1599-KH/BDVTW-ĐĐHNBVN@2018", "Kế hoạch", "2018-03-01",
		 "Kế hoạch phối hợp số 1599-KH/BDVTW-ĐĐHNBVN, ngày 01/03/2018"},
		{"001_37328ef8013521d8.txt", "34-CTr/TU@2013", "Chương trình", "2013-08-25",
		 "Chương trình hành động số 34-CTr/TU, ngày 25/8/2013"},
		{"002_b5165427152976bf.txt", "54-KH/BCĐ@2020", "Kế hoạch", "2020-02-12",
		 "Kế hoạch số 54-KH/BCĐ ngày 12/02/2020"},
		{"003_33f224fdd1db13f7.txt", "915-TB/TU@2023", "Thông báo", "2023-11-22",
		 "Thông báo số 915-TB/TU ngày 22/11/2023"},
		{"004_3c74891c68df0f2c.txt", "78-QĐ/TW@2012", "Quyết định", "2012-04-10",
		 "Quyết định số 78-QĐ/TW, ngày 10/4/2012"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_docinfo *info = sample(cases[i].file);
		const cm_doccite *c = first_citation(info);
		char *ex;

		cr_expect_not_null(strstr(info->path, cases[i].file), "%s", cases[i].file);
		cr_expect(info->title[0], "%s has a title", cases[i].file);
		cr_expect_str_eq(info->format, "text");
		cr_expect(info->text_len > 0 && info->text[info->text_len] == '\0');
		cr_assert_not_null(c, "%s cites", cases[i].file);
		cr_expect_str_eq(c->key, cases[i].key, "%s", cases[i].file);
		cr_expect_str_eq(c->type, cases[i].type, "%s", cases[i].file);
		cr_expect_str_eq(c->date, cases[i].date, "%s", cases[i].file);
		cr_expect(c->start < c->end && c->end <= info->text_len);
		cr_expect(c->ctx_start <= c->start && c->end <= c->ctx_end);
		cr_assert_eq(cm_docinfo_excerpt(&ex, info, c->start, c->end), 0);
		cr_expect_str_eq(ex, cases[i].excerpt, "%s", cases[i].file);
		free(ex);
		cr_expect(info->ndates > 0, "%s mentions dates", cases[i].file);
		for (size_t k = 0; k < info->ndates; k++) {
			const cm_docdate *d = &info->dates[k];
			cr_expect(d->iso && d->iso[0]);
			cr_expect(d->start < d->end && d->end <= info->text_len);
			cr_expect(d->range <= CM_RANGE_END);
		}
		cm_docinfo_free(info);
	}
}

/* Every field agrees with the stored JSON it comes from. */
Test(docinfo, fields_match_the_stored_json)
{
	static const char *const files[] = {"000_04ed2d92d4fbe0fc.txt", "003_33f224fdd1db13f7.txt"};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		cm_docinfo *info = sample(files[i]);
		json_object *root = cm_docinfo_json(info), *v, *self;

		cr_assert(json_object_object_get_ex(root, "citations", &v));
		cr_expect_eq(info->ncites, json_object_array_length(v));
		for (size_t k = 0; k < info->ncites; k++) {
			json_object *c = json_object_array_get_idx(v, k), *f;
			unsigned want = 0;
			json_object_object_get_ex(c, "key", &f);
			cr_expect_str_eq(info->cites[k].key, json_object_get_string(f));
			json_object_object_get_ex(c, "flags", &f);
			for (size_t j = 0; j < json_object_array_length(f); j++)
				for (unsigned b = 1; b < CM_CITE_FLAG_END; b <<= 1)
					if (!strcmp(cm_citation_flag_name(b),
						    json_object_get_string(
							    json_object_array_get_idx(f, j))))
						want |= b;
			cr_expect_eq(info->cites[k].flags, want);
		}
		cr_assert(json_object_object_get_ex(root, "dates", &v));
		cr_expect_eq(info->ndates, json_object_array_length(v));
		cr_assert(json_object_object_get_ex(root, "self", &self));
		if (json_object_object_get_ex(self, "key", &v) && json_object_get_string(v))
			cr_expect_str_eq(info->self.key, json_object_get_string(v));
		else
			cr_expect_null(info->self.key);
		cr_assert(json_object_object_get_ex(root, "size", &v));
		cr_expect_eq(info->size, (uint64_t)json_object_get_int64(v));
		cr_expect_eq(strlen(info->hash), 16);
		cm_docinfo_free(info);
	}
}

/* The date of info whose iso is iso, NULL if none. */
static const cm_docdate *date_at(const cm_docinfo *info, const char *iso)
{
	for (size_t i = 0; i < info->ndates; i++)
		if (!strcmp(info->dates[i].iso, iso))
			return &info->dates[i];
	return NULL;
}

/* Who owes a deadline to whom, as stored: named by the sentence, the
 * heading or the issuer; partners an array; absent fields NULL. */
Test(docinfo, a_deadline_has_its_obligation)
{
	static const struct {
		const char *file, *iso, *actor;
		cm_actor_from from;
		const char *recipient, *channel, *partner;
		cm_body_level actor_level, recipient_level;
	} cases[] = {
		{"000_04ed2d92d4fbe0fc.txt", "2018-Q3", "Ban Dân vận Tỉnh ủy", CM_ACTOR_HEADING,
		 NULL, NULL, "Hội Nhà báo tỉnh", CM_LEVEL_PROVINCE, CM_LEVEL_UNKNOWN},
		{"002_b5165427152976bf.txt", "2020-06-10",
		 "Ban Thường trực Ủy ban MTTQ các huyện, thành phố", CM_ACTOR_SENTENCE,
		 "Ban Thường trực Ủy ban MTTQ tỉnh", "Ban Tuyên giáo", NULL, CM_LEVEL_DISTRICT,
		 CM_LEVEL_PROVINCE},
		{"004_3c74891c68df0f2c.txt", "2018-03", "Ban Dân vận Trung ương", CM_ACTOR_ISSUER,
		 "Bộ Chính trị, Ban Bí thư", NULL, NULL, CM_LEVEL_CENTRAL, CM_LEVEL_CENTRAL},
		/* occasions: the bodies of the title line, of the heading, the issuer */
		{"001_37328ef8013521d8.txt", "2020-10-15",
		 "Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh", CM_ACTOR_HEADING, NULL, NULL, NULL,
		 CM_LEVEL_PROVINCE, CM_LEVEL_UNKNOWN},
		{"000_04ed2d92d4fbe0fc.txt", "--06-21", "Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh",
		 CM_ACTOR_HEADING, NULL, NULL, NULL, CM_LEVEL_PROVINCE, CM_LEVEL_UNKNOWN},
		{"002_b5165427152976bf.txt", "2020-10-15",
		 "Ban Thường trực Ủy ban MTTQ tỉnh Tuyên Quang", CM_ACTOR_ISSUER, NULL, NULL, NULL,
		 CM_LEVEL_PROVINCE, CM_LEVEL_UNKNOWN},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cm_docinfo *info = sample(cases[i].file);
		const cm_docdate *d = date_at(info, cases[i].iso);

		cr_assert_not_null(d, "case %zu", i);
		if (cases[i].actor) {
			cr_expect_str_eq(d->actor, cases[i].actor, "case %zu", i);
			cr_expect_not_null(d->task, "case %zu", i);
		} else {
			cr_expect_null(d->actor, "case %zu", i);
			cr_expect_null(d->task, "case %zu", i);
		}
		cr_expect_eq(d->actor_from, cases[i].from, "case %zu", i);
		if (cases[i].recipient)
			cr_expect_str_eq(d->recipient, cases[i].recipient, "case %zu", i);
		else
			cr_expect_null(d->recipient, "case %zu", i);
		if (cases[i].channel)
			cr_expect_str_eq(d->channel, cases[i].channel, "case %zu", i);
		else
			cr_expect_null(d->channel, "case %zu", i);
		cr_expect_eq(d->npartners, cases[i].partner ? 1 : 0, "case %zu", i);
		if (cases[i].partner && d->npartners)
			cr_expect_str_eq(d->partners[0], cases[i].partner, "case %zu", i);
		cr_expect_eq(d->actor_level, cases[i].actor_level, "case %zu", i);
		cr_expect_eq(d->recipient_level, cases[i].recipient_level, "case %zu", i);
		cm_docinfo_free(info);
	}
}

Test(docinfo, excerpt_out_of_range_is_empty)
{
	cm_docinfo *info = sample("002_b5165427152976bf.txt");
	static const struct {
		size_t from, to;
	} cases[] = {{10, 5}, {0, SIZE_MAX}, {SIZE_MAX - 1, SIZE_MAX}};
	char *ex;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(cm_docinfo_excerpt(&ex, info, cases[i].from, cases[i].to), 0);
		cr_expect_str_eq(ex, "", "case %zu", i);
		free(ex);
	}
	cr_assert_eq(cm_docinfo_excerpt(&ex, info, 0, 0), 0);
	cr_expect_str_eq(ex, "");
	free(ex);
	cm_docinfo_free(info);
}

Test(docinfo, absent_document_is_an_error)
{
	cm_docinfo *info = NULL;

	cr_expect_lt(cm_docinfo_read(&info, cm_index_xdb(cm_test_ix), 100000), 0);
	cr_expect_null(info);
}
