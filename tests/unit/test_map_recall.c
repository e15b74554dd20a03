/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_map_recall.c: the suggestions of `chimuc map --suggest` measured on
 * the real development set (tests/data/real/): leave one out. The set is
 * cut into FOLDS folds; each fold's documents are the drafts, the others
 * the index (so that no draft finds itself). For each draft with at least
 * two distinct cited documents, each cited document in turn is taken out
 * (the draft is its text without every span citing it), and it counts as
 * found when it is among the top K suggestions (recall@K). The baseline
 * suggests the K documents the index cites most that the draft does not
 * cite. Both printed as a line "acceptance map: …" (make check shows it);
 * the suggestions must beat the baseline. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/error.h"
#include "chimuc/map.h"
#include "chimuc/source.h"
#include "chimuc/top_cited.h"
#include "test_index.h"

/* The folds: each draft against the documents of the others. */
#define FOLDS 4
#define K 5

typedef struct {
	size_t trials, found, baseline;
	size_t reachable; /* taken out, and cited by some document of the index */
} recall;

static void base_of(char *out, const char *key)
{
	const char *at = strchr(key, '@');
	snprintf(out, CM_KEY_MAX, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
}

/* 1 if key's base is base. */
static int same_base(const char *key, const char *base)
{
	char b[CM_KEY_MAX];
	base_of(b, key);
	return !strcmp(b, base);
}

typedef struct {
	char (*bases)[CM_KEY_MAX];
	size_t n;
} base_set;

static int has_base(const base_set *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (same_base(key, s->bases[i]))
			return 1;
	return 0;
}

/* The distinct cited documents of c. */
static base_set cited_bases(const cm_citations *c)
{
	base_set s = {calloc(c->n + 1, CM_KEY_MAX), 0};

	cr_assert(s.bases);
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].kind == CM_CITE_CITATION && c->v[i].key[0] &&
		    !has_base(&s, c->v[i].key))
			base_of(s.bases[s.n++], c->v[i].key);
	return s;
}

/* text without the spans of the citations of base. */
static char *without(const char *text, size_t len, const cm_citations *c, const char *base,
		     size_t *out_len)
{
	char *out = malloc(len + 1);
	size_t at = 0, from = 0;

	cr_assert(out);
	for (size_t i = 0; i < c->n; i++) {
		const cm_citation *x = &c->v[i];
		if (x->kind != CM_CITE_CITATION || !same_base(x->key, base) || x->start < from)
			continue;
		memcpy(out + at, text + from, x->start - from);
		at += x->start - from;
		from = x->end;
	}
	memcpy(out + at, text + from, len - from);
	at += len - from;
	out[at] = '\0';
	*out_len = at;
	return out;
}

/* 1 if the top K suggestions hold base. */
static int suggested(cm_index *ix, const char *draft, size_t len, const char *base)
{
	cm_map_options o = CM_MAP_OPTIONS_INIT;
	cm_map_result *r;
	int hit = 0;

	o.suggestions = K;
	o.precedents = 0;
	cr_assert_eq(cm_map(&r, ix, draft, len, &o), 0, "%s", cm_error_last());
	for (size_t i = 0; i < cm_map_suggestions(r) && i < K; i++)
		hit |= same_base(cm_map_suggestion_get(r, i)->key, base);
	cm_map_free(r);
	return hit;
}

/* 1 if the K most cited documents not in cited (nor the draft's own) hold
 * base. */
static int most_cited(const cm_top_cited_result *top, const base_set *cited, const char *self,
		      const char *base)
{
	size_t shown = 0;

	for (size_t i = 0; i < cm_top_cited_size(top) && shown < K; i++) {
		const char *key = cm_top_cited_get(top, i)->key;
		if (has_base(cited, key) || (self[0] && same_base(key, self)))
			continue;
		if (same_base(key, base))
			return 1;
		shown++;
	}
	return 0;
}

/* 1 if the index cites base at all. */
static int is_cited(const cm_top_cited_result *top, const char *base)
{
	for (size_t i = 0; i < cm_top_cited_size(top); i++)
		if (same_base(cm_top_cited_get(top, i)->key, base))
			return 1;
	return 0;
}

/* Each cited document of the draft at path taken out in turn. */
static void leave_out(recall *f, cm_index *ix, const cm_top_cited_result *top, const char *path)
{
	cm_source *src = NULL;
	cm_dates *dates = NULL;
	cm_citations *c = NULL;
	base_set cited;
	char self[CM_KEY_MAX];

	cr_assert_eq(cm_source_load(&src, path, CM_SOURCE_MAX_DEFAULT, 0), 0, "%s: %s", path,
		     cm_error_last());
	cr_assert_eq(cm_dates_extract(&dates, src->text, src->text_len), 0);
	cr_assert_eq(cm_citations_extract(&c, src->text, src->text_len, dates), 0);
	cited = cited_bases(c);
	base_of(self, c->self.key);
	for (size_t i = 0; cited.n >= 2 && i < cited.n; i++) {
		size_t len;
		char *draft = without(src->text, src->text_len, c, cited.bases[i], &len);
		base_set rest = cited;
		char kept[CM_KEY_MAX];
		/* the baseline sees the draft's other citations only */
		snprintf(kept, sizeof kept, "%s", cited.bases[i]);
		cited.bases[i][0] = '\0';
		f->trials++;
		f->reachable += (size_t)is_cited(top, kept);
		f->found += (size_t)suggested(ix, draft, len, kept);
		f->baseline += (size_t)most_cited(top, &rest, self, kept);
		snprintf(cited.bases[i], CM_KEY_MAX, "%s", kept);
		free(draft);
	}
	free(cited.bases);
	cm_citations_free(c);
	cm_dates_free(dates);
	cm_source_free(src);
}

static void fold(recall *f, char **files, size_t n, size_t k, size_t folds)
{
	const char **train = calloc(n, sizeof *train);
	cm_top_cited_result *top;
	cm_index *ix;
	size_t ntrain = 0;
	char *db;

	cr_assert(train);
	for (size_t i = 0; i < n; i++)
		if (i % folds != k)
			train[ntrain++] = files[i];
	db = cm_test_index(train, ntrain);
	cr_assert_eq(cm_index_open(&ix, db), 0, "%s", cm_error_last());
	cr_assert_eq(cm_top_cited(&top, ix, NULL), 0, "%s", cm_error_last());
	for (size_t i = k; i < n; i += folds)
		leave_out(f, ix, top, files[i]);
	cm_top_cited_free(top);
	cm_index_free(ix);
	free(db);
	free(train);
}

static double share(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0;
}

Test(acceptance_map, suggestions_beat_the_most_cited)
{
	recall f = {0};
	glob_t g;

	cr_assert_eq(glob(CM_SOURCE_DIR "/tests/data/real/*.txt", 0, NULL, &g), 0);
	for (size_t k = 0; k < FOLDS; k++)
		fold(&f, g.gl_pathv, g.gl_pathc, k, FOLDS);
	fprintf(stderr,
		"acceptance map: leave-one-out on the real set (%zu documents, %d folds): %zu "
		"citations taken out (%zu cited in the index); recall@%d suggestions %.3f (%zu), "
		"most-cited baseline %.3f (%zu)\n",
		g.gl_pathc, FOLDS, f.trials, f.reachable, K, share(f.found, f.trials), f.found,
		share(f.baseline, f.trials), f.baseline);
	fflush(stderr);
	cr_expect_gt(f.trials, 0);
	cr_expect_gt(f.found, f.baseline, "recall@%d: suggestions %zu, baseline %zu", K, f.found,
		     f.baseline);
	globfree(&g);
}
