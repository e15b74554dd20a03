/* SPDX-License-Identifier: GPL-2.0-or-later */

/* body.h: finding the name of a body (chimuc/body.h) in canonical text, for
 * the obligation finder (obligation.c), and the word helpers both use.
 * Internal to libchimuc. */
#ifndef CHIMUC_EXTRACT_BODY_H
#define CHIMUC_EXTRACT_BODY_H

#include <stddef.h>

#include "chimuc/body.h"

/* The bytes of the body name that starts at `at` in the n bytes of
 * canonical text s ("Ban Dân vận Tỉnh ủy", "các huyện ủy, thành ủy",
 * "UBND các huyện, thành phố", "Cấp xã"), 0 if none starts there; *level
 * is its level when the name gives one. A name ends before a verb, a
 * punctuation mark that is not inside it, or the next body of a list ("Ban
 * Dân vận Tỉnh ủy và Hội Nhà báo tỉnh" is two). A name starts with a
 * capital unless any_case is set (after a verb that asks a body to act:
 * "giao ban thường vụ các tỉnh ủy") or it is a level ("cấp huyện"). */
size_t cm_body_at(const char *s, size_t n, size_t at, int any_case, cm_body_level *level);

/* The end of the list of bodies at `at` ("Ban Tuyên giáo, Ban Dân vận Tỉnh
 * ủy và Hội Nhà báo tỉnh"), 0 if no body starts there; *count how many. */
size_t cm_body_list_at(const char *s, size_t n, size_t at, int any_case, size_t *count,
		       cm_body_level *level);

/* The bytes of the lower-case phrase at `at` of s, matched in any case and
 * ending at a word boundary; 0 if it is not there. */
size_t cm_phrase_at(const char *s, size_t n, size_t at, const char *lower);

/* `at` after spaces and tabs. */
size_t cm_skip_spaces(const char *s, size_t n, size_t at);

/* 1 if the character at `at` is a capital letter. */
int cm_is_capital(const char *s, size_t n, size_t at);

#endif
