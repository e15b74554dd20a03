/* cmd_top_cited.c: `chimuc top-cited`: the most cited documents, counted
 * from the XC terms of the index (one per citing document). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "citegraph.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc top-cited [--db DIR] [--json] [--limit N]\n"
	"List the most cited documents with the number of documents citing them\n"
	"(default 20). With --json: key, count, path (null when not in the index).\n";

typedef struct {
	char key[CM_KEY_MAX];
	unsigned count;
} entry;

static int by_count(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	return x->count != y->count ? (x->count < y->count) - (x->count > y->count)
				    : strcmp(x->key, y->key);
}

/* Keys with a year, and those without one that are never cited with one. */
static int collect(entry **out, size_t *n, cm_xdb *db)
{
	cm_xterms *it;
	const char *t;
	size_t len, cap = 0;
	unsigned count;
	entry *v = NULL;
	int rc;

	*n = 0;
	if ((rc = cm_xdb_allterms(&it, db, "XC", 2)) < 0)
		return rc;
	while ((rc = cm_xterms_next(it, &t, &len, &count)) == 1) {
		if (*n > 0 && strchr(t, '@') && !strchr(v[*n - 1].key, '@') &&
		    !strncmp(v[*n - 1].key, t + 2, strlen(v[*n - 1].key)) &&
		    t[2 + strlen(v[*n - 1].key)] == '@')
			(*n)--; /* the bare key has dated variants: keep those */
		if (*n == cap) {
			entry *nv = realloc(v, (cap = cap ? 2 * cap : 64) * sizeof *nv);
			if (!nv) {
				rc = cm_error_set(CM_ENOMEM, "out of memory");
				break;
			}
			v = nv;
		}
		snprintf(v[*n].key, sizeof v[*n].key, "%.*s", (int)(len - 2), t + 2);
		v[(*n)++].count = count;
	}
	cm_xterms_free(it);
	if (rc < 0) {
		free(v);
		return rc;
	}
	qsort(v, *n, sizeof *v, by_count);
	*out = v;
	return 0;
}

int cm_cmd_top_cited(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"json", no_argument, NULL, 'j'},
						 {"limit", required_argument, NULL, 'l'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	const char *dbopt = NULL;
	unsigned limit = 20;
	cm_xdb *db = NULL;
	entry *v = NULL;
	size_t n = 0;
	char *dbpath = NULL;
	int c, json = 0, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'j': json = 1; break;
		case 'l':
			if (cm_cli_count(&limit, optarg, 100000) < 0)
				return cm_cli_usage_error("top-cited", "--limit needs a number");
			break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("top-cited", "unknown option");
		}
	}
	if (optind < argc)
		return cm_cli_usage_error("top-cited", "unexpected argument '%s'", argv[optind]);
	if ((status = cm_cli_open(&db, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = collect(&v, &n, db)) == 0)
		for (size_t i = 0; i < n && i < limit && rc == 0; i++) {
			cm_docinfo *doc = NULL;
			rc = cm_doc_by_key(&doc, db, v[i].key);
			if (json) {
				json_object *j = json_object_new_object();
				json_object_object_add(j, "key", json_object_new_string(v[i].key));
				json_object_object_add(j, "count", json_object_new_int((int)v[i].count));
				json_object_object_add(j, "path", doc ? json_object_new_string(cm_docinfo_path(doc)) : NULL);
				cm_cli_json_line(j);
			} else {
				printf("%5u  ", v[i].count);
				cm_cli_pad(stdout, v[i].key, doc ? CM_CLI_KEY_COLUMNS : 0);
				printf("%s%s\n", doc ? "  " : "", doc ? cm_docinfo_path(doc) : "");
			}
			cm_docinfo_free(doc);
		}
	if (rc < 0)
		cm_diag(CM_PROGRAM, dbpath, "%s", cm_error_last());
	free(v);
	cm_xdb_free(db);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
