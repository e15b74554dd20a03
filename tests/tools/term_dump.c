/* SPDX-License-Identifier: GPL-2.0-or-later */

/* term_dump.c: a test tool that prints every document of an index as one
 * line per term: "DOCID TERM WDF POSITIONS", the unique id term (Q…, which
 * holds the path) left out, so that the terms two files gave can be
 * compared. Usage: term_dump DB */
#include <stdio.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/xapian_c.h"

static int dump_positions(cm_xdb *db, cm_xdocid id, const char *term, size_t len)
{
	cm_xpositions *it;
	cm_xtermpos pos;
	int rc;

	if ((rc = cm_xdb_positions(&it, db, id, term, len)) < 0)
		return rc;
	while ((rc = cm_xpositions_next(&pos, it)) > 0)
		printf(" %u", (unsigned)pos);
	cm_xpositions_free(it);
	return rc;
}

static int dump_doc(cm_xdb *db, cm_xdocid id)
{
	cm_xdoc *doc;
	cm_xterms *it = NULL;
	const char *term;
	size_t len;
	unsigned wdf;
	int rc;

	if ((rc = cm_xdb_get_document(&doc, db, id)) < 0)
		return rc == CM_ENOTFOUND ? 0 : rc;
	if ((rc = cm_xdoc_terms(&it, doc)) < 0)
		goto cleanup;
	while ((rc = cm_xterms_next(&term, &len, &wdf, it)) > 0) {
		if (term[0] == CM_PREFIX_ID[0])
			continue;
		printf("%u %.*s %u", (unsigned)id, (int)len, term, wdf);
		if ((rc = dump_positions(db, id, term, len)) < 0)
			goto cleanup;
		putchar('\n');
	}
cleanup:
	cm_xterms_free(it);
	cm_xdoc_free(doc);
	return rc;
}

int main(int argc, char **argv)
{
	cm_xdb *db;
	cm_xdocid last;
	int rc = 0;

	if (argc != 2) {
		fputs("usage: term_dump DB\n", stderr);
		return 2;
	}
	if (cm_xdb_open(&db, argv[1]) < 0 || cm_xdb_lastdocid(&last, db) < 0) {
		fprintf(stderr, "term_dump: %s\n", cm_error_last());
		return 1;
	}
	for (cm_xdocid id = 1; id <= last && rc >= 0; id++)
		rc = dump_doc(db, id);
	if (rc < 0)
		fprintf(stderr, "term_dump: %s\n", cm_error_last());
	cm_xdb_free(db);
	return rc < 0;
}
