/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_check.c: `chimuc check`: Xapian's own consistency check of the index,
 * then every document read back whole (its data parses, its id term is its
 * path's, and its file, where unchanged since, still has the stored content
 * hash). --dump prints one canonical line per document instead, so that two
 * indexes can be compared with diff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chimuc/array.h"
#include "chimuc/diag.h"
#include "chimuc/docinfo.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/source.h"
#include "ops/citegraph.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc check [--db DIR] [--dump]\n"
	"Check the index: Xapian's consistency check, then every document read back\n"
	"whole and compared with its file where the file is unchanged. Exit 1 on any\n"
	"problem. --dump: print one line per document (path, content hash, number of\n"
	"terms, size of its data), sorted by path, for comparing two indexes.\n";

typedef struct {
	char *line;
} dumpline;

static int by_line(const void *a, const void *b)
{
	return strcmp(((const dumpline *)a)->line, ((const dumpline *)b)->line);
}

/* 1 if the document's file is unchanged (same mtime) and its hash differs. */
static int hash_mismatch(const cm_docinfo *info, cm_xdoc *doc)
{
	struct stat st;
	char mtime[CM_MTIME_MAX], want[CM_HASH_MAX], *stored = NULL, *hash = NULL;
	size_t n;
	cm_source *src = NULL;
	int bad = 0;

	if (stat(info->path, &st) < 0)
		return 0;
	cm_mtime_format(mtime, sizeof mtime, &st.st_mtim);
	if (cm_xdoc_get_value(&stored, &n, doc, CM_SLOT_MTIME) < 0 || strcmp(stored, mtime) ||
	    cm_xdoc_get_value(&hash, &n, doc, CM_SLOT_HASH) < 0 ||
	    cm_source_load(&src, info->path, UINT64_MAX, 1) < 0)
		goto cleanup;
	cm_hash_format(want, sizeof want, src->hash);
	bad = strcmp(want, hash) != 0;
cleanup:
	cm_source_free(src);
	free(stored);
	free(hash);
	return bad;
}

static int check_docs(cm_xdb *db, int dump, unsigned *problems)
{
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	cm_array_t(dumpline) lines = CM_ARRAY_INIT;
	int rc;

	if ((rc = cm_xdb_postings(&it, db, "", 0)) < 0)
		return rc;
	while ((rc = cm_xpostings_next(&id, &wdf, it)) == 1) {
		cm_xdoc *doc = NULL;
		cm_docinfo *info = NULL;
		char term[CM_ID_TERM_MAX + 1], *hash = NULL, *data = NULL;
		size_t tlen, hlen, dlen;
		unsigned terms, freq;
		if ((rc = cm_xdb_get_document(&doc, db, id)) < 0)
			break;
		if (cm_docinfo_load(&info, doc) < 0) {
			(*problems)++;
			fprintf(stderr, "%s: document %u: %s\n", CM_PROGRAM, id, cm_error_last());
		} else {
			cm_document_id_term(term, &tlen, info->path);
			if (cm_xdb_termfreq(&freq, db, term, tlen) < 0 || freq != 1) {
				(*problems)++;
				cm_diag(CM_PROGRAM, info->path, "id term missing or not unique");
			}
			if (hash_mismatch(info, doc)) {
				(*problems)++;
				cm_diag(CM_PROGRAM, info->path,
					"content hash differs from the file");
			}
			if (dump && cm_xdoc_termcount(&terms, doc) == 0 &&
			    cm_xdoc_get_value(&hash, &hlen, doc, CM_SLOT_HASH) == 0 &&
			    cm_xdoc_get_data(&data, &dlen, doc) == 0) {
				dumpline *l = cm_array_alloc(lines);
				if (!l || !(l->line = malloc(strlen(info->path) + 64))) {
					lines.size -= l != NULL;
					rc = cm_error_nomem();
				} else {
					sprintf(l->line, "%s\t%s\t%u\t%zu", info->path, hash, terms,
						dlen);
				}
			}
		}
		free(hash);
		free(data);
		cm_docinfo_free(info);
		cm_xdoc_free(doc);
		if (rc < 0)
			break;
	}
	cm_xpostings_free(it);
	if (lines.size > 1)
		qsort(lines.ptr, lines.size, sizeof *lines.ptr, by_line);
	for (size_t i = 0; i < lines.size; i++) {
		puts(lines.ptr[i].line);
		free(lines.ptr[i].line);
	}
	cm_array_clear(lines);
	return rc < 0 ? rc : 0;
}

int cm_cmd_check(cm_cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {{"dump", no_argument, NULL, 'D'},
						 {NULL, 0, NULL, 0}};
	static const cm_cmd_options opts = {"", longopts, usage_text};
	const char *dbpath;
	cm_xdb *db;
	char *report = NULL;
	size_t errors = 0;
	unsigned problems = 0;
	int c, dump = 0, status, rc;

	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (c == 'D')
			dump = 1;
	if (c < 0)
		return ctx->exit;
	if (optind < argc)
		return cm_cli_usage_error("check", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cmd_open(ctx)) >= 0)
		return status;
	db = cm_index_xdb(ctx->ix);
	dbpath = cm_cmd_db_path(ctx);
	if ((rc = cm_xdb_check(&errors, &report, dbpath)) == 0 && errors > 0)
		fprintf(stderr, "%s: %s: Xapian's check found %zu errors:\n%s", CM_PROGRAM, dbpath,
			errors, report);
	if (rc == 0)
		rc = check_docs(db, dump, &problems);
	if (rc < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	else if (!dump && errors + problems == 0)
		printf("%s: the index is consistent\n", dbpath);
	free(report);
	return rc < 0 || errors + problems > 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
