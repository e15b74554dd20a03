/* citegraph.h: reading the citation graph out of the index for the cited-by,
 * cites, top-cited and graph commands: documents by term, the citations
 * stored in a document's data, and keys. Internal to the chimuc program. */
#ifndef CHIMUC_CITEGRAPH_H
#define CHIMUC_CITEGRAPH_H

#include <json-c/json.h>

#include "chimuc/citation.h"
#include "chimuc/document.h"
#include "chimuc/xapian_c.h"

typedef struct {
	cm_docinfo **v;
	size_t n, cap;
} cm_doclist;

/* Appends every document having term (optionally also filter_term, may be
 * NULL) to list, in docid order. */
int cm_doclist_by_term(cm_doclist *list, cm_xdb *db, const char *term, const char *filter_term);
void cm_doclist_release(cm_doclist *list);

/* The document whose own key is key (with or without "@year"), or NULL;
 * *out is the caller's. */
int cm_doc_by_key(cm_docinfo **out, cm_xdb *db, const char *key);

/* The years with which key (without year) is cited in the index, ascending
 * (at most max), in *n. */
int cm_cited_years(int *years, size_t max, size_t *n, cm_xdb *db, const char *base);

/* 1 if a stored citation's key matches base (and year, unless 0). */
int cm_key_matches(const char *key, const char *base, int year);

/* A string field of a JSON object, or NULL. */
const char *cm_json_str(json_object *o, const char *key);

/* The citations array of a stored document (borrowed), or NULL. */
json_object *cm_doc_citations(const cm_docinfo *info);

/* A copy of text[from, to) of a stored document with white space folded. */
char *cm_doc_excerpt(const cm_docinfo *info, json_object *item, const char *from_key,
		     const char *to_key);

#endif
