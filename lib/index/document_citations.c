/* SPDX-License-Identifier: GPL-2.0-or-later */

/* document_citations.c: writes a document's citations and identity into its
 * Xapian terms and JSON data. It does not extract them (citation.c does). */
#include "index/document_citations.h"

#include <stdio.h>
#include <string.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/schema.h"
#include "chimuc/text.h"

typedef int (*term_fn)(char *buf, size_t len, const char *value);

static int add_term(cm_xdoc *xdoc, term_fn make, const char *value)
{
	char term[CM_KEY_MAX + 8];
	int n = make(term, sizeof term, value);

	return n < 0 ? n : cm_xdoc_add_term(xdoc, term, (size_t)n, 0);
}

/* The term for key and for key without its "@year". */
static int add_key_terms(cm_xdoc *xdoc, term_fn make, const char *key)
{
	char base[CM_KEY_MAX];
	const char *at = strchr(key, '@');
	int rc = add_term(xdoc, make, key);

	if (rc == 0 && at) {
		snprintf(base, sizeof base, "%.*s", (int)(at - key), key);
		rc = add_term(xdoc, make, base);
	}
	return rc;
}

static json_object *str_or_null(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

static json_object *citation_json(const cm_citation *x, const char *text, size_t len)
{
	json_object *o = json_object_new_object(), *flags = json_object_new_array();
	size_t cs, ce;

	cm_text_sentence(&cs, &ce, text, len, x->start, x->end);
	json_object_object_add(o, "start", json_object_new_int64((int64_t)x->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)x->end));
	json_object_object_add(o, "self_mention",
			       json_object_new_boolean(x->kind == CM_CITE_SELF_MENTION));
	json_object_object_add(o, "type", str_or_null(x->type));
	json_object_object_add(o, "number", json_object_new_string(x->number));
	json_object_object_add(o, "symbol", json_object_new_string(x->symbol));
	json_object_object_add(o, "date", str_or_null(x->date));
	json_object_object_add(o, "issuer", str_or_null(x->issuer));
	json_object_object_add(o, "term", str_or_null(x->term));
	json_object_object_add(o, "relation", str_or_null(x->relation));
	json_object_object_add(o, "key", json_object_new_string(x->key));
	json_object_object_add(o, "type_mismatch",
			       json_object_new_boolean((x->flags & CM_CITE_TYPE_MISMATCH) != 0));
	json_object_object_add(o, "flags", flags);
	for (unsigned f = 1; f < CM_CITE_FLAG_END; f <<= 1)
		if (x->flags & f)
			json_object_array_add(flags,
					      json_object_new_string(cm_citation_flag_name(f)));
	json_object_object_add(o, "ctx_start", json_object_new_int64((int64_t)cs));
	json_object_object_add(o, "ctx_end", json_object_new_int64((int64_t)ce));
	return o;
}

static int add_self(cm_xdoc *xdoc, json_object *data, const cm_identity *id)
{
	json_object *self = json_object_new_object();
	const char *code = cm_citation_type_code(id->type);
	int rc = 0;

	json_object_object_add(self, "type", str_or_null(id->type));
	json_object_object_add(self, "number", str_or_null(id->number));
	json_object_object_add(self, "symbol", str_or_null(id->symbol));
	json_object_object_add(self, "key", str_or_null(id->key));
	json_object_object_add(self, "date", str_or_null(id->date));
	json_object_object_add(self, "title", str_or_null(id->title));
	json_object_object_add(self, "issuer", str_or_null(id->issuer));
	json_object_object_add(self, "place", str_or_null(id->place));
	json_object_object_add(data, "self", self);
	json_object_object_add(data, "type", str_or_null(id->type));
	json_object_object_add(data, "number",
			       id->number[0] ? json_object_new_string(id->key) : NULL);
	if (id->key[0])
		rc = add_key_terms(xdoc, cm_term_number, id->key);
	if (rc == 0 && code)
		rc = add_term(xdoc, cm_term_type, code);
	if (rc == 0 && cm_citation_issuer_code(id->symbol))
		rc = add_term(xdoc, cm_term_issuer, cm_citation_issuer_code(id->symbol));
	if (rc == 0 && id->date[0])
		rc = add_term(xdoc, cm_term_year, id->date);
	return rc;
}

int cm_document_add_citations(cm_xdoc *xdoc, json_object *data, const cm_citations *c,
			      const char *text, size_t len)
{
	json_object *arr = json_object_new_array();
	int rc = 0;

	json_object_object_add(data, "citations", arr);
	for (size_t i = 0; i < c->n && rc == 0; i++) {
		json_object_array_add(arr, citation_json(&c->v[i], text, len));
		if (c->v[i].kind == CM_CITE_CITATION)
			rc = add_key_terms(xdoc, cm_term_cites, c->v[i].key);
	}
	return rc == 0 ? add_self(xdoc, data, &c->self) : rc;
}
