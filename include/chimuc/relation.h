/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/relation.h: what a text says about the validity of documents:
 * which replaces, repeals, amends or ends which, from when.
 *
 * Forms read (each needs a numbered target: "thay thế các quy định trước
 * đây trái với …" gives nothing):
 *  - the document's own provisions: "Quyết định này … thay thế Quyết định số
 *    44/2010/QĐ-UBND", "Điều 3. Bãi bỏ khoản 7 Điều 15 của Quyết định số …",
 *    "Điều 1. Thu hồi Quyết định số …" (a repeal),
 *    "Các Thông tư sau đây hết hiệu lực: …" (one edge per member); the
 *    source is the document itself (own = 1);
 *  - statements about others: "Nghị định số 04/2008/NĐ-CP … của Chính phủ
 *    sửa đổi, bổ sung một số điều của Nghị định số 92/2006/NĐ-CP": an edge
 *    between the two cited documents, stated by the text;
 *  - the passive: "Quyết định 119/QĐ-UBND … đã được thay thế bởi Quyết định
 *    366/QĐ-UBND", "… bị bãi bỏ, thay thế bởi Quyết định số …": the source
 *    is the one after "bởi", the target the sentence's first citation;
 *  - a history table under "Lịch sử hiệu lực: X": rows "DATE Bị thay thế
 *    Y", "Được sửa đổi Y", "Bị bãi bỏ Y", "Bị hết hiệu lực 1 phần Y".
 * The part ("khoản 7 Điều 15", "một số điều", "1 phần") is kept. The date
 * is when the relation takes effect: the document's own effective date for
 * its provisions ("có hiệu lực kể từ ngày ký": its date; "sau 10 ngày kể từ
 * ngày ký": ten days later; "kể từ ngày 05/11/2019"), the "kể từ ngày …" of
 * a statement, a row's date; "" when the text does not say.
 *
 * Ownership: a cm_relations is the caller's (cm_relations_free). */
#ifndef CHIMUC_RELATION_H
#define CHIMUC_RELATION_H

#include <stddef.h>

#include "chimuc/citation.h"
#include "chimuc/date.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cm_relation_kind {
	CM_REL_REPLACES,
	CM_REL_REPEALS,
	CM_REL_AMENDS,
	CM_REL_EXPIRES,
	CM_REL_KINDS
} cm_relation_kind;

#define CM_PART_MAX 64

typedef struct {
	cm_relation_kind kind;
	int own;                 /* the source is the document itself */
	char source[CM_KEY_MAX]; /* the source's key; own: the document's, or "" */
	char target[CM_KEY_MAX]; /* the target's key, never "" */
	char part[CM_PART_MAX];  /* "khoản 7 Điều 15", or "" for the whole */
	char date[CM_ISO_MAX];   /* when it takes effect, or "" */
	size_t start, end;       /* the cue's bytes in the input */
	size_t target_start;     /* where the target's citation starts */
} cm_relation;

typedef struct {
	cm_relation *v;
	size_t n;
	char effective[CM_ISO_MAX]; /* the document's own effective date, or "" */
} cm_relations;

/* The relations text states (valid UTF-8), read with its citations and
 * dates (from cm_citations_extract and cm_dates_extract on the same text).
 * Errors: CM_ENOMEM. */
int cm_relations_extract(cm_relations **out, const char *text, size_t len, const cm_citations *c,
			 const cm_dates *d);

void cm_relations_free(cm_relations *r);

/* "replaces", "repeals", "amends", "expires". */
const char *cm_relation_name(cm_relation_kind kind);

/* The kind named name; CM_EINVAL if none. */
int cm_relation_from_name(cm_relation_kind *out, const char *name);

#ifdef __cplusplus
}
#endif

#endif
