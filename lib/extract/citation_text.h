/* SPDX-License-Identifier: GPL-2.0-or-later */

/* citation_text.h: the canonical text the citation scanner reads and the
 * parts of the scanner that work on it apart from citation.c: the sharing
 * of a list's attributes (citation_lists.c), short forms
 * (citation_short.c), references by name (citation_named.c) and words
 * matched without their marks (citation_fold.c). Internal to libchimuc. */
#ifndef CHIMUC_CITATION_TEXT_H
#define CHIMUC_CITATION_TEXT_H

#include <stddef.h>

#include "chimuc/citation.h"

typedef struct {
	const char *s;  /* canonical text */
	const char *lw; /* the same, lower case, same offsets */
	size_t n;
	int *oom; /* set when an allocation failed (NULL: not tracked) */
} cm_ctext;

#define CM_CTEXT_NONE ((size_t)-1)

/* out (n + 1 bytes): s (n bytes of UTF-8) in lower case, each letter in
 * place when its lower case has as many bytes (else as it is), NUL ended. */
void cm_ctext_lower(char *out, const char *s, size_t n);

/* s, noting in t when it is NULL for want of memory. */
char *cm_ctext_noted(const cm_ctext *t, char *s);

/* The index of the type ("Nghị quyết") whose words, in any case, start at
 * i and end before a space, *len their bytes; -1 if none. */
int cm_ctext_type_at(const cm_ctext *t, size_t i, size_t *len);

/* Where the word (lower case) that ends at end starts, matched without
 * tone and vowel marks ("lúận" is "luận", "so" is "số") and after a word
 * boundary; CM_CTEXT_NONE if it does not end there (citation_fold.c). */
size_t cm_ctext_word_before(const cm_ctext *t, size_t end, const char *word);

/* The bytes of the word (lower case) that starts at at, matched the same
 * way ("ngàỷ", "NGÀY", "ngay" are "ngày"), or 0; what follows is not
 * checked. */
size_t cm_ctext_word_at(const cm_ctext *t, size_t at, const char *word);

/* How many types there are, the name of type k ("Nghị quyết") and its
 * lower case ("nghị quyết"). */
size_t cm_ctext_ntypes(void);
const char *cm_ctext_type_name(size_t k);
const char *cm_ctext_type_lower(size_t k);

/* Gives the members of each list ("18-NQ/TW, 19-NQ/TW ngày …", "217-QĐ/TW
 * và Quyết định số 218-QĐ/TW, ngày … của …") the type stated before the
 * list and the date, issuer and term stated after it, with their flags. */
void cm_citations_share_lists(cm_citations *c, const cm_ctext *t);

/* Finds the references by name in t, outside the citations of c, into
 * c->named (citation_named.c). Errors: CM_ENOMEM. */
int cm_citations_named_refs(cm_citations *c, const cm_ctext *t);

/* Finds the short forms in t and resolves them against c->v (keyed, in
 * canonical offsets) into c->shorts. Errors: CM_ENOMEM. */
int cm_citations_short_refs(cm_citations *c, const cm_ctext *t);

#endif
