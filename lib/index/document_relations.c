/* SPDX-License-Identifier: GPL-2.0-or-later */

/* document_relations.c: writes a document's relations (which documents it
 * says replace, repeal, amend or end which) into its Xapian terms and JSON
 * data. It does not extract them (relation.c does). */
#include "index/document_relations.h"

#include <stdio.h>
#include <string.h>

#include "chimuc/citation.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/text.h"

/* The XR term of the first n bytes of key. */
static int add_claim_term(cm_xdoc *xdoc, const char *key, size_t n)
{
	char base[CM_KEY_MAX], term[CM_KEY_MAX + 8];
	int m;

	snprintf(base, sizeof base, "%.*s", (int)n, key);
	m = cm_term_claims(term, sizeof term, base);
	return m < 0 ? m : cm_xdoc_add_term(xdoc, term, (size_t)m, 0);
}

/* The XR terms of key and of key without its "@year". */
static int add_claim_terms(cm_xdoc *xdoc, const char *key)
{
	size_t base = strcspn(key, "@");
	int rc = add_claim_term(xdoc, key, strlen(key));

	return rc == 0 && key[base] ? add_claim_term(xdoc, key, base) : rc;
}

static json_object *str_or_null(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

static json_object *relation_json(const cm_relation *x, const char *text, size_t len)
{
	json_object *o = json_object_new_object();
	size_t cs, ce;

	cm_text_sentence(&cs, &ce, text, len, x->start, x->end);
	json_object_object_add(o, "relation", json_object_new_string(cm_relation_name(x->kind)));
	json_object_object_add(o, "own", json_object_new_boolean(x->own));
	json_object_object_add(o, "source", str_or_null(x->source));
	json_object_object_add(o, "target", json_object_new_string(x->target));
	json_object_object_add(o, "part", str_or_null(x->part));
	json_object_object_add(o, "date", str_or_null(x->date));
	json_object_object_add(o, "start", json_object_new_int64((int64_t)x->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)x->end));
	json_object_object_add(o, "ctx_start", json_object_new_int64((int64_t)cs));
	json_object_object_add(o, "ctx_end", json_object_new_int64((int64_t)ce));
	return o;
}

int cm_document_add_relations(cm_xdoc *xdoc, json_object *data, const cm_relations *r,
			      const char *text, size_t len)
{
	json_object *arr;
	int rc = 0;

	if (r->effective[0])
		json_object_object_add(data, "effective", json_object_new_string(r->effective));
	if (!r->n)
		return 0;
	if (!(arr = json_object_new_array()))
		return cm_error_nomem();
	json_object_object_add(data, "relations", arr);
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		json_object_array_add(arr, relation_json(&r->v[i], text, len));
		rc = add_claim_terms(xdoc, r->v[i].target);
	}
	return rc;
}
