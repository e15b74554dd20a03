/* cmd_cites.c: `chimuc cites DOC`: what a document (its path, or its own
 * number) cites, each citation resolved to the corpus document where the
 * index has it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "citegraph.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc cites [--db DIR] [--json] DOC\n"
	"List what DOC cites; DOC is a path as indexed or the document's own number\n"
	"(\"1600-KH/BDVTW\"). With --json, one object per citation: key, text, type,\n"
	"number, symbol, date, relation, issuer, path (null when the cited document\n"
	"is not in the index).\n";

static int find_doc(cm_docinfo **out, cm_xdb *db, const char *doc)
{
	char term[CM_ID_TERM_MAX + 1], key[CM_KEY_MAX];
	size_t n;
	cm_doclist l = {0};
	int year, rc;

	*out = NULL;
	cm_document_id_term(term, &n, doc);
	if ((rc = cm_doclist_by_term(&l, db, term, NULL)) < 0)
		return rc;
	if (l.n > 0) {
		*out = l.v[0];
		l.v[0] = NULL;
		l.n = 1;
		cm_doclist_release(&l);
		return 0;
	}
	cm_doclist_release(&l);
	if (cm_citation_parse_ref(key, &year, doc) < 0)
		return cm_error_set(CM_ENOTFOUND, "no document %s in the index", doc);
	if (year)
		snprintf(key + strlen(key), sizeof key - strlen(key), "@%d", year);
	if ((rc = cm_doc_by_key(out, db, key)) == 0 && !*out)
		rc = cm_error_set(CM_ENOTFOUND, "no document %s in the index", doc);
	return rc;
}

static void print_citation(const cm_docinfo *info, json_object *c, const char *path, int json)
{
	char *text = cm_doc_excerpt(info, c, "start", "end");

	if (json) {
		json_object *j = json_object_new_object();
		static const char *const fields[] = {"key", "type", "number", "symbol", "date",
						     "relation", "issuer", "term"};
		json_object_object_add(j, "text", cm_cli_json_string(text));
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			json_object_object_add(j, fields[i], cm_cli_json_string(cm_json_str(c, fields[i])));
		json_object_object_add(j, "path", cm_cli_json_string(path));
		cm_cli_json_line(j);
	} else {
		const char *key = cm_json_str(c, "key");
		cm_cli_pad(stdout, key ? key : "", CM_CLI_KEY_COLUMNS);
		printf(" %s", text ? text : "");
		if (path) {
			fputs("  -> ", stdout);
			cm_diag_path(stdout, path);
		}
		putchar('\n');
	}
	free(text);
}

int cm_cmd_cites(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	const char *dbopt = NULL;
	cm_xdb *db = NULL;
	cm_docinfo *info = NULL;
	json_object *arr;
	char *dbpath = NULL;
	int c, json = 0, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'j': json = 1; break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("cites", "unknown option");
		}
	}
	if (argc - optind != 1)
		return cm_cli_usage_error("cites", "give one DOC");
	if ((status = cm_cli_open(&db, &dbpath, dbopt)) >= 0)
		return status;
	if ((rc = find_doc(&info, db, argv[optind])) == 0) {
		arr = cm_doc_citations(info);
		for (size_t i = 0; arr && i < json_object_array_length(arr) && rc == 0; i++) {
			json_object *cite = json_object_array_get_idx(arr, i), *sm;
			cm_docinfo *target = NULL;
			if (json_object_object_get_ex(cite, "self_mention", &sm) && json_object_get_boolean(sm))
				continue;
			rc = cm_doc_by_key(&target, db, cm_json_str(cite, "key"));
			print_citation(info, cite, target ? cm_docinfo_path(target) : NULL, json);
			cm_docinfo_free(target);
		}
	}
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	cm_docinfo_free(info);
	cm_xdb_free(db);
	free(dbpath);
	return rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
