/* cmd_cited_by.c: `chimuc cited-by REF`: the documents that cite REF, with
 * the citing sentence, optionally only of one type or relation, and with
 * --depth the documents that cite those in turn (plans carrying out plans
 * that carry out a resolution). A REF without a year that the corpus cites
 * with several years is reported as ambiguous, with the candidates. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "citegraph.h"
#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc cited-by [OPTION]... REF\n"
	"List the documents that cite REF (\"25-NQ/TW\", \"Nghị quyết số 25-NQ/TW\",\n"
	"\"25-NQ/TW@2013\" for the one of 2013), each with the citing sentence.\n"
	"\n"
	"  --db DIR        the index\n"
	"  --type T        only citing documents of that type (KH, \"Kế hoạch\", NQ…)\n"
	"  --relation R    only citations whose cue contains R (\"thực hiện\")\n"
	"  --depth N       also the documents citing those, N levels (default 1)\n"
	"  --json          one JSON object per citing document: path, title, type,\n"
	"                  number, date, relation, context, key, depth, ambiguous\n"
	"  -h, --help      show this help\n";

typedef struct {
	const char *db, *type, *relation;
	unsigned depth;
	int json;
} options;

typedef struct {
	char base[CM_KEY_MAX];
	int year;
	unsigned depth;
} target;

static void print_hit(const options *o, const cm_docinfo *info, json_object *cite,
		      unsigned depth, int ambiguous)
{
	json_object *self = NULL;
	char *context = cm_doc_excerpt(info, cite, "ctx_start", "ctx_end");
	const char *type = cm_json_str(cm_docinfo_json(info), "type");
	const char *number = cm_json_str(cm_docinfo_json(info), "number");
	const char *date = NULL;

	if (json_object_object_get_ex(cm_docinfo_json(info), "self", &self))
		date = cm_json_str(self, "date");
	if (o->json) {
		json_object *j = json_object_new_object();
		json_object_object_add(j, "path", json_object_new_string(cm_docinfo_path(info)));
		json_object_object_add(j, "title", json_object_new_string(cm_docinfo_title(info)));
		json_object_object_add(j, "type", cm_cli_json_string(type));
		json_object_object_add(j, "number", cm_cli_json_string(number));
		json_object_object_add(j, "date", cm_cli_json_string(date));
		json_object_object_add(j, "relation", cm_cli_json_string(cm_json_str(cite, "relation")));
		json_object_object_add(j, "context", cm_cli_json_string(context));
		json_object_object_add(j, "key", cm_cli_json_string(cm_json_str(cite, "key")));
		json_object_object_add(j, "depth", json_object_new_int((int)depth));
		json_object_object_add(j, "ambiguous", json_object_new_boolean(ambiguous));
		cm_cli_json_line(j);
	} else {
		printf("%*s", 2 * (int)(depth - 1), "");
		cm_diag_path(stdout, cm_docinfo_path(info));
		printf("  %s  [%s; %s]\n%*s    %s\n", cm_docinfo_title(info), cm_json_str(cite, "key"),
		       cm_json_str(cite, "relation") ? cm_json_str(cite, "relation") : "-",
		       2 * (int)(depth - 1), "", context ? context : "");
	}
	free(context);
}

/* The first citation of info that matches t (and --relation), or NULL. */
static json_object *matching_citation(const options *o, const cm_docinfo *info, const target *t)
{
	json_object *arr = cm_doc_citations(info);

	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		json_object *c = json_object_array_get_idx(arr, i), *sm;
		const char *rel = cm_json_str(c, "relation");
		if (json_object_object_get_ex(c, "self_mention", &sm) && json_object_get_boolean(sm))
			continue;
		if (!cm_key_matches(cm_json_str(c, "key"), t->base, t->year))
			continue;
		if (o->relation && (!rel || !strstr(rel, o->relation)))
			continue;
		return c;
	}
	return NULL;
}

static int seen_path(char **seen, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(seen[i], path))
			return 1;
	return 0;
}

static int run(const options *o, cm_xdb *db, const char *ref)
{
	target queue[256];
	char *seen[1024], term[CM_KEY_MAX + 16], xt[8] = "";
	size_t nq = 0, nseen = 0, shown = 0;
	int years[16], rc = 0, ambiguous = 0;
	size_t nyears;

	if (cm_citation_parse_ref(queue[0].base, &queue[0].year, ref) < 0)
		return cm_error_code();
	queue[0].depth = 1;
	nq = 1;
	if (o->type) {
		const char *type = cm_citation_type_from_user(o->type);
		if (!type || !cm_citation_type_code(type))
			return cm_error_set(CM_EINVAL, "unknown document type '%s'", o->type);
		snprintf(xt, sizeof xt, "XT%s", cm_citation_type_code(type));
	}
	if ((rc = cm_cited_years(years, 16, &nyears, db, queue[0].base)) < 0)
		return rc;
	if (!queue[0].year && nyears > 1) {
		ambiguous = 1;
		fprintf(stderr, "%s: %s is ambiguous: the corpus cites", CM_PROGRAM, queue[0].base);
		for (size_t i = 0; i < nyears; i++)
			fprintf(stderr, " %s@%d", queue[0].base, years[i]);
		fprintf(stderr, "; add @YEAR to choose\n");
	}
	for (size_t qi = 0; qi < nq && rc == 0; qi++) {
		const target *t = &queue[qi];
		cm_doclist l = {0};
		if (t->year)
			snprintf(term, sizeof term, "XC%.*s@%d", CM_KEY_MAX - 1, t->base, t->year);
		else
			snprintf(term, sizeof term, "XC%.*s", CM_KEY_MAX - 1, t->base);
		if ((rc = cm_doclist_by_term(&l, db, term, xt[0] ? xt : NULL)) < 0)
			break;
		for (size_t i = 0; i < l.n; i++) {
			json_object *c = matching_citation(o, l.v[i], t);
			const char *own = cm_json_str(cm_docinfo_json(l.v[i]), "number");
			if (!c || seen_path(seen, nseen, cm_docinfo_path(l.v[i])) || nseen == 1024)
				continue;
			seen[nseen++] = strdup(cm_docinfo_path(l.v[i]));
			print_hit(o, l.v[i], c, t->depth, ambiguous);
			shown++;
			if (own && t->depth < o->depth && nq < 256) {
				const char *at = strchr(own, '@');
				snprintf(queue[nq].base, sizeof queue[nq].base, "%.*s",
					 (int)(at ? at - own : (long)strlen(own)), own);
				queue[nq].year = at ? atoi(at + 1) : 0;
				queue[nq].depth = t->depth + 1;
				nq++;
			}
		}
		cm_doclist_release(&l);
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	if (rc == 0 && shown == 0 && !o->json)
		fprintf(stderr, "%s: no document cites %s\n", CM_PROGRAM, ref);
	return rc;
}

int cm_cmd_cited_by(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'}, {"type", required_argument, NULL, 't'},
		{"relation", required_argument, NULL, 'r'}, {"depth", required_argument, NULL, 'D'},
		{"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	options o = {.depth = 1};
	cm_xdb *db = NULL;
	char *dbpath = NULL;
	int c, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 't': o.type = optarg; break;
		case 'r': o.relation = optarg; break;
		case 'D':
			if (cm_cli_count(&o.depth, optarg, 10) < 0 || o.depth == 0)
				return cm_cli_usage_error("cited-by", "--depth needs a number from 1 to 10");
			break;
		case 'j': o.json = 1; break;
		case 'h': fputs(usage_text, stdout); return CM_EXIT_OK;
		default: return cm_cli_usage_error("cited-by", "unknown option");
		}
	}
	if (argc - optind != 1)
		return cm_cli_usage_error("cited-by", "give one REF, e.g. 25-NQ/TW");
	if ((status = cm_cli_open(&db, &dbpath, o.db)) >= 0)
		return status;
	rc = run(&o, db, argv[optind]);
	if (rc < 0)
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
	cm_xdb_free(db);
	free(dbpath);
	return rc == CM_EINVAL ? CM_EXIT_USAGE : rc < 0 ? CM_EXIT_FAIL : CM_EXIT_OK;
}
