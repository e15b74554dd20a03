/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/map.h: the citation map of a draft against the index. For each
 * numbered citation of the draft: its status (in the corpus, cited only,
 * unknown, ambiguous, inconsistent), the formal reference built from what
 * the corpus knows, the precedents (corpus documents citing it, newest
 * first), what is usually cited beside it, and the problems of the draft's
 * writing of it, as flags; and the writers of the map (text, Markdown,
 * JSON Lines, DOT, GraphML).
 *
 * Ownership: *out of cm_map is the caller's (cm_map_free); the items and
 * every string and array they point to are borrowed from the result. The
 * draft's bytes are only read during the call. */
#ifndef CHIMUC_MAP_H
#define CHIMUC_MAP_H

#include <stddef.h>
#include <stdio.h>

#include "chimuc/index.h"
#include "chimuc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CM_MAP_IN_CORPUS,   /* the document is in the index */
	CM_MAP_CITED_ONLY,  /* not in the index, but cited by documents of it */
	CM_MAP_UNKNOWN,     /* neither */
	CM_MAP_AMBIGUOUS,   /* no year, and the corpus has several documents of the number */
	CM_MAP_INCONSISTENT /* a problem of CM_MAP_INCONSISTENT_PROBLEMS */
} cm_map_status;

/* "in_corpus", "cited_only", "unknown", "ambiguous", "inconsistent". */
const char *cm_map_status_name(cm_map_status status);

/* The problems of a citation, one flag each, in the order of the report. */
typedef enum {
	CM_MAP_DATE_MISMATCH = 1 << 0,     /* the draft's date is not the corpus
					  * document's (corpus_date) */
	CM_MAP_ISSUER_MISMATCH = 1 << 1,   /* nor its issuer (corpus_issuer) */
	CM_MAP_OTHER_YEAR = 1 << 2,        /* the corpus cites the number with other
					  * years only (years) */
	CM_MAP_CITED_DATE = 1 << 3,        /* the precedents cite it with another date
					  * (corpus_date) */
	CM_MAP_NO_SO = 1 << 4,             /* no "số" before the number */
	CM_MAP_SYMBOL_SPACE = 1 << 5,      /* the symbol is not written as its key: a
					  * space or a line break in it */
	CM_MAP_WRONG_DASH = 1 << 6,        /* … an en or em dash in it */
	CM_MAP_DATE_FORM = 1 << 7,         /* the date not as dd/mm/yyyy (date_form) */
	CM_MAP_CONTRADICTS = 1 << 8,       /* the type word contradicts the code */
	CM_MAP_DATES_DIFFER = 1 << 9,      /* the draft cites the document again with
					  * another date (other_date) */
	CM_MAP_TERM_MISMATCH = 1 << 10,    /* the draft's term is not the corpus's */
	CM_MAP_TYPE_MISMATCH = 1 << 11,    /* nor its type word (and the code does
					  * not contradict it) */
	CM_MAP_CORPUS_DISAGREES = 1 << 12, /* the citing documents give several
					    * readings of a field (said) */
	CM_MAP_SUPERSEDED = 1 << 13,       /* replaced, repealed or ended in whole
					    * by another document (superseded_by) */
	CM_MAP_AMENDED = 1 << 14,          /* amended or ended in part (a note:
					    * amended_by) */
	CM_MAP_PROBLEM_END = 1 << 15
} cm_map_problem;

/* The flags that are notes, not problems. */
#define CM_MAP_NOTES CM_MAP_AMENDED

/* The problems that make a citation inconsistent: the draft against the
 * corpus (CM_MAP_CORPUS_DISAGREES is the corpus's own). */
#define CM_MAP_INCONSISTENT_PROBLEMS                                                             \
	(CM_MAP_DATE_MISMATCH | CM_MAP_ISSUER_MISMATCH | CM_MAP_OTHER_YEAR | CM_MAP_CITED_DATE | \
	 CM_MAP_CONTRADICTS | CM_MAP_TERM_MISMATCH | CM_MAP_TYPE_MISMATCH)

/* "date_mismatch", "no_so"…; NULL for anything but one flag. */
const char *cm_map_problem_name(cm_map_problem problem);

/* The fewest documents citing both that make a document "usually cited
 * beside" another: one document citing two is no habit. */
#define CM_MAP_CO_CITED_SUPPORT 2

/* The default numbers of precedents and co-cited documents in an item. */
#define CM_MAP_PRECEDENTS_DEFAULT 10
#define CM_MAP_CO_CITED_DEFAULT 5

/* The suggestions kept by --suggest, and the documents most like the draft
 * they come from. */
#define CM_MAP_SUGGESTIONS_DEFAULT 10
#define CM_MAP_SIMILAR_DEFAULT 5

/* Version 2 adds suggestions and similar, version 3 today; a version 1 or
 * 2 struct is still read (without suggestions; judged on the current
 * date). */
#define CM_MAP_OPTIONS_VERSION 3

typedef struct {
	unsigned version;  /* CM_MAP_OPTIONS_VERSION */
	size_t precedents; /* the newest precedents kept per citation; CM_ALL: all */
	size_t co_cited;   /* the documents most often cited beside it kept */
	/* version 2 */
	size_t suggestions; /* the best suggestions kept (cm_map_suggestion); 0: none */
	size_t similar;     /* the documents most like the draft they draw on */
	/* version 3 */
	const char *today; /* "YYYY-MM-DD" the validity is judged on; NULL: today */
} cm_map_options;

#define CM_MAP_OPTIONS_INIT                                                                    \
	{                                                                                      \
		CM_MAP_OPTIONS_VERSION, CM_MAP_PRECEDENTS_DEFAULT, CM_MAP_CO_CITED_DEFAULT, 0, \
			CM_MAP_SIMILAR_DEFAULT, NULL                                           \
	}

/* The fields of a cited document the corpus gives. */
typedef enum {
	CM_MAP_TYPE,   /* "Nghị quyết" */
	CM_MAP_DATE,   /* ISO */
	CM_MAP_ISSUER, /* "Bộ Chính trị" */
	CM_MAP_TERM,   /* "khóa XI" */
	CM_MAP_TITLE,  /* from the document itself only */
	CM_MAP_FIELDS
} cm_map_field;

/* "type", "date", "issuer", "term", "title"; NULL for anything else. */
const char *cm_map_field_name(cm_map_field field);

/* One reading of a field: its value and the documents giving it. */
typedef struct {
	const char *value;
	const char *const *paths; /* count documents, in index order */
	size_t count;
} cm_map_reading;

/* What the corpus says of one field: from the document itself when the
 * index has it and it gives the field (from_self, one reading, its path),
 * else from every citing document (the first of its citations giving the
 * field), the readings most documents first. No reading: nobody says. */
typedef struct {
	const cm_map_reading *readings;
	size_t nreadings;
	int from_self;
} cm_map_said;

/* A corpus document citing the citation's document. */
typedef struct {
	const char *path, *title;
	const char *date;    /* its own, or NULL */
	const char *context; /* the sentence of its first citation of it, or NULL */
} cm_map_precedent;

/* A corpus document the citation may mean; a year the corpus cites the
 * number with has the key ("25-NQ/TW@2003") and NULL path, title, date. */
typedef struct {
	const char *path, *title, *date;
	const char *key; /* the document's own key, or NULL */
} cm_map_candidate;

/* A document cited beside it: how many of its precedents cite it (count),
 * how many documents cite it at all (cited), and the strength of the two
 * together: count / sqrt(cited_by_total * cited), 1 when they are always
 * cited together. */
typedef struct {
	const char *key;
	const char *date; /* its newest date its citations give, else its year; or NULL */
	unsigned count, cited;
	double strength;
} cm_map_co_cited;

typedef struct {
	size_t start, end; /* the citation's bytes in the draft */
	const char *text;  /* those bytes */
	const char *key;   /* "25-NQ/TW@2013" */
	const char *base;  /* the key without its year */
	const char *type;  /* the draft's type word, or NULL */
	const char *relation;
	cm_map_status status;
	const char *reference; /* "Nghị quyết số 25-NQ/TW, ngày 03/06/2013 của …" */
	const char *path;      /* in the corpus: the document; else NULL */
	const cm_map_precedent *cited_by; /* the newest, at most opts->precedents */
	size_t ncited_by, cited_by_total;
	const cm_map_candidate *candidates;
	size_t ncandidates;
	/* the documents co-cited at least CM_MAP_CO_CITED_SUPPORT times, the
	 * strongest first (then the newest, then by key), at most opts->co_cited
	 * (co_cited_total: how many there are) */
	const cm_map_co_cited *co_cited;
	size_t nco_cited, co_cited_total;
	unsigned problems; /* cm_map_problem flags */
	/* what the problems say; NULL when not known */
	const char *date, *issuer, *term; /* as the draft gives them (ISO date) */
	const char *corpus_date;          /* CM_MAP_DATE_MISMATCH, CM_MAP_CITED_DATE */
	const char *corpus_issuer;        /* CM_MAP_ISSUER_MISMATCH */
	const char *date_form;            /* CM_MAP_DATE_FORM: the draft's words from the date on */
	const char *other_date;           /* CM_MAP_DATES_DIFFER */
	const int *years;                 /* CM_MAP_OTHER_YEAR: the years the corpus knows */
	size_t nyears;
	/* the consensus of the corpus, field by field (cm_map_field): the
	 * reference and the mismatch problems use the one reading of a field;
	 * with several (CM_MAP_CORPUS_DISAGREES) none is picked */
	cm_map_said said[CM_MAP_FIELDS];
	/* its validity (chimuc/status.h), from what the corpus says of it other
	 * than the draft itself */
	cm_status_kind validity;
	const char *validity_since; /* or NULL */
	const char *superseded_by;  /* CM_MAP_SUPERSEDED: the key, or NULL */
	cm_relation_kind superseded_how;
	const char *amended_by;    /* CM_MAP_AMENDED: the key, or NULL */
	const char *amended_part;  /* or NULL */
	const char *amended_since; /* or NULL */
} cm_map_item;

/* A document the draft does not cite but likely should consider: cited by
 * the indexed documents most like the draft (their share, weighted by
 * their relevance), strongly co-cited with what the draft cites (the sum
 * of the strengths), the score the sum of both. */
typedef struct {
	const char *key;
	double score;
	const char *reason;    /* "cited by 3 of the 5 documents most like this draft; …" */
	const char *reference; /* its formal reference, from the corpus's consensus */
	const char *path;      /* in the corpus: the document; else NULL */
} cm_map_suggestion;

typedef struct cm_map_result cm_map_result;

/* The map of the draft text[0, len) (valid UTF-8) against ix; opts NULL:
 * the defaults. Errors: CM_EINVAL (an unknown opts->version), CM_ENOMEM,
 * the index's (after "database modified" the read is rerun, see
 * chimuc/index.h). */
int cm_map(cm_map_result **out, cm_index *ix, const char *text, size_t len,
	   const cm_map_options *opts);
void cm_map_free(cm_map_result *r);

/* The citations of the draft, in its order. */
size_t cm_map_size(const cm_map_result *r);
const cm_map_item *cm_map_get(const cm_map_result *r, size_t i);

/* The suggestions, best first (then the newest, then by key), at most
 * opts->suggestions. */
size_t cm_map_suggestions(const cm_map_result *r);
const cm_map_suggestion *cm_map_suggestion_get(const cm_map_result *r, size_t i);

/* The message of one problem flag of it ("missing \"số\" before the
 * number: …"): *out is the caller's (free()). Errors: CM_EINVAL (not one
 * flag of it->problems), CM_ENOMEM. */
int cm_map_problem_message(char **out, const cm_map_item *it, cm_map_problem problem);

/* The map as `chimuc map` prints it: a report per citation in text or
 * Markdown (under "# Citation map of NAME"), then the suggestions; one JSON
 * object per citation and line, then one per suggestion ({"kind":
 * "suggestion", "key", "score", "reason", "reference", "path"}); the graph of the draft (node "draft" labelled name), its
 * citations, their precedents and co-cited documents in DOT or GraphML.
 * 0, or CM_EIO, CM_ENOMEM, the graph writers' errors. */
int cm_map_write_text(FILE *f, const cm_map_result *r);
int cm_map_write_md(FILE *f, const cm_map_result *r, const char *name);
int cm_map_write_json(FILE *f, const cm_map_result *r);
int cm_map_write_dot(FILE *f, const cm_map_result *r, const char *name);
int cm_map_write_graphml(FILE *f, const cm_map_result *r, const char *name);

#ifdef __cplusplus
}
#endif

#endif
