/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cmd_cited_by.c: `chimuc cited-by REF`: the documents that cite REF, with
 * the citing sentence, optionally only of one type or relation, and with
 * --depth the documents that cite those in turn (plans carrying out plans
 * that carry out a resolution). A REF without a year that the corpus cites
 * with several years is reported as ambiguous, with the candidates. The
 * walk reads posting lists and value slots; only the documents shown are
 * read whole (for their citing sentence), so --count and a page of a large
 * answer cost what the answer costs. */
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

/* The deepest --depth: a named limit, reported when an answer reaches it
 * with more documents beyond. */
#define CITED_BY_DEPTH_MAX 10

static const char usage_text[] =
	"Usage: chimuc cited-by [OPTION]... REF\n"
	"List the documents that cite REF (\"25-NQ/TW\", \"Nghị quyết số 25-NQ/TW\",\n"
	"\"25-NQ/TW@2013\" for the one of 2013), each with the citing sentence.\n"
	"\n"
	"  --db DIR        the index\n"
	"  --type T        only citing documents of that type (KH, \"Kế hoạch\", NQ…)\n"
	"  --relation R    only citations whose cue contains R (\"thực hiện\")\n"
	"  --depth N       also the documents citing those, N levels (default 1,\n"
	"                  at most 10); each document is listed once, at its\n"
	"                  smallest depth\n"
	"  --json          one JSON object per citing document and line (nothing\n"
	"                  else): path, title, type, number, date, relation,\n"
	"                  context, key, depth, ambiguous\n" CM_PAGE_HELP
	"  -h, --help      show this help\n"
	"Every citing document is listed, in order of depth then of the index;\n"
	"--count gives the total of a paged listing.\n";

typedef struct {
	const char *db, *type, *relation;
	unsigned depth;
	int json;
	cm_page page;
} options;

typedef struct {
	char base[CM_KEY_MAX];
	int year;
	unsigned depth;
} target;

static void print_hit(const options *o, const cm_docinfo *info, json_object *cite, unsigned depth,
		      int ambiguous)
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
		json_object_object_add(j, "relation",
				       cm_cli_json_string(cm_json_str(cite, "relation")));
		json_object_object_add(j, "context", cm_cli_json_string(context));
		json_object_object_add(j, "key", cm_cli_json_string(cm_json_str(cite, "key")));
		json_object_object_add(j, "depth", json_object_new_int((int)depth));
		json_object_object_add(j, "ambiguous", json_object_new_boolean(ambiguous));
		cm_cli_json_line(j);
	} else {
		printf("%*s", 2 * (int)(depth - 1), "");
		cm_diag_path(stdout, cm_docinfo_path(info));
		printf("  %s  [%s; %s]\n%*s    %s\n", cm_docinfo_title(info),
		       cm_json_str(cite, "key"),
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
		if (json_object_object_get_ex(c, "self_mention", &sm) &&
		    json_object_get_boolean(sm))
			continue;
		if (!cm_key_matches(cm_json_str(c, "key"), t->base, t->year))
			continue;
		if (o->relation && (!rel || !strstr(rel, o->relation)))
			continue;
		return c;
	}
	return NULL;
}

/* The first citation of d that matches t (and --relation), or NULL. */
static const cm_cite *matching_cite(const options *o, const cm_graphdoc *d, const target *t)
{
	for (size_t i = 0; i < d->cites.size; i++) {
		const cm_cite *c = &d->cites.ptr[i];
		if (cm_key_matches(c->key, t->base, t->year) &&
		    (!o->relation || (c->relation && strstr(c->relation, o->relation))))
			return c;
	}
	return NULL;
}

typedef struct {
	options *o;
	cm_xdb *db;
	cm_docset seen, typed;    /* listed; of --type */
	cm_array_t(target) queue; /* breadth first */
	cm_strmap queued;         /* own keys put in the queue */
	int ambiguous, beyond;    /* beyond: documents past CITED_BY_DEPTH_MAX */
} walk;

/* Queues key (the dated key of a document, or the REF) unless queued. A
 * key whose number the corpus cites with that year alone also gets the
 * citations that give no year: they can only mean that document (the
 * year-less citations of a number cited with several years stay apart:
 * they are ambiguous). */
static int enqueue(walk *w, const char *key, unsigned depth)
{
	const char *at = strchr(key, '@');
	cm_years years = CM_ARRAY_INIT;
	target *t;
	int rc = cm_strmap_put(NULL, &w->queued, key, strlen(key), 0);

	if (rc <= 0)
		return rc;
	if (!(t = cm_array_alloc(w->queue)))
		return CM_ENOMEM;
	snprintf(t->base, sizeof t->base, "%.*s", (int)(at ? at - key : (long)strlen(key)), key);
	t->year = at ? atoi(at + 1) : 0;
	t->depth = depth;
	rc = 0;
	if (t->year && (rc = cm_cited_years(&years, w->db, t->base)) == 0 && years.size == 1 &&
	    years.ptr[0] == t->year)
		t->year = 0;
	cm_array_clear(years);
	return rc;
}

/* Prints the document docid, citing as found (the citation of its data that
 * matches t gives the sentence). */
static int show(const walk *w, cm_xdocid id, const target *t)
{
	cm_docinfo *info = NULL;
	json_object *c;
	int rc;

	if ((rc = cm_docinfo_by_id(&info, w->db, id)) < 0)
		return rc;
	if ((c = matching_citation(w->o, info, t)))
		print_hit(w->o, info, c, t->depth, w->ambiguous);
	cm_docinfo_free(info);
	return 0;
}

/* The documents citing target t not listed yet. Past the depth asked (only
 * at the limit), it only notes whether there are any. */
static int visit(walk *w, const target *t)
{
	options *o = w->o;
	char term[CM_KEY_MAX + 16];
	cm_xpostings *it;
	cm_xdocid id;
	unsigned wdf;
	int rc;

	if (t->year)
		snprintf(term, sizeof term, "XC%.*s@%d", CM_KEY_MAX - 1, t->base, t->year);
	else
		snprintf(term, sizeof term, "XC%.*s", CM_KEY_MAX - 1, t->base);
	if ((rc = cm_xdb_postings(&it, w->db, term, strlen(term))) < 0)
		return rc;
	while (rc >= 0 && !w->beyond && !cm_page_full(&o->page) &&
	       (rc = cm_xpostings_next(it, &id, &wdf)) == 1) {
		cm_graphdoc d;
		if (cm_docset_has(&w->seen, id) || (o->type && !cm_docset_has(&w->typed, id)))
			continue;
		if ((rc = cm_graphdoc_load(&d, w->db, id)) < 0)
			break;
		if (matching_cite(o, &d, t)) {
			if (t->depth > o->depth) {
				w->beyond = 1;
			} else {
				cm_docset_add(&w->seen, id);
				if (cm_page_take(&o->page))
					rc = show(w, id, t);
				if (rc == 0 && d.key &&
				    (t->depth < o->depth || o->depth == CITED_BY_DEPTH_MAX))
					rc = enqueue(w, d.key, t->depth + 1);
			}
		}
		cm_graphdoc_release(&d);
	}
	cm_xpostings_free(it);
	return rc < 0 ? rc : 0;
}

static int run(options *o, cm_xdb *db, const char *ref)
{
	walk w = {.o = o, .db = db};
	cm_years years = CM_ARRAY_INIT;
	char root[CM_KEY_MAX + 16], xt[8] = "";
	int year, rc;

	if (cm_citation_parse_ref(root, &year, ref) < 0)
		return cm_error_code();
	if (o->type) {
		const char *type = cm_citation_type_from_user(o->type);
		if (!type || !cm_citation_type_code(type))
			return cm_error_set(CM_EINVAL, "unknown document type '%s'", o->type);
		snprintf(xt, sizeof xt, "XT%s", cm_citation_type_code(type));
	}
	if ((rc = cm_cited_years(&years, db, root)) < 0)
		goto cleanup;
	if (!year && years.size > 1) {
		w.ambiguous = 1;
		fprintf(stderr, "%s: %s is ambiguous: the corpus cites", CM_PROGRAM, root);
		for (size_t i = 0; i < years.size; i++)
			fprintf(stderr, " %s@%d", root, years.ptr[i]);
		fprintf(stderr, "; add @YEAR to choose\n");
	}
	if (year)
		snprintf(root + strlen(root), sizeof root - strlen(root), "@%d", year);
	if ((rc = cm_docset_init(&w.seen, db)) < 0 || (rc = enqueue(&w, root, 1)) < 0)
		goto cleanup;
	if (o->type && ((rc = cm_docset_init(&w.typed, db)) < 0 ||
			(rc = cm_docset_add_term(&w.typed, db, xt)) < 0))
		goto cleanup;
	for (size_t qi = 0; qi < w.queue.size && rc == 0 && !w.beyond && !cm_page_full(&o->page);
	     qi++) {
		target t = w.queue.ptr[qi];
		rc = visit(&w, &t);
	}
	if (rc == 0 && w.beyond)
		fprintf(stderr,
			"%s: stopped at depth %d, the deepest cited-by follows: more documents cite "
			"those of depth %d\n",
			CM_PROGRAM, CITED_BY_DEPTH_MAX, CITED_BY_DEPTH_MAX);
	if (rc == 0 && o->page.seen == 0 && !o->json && !o->page.count)
		fprintf(stderr, "%s: no document cites %s\n", CM_PROGRAM, ref);
	if (rc == 0)
		cm_page_finish(&o->page);
cleanup:
	cm_array_clear(years);
	cm_array_clear(w.queue);
	cm_strmap_free(&w.queued);
	cm_docset_release(&w.seen);
	cm_docset_release(&w.typed);
	return rc;
}

int cm_cmd_cited_by(int argc, char **argv)
{
	static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
						 {"type", required_argument, NULL, 't'},
						 {"relation", required_argument, NULL, 'r'},
						 {"depth", required_argument, NULL, 'D'},
						 {"json", no_argument, NULL, 'j'},
						 {"help", no_argument, NULL, 'h'},
						 CM_PAGE_OPTIONS,
						 {NULL, 0, NULL, 0}};
	options o = {.depth = 1, .page = CM_PAGE_ALL};
	cm_xdb *db = NULL;
	char *dbpath = NULL;
	int c, status, rc;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 't': o.type = optarg; break;
		case 'r': o.relation = optarg; break;
		case 'D':
			if (cm_cli_count(&o.depth, optarg, CITED_BY_DEPTH_MAX) < 0 || o.depth == 0)
				return cm_cli_usage_error("cited-by",
							  "--depth needs a number from 1 to %d",
							  CITED_BY_DEPTH_MAX);
			break;
		case 'j': o.json = 1; break;
		case CM_PAGE_OPT_LIMIT:
		case CM_PAGE_OPT_OFFSET:
		case CM_PAGE_OPT_COUNT:
			if (cm_page_option(&o.page, c, optarg, "cited-by"))
				return CM_EXIT_USAGE;
			break;
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
