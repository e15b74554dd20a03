/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citegraph.h: reading the citation graph out of the index for the cited-by,
 * cites, top-cited, graph and map commands. The graph itself comes from
 * posting lists (XC, XN, XT terms) and the value slots CM_SLOT_SELF and
 * CM_SLOT_CITES, read without the document data; the data (JSON and text)
 * is read (chimuc/docinfo.h) only for what is shown: a citing sentence, a
 * citation's text.
 * Internal to the library. */
#ifndef CHIMUC_CITEGRAPH_H
#define CHIMUC_CITEGRAPH_H

#include "chimuc/array.h"
#include "chimuc/citation.h"
#include "chimuc/document.h"
#include "chimuc/xapian_c.h"

typedef cm_array_t(cm_docinfo *) cm_doclist;

/* Called for each document of a posting list: 0 goes on, 1 stops, a
 * negative CM_E code stops with that error. */
typedef int (*cm_posting_fn)(void *ctx, cm_xdb *db, cm_xdocid id);

/* fn for every document having term, in docid order: 0 or fn's error. */
int cm_postings_each(cm_xdb *db, const char *term, cm_posting_fn fn, void *ctx);

/* Appends every document having term to list, in docid order. */
int cm_doclist_by_term(cm_doclist *list, cm_xdb *db, const char *term);
void cm_doclist_release(cm_doclist *list);

/* One citation as CM_SLOT_CITES keeps it; absent fields are NULL. */
typedef struct {
	const char *key, *relation, *type, *date, *issuer, *term;
} cm_cite;

/* One relation as CM_SLOT_RELATIONS keeps it. */
typedef struct {
	const char *kind; /* "replaces", "repeals", "amends", "expires" */
	int own;
	const char *source, *target; /* source NULL: own, without a number */
} cm_rel;

/* What the graph knows of a document, without its data. Strings are NULL
 * when unknown and live as long as the cm_graphdoc. */
typedef struct {
	cm_xdocid id;
	char *path, *title;
	const char *key, *type, *date; /* its own identity */
	cm_array_t(cm_cite) cites;
	cm_array_t(cm_rel) rels;
	char *buf, *relbuf; /* hold the fields above */
} cm_graphdoc;

int cm_graphdoc_load(cm_graphdoc *out, cm_xdb *db, cm_xdocid id);
void cm_graphdoc_release(cm_graphdoc *d);

typedef cm_array_t(cm_graphdoc) cm_graphdocs;
void cm_graphdocs_release(cm_graphdocs *docs);
/* Its node id in the graph: its own key, else its path. */
const char *cm_graphdoc_node_id(const cm_graphdoc *d);

/* A set of document ids, sized for the index (one byte a document). */
typedef struct {
	unsigned char *has;
	size_t n;
} cm_docset;

int cm_docset_init(cm_docset *s, cm_xdb *db);
/* Adds every document having term. */
int cm_docset_add_term(cm_docset *s, cm_xdb *db, const char *term);
int cm_docset_has(const cm_docset *s, cm_xdocid id);
void cm_docset_add(cm_docset *s, cm_xdocid id);
void cm_docset_release(cm_docset *s);

/* Appends every document having term ("": every document) to docs, in docid
 * order; with loaded, only those not in it, which are added to it. */
int cm_graphdocs_by_term(cm_graphdocs *docs, cm_docset *loaded, cm_xdb *db, const char *term);

/* The first document whose own key is key (with or without "@year"),
 * through its XN term: 1 and *out, or 0. */
int cm_doc_id_by_key(cm_xdocid *out, cm_xdb *db, const char *key);

/* The stored path of the document with key, or NULL (*out is the
 * caller's). */
int cm_path_by_key(char **out, cm_xdb *db, const char *key);

/* The years with which base (a key without year) is cited in the index,
 * ascending. */
typedef cm_array_t(int) cm_years;
int cm_cited_years(cm_years *out, cm_xdb *db, const char *base);

/* 1 if a stored citation's key matches base (and year, unless 0). */
int cm_key_matches(const char *key, const char *base, int year);

#endif
