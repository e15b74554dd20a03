/* test_date_gold.c: acceptance on corpus/gold.jsonl: date mentions found
 * with F1 >= 0.95 (document, overlapping span, same iso), deadlines with
 * F1 >= 0.9, and in_citation right for the dates found. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/date.h"
#include "chimuc/error.h"
#include "gold.h"

typedef struct {
	size_t tp, fp, fn;
} score;

static double f1(score s)
{
	double p = s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 1;
	double r = s.tp + s.fn ? (double)s.tp / (double)(s.tp + s.fn) : 1;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static int overlaps(size_t a, size_t b, size_t c, size_t d)
{
	return a < d && c < b;
}

Test(date_gold, f1_on_the_sample_corpus)
{
	cm_gold *g = cm_gold_load();
	score dates = {0}, deadlines = {0};
	size_t citation_wrong = 0, matched = 0;

	for (const char *const *doc = cm_gold_docs; *doc; doc++) {
		size_t len;
		char *text = cm_gold_read_doc(*doc, &len);
		cm_dates *found;
		char *used;

		cr_assert_eq(cm_dates_extract(&found, text, len), 0, "%s", cm_error_last());
		used = calloc(found->n + 1, 1);
		for (size_t i = 0; i < g->n; i++) {
			const cm_gold_record *r = &g->v[i];
			int hit = 0;
			if (strcmp(r->doc, *doc) || strcmp(r->kind, "date"))
				continue;
			for (size_t k = 0; k < found->n && !hit; k++) {
				const cm_date *d = &found->v[k];
				if (used[k] || !overlaps(d->start, d->end, r->start, r->end) ||
				    strcmp(d->iso, cm_gold_str(r, "iso")))
					continue;
				used[k] = hit = 1;
				matched++;
				citation_wrong += d->in_citation != cm_gold_bool(r, "in_citation");
				if (d->deadline && cm_gold_bool(r, "deadline"))
					deadlines.tp++;
				else if (d->deadline)
					deadlines.fp++;
				else if (cm_gold_bool(r, "deadline"))
					deadlines.fn++;
			}
			if (hit) {
				dates.tp++;
			} else {
				dates.fn++;
				deadlines.fn += cm_gold_bool(r, "deadline");
				cr_log_info("%s: missed %s at %zu", *doc, cm_gold_str(r, "iso"), r->start);
			}
		}
		for (size_t k = 0; k < found->n; k++)
			if (!used[k]) {
				dates.fp++;
				deadlines.fp += found->v[k].deadline;
				cr_log_info("%s: extra %s at %zu", *doc, found->v[k].iso, found->v[k].start);
			}
		free(used);
		cm_dates_free(found);
		free(text);
	}
	cr_log_info("dates F1 %.3f (tp %zu fp %zu fn %zu); deadlines F1 %.3f (tp %zu fp %zu fn %zu); "
		    "in_citation wrong %zu of %zu",
		    f1(dates), dates.tp, dates.fp, dates.fn, f1(deadlines), deadlines.tp, deadlines.fp,
		    deadlines.fn, citation_wrong, matched);
	cr_expect_geq(f1(dates), 0.95, "dates F1 %.3f", f1(dates));
	cr_expect_geq(f1(deadlines), 0.9, "deadlines F1 %.3f", f1(deadlines));
	cr_expect_leq(citation_wrong, matched / 20, "in_citation wrong for %zu dates", citation_wrong);
	cm_gold_free(g);
}
