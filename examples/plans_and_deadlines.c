/* SPDX-License-Identifier: GPL-2.0-or-later */

/* plans_and_deadlines.c: an example of libchimuc used from outside the
 * project, through its installed headers and pkg-config only:
 *
 *	cc plans_and_deadlines.c $(pkg-config --cflags --libs chimuc)
 *	./a.out INDEX [REF [DAY/MONTH]]
 *
 * prints, as JSON Lines, the plans (Kế hoạch) citing REF (default
 * 25-NQ/TW) and then the deadlines and occasions on DAY/MONTH of any year
 * (default 15/10): the same lines as `chimuc cited-by --type KH --json REF`
 * and `chimuc deadlines --on DAY/MONTH --json`. */
#include <stdio.h>

#include <chimuc/cited_by.h>
#include <chimuc/deadlines.h>
#include <chimuc/error.h>
#include <chimuc/index.h>

int main(int argc, char **argv)
{
	cm_cited_by_options citing = CM_CITED_BY_OPTIONS_INIT;
	cm_deadlines_options on = CM_DEADLINES_OPTIONS_INIT;
	cm_cited_by_result *plans = NULL;
	cm_deadlines_result *deadlines = NULL;
	cm_index *ix = NULL;
	int rc;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: %s INDEX [REF [DAY/MONTH]]\n", argv[0]);
		return 2;
	}
	citing.type = "KH";
	on.on = argc > 3 ? argv[3] : "15/10";
	if ((rc = cm_index_open(&ix, argv[1])) < 0 ||
	    (rc = cm_cited_by(&plans, ix, argc > 2 ? argv[2] : "25-NQ/TW", &citing)) < 0 ||
	    (rc = cm_cited_by_write_json(stdout, plans)) < 0 ||
	    (rc = cm_deadlines(&deadlines, ix, &on)) < 0 ||
	    (rc = cm_deadlines_write_json(stdout, deadlines)) < 0)
		fprintf(stderr, "%s: %s\n", argv[1], cm_error_last());
	cm_deadlines_free(deadlines);
	cm_cited_by_free(plans);
	cm_index_free(ix);
	return rc < 0 ? 1 : 0;
}
