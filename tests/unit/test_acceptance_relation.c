/* SPDX-License-Identifier: GPL-2.0-or-later */

/* test_acceptance_relation.c: the relation extractor (issue 16) measured on
 * the gold relations of each set, one stable line per set:
 *
 *   acceptance relations SET: replaces P … R … | repeals … | amends … |
 *   expires … | direction wrong N | part right a/b | date right a/b
 *
 * A relation found matches a gold "relation" record of its document when
 * kind, target and source agree (keys compared without their "@year"; a
 * gold source "self" is a relation the document states of itself). One
 * found with source and target swapped is a direction error (and counts as
 * a miss and a false positive). The real set is tests/data/real/ with its
 * validity/ folder (documents that replace, repeal and amend, annotated for
 * relations only); it must reach precision 0.95 and recall 0.9 for
 * replaces, repeals and amends, with no direction wrong. The samples state
 * no relation: nothing may be found there. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/error.h"
#include "chimuc/relation.h"
#include "gold.h"

#define REAL_PRECISION 0.95
#define REAL_RECALL 0.90

typedef struct {
	size_t tp, fp, fn;
} score;

typedef struct {
	const char *set;
	score kind[CM_REL_KINDS];
	size_t swapped, parts, parts_right, dates, dates_right;
} figures;

static double precision(score s)
{
	return s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 1;
}

static double recall(score s)
{
	return s.tp + s.fn ? (double)s.tp / (double)(s.tp + s.fn) : 1;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Keys equal without their "@year". */
static int same_key(const char *a, const char *b)
{
	size_t la = strcspn(a, "@"), lb = strcspn(b, "@");
	return la == lb && !strncmp(a, b, la);
}

static int same_source(const cm_relation *r, const char *gold)
{
	return !strcmp(gold, "self") ? r->own : !r->own && same_key(r->source, gold);
}

static int swapped(const cm_relation *r, const char *src, const char *tgt)
{
	return strcmp(src, "self") && !r->own && same_key(r->source, tgt) &&
	       same_key(r->target, src);
}

static void measure_doc(figures *f, const cm_gold *g, const char *doc)
{
	size_t len;
	char *text = cm_gold_read(g, doc, &len), *used;
	cm_dates *dates = NULL;
	cm_citations *c = NULL;
	cm_relations *rel = NULL;

	cr_assert_eq(cm_dates_extract(&dates, text, len), 0, "%s: %s", doc, cm_error_last());
	cr_assert_eq(cm_citations_extract(&c, text, len, dates), 0, "%s", doc);
	cr_assert_eq(cm_relations_extract(&rel, text, len, c, dates), 0, "%s", doc);
	used = calloc(rel->n + 1, 1);
	cr_assert(used);
	for (size_t i = 0; i < g->n; i++) {
		const cm_gold_record *r = &g->v[i];
		const char *src, *tgt, *part, *date;
		cm_relation_kind kind;
		size_t k;
		if (strcmp(r->doc, doc) || strcmp(r->kind, "relation"))
			continue;
		src = or_empty(cm_gold_str(r, "source"));
		tgt = or_empty(cm_gold_str(r, "target"));
		part = or_empty(cm_gold_str(r, "part"));
		date = or_empty(cm_gold_str(r, "date"));
		cr_assert_eq(cm_relation_from_name(&kind, cm_gold_str(r, "relation")), 0, "%s",
			     doc);
		for (k = 0; k < rel->n; k++)
			if (!used[k] && rel->v[k].kind == kind && same_key(rel->v[k].target, tgt) &&
			    same_source(&rel->v[k], src))
				break;
		if (k == rel->n) {
			f->kind[kind].fn++;
			for (size_t j = 0; j < rel->n; j++)
				f->swapped += swapped(&rel->v[j], src, tgt);
			cr_log_info("acceptance relations %s: %s@%zu: missed %s %s -> %s", f->set,
				    doc, r->start, cm_relation_name(kind), src, tgt);
			continue;
		}
		used[k] = 1;
		f->kind[kind].tp++;
		f->parts++;
		f->parts_right += !strcmp(rel->v[k].part, part);
		f->dates++;
		f->dates_right += !strcmp(rel->v[k].date, date);
		if (strcmp(rel->v[k].date, date) || strcmp(rel->v[k].part, part))
			cr_log_info(
				"acceptance relations %s: %s@%zu: part «%s» date «%s», gold «%s» «%s»",
				f->set, doc, r->start, rel->v[k].part, rel->v[k].date, part, date);
	}
	for (size_t k = 0; k < rel->n; k++)
		if (!used[k]) {
			f->kind[rel->v[k].kind].fp++;
			cr_log_info("acceptance relations %s: %s@%zu: false %s %s%s -> %s", f->set,
				    doc, rel->v[k].start, cm_relation_name(rel->v[k].kind),
				    rel->v[k].own ? "self:" : "", rel->v[k].source,
				    rel->v[k].target);
		}
	free(used);
	cm_relations_free(rel);
	cm_citations_free(c);
	cm_dates_free(dates);
	free(text);
}

static void measure_dir(figures *f, const char *dir)
{
	cm_gold *g = cm_gold_load(dir);

	for (size_t i = 0; i < g->ndocs; i++)
		measure_doc(f, g, g->docs[i]);
	cm_gold_free(g);
}

static void print(const figures *f)
{
	fprintf(stderr, "acceptance relations %s:", f->set);
	for (int k = 0; k < CM_REL_KINDS; k++)
		fprintf(stderr, "%s %s P %.3f R %.3f (tp %zu fp %zu fn %zu)", k ? " |" : "",
			cm_relation_name((cm_relation_kind)k), precision(f->kind[k]),
			recall(f->kind[k]), f->kind[k].tp, f->kind[k].fp, f->kind[k].fn);
	fprintf(stderr, " | direction wrong %zu | part right %zu/%zu | date right %zu/%zu\n",
		f->swapped, f->parts_right, f->parts, f->dates_right, f->dates);
	fflush(stderr);
}

Test(acceptance_relation, samples)
{
	figures f = {.set = "samples"};

	measure_dir(&f, "corpus");
	print(&f);
	for (int k = 0; k < CM_REL_KINDS; k++)
		cr_expect_eq(f.kind[k].fp + f.kind[k].fn, 0, "samples: %s wrong",
			     cm_relation_name((cm_relation_kind)k));
}

Test(acceptance_relation, real)
{
	figures r01 = {.set = "real r01-r71"}, v = {.set = "real validity/"}, f = {.set = "real"};

	measure_dir(&r01, "tests/data/real");
	measure_dir(&v, "tests/data/real/validity");
	print(&r01);
	print(&v);
	for (int k = 0; k < CM_REL_KINDS; k++) {
		f.kind[k].tp = r01.kind[k].tp + v.kind[k].tp;
		f.kind[k].fp = r01.kind[k].fp + v.kind[k].fp;
		f.kind[k].fn = r01.kind[k].fn + v.kind[k].fn;
	}
	f.swapped = r01.swapped + v.swapped;
	f.parts = r01.parts + v.parts;
	f.parts_right = r01.parts_right + v.parts_right;
	f.dates = r01.dates + v.dates;
	f.dates_right = r01.dates_right + v.dates_right;
	print(&f);
	for (int k = CM_REL_REPLACES; k <= CM_REL_AMENDS; k++) {
		const char *name = cm_relation_name((cm_relation_kind)k);
		cr_expect_geq(precision(f.kind[k]), REAL_PRECISION, "real: %s precision %.3f", name,
			      precision(f.kind[k]));
		cr_expect_geq(recall(f.kind[k]), REAL_RECALL, "real: %s recall %.3f", name,
			      recall(f.kind[k]));
	}
	cr_expect_eq(f.swapped, 0, "real: %zu relations with their direction wrong", f.swapped);
}
