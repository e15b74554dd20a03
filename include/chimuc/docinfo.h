/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/docinfo.h: the stored information of one indexed document, read
 * once from its data (chimuc/document.h says how it is stored) into C
 * structs: its path, format, title, text, own identity, the dates it
 * mentions and the citations it makes.
 *
 * Ownership: a cm_docinfo comes from cm_docinfo_load or cm_docinfo_read and
 * is freed with cm_docinfo_free; every string and array in it is borrowed
 * from it and lives as long as it. A string field the data leaves unknown
 * is NULL, except path and title, which are "" then. */
#ifndef CHIMUC_DOCINFO_H
#define CHIMUC_DOCINFO_H

#include <stddef.h>
#include <stdint.h>

#include "chimuc/date.h"
#include "chimuc/relation.h"
#include "chimuc/xapian_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One date the text mentions; offsets are in bytes of the text. */
typedef struct {
	size_t start, end;
	const char *iso;      /* "YYYY-MM-DD", "--MM-DD", "YYYY-MM", … */
	const char *resolved; /* the full date, when the year follows from the document's */
	int deadline;
	const char *occasion, *recurrence;
	int in_citation, in_self, ambiguous;
	enum cm_range_role range;
	size_t ctx_start, ctx_end; /* its sentence */
	/* Of a deadline, who owes what to whom (chimuc/date.h); NULL (and no
	 * partners) when the data does not say, as in an index built before
	 * they were stored. */
	const char *actor;
	cm_actor_from actor_from;
	const char *task, *recipient, *channel;
	const char *const *partners; /* npartners bodies ("phối hợp với …") */
	size_t npartners;
	cm_body_level actor_level, recipient_level;
} cm_docdate;

/* One citation of the text (or mention of the document itself). */
typedef struct {
	size_t start, end;
	int self_mention;
	const char *type;
	const char *number, *symbol, *key; /* never NULL */
	const char *date, *issuer, *term, *relation;
	unsigned flags;            /* CM_CITE_TYPE_MISMATCH, … (chimuc/citation.h) */
	size_t ctx_start, ctx_end; /* its sentence */
} cm_doccite;

/* One relation the text states (chimuc/relation.h): source replaces,
 * repeals, amends or ends target from date. */
typedef struct {
	cm_relation_kind kind;
	int own;                   /* the source is the document itself */
	const char *source;        /* its key; NULL for an own one without a number */
	const char *target;        /* never NULL */
	const char *part, *date;   /* NULL when the text does not say */
	size_t start, end;         /* the cue */
	size_t ctx_start, ctx_end; /* its sentence */
} cm_docrel;

/* The document's own identity, from its heading. */
typedef struct {
	const char *type, *number, *symbol, *key, *date, *title, *issuer, *place;
} cm_docself;

typedef struct cm_docinfo_store cm_docinfo_store;

typedef struct cm_docinfo {
	const char *path, *title;
	const char *format; /* "text", "html", "xml", "docx", "pdf" */
	const char *date;   /* the document's own, ISO */
	const char *mtime, *hash;
	uint64_t size;
	const char *type;   /* its type ("Nghị quyết") */
	const char *number; /* its key, when it has a number */
	cm_docself self;
	const cm_docdate *dates;
	size_t ndates;
	const cm_doccite *cites;
	size_t ncites;
	const char *text; /* the decoded text, text_len bytes (NUL after them) */
	size_t text_len;
	cm_docinfo_store *store; /* what the fields point into */
	/* read by OCR: its pages so read (0: none, a text layer or no PDF), their
	 * mean confidence (0-100) and those under CM_OCR_LOW_CONFIDENCE */
	unsigned ocr_pages, ocr_low_pages, ocr_repairs; /* ocr_repairs: in citations */
	int ocr_confidence;
	const cm_docrel *rels; /* what it says replaces, repeals, amends, ends what */
	size_t nrels;
	const char *effective; /* its own effective date, as it says it, or NULL */
} cm_docinfo;

/* The information of xdoc, from its data.
 * Errors: CM_ECORRUPT (the data is not a JSON object and a text), CM_ENOMEM,
 * the binding's. */
int cm_docinfo_load(cm_docinfo **out, cm_xdoc *xdoc);
/* The same for document docid of db. Errors: those above, CM_ENOTFOUND. */
int cm_docinfo_read(cm_docinfo **out, cm_xdb *db, cm_xdocid docid);
void cm_docinfo_free(cm_docinfo *info);

/* The text between byte offsets from and to (a date's or a citation's
 * sentence) on one line: runs of blanks are one space, '*' marks are left
 * out; "" when the offsets are not within the text. *out is the caller's.
 * Errors: CM_ENOMEM. */
int cm_docinfo_excerpt(char **out, const cm_docinfo *info, size_t from, size_t to);

/* The fields path, title and text (with *len), as functions. */
const char *cm_docinfo_path(const cm_docinfo *info);
const char *cm_docinfo_title(const cm_docinfo *info);
const char *cm_docinfo_text(const cm_docinfo *info, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
