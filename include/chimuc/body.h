/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/body.h: the Party, state and mass-organization bodies that owe and
 * receive the tasks of a directive ("Ban Dân vận Tỉnh ủy", "UBND các huyện,
 * thành phố", "Ủy ban MTTQ tỉnh"), as the date extractor finds them
 * (chimuc/date.h: a deadline's actor, recipient and partners), their level,
 * and the matching of a name a user types against a name as written.
 *
 * A name is matched through its key: abbreviations written out from the
 * table of bodies (BTV → Ban Thường vụ, UBND → Ủy ban nhân dân, MTTQ → Mặt
 * trận Tổ quốc…), then case and diacritics folded ("ban dan van" finds
 * "Ban Dân vận Tỉnh ủy"). A body not in the table is kept as written.
 *
 * Ownership: *out of cm_body_key is the caller's (free). */
#ifndef CHIMUC_BODY_H
#define CHIMUC_BODY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The level of a body, when its name gives it. */
typedef enum {
	CM_LEVEL_UNKNOWN = 0,
	CM_LEVEL_CENTRAL, /* Trung ương: Bộ Chính trị, Ban Dân vận Trung ương, a Bộ */
	CM_LEVEL_PROVINCE, /* tỉnh: Tỉnh ủy, Sở …, UBND tỉnh */
	CM_LEVEL_DISTRICT, /* huyện, quận, thị xã: Huyện ủy, UBND các huyện */
	CM_LEVEL_COMMUNE   /* xã, phường, thị trấn: Đảng ủy xã, cấp xã */
} cm_body_level;

/* "central", "province", "district", "commune", or NULL when unknown. */
const char *cm_body_level_name(cm_body_level level);

/* *out is the key of the len bytes of name (UTF-8): abbreviations written
 * out, lower case, without diacritics, one space between words. Errors:
 * CM_ENOMEM, CM_EINVAL (not UTF-8). */
int cm_body_key(char **out, const char *name, size_t len);

/* 1 if the body name (as written) matches what a user typed: the key of
 * query is a run of whole words of the key of name ("Ban Dân vận" and
 * "BDV" match "Ban Dân vận Tỉnh ủy"; "Dâ" matches nothing: whole words
 * only); 0 if not; CM_ENOMEM. */
int cm_body_matches(const char *name, const char *query);

/* The same on keys already made (cm_body_key): 1 if query_key is a run of
 * whole words of name_key, else 0. */
int cm_body_key_matches(const char *name_key, const char *query_key);

#ifdef __cplusplus
}
#endif

#endif
