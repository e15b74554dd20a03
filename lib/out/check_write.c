/* SPDX-License-Identifier: GPL-2.0-or-later */

/* check_write.c: the writers of a check result (chimuc/check.h): the
 * verdict, the problems, the entries. */
#include <stdio.h>

#include "chimuc/check.h"
#include "chimuc/diag.h"
#include "out/jsonl.h"

int cm_check_write_text(FILE *f, const cm_check_result *r)
{
	if (cm_check_ok(r))
		fprintf(f, "%s: the index is consistent\n", cm_check_path(r));
	return cm_out_status(f);
}

int cm_check_write_problems(FILE *f, const char *program, const cm_check_result *r)
{
	if (cm_check_xapian_errors(r) > 0)
		fprintf(f, "%s: %s: Xapian's check found %zu errors:\n%s", program,
			cm_check_path(r), cm_check_xapian_errors(r), cm_check_xapian_report(r));
	for (size_t i = 0; i < cm_check_problems(r); i++) {
		const cm_check_problem *p = cm_check_problem_get(r, i);
		if (p->kind == CM_CHECK_UNREADABLE) {
			fprintf(f, "%s: document %u: %s\n", program, p->docid, p->message);
			continue;
		}
		fprintf(f, "%s: ", program);
		cm_diag_path(f, p->path);
		fprintf(f, ": %s\n", cm_check_kind_message(p->kind));
	}
	return cm_out_status(f);
}

int cm_check_write_entries(FILE *f, const cm_check_result *r)
{
	for (size_t i = 0; i < cm_check_entries(r); i++) {
		const cm_check_entry *e = cm_check_entry_get(r, i);
		fprintf(f, "%s\t%s\t%u\t%zu\n", e->path, e->hash, e->terms, e->data_bytes);
	}
	return cm_out_status(f);
}
