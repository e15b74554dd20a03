/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/schema.h: the index schema in one place: every term prefix, value
 * slot, metadata key and stored format of a chimuc index, with the functions
 * that build and parse them (as notmuch keeps its prefix table in
 * lib/prefix.cc). No other file spells a prefix.
 *
 * Terms:
 *   Q<path>             unique id (long paths: a prefix of the path + a hash)
 *   <exact>             every token's canonical term, with its position
 *   XD<yyyymmdd>        a full date mentioned (resolved where the year
 *                       follows from the document's date); XD<yyyymm> a month
 *   XDM<mmdd>           the day and month of a date, across all years
 *   XC<key>             a key the document cites, with and without "@year"
 *   XN<key>             the document's own key, with and without "@year"
 *   XR<key>             a key the document states a relation about (that
 *                       something replaces, repeals, amends or ends it),
 *                       with and without "@year": its claims, one postlist
 *   XT<code>            the document's own type code ("NQ", "KH", …)
 *   XI<code>            the document's own issuer code ("TW" of NQ/TW)
 *   Y<yyyy>             the year of the document's own date
 * User metadata:
 *   chimuc.format       the index format (CM_INDEX_FORMAT)
 *   F<id term>          a file that could not be indexed: "MTIME SIZE CODE REASON"
 * Stored forms: an mtime is "seconds.nanoseconds" (9 digits of nanoseconds),
 * a size decimal bytes, a hash 16 lower-case hex digits (chimuc/hash.h).
 *
 * Builders write a NUL-terminated term into buf (len bytes) and return its
 * length, or CM_ELIMIT when it does not fit (nothing is cut silently).
 * Parsers return 0 or CM_EINVAL. Ownership: every buffer is the caller's. */
#ifndef CHIMUC_SCHEMA_H
#define CHIMUC_SCHEMA_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "chimuc/array.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_PREFIX_ID "Q"
#define CM_PREFIX_DATE "XD"
#define CM_PREFIX_DAY_MONTH "XDM"
#define CM_PREFIX_CITES "XC"
#define CM_PREFIX_NUMBER "XN"
#define CM_PREFIX_CLAIMS "XR"
#define CM_PREFIX_TYPE "XT"
#define CM_PREFIX_ISSUER "XI"
#define CM_PREFIX_YEAR "Y"

/* User metadata key prefix of a failure record: the prefix, then the file's
 * id term. */
#define CM_FAILED_PREFIX "F"

/* The version of the term scheme and data layout (chimuc/document.h), kept
 * in the index's metadata under CM_INDEX_FORMAT_KEY. An index of another
 * version would be read wrong (format 2 kept paths as typed, so one file
 * could be two documents, and had no CM_SLOT_SELF, CM_SLOT_CITES; format 3
 * gave a year-less date no XDM term, format 4 stored no relations and no
 * XR terms), so it is refused. */
#define CM_INDEX_FORMAT "5"
#define CM_INDEX_FORMAT_KEY "chimuc.format"

typedef enum {
	CM_SLOT_MTIME = 0, /* the stored mtime form */
	CM_SLOT_SIZE = 1,  /* the stored size form */
	CM_SLOT_HASH = 2,  /* the stored hash form, of the file's bytes */
	CM_SLOT_PATH = 3,  /* as in the data: a list of hits reads no data */
	CM_SLOT_TITLE = 4,
	CM_SLOT_SELF = 5,     /* one slot line of CM_SELF_FIELDS: KEY TYPE DATE */
	CM_SLOT_CITES = 6,    /* per citation (not self mentions), in text order, a
			    * slot line of CM_CITE_FIELDS:
			    * KEY RELATION TYPE DATE ISSUER TERM, each ended by "\n" */
	CM_SLOT_RELATIONS = 7 /* per relation the text states (chimuc/relation.h), a
			       * slot line of CM_REL_FIELDS: KIND ("replaces"…)
			       * OWN ("1" or "") SOURCE TARGET, each ended by "\n" */
} cm_slot;

/* A slot line: fields separated by tabs; an unknown field is empty, and a
 * tab or line break inside a field is written as a space. */
#define CM_SELF_FIELDS 3
#define CM_CITE_FIELDS 6
#define CM_REL_FIELDS 4

/* The longest id term; Xapian's own limit is 245 bytes. */
#define CM_ID_TERM_MAX 240
/* Room for a stored mtime, size and hash, with their NUL. */
#define CM_MTIME_MAX 32
#define CM_SIZE_MAX 21
#define CM_HASH_MAX 17

/* prefix followed by value. */
int cm_term(char *buf, size_t len, const char *prefix, const char *value);
int cm_term_cites(char *buf, size_t len, const char *key);
/* XC<base>@<year>: the citations of base in that year. */
int cm_term_cites_year(char *buf, size_t len, const char *base, int year);
int cm_term_number(char *buf, size_t len, const char *key);
/* XR<key>: the documents that state a relation about key. */
int cm_term_claims(char *buf, size_t len, const char *key);
int cm_term_type(char *buf, size_t len, const char *code);
int cm_term_issuer(char *buf, size_t len, const char *code);
/* Y and the first 4 bytes of the ISO date. */
int cm_term_year(char *buf, size_t len, const char *iso);
/* XD<yyyymmdd> of "YYYY-MM-DD", XD<yyyymm> of "YYYY-MM"; CM_EINVAL for
 * other forms (a year-less "--MM-DD" has no XD term: format 3 wrote
 * "XD--1015", taken as a month). */
int cm_term_date(char *buf, size_t len, const char *iso);
/* 1 if iso names a day: "YYYY-MM-DD", or "--MM-DD" without a year. */
int cm_iso_is_day(const char *iso);
/* XDM<mmdd> of a day (cm_iso_is_day), with or without its year: what
 * `--on 21/6` finds, in any year (format 3 left the year-less ones out);
 * CM_EINVAL for other forms. */
int cm_term_day_month(char *buf, size_t len, const char *iso);

/* The unique id term of path into buf (CM_ID_TERM_MAX + 1 bytes),
 * NUL-terminated; *out_len is its length. Never fails: a long path keeps a
 * readable prefix and a hash of the whole. */
void cm_document_id_term(char *buf, size_t *out_len, const char *path);
/* The prefix of the id terms of the files under folder: Q<folder>/ (one
 * '/' whether or not folder ends with one); len >= strlen(folder) + 3 fits. */
int cm_term_id_folder(char *buf, size_t len, const char *folder);
/* The failure record key of the file whose id term is idterm. */
int cm_meta_failed_key(char *buf, size_t len, const char *idterm);

/* A failure record, the value under a failure record key: "MTIME SIZE CODE
 * REASON" (MTIME the stored mtime form, CODE a CM_E code). */
typedef struct {
	const char *mtime; /* mtime_len bytes, not NUL-terminated */
	size_t mtime_len;
	uint64_t size;
	int code;
	const char *reason; /* to the end of the record */
} cm_failed_record;

/* *out (the caller's, free()) is the record, *out_len its length.
 * Errors: CM_ENOMEM. */
int cm_failed_record_format(char **out, size_t *out_len, const cm_failed_record *r);
/* The fields of record (borrowed from it). Errors: CM_EINVAL (not one). */
int cm_failed_record_parse(cm_failed_record *out, const char *record);

int cm_mtime_format(char *buf, size_t len, const struct timespec *t);
int cm_mtime_parse(struct timespec *out, const char *s);
int cm_size_format(char *buf, size_t len, uint64_t size);
int cm_size_parse(uint64_t *out, const char *s);
int cm_hash_format(char *buf, size_t len, uint64_t hash);
int cm_hash_parse(uint64_t *out, const char *s);

/* Splits the slot line at s (modified in place: its tabs become NULs) into
 * n fields; an empty or missing field is NULL. Returns the end of the
 * line's text (past its last field). */
char *cm_slot_line_split(const char **fields, size_t n, char *s);
/* Appends to buf the slot line of the n fields (NULL: empty), then end
 * ('\n' after each citation, '\0' after the self line). */
typedef cm_array_t(char) cm_slot_buf;
int cm_slot_line_append(cm_slot_buf *buf, const char *const *fields, size_t n, char end);

#ifdef __cplusplus
}
#endif

#endif
