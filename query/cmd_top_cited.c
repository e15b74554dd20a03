/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_top_cited.c: `chimuc top-cited`: the most cited documents, counted
 * from the XC terms of the index (their term frequency: one per citing
 * document), with the path of those in the index from their XN posting
 * and path value: no document data is read. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "chimuc/strmap.h"
#include "ops/citegraph.h"
#include "cli.h"
#include "page.h"

static const char usage_text[] =
	"Usage: chimuc top-cited [--db DIR] [--json] [--limit N] [--offset N] [--count]\n"
	"List every cited document, most cited first, with the number of documents\n"
	"citing it. With --json, one object per line: key, count, path (null when\n"
	"not in the index).\n"
	"\n" CM_PAGE_HELP;

typedef struct {
	char key[CM_KEY_MAX];
	unsigned count;
} entry;

typedef cm_array_t(entry) entries;

static int by_count(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	return x->count != y->count ? (x->count < y->count) - (x->count > y->count)
				    : strcmp(x->key, y->key);
}

/* The cited keys with the number of documents citing each (the term
 * frequency of XC<key>). A number cited with one year only is counted under
 * its dated key with the documents that cite it without a year too (as
 * cited-by does: they can only mean that one); one cited with several years
 * keeps a count per year, its year-less citations being ambiguous; one
 * never cited with a year keeps its bare key. */
static int collect(entries *v, cm_xdb *db)
{
	cm_strmap bare = CM_STRMAP_INIT;            /* bare key -> its index in v */
	cm_array_t(unsigned) dated = CM_ARRAY_INIT; /* per entry: its dated variants */
	cm_xterms *it;
	const char *t;
	size_t len, kept = 0;
	unsigned count;
	int rc;

	if ((rc = cm_xdb_allterms(&it, db, "XC", 2)) < 0)
		return rc;
	while ((rc = cm_xterms_next(it, &t, &len, &count)) == 1) {
		const char *at = memchr(t, '@', len);
		entry *e = cm_array_alloc(*v);
		unsigned *d = cm_array_alloc(dated);
		if (!e || !d) {
			rc = CM_ENOMEM;
			break;
		}
		snprintf(e->key, sizeof e->key, "%.*s", (int)(len - 2), t + 2);
		e->count = count;
		if (!at && (rc = cm_strmap_put(NULL, &bare, t + 2, len - 2, v->size - 1)) < 0)
			break;
	}
	cm_xterms_free(it);
	for (size_t i = 0; i < v->size && rc >= 0; i++) {
		const char *at = strchr(v->ptr[i].key, '@');
		size_t b;
		if (at && cm_strmap_get(&b, &bare, v->ptr[i].key, (size_t)(at - v->ptr[i].key)))
			dated.ptr[b]++;
	}
	for (size_t i = 0; i < v->size && rc >= 0; i++) {
		const char *at = strchr(v->ptr[i].key, '@');
		size_t b;
		if (at && cm_strmap_get(&b, &bare, v->ptr[i].key, (size_t)(at - v->ptr[i].key)) &&
		    dated.ptr[b] == 1)
			v->ptr[i].count = v->ptr[b].count;
	}
	for (size_t i = 0; i < v->size && rc >= 0; i++)
		if (strchr(v->ptr[i].key, '@') ||
		    !dated.ptr[i]) /* else counted under its dated keys */
			v->ptr[kept++] = v->ptr[i];
	v->size = kept;
	cm_array_clear(dated);
	cm_strmap_free(&bare);
	if (rc < 0)
		return rc;
	if (v->size)
		qsort(v->ptr, v->size, sizeof *v->ptr, by_count);
	return 0;
}

static int print_entry(cm_xdb *db, const entry *e, int json)
{
	char *path = NULL;
	int rc = cm_path_by_key(&path, db, e->key);

	if (rc < 0)
		return rc;
	if (json) {
		json_object *j = json_object_new_object();
		json_object_object_add(j, "key", json_object_new_string(e->key));
		json_object_object_add(j, "count", json_object_new_int((int)e->count));
		json_object_object_add(j, "path", cm_cli_json_string(path));
		cm_cli_json_line(j);
	} else {
		printf("%5u  ", e->count);
		cm_cli_pad(stdout, e->key, path ? CM_CLI_KEY_COLUMNS : 0);
		if (path) {
			fputs("  ", stdout);
			cm_diag_path(stdout, path);
		}
		putchar('\n');
	}
	free(path);
	return 0;
}

int cm_cmd_top_cited(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	const char *dbopt = NULL;
	cm_page page = CM_PAGE_ALL;
	cm_xdb *db = NULL;
	entries v = CM_ARRAY_INIT;
	char *dbpath = NULL;
	int c, json = 0, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'j': json = 1; break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&page, c, optarg, "top-cited"))
				return CM_EXIT_USAGE;
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("top-cited", "unknown option");
		}
	}
	if (optind < argc)
		return cm_cli_usage_error("top-cited", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cli_open(&db, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = collect(&v, db)) == 0) {
		for (size_t i = 0; i < v.size && rc == 0 && !cm_page_full(&page); i++)
			if (cm_page_take(&page))
				rc = print_entry(db, &v.ptr[i], json);
		page.seen = v.size;
		cm_page_finish(&page);
	}
	if (rc < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	cm_array_clear(v);
	cm_xdb_free(db);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
