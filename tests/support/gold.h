/* gold.h: test helper: the hand-checked annotations of corpus/gold.jsonl,
 * with each record's code-point offsets turned into byte offsets in its
 * file, and the corpus files themselves. Everything is freed by
 * cm_gold_free(); records are borrowed json-c objects. */
#ifndef CHIMUC_TEST_GOLD_H
#define CHIMUC_TEST_GOLD_H

#include <stddef.h>

#include <json-c/json.h>

typedef struct {
	json_object *rec;   /* the record as in gold.jsonl */
	const char *doc;    /* file name, e.g. "000_04ed2d92d4fbe0fc.txt" */
	const char *kind;   /* "self", "citation", "named_ref", "date", … */
	size_t start, end;  /* byte offsets in the file */
} cm_gold_record;

typedef struct {
	cm_gold_record *v;
	size_t n;
	json_object **lines;
	size_t nlines;
} cm_gold;

/* Loads CM_SOURCE_DIR/corpus/gold.jsonl; aborts the test on failure. */
cm_gold *cm_gold_load(void);
void cm_gold_free(cm_gold *g);

/* A string field of a record, or NULL when absent or null. */
const char *cm_gold_str(const cm_gold_record *r, const char *field);
/* A boolean field of a record (0 when absent). */
int cm_gold_bool(const cm_gold_record *r, const char *field);

/* The names of the corpus documents (NULL-terminated, static). */
extern const char *const cm_gold_docs[];

/* Reads CM_SOURCE_DIR/corpus/NAME whole (caller frees). */
char *cm_gold_read_doc(const char *name, size_t *len);

/* Reads CM_SOURCE_DIR/RELPATH whole, NUL-terminated (caller frees). */
char *cm_test_read(const char *relpath, size_t *len);

#endif
