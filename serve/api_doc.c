/* SPDX-License-Identifier: GPL-2.0-or-later */

/* api_doc.c: GET /api/doc/ID (ID: the document's own number, "@year" or
 * not, or the path of its file as indexed): the document (chimuc/doc.h):
 * identity, title, text, dates; what it cites (the lines of `chimuc cites
 * --json` with the cited document's id and a status) and what cites it
 * (those of `chimuc cited-by --json`). */
#include <stdlib.h>

#include "api.h"
#include "chimuc/cited_by.h"
#include "chimuc/cites.h"
#include "chimuc/doc.h"
#include "chimuc/error.h"
#include "chimuc/status.h"

static json_object *str(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static json_object *self_json(const cm_docself *s)
{
	json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	json_object_object_add(o, "type", str(s->type));
	json_object_object_add(o, "number", str(s->number));
	json_object_object_add(o, "symbol", str(s->symbol));
	json_object_object_add(o, "key", str(s->key));
	json_object_object_add(o, "date", str(s->date));
	json_object_object_add(o, "issuer", str(s->issuer));
	json_object_object_add(o, "place", str(s->place));
	return o;
}

static int date_json(json_object **out, const cm_docinfo *info, const cm_docdate *d)
{
	json_object *o = json_object_new_object();
	char *context = NULL;
	int rc;

	*out = NULL;
	if (!o)
		return cm_error_nomem();
	if ((rc = cm_docinfo_excerpt(&context, info, d->ctx_start, d->ctx_end)) < 0) {
		json_object_put(o);
		return rc;
	}
	json_object_object_add(o, "iso", str(d->iso));
	json_object_object_add(o, "resolved", str(d->resolved));
	json_object_object_add(o, "deadline", json_object_new_boolean(d->deadline));
	json_object_object_add(o, "occasion", str(d->occasion));
	json_object_object_add(o, "recurrence", str(d->recurrence));
	json_object_object_add(o, "start", json_object_new_int64((int64_t)d->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)d->end));
	json_object_object_add(o, "context", json_object_new_string(context));
	json_object_object_add(o, "actor", str(d->actor));
	json_object_object_add(o, "task", str(d->task));
	json_object_object_add(o, "recipient", str(d->recipient));
	free(context);
	*out = o;
	return 0;
}

/* The document's own fields. */
static int info_json(json_object **out, const cm_docinfo *info)
{
	json_object *o = json_object_new_object(), *dates = json_object_new_array();
	int rc = 0;

	*out = NULL;
	if (!o || !dates) {
		json_object_put(o);
		json_object_put(dates);
		return cm_error_nomem();
	}
	for (size_t i = 0; i < info->ndates && rc == 0; i++) {
		json_object *d;
		if ((rc = date_json(&d, info, &info->dates[i])) == 0)
			json_object_array_add(dates, d);
	}
	json_object_object_add(o, "path", json_object_new_string(info->path));
	json_object_object_add(o, "title", json_object_new_string(info->title));
	json_object_object_add(o, "format", str(info->format));
	json_object_object_add(o, "type", str(info->type));
	json_object_object_add(o, "number", str(info->number));
	json_object_object_add(o, "date", str(info->date));
	json_object_object_add(o, "self", self_json(&info->self));
	json_object_object_add(o, "text",
			       json_object_new_string_len(info->text, (int)info->text_len));
	json_object_object_add(o, "dates", dates);
	if (rc < 0)
		json_object_put(o);
	else
		*out = o;
	return rc;
}

/* Each citation gets the id of the cited document when the corpus has it
 * (its key: what /api/doc/ID takes) and its status: "in_corpus", or
 * "cited_only" (known only from the documents citing it). */
static void resolve(json_object *items, const cm_cites_result *r)
{
	for (size_t i = 0; i < json_object_array_length(items) && i < cm_cites_size(r); i++) {
		json_object *c = json_object_array_get_idx(items, i);
		const cm_cites_item *it = cm_cites_get(r, i);

		json_object_object_add(c, "id", it->path ? json_object_new_string(it->key) : NULL);
		json_object_object_add(
			c, "status", json_object_new_string(it->path ? "in_corpus" : "cited_only"));
	}
}

/* The JSON Lines of what doc cites (with id and status), as an array. */
static int cites_json(json_object **out, cm_index *ix, const char *doc)
{
	cm_cites_result *r = NULL;
	cm_serve_mem m = {0};
	int rc;

	*out = NULL;
	if ((rc = cm_cites(&r, ix, doc, NULL)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_cites_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0 &&
	    (rc = cm_serve_jsonl_array(out, m.buf, m.len)) == 0)
		resolve(*out, r);
	cm_serve_mem_release(&m);
	cm_cites_free(r);
	return rc;
}

/* The JSON Lines of the documents citing number (NULL: none), as an array. */
static int cited_by_json(json_object **out, cm_index *ix, const char *number)
{
	cm_cited_by_result *r = NULL;
	cm_serve_mem m = {0};
	int rc;

	if (!number)
		return (*out = json_object_new_array()) ? 0 : cm_error_nomem();
	*out = NULL;
	if ((rc = cm_cited_by(&r, ix, number, NULL)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_cited_by_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0)
		rc = cm_serve_jsonl_array(out, m.buf, m.len);
	cm_serve_mem_release(&m);
	cm_cited_by_free(r);
	return rc;
}

/* The validity of number as `chimuc status --json` gives it (key, status,
 * since, by, conflicts), or null when the document has no number. */
static int validity_json(json_object **out, cm_index *ix, const char *number)
{
	cm_status_result *r = NULL;
	cm_serve_mem m = {0};
	json_object *arr = NULL;
	int rc;

	*out = NULL;
	if (!number)
		return 0;
	if ((rc = cm_status(&r, ix, &number, 1, NULL)) == 0 && (rc = cm_serve_mem_open(&m)) == 0 &&
	    (rc = cm_status_write_json(m.f, r)) == 0 && (rc = cm_serve_mem_close(&m)) == 0 &&
	    (rc = cm_serve_jsonl_array(&arr, m.buf, m.len)) == 0)
		*out = json_object_get(json_object_array_get_idx(arr, 0));
	json_object_put(arr);
	cm_serve_mem_release(&m);
	cm_status_free(r);
	return rc;
}

int cm_api_doc(cm_serve_reply *rep, const cm_serve_call *call)
{
	static const char *const known[] = {NULL};
	cm_docinfo *info = NULL;
	json_object *o = NULL, *cites = NULL, *cited_by = NULL, *validity = NULL;
	int rc;

	if ((rc = cm_serve_params_known(call->req, known)) < 0 ||
	    (rc = cm_doc(&info, call->ix, call->rest, NULL)) < 0)
		return rc;
	if ((rc = info_json(&o, info)) < 0 || (rc = cites_json(&cites, call->ix, call->rest)) < 0 ||
	    (rc = cited_by_json(&cited_by, call->ix, info->number)) < 0 ||
	    (rc = validity_json(&validity, call->ix, info->number)) < 0)
		goto cleanup;
	json_object_object_add(o, "cites", cites);
	json_object_object_add(o, "cited_by", cited_by);
	json_object_object_add(o, "validity", validity);
	cites = cited_by = validity = NULL;
	rc = cm_serve_reply_json(rep, 200, o);
	o = NULL;
cleanup:
	json_object_put(o);
	json_object_put(cites);
	json_object_put(cited_by);
	json_object_put(validity);
	cm_docinfo_free(info);
	return rc;
}
