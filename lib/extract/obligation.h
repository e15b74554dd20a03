/* SPDX-License-Identifier: GPL-2.0-or-later */

/* obligation.h: who owes a deadline, what, to whom (obligation.c), for the
 * date extractor (date.c). Internal to libchimuc. */
#ifndef CHIMUC_EXTRACT_OBLIGATION_H
#define CHIMUC_EXTRACT_OBLIGATION_H

#include <stddef.h>

#include "chimuc/date.h"

/* A span of the canonical text; end == start when absent. */
typedef struct {
	size_t start, end;
} cm_span;

typedef struct {
	cm_span actor; /* the body that must act */
	cm_actor_from actor_from;
	cm_span task;      /* what it must do */
	cm_span recipient; /* whom it reports or submits to */
	cm_span channel; /* through whom: "Văn phòng Tỉnh ủy" of "(qua Văn phòng Tỉnh ủy)" */
	cm_span partners; /* with whom: the list after "phối hợp với" */
	cm_body_level actor_level, recipient_level;
} cm_obligation;

/* Fills *out for the deadline whose date is [date_start, date_end) of the
 * n bytes of canonical text s: the actor from the sentence's subject, the
 * body asked to act ("Đề nghị X", "giao X", "yêu cầu X"), or that of its
 * paragraph, else the nearest heading above that names a body, else the
 * document's issuer; the recipient after "gửi (về)",
 * "báo cáo (về)", "trình", "tham mưu"; the channel in "(qua …)"; the
 * partners after "phối hợp (với)"; the task, the words of the clause
 * before the date's cue (and after prev_end, the end of the deadline
 * before this one, when it lies in the clause). Any of them may be absent. */
void cm_obligation_find(cm_obligation *out, const char *s, size_t n, size_t date_start,
			size_t date_end, size_t prev_end);

#endif
