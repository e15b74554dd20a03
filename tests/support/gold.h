/* SPDX-License-Identifier: GPL-2.0-or-later */

/* gold.h: test helper: a gold set, the hand-checked annotations of
 * DIR/gold.jsonl (corpus/ for the five samples, tests/data/real/ for the
 * real set; format in corpus/GOLD.md and tests/data/real/README.md), with
 * each record's code-point offsets turned into byte offsets in its file.
 * The documents of a set are those its gold.jsonl names. Everything is freed
 * by cm_gold_free(); records and names are borrowed json-c strings. */
#ifndef CHIMUC_TEST_GOLD_H
#define CHIMUC_TEST_GOLD_H

#include <stddef.h>

#include <json-c/json.h>

typedef struct {
	json_object *rec;  /* the record as in gold.jsonl */
	const char *doc;   /* file name, e.g. "000_04ed2d92d4fbe0fc.txt" */
	const char *kind;  /* "self", "citation", "short_ref", "date", … */
	size_t start, end; /* byte offsets in the file */
} cm_gold_record;

typedef struct {
	char *dir; /* the set's folder, relative to CM_SOURCE_DIR */
	cm_gold_record *v;
	size_t n;
	const char **docs; /* the documents, in the order gold.jsonl names them */
	size_t ndocs;
} cm_gold;

/* Loads CM_SOURCE_DIR/DIR/gold.jsonl; aborts the test on failure (a file it
 * names that is missing, a bad JSON line, a record without doc or kind). */
cm_gold *cm_gold_load(const char *dir);
void cm_gold_free(cm_gold *g);

/* A string field of a record, or NULL when absent or null. */
const char *cm_gold_str(const cm_gold_record *r, const char *field);
/* A boolean field of a record (0 when absent). */
int cm_gold_bool(const cm_gold_record *r, const char *field);

/* Reads the document NAME of the set g whole (caller frees). */
char *cm_gold_read(const cm_gold *g, const char *name, size_t *len);

/* Reads CM_SOURCE_DIR/corpus/NAME, a sample document, whole (caller frees). */
char *cm_gold_read_doc(const char *name, size_t *len);

/* Reads CM_SOURCE_DIR/RELPATH whole, NUL-terminated (caller frees). */
char *cm_test_read(const char *relpath, size_t *len);

#endif
