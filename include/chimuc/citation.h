/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/citation.h: numbered references to other documents, and the
 * document's own identity.
 *
 * Symbols: Party style 25-NQ/TW, 1599-KH/BDVTW-ĐĐHNBVN, "23 – NQ/TW" (spaces,
 * en/em dashes), a symbol broken across a line ("126-\nKL/TW"); state style
 * 15/2020/NĐ-CP, 1234/QĐ-UBND, 01/HDLB-TC-DV-TW, a stray space ("3236/TTr
 * -SNN"). Around the symbol: the type words before it (with or without
 * "số", qualifiers such as "phối hợp", "hành động"), the date after it
 * (", ngày 03/6/2013"), the issuer ("của Bộ Chính trị"), the term ("khóa
 * XI") and the relation cue that governs it ("căn cứ", "sơ kết 5 năm thực
 * hiện"…). A type word that contradicts the code ("Chỉ thị số 25-NQ/TW") is
 * kept and flagged; "văn bản số …" takes the type its code names
 * ("71-HD/BTGTW": Hướng dẫn; "4912/UBND-NC", a state letter: Công văn).
 * The words around a symbol are read without their marks too ("Kết lúận
 * số …, ngàỷ …", "Ke hoach so … ngay …"), and across a line break.
 *
 * Symbols are read by their shape, not from a list of bodies: a number
 * (with a letter: "30c/NQCP"), a dash (with or without spaces: "27-
 * HD/BTCTW", "493 -CV/TU", "46/BC- HĐND"; a space alone after "số": "số 84
 * QĐ/TWĐTN"), a type code starting upper case, a slash and the issuer's
 * code (QĐNS/TW, HD/ĐUK, CTr/BCĐCCTPTW). "TƯ" is the same as "TW"
 * ("25-NQ/TƯ"): symbols and keys carry TW; the span gives the spelling as
 * written.
 *
 * The own identity: the header's "Số …" (at a line start, or after the
 * issuer in capitals), else a title line that the text does not cite
 * before, else, on a page that publishes the document under its title,
 * the number its lead issues with that title's subject. Its repeats,
 * also with its year or without a dash, are self mentions.
 *
 * Lists share what they state once: in "các Nghị quyết số 18-NQ/TW, 19-NQ/TW
 * ngày 25/10/2017 của Hội nghị Trung ương 6" 19 takes the type and 18 the
 * date and issuer; such an attribute is flagged as shared (CM_CITE_SHARED_*),
 * as it is read from the list and not from the member.
 *
 * Short forms ("Nghị quyết 25", "Chỉ thị 40", "Nghị quyết nói trên", "Chỉ
 * thị này") that point back to a full citation of the same text are kept
 * apart (kind CM_CITE_SHORT_REF, in shorts) with the key of that citation;
 * never a citation of their own. One that could point to two documents is
 * flagged CM_CITE_AMBIGUOUS with no key; one that points to nothing in the
 * text, or to the document itself ("Kế hoạch này" in a Kế hoạch), is none.
 *
 * Keys: NUMBER-SYMBOL (NUMBER/SYMBOL for state style) with "@YEAR" when the
 * year is known: from the stated date, else from a cue relative to the
 * document's own year ("sơ kết 5 năm thực hiện" in a 2018 plan: 2013), else
 * from an earlier dated mention of the same symbol in the document.
 *
 * Ownership: a cm_citations is the caller's (cm_citations_free); all in it is
 * borrowed from it. */
#ifndef CHIMUC_CITATION_H
#define CHIMUC_CITATION_H

#include <stddef.h>

#include "chimuc/date.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_KEY_MAX 160

typedef enum cm_cite_kind {
	CM_CITE_CITATION,
	CM_CITE_SELF_MENTION,
	CM_CITE_SHORT_REF
} cm_cite_kind;

/* The flags of a citation. */
typedef enum {
	CM_CITE_TYPE_MISMATCH = 1, /* the type words contradict the code */
	CM_CITE_SHARED_TYPE = 2,   /* the type is the list's, stated before it */
	CM_CITE_SHARED_DATE = 4,   /* the date is the list's, stated after it */
	CM_CITE_SHARED_ISSUER = 8, /* so is the issuer (and the term) */
	CM_CITE_IN_LIST = 16,      /* one of several symbols in a list */
	CM_CITE_AMBIGUOUS = 32,    /* a short form that fits several citations */
	CM_CITE_FLAG_END = 64
} cm_cite_flags;

typedef struct {
	enum cm_cite_kind kind;
	size_t start, end;     /* the citation's bytes in the input */
	const char *type;      /* "Nghị quyết"… (static), or NULL */
	char number[32];       /* "25", "15/2020" */
	char symbol[96];       /* "NQ/TW", "NĐ-CP" */
	char date[CM_ISO_MAX]; /* stated date, or "" */
	int year;              /* from the date or a cue, or 0 */
	char key[CM_KEY_MAX];  /* "25-NQ/TW@2013"; a short form's: the cited one's, or "" */
	char *issuer, *term, *relation; /* canonical text, or NULL */
	unsigned flags;
} cm_citation;

typedef struct {
	const char *type; /* static, or NULL */
	char number[32], symbol[96], key[CM_KEY_MAX];
	char date[CM_ISO_MAX];
	char *title, *issuer; /* or NULL */
	char *place;          /* "Tuyên Quang" of "Tuyên Quang, ngày …", or NULL */
	size_t start, end;    /* the surface of the identity, or 0, 0 */
} cm_identity;

/* A reference by name, without a number: "Nghị quyết Trung ương 4 (khóa
 * XII)", "Nghị quyết Đại hội Đảng toàn quốc lần thứ XII", "Luật Báo chí
 * 2016": a capitalized type word with a marker (a conference, a congress, a
 * term, a year or period). */
typedef struct {
	size_t start, end;
	const char *type; /* static */
	char term[32];    /* "khóa XII", "lần thứ XII", or "" */
} cm_named_ref;

typedef struct {
	cm_citation *v;
	size_t n;
	cm_named_ref *named;
	size_t nnamed;
	cm_citation *shorts; /* kind CM_CITE_SHORT_REF, in text order */
	size_t nshort;
	cm_identity self;
} cm_citations;

/* Every numbered citation of text (valid UTF-8) and its own identity; dates
 * (from cm_dates_extract on the same text) give the document's date.
 * Errors: CM_ENOMEM. */
int cm_citations_extract(cm_citations **out, const char *text, size_t len, const cm_dates *dates);

void cm_citations_free(cm_citations *c);

/* A user's reference ("25-NQ/TW", "Nghị quyết số 25-NQ/TW", "25-NQ/TW@2013",
 * "25-NQ/TƯ@2013", "15/2020/NĐ-CP") as a key without year in out and the year (or 0).
 * Errors: CM_EINVAL when it holds no symbol. */
int cm_citation_parse_ref(char out[CM_KEY_MAX], int *year, const char *ref);

/* The issuing body's code in a symbol: "TW" of "NQ/TW", "BDVTW-ĐĐHNBVN" of
 * "KH/BDVTW-ĐĐHNBVN", "UBND" of "QĐ-UBND"; NULL if none. Borrowed from symbol. */
const char *cm_citation_issuer_code(const char *symbol);

/* The name of one flag bit ("type_mismatch", "shared_date"…), or NULL. */
const char *cm_citation_flag_name(unsigned flag);

/* The short code of a type ("NQ" for Nghị quyết), or NULL. */
const char *cm_citation_type_code(const char *type);

/* The short code of the type name ("Quyết định", or with its first letter
 * in lower case) that ends one space before s[at], or NULL: what an OCR'd
 * number after it must hold ("QĐ" in "Quyết định 12-OD/TU"). */
const char *cm_citation_type_code_before(const char *s, size_t at);

/* The type for a code or a type name typed by a user ("KH", "kế hoạch"), or
 * NULL. */
const char *cm_citation_type_from_user(const char *s);

#ifdef __cplusplus
}
#endif

#endif
