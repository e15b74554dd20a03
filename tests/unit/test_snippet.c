/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_snippet.c: passages around the query's words, with marks. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/snippet.h"

/* The snippet of text for query with marks written as [..]. */
static char *render(const char *text, const char *query)
{
	cm_query *q;
	cm_snippet *s;
	char *out = malloc(4096), *p = out;
	size_t at = 0;

	cr_assert_eq(cm_query_parse(&q, NULL, query, strlen(query)), 0);
	cr_assert_eq(cm_snippet_make(&s, text, strlen(text), q), 0);
	for (size_t i = 0; i < s->nmarks; i++) {
		p += sprintf(p, "%.*s[%.*s]", (int)(s->marks[i].start - at), s->text + at,
			     (int)(s->marks[i].end - s->marks[i].start),
			     s->text + s->marks[i].start);
		at = s->marks[i].end;
	}
	sprintf(p, "%s", s->text + at);
	cm_snippet_free(s);
	cm_query_free(q);
	return out;
}

static const struct {
	const char *text, *query, *want;
} cases[] = {
	{"Công tác dân vận khéo", "dân vận", "Công tác [dân] [vận] khéo"},
	{"Tỉnh uỷ\n\n  Tuyên   Quang", "tỉnh ủy", "[Tỉnh] [uỷ] Tuyên Quang"},
	{"không có gì", "dân", "không có gì"},
	{"Dân DÂN dân", "dân", "[Dân] [DÂN] [dân]"},
};

Test(snippet, table)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = render(cases[i].text, cases[i].query);
		cr_expect_str_eq(got, cases[i].want, "case %zu", i);
		free(got);
	}
}

Test(snippet, window_moves_to_the_words_and_marks_cuts)
{
	char text[4000];
	char *got;

	text[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(text, "lorem ipsum ");
	strcat(text, "kế hoạch dân vận năm 2018 ");
	for (int i = 0; i < 100; i++)
		strcat(text, "lorem ipsum ");
	got = render(text, "dân vận");
	cr_expect_not_null(strstr(got, "[dân] [vận] năm 2018"), "%s", got);
	cr_expect_eq(strncmp(got, "\xe2\x80\xa6", 3), 0, "starts with an ellipsis: %s", got);
	cr_expect_str_eq(got + strlen(got) - 3, "\xe2\x80\xa6");
	cr_expect_leq(strlen(got), CM_SNIPPET_BYTES + 6 + 4);
	free(got);
}
