/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_write.c: the writers of a draft's citation map (chimuc/map.h): the
 * report in text or Markdown, JSON Lines, and the graph of the draft in DOT
 * or GraphML (chimuc/graph.h). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>

#include "chimuc/error.h"
#include "chimuc/graph.h"
#include "chimuc/map.h"
#include "out/jsonl.h"

/* "cited beside 25-NQ/TW in 2 of its 3 documents, cited by 4 in all:
 * strength 0.58": *out is the caller's. */
#define WHY_FORMAT "cited beside %s in %u of its %zu documents, cited by %u in all: strength %.2f"

static char *why(const cm_map_item *it, const cm_map_co_cited *c)
{
	int n = snprintf(NULL, 0, WHY_FORMAT, it->base, c->count, it->cited_by_total, c->cited,
			 c->strength);
	char *buf = n < 0 ? NULL : malloc((size_t)n + 1);

	if (buf)
		snprintf(buf, (size_t)n + 1, WHY_FORMAT, it->base, c->count, it->cited_by_total,
			 c->cited, c->strength);
	return buf;
}

/* "N more precedents (--precedents N shows more)" when the list was cut. */
static void more(FILE *f, int md, size_t total, size_t shown, const char *one, const char *many,
		 const char *option)
{
	if (total > shown)
		fprintf(f,
			md ? "- %zu more %s (`%s N` shows more)\n"
			   : "  %zu more %s (%s N shows more)\n",
			total - shown, total - shown > 1 ? many : one, option);
}

static int write_problems(FILE *f, const cm_map_item *it, int md)
{
	int rc = 0;

	for (unsigned p = 1; p < CM_MAP_PROBLEM_END && rc == 0; p <<= 1) {
		char *msg = NULL;
		if (!(it->problems & p))
			continue;
		if ((rc = cm_map_problem_message(&msg, it, (cm_map_problem)p)) == 0 &&
		    (p & CM_MAP_NOTES))
			fprintf(f, md ? "- **note**: %s\n" : "  note: %s\n", msg);
		else if (rc == 0)
			fprintf(f, md ? "- **problem**: %s\n" : "  problem: %s\n", msg);
		free(msg);
	}
	return rc;
}

/* "the corpus says: type Quyết định (2), issuer Bộ Chính trị (2) or Ban Bí
 * thư (1), …" (the document itself: "(itself)"). */
static void write_said(FILE *f, const cm_map_item *it, int md)
{
	int any = 0;

	for (int k = 0; k < CM_MAP_FIELDS; k++) {
		const cm_map_said *said = &it->said[k];
		if (!said->nreadings || k == CM_MAP_TITLE)
			continue;
		fprintf(f, "%s%s",
			any  ? ", "
			: md ? "- **the corpus says**: "
			     : "  the corpus says: ",
			cm_map_field_name((cm_map_field)k));
		for (size_t i = 0; i < said->nreadings; i++) {
			const cm_map_reading *g = &said->readings[i];
			if (said->from_self)
				fprintf(f, " %s (itself)", g->value);
			else
				fprintf(f, "%s %s (%zu)", i ? " or" : "", g->value, g->count);
		}
		any = 1;
	}
	if (any)
		putc('\n', f);
}

static int write_report(FILE *f, const cm_map_item *it, int md)
{
	int rc;

	fprintf(f,
		md ? "## %s\n\n- **status**: %s\n- **reference**: %s\n"
		   : "%s\n  status: %s\n  reference: %s\n",
		it->text, cm_map_status_name(it->status), it->reference);
	if (it->path)
		fprintf(f, md ? "- **in the index**: `%s`\n" : "  in the index: %s\n", it->path);
	write_said(f, it, md);
	if (it->ncandidates > 1 || it->status == CM_MAP_AMBIGUOUS)
		for (size_t i = 0; i < it->ncandidates; i++) {
			const cm_map_candidate *c = &it->candidates[i];
			fprintf(f, md ? "- candidate: %s %s\n" : "  candidate: %s %s\n",
				c->key ? c->key : "", c->title ? c->title : "");
		}
	if ((rc = write_problems(f, it, md)) < 0)
		return rc;
	for (size_t i = 0; i < it->ncited_by; i++) {
		const cm_map_precedent *p = &it->cited_by[i];
		fprintf(f,
			md ? "- precedent (%s): `%s` — %s\n" : "  precedent (%s): %s\n      %s\n",
			p->date ? p->date : "undated", p->path, p->context ? p->context : "");
	}
	for (size_t i = 0; i < it->nco_cited; i++) {
		char *w = why(it, &it->co_cited[i]);
		if (!w)
			return cm_error_nomem();
		fprintf(f,
			md ? "- usually cited beside it: %s (%s)\n"
			   : "  usually cited beside it: %s (%s)\n",
			it->co_cited[i].key, w);
		free(w);
	}
	more(f, md, it->cited_by_total, it->ncited_by, "precedent", "precedents", "--precedents");
	more(f, md, it->co_cited_total, it->nco_cited, "document cited beside it",
	     "documents cited beside it", "--co-cited");
	putc('\n', f);
	return 0;
}

static void write_suggestions(FILE *f, const cm_map_result *r, int md)
{
	if (md && cm_map_suggestions(r))
		fputs("## Suggestions\n\n", f);
	for (size_t i = 0; i < cm_map_suggestions(r); i++) {
		const cm_map_suggestion *s = cm_map_suggestion_get(r, i);
		fprintf(f,
			md ? "- **%s** (score %.2f): %s\n  - reference: %s\n"
			   : "suggested: %s (score %.2f)\n  why: %s\n  reference: %s\n",
			s->key, s->score, s->reason, s->reference);
		if (s->path)
			fprintf(f, md ? "  - in the index: `%s`\n" : "  in the index: %s\n",
				s->path);
		if (!md)
			putc('\n', f);
	}
}

static int write_reports(FILE *f, const cm_map_result *r, int md)
{
	int rc = 0;

	for (size_t i = 0; i < cm_map_size(r) && rc == 0; i++)
		rc = write_report(f, cm_map_get(r, i), md);
	if (rc == 0)
		write_suggestions(f, r, md);
	return rc < 0 ? rc : cm_out_status(f);
}

int cm_map_write_text(FILE *f, const cm_map_result *r)
{
	return write_reports(f, r, 0);
}

int cm_map_write_md(FILE *f, const cm_map_result *r, const char *name)
{
	fprintf(f, "# Citation map of %s\n\n", name);
	return write_reports(f, r, 1);
}

static json_object *precedent_json(const cm_map_precedent *p)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "path", json_object_new_string(p->path));
	json_object_object_add(o, "title", json_object_new_string(p->title));
	json_object_object_add(o, "date", cm_out_json_string(p->date));
	json_object_object_add(o, "context", cm_out_json_string(p->context));
	return o;
}

/* A year of the number has its key only. */
static json_object *candidate_json(const cm_map_candidate *c)
{
	json_object *o = json_object_new_object();

	if (c->path) {
		json_object_object_add(o, "path", json_object_new_string(c->path));
		json_object_object_add(o, "title", json_object_new_string(c->title));
		json_object_object_add(o, "date", cm_out_json_string(c->date));
	}
	json_object_object_add(o, "key", cm_out_json_string(c->key));
	return o;
}

/* The messages of the problems of it in mask as the array o[name]. */
static int messages_json(json_object *o, const char *name, const cm_map_item *it, unsigned mask)
{
	json_object *a = json_object_new_array();
	int rc = 0;

	json_object_object_add(o, name, a);
	for (unsigned p = 1; p < CM_MAP_PROBLEM_END && rc == 0; p <<= 1) {
		char *msg = NULL;
		if (!(it->problems & p & mask))
			continue;
		if ((rc = cm_map_problem_message(&msg, it, (cm_map_problem)p)) == 0)
			json_object_array_add(a, json_object_new_string(msg));
		free(msg);
	}
	return rc;
}

static int co_cited_json(json_object **out, const cm_map_item *it, const cm_map_co_cited *c)
{
	char *w = why(it, c);

	if (!w)
		return cm_error_nomem();
	*out = json_object_new_object();
	json_object_object_add(*out, "key", json_object_new_string(c->key));
	json_object_object_add(*out, "count", json_object_new_int((int)c->count));
	json_object_object_add(*out, "cited", json_object_new_int((int)c->cited));
	json_object_object_add(*out, "strength", json_object_new_double(c->strength));
	json_object_object_add(*out, "date", cm_out_json_string(c->date));
	json_object_object_add(*out, "why", json_object_new_string(w));
	free(w);
	return 0;
}

/* {"issuer": {"from_self": false, "readings": [{"value", "count",
 * "paths"}]}, …}: the fields the corpus says anything of. */
static json_object *said_json(const cm_map_item *it)
{
	json_object *o = json_object_new_object();

	for (int f = 0; f < CM_MAP_FIELDS; f++) {
		const cm_map_said *said = &it->said[f];
		json_object *field, *readings;
		if (!said->nreadings)
			continue;
		field = json_object_new_object();
		readings = json_object_new_array();
		for (size_t i = 0; i < said->nreadings; i++) {
			const cm_map_reading *g = &said->readings[i];
			json_object *r = json_object_new_object(), *paths = json_object_new_array();
			for (size_t k = 0; k < g->count; k++)
				json_object_array_add(paths, json_object_new_string(g->paths[k]));
			json_object_object_add(r, "value", json_object_new_string(g->value));
			json_object_object_add(r, "count",
					       json_object_new_int64((int64_t)g->count));
			json_object_object_add(r, "paths", paths);
			json_object_array_add(readings, r);
		}
		json_object_object_add(field, "from_self",
				       json_object_new_boolean(said->from_self));
		json_object_object_add(field, "readings", readings);
		json_object_object_add(o, cm_map_field_name((cm_map_field)f), field);
	}
	return o;
}

static int item_json(json_object **out, const cm_map_item *it)
{
	json_object *o = json_object_new_object(), *a;
	int rc = 0;

	json_object_object_add(o, "text",
			       json_object_new_string_len(it->text, (int)(it->end - it->start)));
	json_object_object_add(o, "key", json_object_new_string(it->key));
	json_object_object_add(o, "status", json_object_new_string(cm_map_status_name(it->status)));
	json_object_object_add(o, "reference", json_object_new_string(it->reference));
	json_object_object_add(o, "path", cm_out_json_string(it->path));
	json_object_object_add(o, "said", said_json(it));
	a = json_object_new_array();
	for (size_t i = 0; i < it->ncited_by; i++)
		json_object_array_add(a, precedent_json(&it->cited_by[i]));
	json_object_object_add(o, "cited_by", a);
	json_object_object_add(o, "cited_by_total",
			       json_object_new_int64((int64_t)it->cited_by_total));
	a = json_object_new_array();
	for (size_t i = 0; i < it->ncandidates; i++)
		json_object_array_add(a, candidate_json(&it->candidates[i]));
	json_object_object_add(o, "candidates", a);
	a = json_object_new_array();
	for (size_t i = 0; i < it->nco_cited && rc == 0; i++) {
		json_object *c = NULL;
		if ((rc = co_cited_json(&c, it, &it->co_cited[i])) == 0)
			json_object_array_add(a, c);
	}
	json_object_object_add(o, "co_cited", a);
	json_object_object_add(o, "co_cited_total",
			       json_object_new_int64((int64_t)it->co_cited_total));
	if ((rc = messages_json(o, "problems", it, ~(unsigned)CM_MAP_NOTES)) == 0)
		rc = messages_json(o, "notes", it, CM_MAP_NOTES);
	json_object_object_add(o, "validity", json_object_new_string(cm_status_name(it->validity)));
	json_object_object_add(o, "validity_since", cm_out_json_string(it->validity_since));
	if (rc < 0) {
		json_object_put(o);
		return rc;
	}
	*out = o;
	return 0;
}

static json_object *suggestion_json(const cm_map_suggestion *s)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "kind", json_object_new_string("suggestion"));
	json_object_object_add(o, "key", json_object_new_string(s->key));
	json_object_object_add(o, "score", json_object_new_double(s->score));
	json_object_object_add(o, "reason", json_object_new_string(s->reason));
	json_object_object_add(o, "reference", json_object_new_string(s->reference));
	json_object_object_add(o, "path", cm_out_json_string(s->path));
	return o;
}

int cm_map_write_json(FILE *f, const cm_map_result *r)
{
	int rc = 0;

	for (size_t i = 0; i < cm_map_size(r) && rc == 0; i++) {
		json_object *o;
		if ((rc = item_json(&o, cm_map_get(r, i))) == 0)
			rc = cm_out_json_line(f, o);
	}
	for (size_t i = 0; i < cm_map_suggestions(r) && rc == 0; i++)
		rc = cm_out_json_line(f, suggestion_json(cm_map_suggestion_get(r, i)));
	return rc < 0 ? rc : cm_out_status(f);
}

/* The draft, its citations, their precedents and co-cited documents. */
static int build_graph(cm_graph *g, const cm_map_result *r, const char *name)
{
	cm_graph_node d = {.id = "draft", .label = name};
	int rc = cm_graph_add_node(g, &d);

	for (size_t i = 0; i < cm_map_size(r) && rc == 0; i++) {
		const cm_map_item *it = cm_map_get(r, i);
		cm_graph_node c = {
			.id = it->key, .type = it->type, .path = it->path, .label = it->reference};
		if ((rc = cm_graph_add_node(g, &c)) == 0)
			rc = cm_graph_add_edge(g, "draft", c.id, it->relation);
		for (size_t k = 0; k < it->ncited_by && rc == 0; k++) {
			const cm_map_precedent *p = &it->cited_by[k];
			cm_graph_node pn = {
				.id = p->path, .path = p->path, .label = p->title, .date = p->date};
			if ((rc = cm_graph_add_node(g, &pn)) == 0)
				rc = cm_graph_add_edge(g, pn.id, c.id, NULL);
		}
		for (size_t k = 0; k < it->nco_cited && rc == 0; k++)
			rc = cm_graph_add_edge(g, c.id, it->co_cited[k].key, "cited beside");
	}
	return rc;
}

static int write_graph(FILE *f, const cm_map_result *r, const char *name, int graphml)
{
	cm_graph *g;
	int rc;

	if ((rc = cm_graph_new(&g)) < 0)
		return rc;
	if ((rc = build_graph(g, r, name)) == 0)
		rc = graphml ? cm_graph_write_graphml(f, g) : cm_graph_write_dot(f, g);
	cm_graph_free(g);
	return rc;
}

int cm_map_write_dot(FILE *f, const cm_map_result *r, const char *name)
{
	return write_graph(f, r, name, 0);
}

int cm_map_write_graphml(FILE *f, const cm_map_result *r, const char *name)
{
	return write_graph(f, r, name, 1);
}
