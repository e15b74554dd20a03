/* SPDX-License-Identifier: GPL-2.0-or-later */

/* document.c: builds the Xapian document of one source file (terms, values,
 * JSON data). It does not read files or decide what to index: the indexer
 * does; docinfo.c reads a stored one back. */
#include "chimuc/document.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "chimuc/array.h"
#include "chimuc/citation.h"
#include "chimuc/date.h"
#include "chimuc/error.h"
#include "chimuc/text.h"
#include "extract/body.h"
#include "index/document_citations.h"
#include "index/document_relations.h"

/* Every token's exact term with its position; the words with diacritics go
 * to words (if not NULL) as the vocabulary map. */
static int add_text_terms(cm_xdoc *xdoc, cm_vocab *words, const char *text, size_t len)
{
	cm_tokenizer tz;
	cm_token tok;
	cm_xtermpos pos = 0;
	int rc;

	cm_tokenizer_init(&tz, text, len);
	while ((rc = cm_tokenizer_next(&tok, &tz)) == 1) {
		rc = cm_xdoc_add_posting(xdoc, tok.exact, tok.exact_len, ++pos, 1);
		if (rc == 0 && words && cm_token_has_diacritics(&tok))
			rc = cm_vocab_add(words, tok.folded, tok.folded_len, tok.exact,
					  tok.exact_len);
		if (rc < 0)
			return rc;
	}
	return rc;
}

/* XD and XDM terms for one date. */
static int add_date_terms(cm_xdoc *xdoc, const cm_date *d)
{
	const char *iso = d->resolved[0] ? d->resolved : d->iso;
	char term[24];
	int n = 0;

	if (iso[0] != '-' && (strlen(iso) == 10 || (strlen(iso) == 7 && iso[4] == '-')))
		n = cm_term_date(term, sizeof term, iso);
	if (n > 0)
		n = cm_xdoc_add_term(xdoc, term, (size_t)n, 0);
	if (n >= 0 && cm_iso_is_day(d->iso) &&
	    (n = cm_term_day_month(term, sizeof term, d->iso)) > 0)
		n = cm_xdoc_add_term(xdoc, term, (size_t)n, 0);
	return n < 0 ? n : 0;
}

static void add_string(json_object *o, const char *key, const char *s)
{
	if (s)
		json_object_object_add(o, key, json_object_new_string(s));
}

/* The bodies of a list of partners as the extractor found it ("Ban Tuyên
 * giáo, Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh"), split as
 * cm_body_list_at reads it; the list whole when it cannot be split. */
static json_object *partners_json(const char *list)
{
	json_object *arr = json_object_new_array();
	size_t n = strlen(list), at = 0, k, m;
	cm_body_level level;

	while (arr && at < n && (k = cm_body_at(list, n, at, 0, &level))) {
		json_object_array_add(arr, json_object_new_string_len(list + at, (int)k));
		at += k;
		if (at < n && (list[at] == ',' || list[at] == ';'))
			at = cm_skip_spaces(list, n, at + 1);
		else if ((m = cm_phrase_at(list, n, cm_skip_spaces(list, n, at), "và")))
			at = cm_skip_spaces(list, n, cm_skip_spaces(list, n, at) + m);
	}
	if (arr && at < n) { /* not the extractor's reading: keep it as written */
		json_object_put(arr);
		arr = json_object_new_array();
		if (arr)
			json_object_array_add(arr, json_object_new_string(list));
	}
	return arr;
}

/* Of a deadline, who owes what to whom; the fields it does not have are
 * left out (readers take them as NULL). */
static void add_obligation(json_object *o, const cm_date *d)
{
	static const char *const from[] = {NULL, "sentence", "heading", "issuer"};

	add_string(o, "actor", d->actor);
	if (d->actor && (unsigned)d->actor_from < sizeof from / sizeof from[0])
		add_string(o, "actor_from", from[d->actor_from]);
	add_string(o, "task", d->task);
	add_string(o, "recipient", d->recipient);
	add_string(o, "channel", d->channel);
	if (d->partners && d->partners[0])
		json_object_object_add(o, "partners", partners_json(d->partners));
	if (d->actor)
		add_string(o, "actor_level", cm_body_level_name(d->actor_level));
	if (d->recipient)
		add_string(o, "recipient_level", cm_body_level_name(d->recipient_level));
}

static json_object *date_json(const cm_date *d)
{
	static const char *const roles[] = {NULL, "start", "end"};
	json_object *o = json_object_new_object();

	json_object_object_add(o, "start", json_object_new_int64((int64_t)d->start));
	json_object_object_add(o, "end", json_object_new_int64((int64_t)d->end));
	json_object_object_add(o, "iso", json_object_new_string(d->iso));
	json_object_object_add(o, "resolved",
			       d->resolved[0] ? json_object_new_string(d->resolved) : NULL);
	json_object_object_add(o, "deadline", json_object_new_boolean(d->deadline));
	json_object_object_add(o, "occasion",
			       d->occasion ? json_object_new_string(d->occasion) : NULL);
	json_object_object_add(o, "recurrence",
			       d->recurrence ? json_object_new_string(d->recurrence) : NULL);
	json_object_object_add(o, "in_citation", json_object_new_boolean(d->in_citation));
	json_object_object_add(o, "in_self", json_object_new_boolean(d->in_self));
	json_object_object_add(o, "ambiguous", json_object_new_boolean(d->ambiguous));
	json_object_object_add(o, "range",
			       roles[d->range] ? json_object_new_string(roles[d->range]) : NULL);
	json_object_object_add(o, "ctx_start", json_object_new_int64((int64_t)d->context_start));
	json_object_object_add(o, "ctx_end", json_object_new_int64((int64_t)d->context_end));
	add_obligation(o, d);
	return o;
}

static int add_dates(cm_xdoc *xdoc, json_object *data, const cm_dates *dates)
{
	json_object *arr = json_object_new_array();
	int rc = 0;

	for (size_t i = 0; i < dates->n && rc == 0; i++) {
		json_object_array_add(arr, date_json(&dates->v[i]));
		rc = add_date_terms(xdoc, &dates->v[i]);
	}
	json_object_object_add(data, "dates", arr);
	json_object_object_add(data, "date",
			       dates->doc_date[0] ? json_object_new_string(dates->doc_date) : NULL);
	return rc;
}

/* The data: the JSON object (which never holds a raw line break), a line
 * break, then the text as it is, which readers need not parse. */
static int set_data_text(cm_xdoc *xdoc, const char *json, size_t json_len, const char *text,
			 size_t text_len)
{
	char *data = malloc(json_len + 1 + text_len);
	int rc;

	if (!data)
		return cm_error_nomem();
	memcpy(data, json, json_len);
	data[json_len] = '\n';
	memcpy(data + json_len + 1, text, text_len);
	rc = cm_xdoc_set_data(xdoc, data, json_len + 1 + text_len);
	free(data);
	return rc;
}

/* "ocr": how the text of a scan was read. */
static void add_ocr(json_object *o, const cm_document *doc)
{
	json_object *ocr = json_object_new_object();

	json_object_object_add(ocr, "pages", json_object_new_int((int)doc->ocr_pages));
	json_object_object_add(ocr, "confidence", json_object_new_int(doc->ocr_confidence));
	json_object_object_add(ocr, "low_pages", json_object_new_int((int)doc->ocr_low_pages));
	json_object_object_add(ocr, "repaired", json_object_new_int((int)doc->ocr_repairs));
	json_object_object_add(o, "ocr", ocr);
}

static int set_data(cm_xdoc *xdoc, const cm_document *doc, const char *title, const cm_dates *dates,
		    const cm_citations *cites, const cm_relations *rels)
{
	json_object *o = json_object_new_object();
	char hash[CM_HASH_MAX];
	const char *s;
	size_t n;
	int rc;

	if (!o)
		return cm_error_nomem();
	cm_hash_format(hash, sizeof hash, doc->hash);
	json_object_object_add(o, "path", json_object_new_string(doc->path));
	json_object_object_add(o, "format",
			       json_object_new_string(doc->format ? doc->format : "text"));
	json_object_object_add(o, "title", json_object_new_string(title));
	json_object_object_add(o, "mtime", json_object_new_string(doc->mtime));
	json_object_object_add(o, "size", json_object_new_int64((int64_t)doc->size));
	json_object_object_add(o, "hash", json_object_new_string(hash));
	if (doc->ocr_pages > 0)
		add_ocr(o, doc);
	if ((rc = add_dates(xdoc, o, dates)) < 0 ||
	    (rc = cm_document_add_citations(xdoc, o, cites, doc->text, doc->text_len)) < 0 ||
	    (rc = cm_document_add_relations(xdoc, o, rels, doc->text, doc->text_len)) < 0) {
		json_object_put(o);
		return rc;
	}
	s = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &n);
	rc = s ? set_data_text(xdoc, s, n, doc->text, doc->text_len) : cm_error_nomem();
	json_object_put(o);
	return rc;
}

static int set_values(cm_xdoc *xdoc, const cm_document *doc, const char *title)
{
	char buf[CM_SIZE_MAX > CM_HASH_MAX ? CM_SIZE_MAX : CM_HASH_MAX];
	int rc;

	rc = cm_xdoc_add_value(xdoc, CM_SLOT_MTIME, doc->mtime, strlen(doc->mtime));
	if (rc == 0 && (rc = cm_size_format(buf, sizeof buf, doc->size)) > 0)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_SIZE, buf, (size_t)rc);
	if (rc == 0 && (rc = cm_hash_format(buf, sizeof buf, doc->hash)) > 0)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_HASH, buf, (size_t)rc);
	if (rc == 0)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_PATH, doc->path, strlen(doc->path));
	if (rc == 0)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_TITLE, title, strlen(title));
	return rc;
}

/* CM_SLOT_RELATIONS: the relations as the graph types its edges. */
static int set_relations_value(cm_xdoc *xdoc, const cm_relations *r)
{
	cm_slot_buf buf = CM_ARRAY_INIT;
	int rc = 0;

	for (size_t i = 0; i < r->n && rc == 0; i++) {
		const char *f[CM_REL_FIELDS] = {cm_relation_name(r->v[i].kind),
						r->v[i].own ? "1" : NULL, r->v[i].source,
						r->v[i].target};
		rc = cm_slot_line_append(&buf, f, CM_REL_FIELDS, '\n');
	}
	if (rc == 0 && buf.size)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_RELATIONS, buf.ptr, buf.size);
	cm_array_clear(buf);
	return rc;
}

/* CM_SLOT_SELF and CM_SLOT_CITES: what the citation graph needs. */
static int set_graph_values(cm_xdoc *xdoc, const cm_citations *c)
{
	cm_slot_buf buf = CM_ARRAY_INIT;
	const char *self[CM_SELF_FIELDS] = {c->self.number[0] ? c->self.key : NULL, c->self.type,
					    c->self.date};
	int rc = cm_slot_line_append(&buf, self, CM_SELF_FIELDS, '\0');

	if (rc == 0)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_SELF, buf.ptr, buf.size - 1);
	buf.size = 0;
	for (size_t i = 0; i < c->n && rc == 0; i++) {
		const cm_citation *x = &c->v[i];
		const char *f[CM_CITE_FIELDS] = {x->key,  x->relation, x->type,
						 x->date, x->issuer,   x->term};
		if (x->kind == CM_CITE_CITATION)
			rc = cm_slot_line_append(&buf, f, CM_CITE_FIELDS, '\n');
	}
	if (rc == 0 && buf.size)
		rc = cm_xdoc_add_value(xdoc, CM_SLOT_CITES, buf.ptr, buf.size);
	cm_array_clear(buf);
	return rc;
}

/* Cuts n back to the start of a UTF-8 character. */
static size_t utf8_floor(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* "Kế hoạch 15-KH/BDVTU-HNB: Phối hợp …" from the document's identity. */
static int asprintf_title(char **out, const cm_identity *id)
{
	size_t n =
		strlen(id->type) + strlen(id->number) + strlen(id->symbol) + strlen(id->title) + 8;
	char *s = malloc(n);

	if (!s)
		return cm_error_nomem();
	if (id->number[0])
		snprintf(s, n, "%s %s%s%s: %s", id->type, id->number,
			 strchr(id->number, '/') || !strchr(id->symbol, '/') ? "/" : "-",
			 id->symbol, id->title);
	else
		snprintf(s, n, "%s: %s", id->type, id->title);
	if (strlen(s) > CM_TITLE_MAX) {
		size_t k = CM_TITLE_MAX;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		s[k] = '\0';
	}
	*out = s;
	return 0;
}

int cm_document_build(cm_xdoc **out, cm_vocab *words, const cm_document *doc)
{
	cm_xdoc *xdoc = NULL;
	cm_dates *dates = NULL;
	cm_citations *cites = NULL;
	cm_relations *rels = NULL;
	char *title = NULL;
	char idterm[CM_ID_TERM_MAX + 1];
	size_t idlen, alen;
	int rc;

	if (doc->text_len > INT32_MAX)
		return cm_error_set(CM_ELIMIT, "%s: text too large", doc->path);
	alen = doc->text_len > CM_ANALYSIS_MAX ? utf8_floor(doc->text, CM_ANALYSIS_MAX)
					       : doc->text_len;
	if ((rc = cm_xdoc_new(&xdoc)) < 0)
		goto cleanup;
	cm_document_id_term(idterm, &idlen, doc->path);
	if ((rc = cm_xdoc_add_term(xdoc, idterm, idlen, 0)) < 0)
		goto cleanup;
	if ((rc = add_text_terms(xdoc, words, doc->text, doc->text_len)) < 0)
		goto cleanup;
	if ((rc = cm_dates_extract(&dates, doc->text, alen)) < 0 ||
	    (rc = cm_citations_extract(&cites, doc->text, alen, dates)) < 0)
		goto cleanup;
	if (!dates->doc_date[0] && doc->date)
		snprintf(dates->doc_date, sizeof dates->doc_date, "%s", doc->date);
	if ((rc = cm_relations_extract(&rels, doc->text, alen, cites, dates)) < 0)
		goto cleanup;
	if (cites->self.title && cites->self.type)
		rc = asprintf_title(&title, &cites->self);
	else if (doc->title)
		rc = (title = strdup(doc->title)) ? 0 : cm_error_nomem();
	else
		rc = cm_document_title(&title, doc->text, doc->text_len);
	if (rc < 0)
		goto cleanup;
	if ((rc = set_values(xdoc, doc, title)) < 0 || (rc = set_graph_values(xdoc, cites)) < 0 ||
	    (rc = set_relations_value(xdoc, rels)) < 0 ||
	    (rc = set_data(xdoc, doc, title, dates, cites, rels)) < 0)
		goto cleanup;
	*out = xdoc;
	xdoc = NULL;
cleanup:
	cm_relations_free(rels);
	cm_citations_free(cites);
	cm_dates_free(dates);
	free(title);
	cm_xdoc_free(xdoc);
	return rc;
}

int cm_index_format_check(cm_xdb *db, int mark)
{
	char *format = NULL;
	size_t len;
	unsigned docs;
	int rc;

	if ((rc = cm_xdb_get_metadata(&format, &len, db, CM_INDEX_FORMAT_KEY)) < 0)
		return rc;
	if (strcmp(format, CM_INDEX_FORMAT) == 0)
		goto cleanup;
	if ((rc = cm_xdb_doccount(&docs, db)) < 0)
		goto cleanup;
	if (len == 0 && docs == 0)
		rc = mark ? cm_xdb_set_metadata(db, CM_INDEX_FORMAT_KEY, CM_INDEX_FORMAT,
						strlen(CM_INDEX_FORMAT))
			  : 0;
	else
		rc = cm_error_set(CM_EUNSUPPORTED,
				  "made by another version of chimuc (index format %s, this one "
				  "reads %s): rebuild it: delete this folder (or give --db a new "
				  "one) and run chimuc-index again",
				  len ? format : "1", CM_INDEX_FORMAT);
cleanup:
	free(format);
	return rc;
}

static int line_has_letter(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || isalpha(c))
			return 1;
	}
	return 0;
}

int cm_document_title(char **out, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t e = i, s, t;
		while (e < len && text[e] != '\n')
			e++;
		s = i;
		t = e;
		while (s < t &&
		       (isspace((unsigned char)text[s]) || text[s] == '*' || text[s] == '#'))
			s++;
		while (t > s && (isspace((unsigned char)text[t - 1]) || text[t - 1] == '*'))
			t--;
		if (line_has_letter(text + s, t - s)) {
			size_t n = t - s;
			if (n > CM_TITLE_MAX)
				n = utf8_floor(text + s, CM_TITLE_MAX);
			*out = strndup(text + s, n);
			return *out ? 0 : cm_error_nomem();
		}
		i = e + 1;
	}
	*out = strdup("");
	return *out ? 0 : cm_error_nomem();
}
