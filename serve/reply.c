/* SPDX-License-Identifier: GPL-2.0-or-later */

/* reply.c: replies in memory (reply.h): JSON bodies, errors and the status
 * of each library error code, writers' JSON Lines as listings. */
#include "reply.h"

#include <stdlib.h>
#include <string.h>

#include "chimuc/error.h"
#include "chimuc/index.h"

int cm_serve_mem_open(cm_serve_mem *m)
{
	*m = (cm_serve_mem){0};
	if (!(m->f = open_memstream(&m->buf, &m->len)))
		return cm_error_nomem();
	return 0;
}

int cm_serve_mem_close(cm_serve_mem *m)
{
	int failed = m->f && (ferror(m->f) | fclose(m->f));

	m->f = NULL;
	return failed ? cm_error_set(CM_EIO, "cannot write the answer in memory") : 0;
}

void cm_serve_mem_release(cm_serve_mem *m)
{
	if (m->f)
		fclose(m->f);
	free(m->buf);
	*m = (cm_serve_mem){0};
}

void cm_serve_reply_take(cm_serve_reply *rep, cm_serve_mem *m, const char *type)
{
	free(rep->body);
	rep->status = 200;
	rep->type = type;
	rep->body = m->buf;
	rep->len = m->len;
	m->buf = NULL;
	m->len = 0;
}

int cm_serve_reply_json(cm_serve_reply *rep, unsigned status, json_object *o)
{
	const char *s;
	size_t n;
	char *body;

	if (!o)
		return cm_error_nomem();
	s = json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	if (!s || !(body = malloc(n + 2))) {
		json_object_put(o);
		return cm_error_nomem();
	}
	memcpy(body, s, n);
	body[n] = '\n';
	body[n + 1] = '\0';
	json_object_put(o);
	free(rep->body);
	*rep = (cm_serve_reply){
		.status = status, .type = CM_SERVE_JSON, .body = body, .len = n + 1};
	return 0;
}

int cm_serve_reply_mark_partial(cm_serve_reply *rep, const cm_index *ix)
{
	json_object *o, *missing;

	if (!cm_index_shards_down(ix) || !rep->body || strcmp(rep->type, CM_SERVE_JSON))
		return 0;
	if (!(o = json_tokener_parse(rep->body)) || !json_object_is_type(o, json_type_object) ||
	    !(missing = json_object_new_array())) {
		json_object_put(o);
		return 0;
	}
	for (size_t i = 0; i < cm_index_shards(ix); i++)
		if (cm_index_shard_down(ix, i))
			json_object_array_add(missing,
					      json_object_new_string(cm_index_shard_name(ix, i)));
	json_object_object_add(o, "partial", json_object_new_boolean(1));
	json_object_object_add(o, "missing", missing);
	return cm_serve_reply_json(rep, rep->status, o);
}

int cm_serve_reply_error(cm_serve_reply *rep, unsigned status, const char *message)
{
	json_object *o = json_object_new_object();

	if (o)
		json_object_object_add(o, "error", json_object_new_string(message));
	return cm_serve_reply_json(rep, status, o);
}

unsigned cm_serve_status_of(int code)
{
	switch (code) {
	case CM_EINVAL:
	case CM_EPARSE:
	case CM_ELIMIT:
	case CM_EUNSUPPORTED: return 400;
	case CM_ENOTFOUND: return 404;
	case CM_EMODIFIED:
	case CM_ELOCKED:
	case CM_EMISSING: return 503;
	default: return 500;
	}
}

int cm_serve_reply_failed(cm_serve_reply *rep, int code)
{
	const char *msg = cm_error_last();
	char *copy = strdup(*msg ? msg : cm_error_name(code));
	int rc;

	if (!copy)
		return cm_error_nomem();
	rc = cm_serve_reply_error(rep, cm_serve_status_of(code), copy);
	free(copy);
	return rc;
}

int cm_serve_jsonl_array(json_object **out, const char *buf, size_t len)
{
	json_object *a = json_object_new_array();

	*out = NULL;
	if (!a)
		return cm_error_nomem();
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - buf - i) : len - i;
		json_tokener *tok;
		json_object *item;

		if (n > 0) {
			if (!(tok = json_tokener_new())) {
				json_object_put(a);
				return cm_error_nomem();
			}
			item = json_tokener_parse_ex(tok, buf + i, (int)n);
			json_tokener_free(tok);
			if (!item || json_object_array_add(a, item) < 0) {
				json_object_put(item);
				json_object_put(a);
				return cm_error_set(CM_ERROR, "a writer's line is no JSON");
			}
		}
		i += n + 1;
	}
	*out = a;
	return 0;
}

int cm_serve_reply_listing(cm_serve_reply *rep, size_t total, const cm_serve_mem *m)
{
	json_object *items, *o;
	int rc;

	if ((rc = cm_serve_jsonl_array(&items, m->buf, m->len)) < 0)
		return rc;
	if (!(o = json_object_new_object())) {
		json_object_put(items);
		return cm_error_nomem();
	}
	json_object_object_add(o, "total", json_object_new_int64((int64_t)total));
	json_object_object_add(o, "items", items);
	return cm_serve_reply_json(rep, 200, o);
}

void cm_serve_reply_release(cm_serve_reply *rep)
{
	free(rep->body);
	*rep = (cm_serve_reply){0};
}
