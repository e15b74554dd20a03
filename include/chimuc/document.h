/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/document.h: the document model: how one source file becomes one
 * Xapian document (terms, values, data) and how a stored one is read back.
 *
 * The terms, value slots, metadata and stored forms are in chimuc/schema.h.
 * The vocabulary map from folded to exact forms (only words that carry
 * diacritics) is kept once for the index, as synonyms (chimuc/vocab.h).
 * The path is the canonical absolute path (chimuc/docpath.h).
 * Document data: a JSON object with path, format, title (from the
 * document's identity, else its file's metadata, else its first line), date
 * (the document's own, ISO, from its text, else its metadata, or null),
 * mtime, size, hash, and "dates": every date mention with start, end,
 * iso, resolved, deadline, occasion, recurrence, in_citation, range and its
 * sentence (ctx_start, ctx_end), offsets in bytes of the text; for a scan
 * read by OCR, "ocr": its pages so read, their mean confidence (0-100) and
 * how many were under CM_OCR_LOW_CONFIDENCE (low_pages), the OCR confusions
 * repaired in its citations (repaired); then a
 * line break and the decoded text itself, so that snippets need no access
 * to the file and readers parse no JSON string of it.
 *
 * chimuc/docinfo.h reads it back.
 *
 * Ownership: what comes back through `**out` is the caller's, freed with its
 * cm_*_free(). */
#ifndef CHIMUC_DOCUMENT_H
#define CHIMUC_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "chimuc/docinfo.h"
#include "chimuc/schema.h"
#include "chimuc/vocab.h"
#include "chimuc/xapian_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 0 if db holds this version's index, or no document at all (then, when
 * mark is set, db is marked as this version's; it must be writable).
 * Errors: CM_EUNSUPPORTED (another version's index), the binding's. */
int cm_index_format_check(cm_xdb *db, int mark);

/* Dates and citations are read from the first CM_ANALYSIS_MAX bytes of a
 * document's text (every word is indexed): their analysis keeps an offset
 * per byte, and directives are far shorter. */
#define CM_ANALYSIS_MAX (1u << 20)

/* What the indexer knows of one file. */
typedef struct {
	const char *path; /* as indexed, NUL-terminated */
	const char *text; /* decoded UTF-8 text */
	size_t text_len;
	const char *mtime;  /* "seconds.nanoseconds", NUL-terminated */
	uint64_t size;      /* file size in bytes */
	uint64_t hash;      /* cm_hash64 of the file's bytes */
	const char *format; /* "text", "html", "xml", "docx", "pdf" */
	const char *title;  /* from the file's metadata, or NULL */
	const char *date;   /* ISO date from the file's metadata, or NULL */
	/* pages read by OCR (0: none), their mean confidence and how many were
	 * under CM_OCR_LOW_CONFIDENCE */
	unsigned ocr_pages, ocr_low_pages, ocr_repairs;
	int ocr_confidence;
} cm_document;

/* The Xapian document for doc: terms, values and data as above. Its words
 * with diacritics are added to words (unless NULL), for cm_vocab_write_new.
 * Errors: CM_ENOMEM, or the binding's. */
int cm_document_build(cm_xdoc **out, cm_vocab *words, const cm_document *doc);

/* Transitional (issue 14): the whole data object of info (borrowed), for
 * query/citegraph.c, cmd_cited_by.c, cmd_cites.c and cmd_deadlines.c until
 * they read the fields of cm_docinfo (chimuc/docinfo.h); then it goes,
 * with json-c, out of this header. */
json_object *cm_docinfo_json(const cm_docinfo *info);

/* A query that keeps the documents mentioning a date (no weight):
 * "15/10" (that day of any year), "2024-06-15" or "15/6/2024" (that day),
 * "2024-06" or "6/2024" (that month), "2024" (that year), or a range
 * "FROM..TO" of those (days or months). db lists the dates that exist.
 * Errors: CM_EINVAL (not a date), the binding's. */
int cm_date_filter(cm_xquery **out, cm_xdb *db, const char *spec);

/* The title of a document: its first line with any letter, trimmed and cut
 * at CM_TITLE_MAX bytes on a character boundary. *out is the caller's. */
#define CM_TITLE_MAX 200
int cm_document_title(char **out, const char *text, size_t len);

#ifdef __cplusplus
}
#endif

#endif
