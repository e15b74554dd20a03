/* SPDX-License-Identifier: GPL-2.0-or-later */

/* reply.h: what an endpoint answers, before it goes on the wire: a status,
 * a media type and a body; JSON bodies built with json-c (every string
 * escaped by it), errors as {"error": "..."} with the status a library
 * error code maps to, and the JSON Lines of a writer turned into the
 * items of a listing {"total": N, "items": [...]}. Internal to the server.
 *
 * Ownership: the body is the reply's (cm_serve_reply_release). */
#ifndef CHIMUC_SERVE_REPLY_H
#define CHIMUC_SERVE_REPLY_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"

#define CM_SERVE_JSON "application/json; charset=utf-8"

typedef struct {
	unsigned status;  /* 200, 400, … */
	const char *type; /* media type (static) */
	char *body;       /* malloc'd */
	size_t len;
	const char *cache;  /* Cache-Control (static); NULL: "no-store" */
	const char *policy; /* Content-Security-Policy (static); NULL: the API's */
} cm_serve_reply;

/* What a writer wrote, caught in memory (open_memstream). */
typedef struct {
	FILE *f;
	char *buf;
	size_t len;
} cm_serve_mem;

/* Opens m->f: 0 or CM_ENOMEM. */
int cm_serve_mem_open(cm_serve_mem *m);
/* Closes m->f (m->buf then holds what was written): 0 or CM_EIO. */
int cm_serve_mem_close(cm_serve_mem *m);
void cm_serve_mem_release(cm_serve_mem *m);

/* The reply takes m's bytes as its body, with status 200 and type. */
void cm_serve_reply_take(cm_serve_reply *rep, cm_serve_mem *m, const char *type);

/* o serialized as the body (o released): 0 or CM_ENOMEM (o NULL too). */
int cm_serve_reply_json(cm_serve_reply *rep, unsigned status, json_object *o);

/* With shards of ix down, a JSON object body gets "partial": true and
 * "missing": [their names]. 0 or CM_ENOMEM. */
int cm_serve_reply_mark_partial(cm_serve_reply *rep, const cm_index *ix);

/* {"error": message} with status. 0 or CM_ENOMEM. */
int cm_serve_reply_error(cm_serve_reply *rep, unsigned status, const char *message);

/* The status of a library error code: 400 for a bad question (CM_EINVAL,
 * CM_EPARSE, CM_ELIMIT, CM_EUNSUPPORTED), 404 (CM_ENOTFOUND), 503 (the
 * index changing, locked or missing), 500 otherwise. */
unsigned cm_serve_status_of(int code);

/* The error reply of code with the thread's last message. 0 or CM_ENOMEM. */
int cm_serve_reply_failed(cm_serve_reply *rep, int code);

/* The JSON Lines buf[0, len) as an array of their objects into *out (the
 * caller's). CM_ENOMEM, CM_ERROR (a line that is no JSON). */
int cm_serve_jsonl_array(json_object **out, const char *buf, size_t len);

/* {"total": total, "items": [the JSON Lines of m]} as the body. */
int cm_serve_reply_listing(cm_serve_reply *rep, size_t total, const cm_serve_mem *m);

void cm_serve_reply_release(cm_serve_reply *rep);

#endif
