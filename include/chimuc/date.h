/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/date.h: date mentions, deadlines and occasions in a document.
 *
 * Forms found (on the canonical text, spans reported in the input):
 *   03/6/2013, 01-10-1997, 5.6.2012   full date            iso 2013-06-03
 *   ngày7/5/2019                      (glued to its "ngày")
 *   ngày 04 tháng 3 năm 2018          written full date    iso 2018-03-04
 *   NGÀY 05 THÁNG 5 NĂM 2022          (either case; "ngày" may be glued
 *                                     to the word: "Chính phủngày 25 …")
 *   (15/10), ngày 21/6, trước 10/2    day-month, no year   iso --10-15
 *   ngày 25.3, Chiều 7-8, mồng 2/9    (a day word before a dot or dash)
 *   tháng 3/2024, tháng 6.2012,       month                iso 2024-03
 *   tháng 3 năm 2024, tháng 11 of     (a list's year: 2025-11)
 *   "tháng 11, tháng 12 năm 2025"
 *   quý III/2018, Quý II-2025,        quarter              iso 2018-Q3
 *   quý 3 năm 2024, trong quý I       (no year: --Q1)
 *   15/10/1930 - 15/10/2020,          a range: two dates, start and end
 *   từ ngày 30/5 đến ngày 7/6/2024, từ Quý III/2017 đến ngày 30/11/2017
 * Not dates: impossible dates (31/02/2020), bare years, numbers inside
 * document symbols (15/2020/NĐ-CP), clock times, and pairs that no day word
 * or cue marks as a day: fractions (1/2 số hộ), thousands (1.200),
 * decimals (3.5%), scores (thắng 2-1), counts (15-20 người, mỗi ngày 2-3
 * lần), versions. A dashed or dotted day-month after a cue but no day word
 * ("trước 7-8": a day, or seven to eight) is reported with ambiguous set.
 *
 * A date is a deadline when the text ties a task to it: a cue before it
 * ("chậm nhất (là) (vào) ngày", "trước (ngày)", "hạn chót", "không muộn
 * hơn", "xong", "hoàn thành", "trong tháng", "trình", "dự kiến"), a task
 * or plan verb earlier in the clause of a month or quarter ("trình … quý",
 * "dự kiến tổ chức vào tháng 3 năm 2020"), the end of a range, a table's
 * cell under a column of deadlines ("Ngày chậm nhất phải hoàn thành"), or
 * an occasion ("vào dịp kỷ niệm … (15/10)", "(30/9 - 1910/ 30/9/2020)"
 * after one). Never a
 * range's start (the historical origin), the date a count is made to
 * ("tính đến ngày 31/12/2016", "số liệu tính từ"), a period under review
 * ("kết quả thực hiện trong quý I"), when events happen ("diễn ra trong
 * tháng 4"), what was done by a date ("đến ngày
 * 30/6/2024, đã có …"), nor a cue opening a sentence that no task follows
 * ("Trước ngày 01/3/2025, Cục Thuế gồm có"). An occasion is the
 * commemoration a date is given for.
 *
 * Of each deadline, the obligation it closes: the actor (the body the
 * sentence names or asks to act, "Đề nghị X", else the heading above that
 * names one, as "3. Ban Tuyên giáo Tỉnh ủy" over its list of tasks, else
 * the document's issuer, whose own work plan it is), the
 * task, the recipient ("gửi về …", "báo cáo …", "trình …"), the channel
 * ("(qua Văn phòng Tỉnh ủy)") and the partners ("phối hợp với …").
 *
 * Ownership: a cm_dates is the caller's (cm_dates_free); everything in it is
 * borrowed from it. */
#ifndef CHIMUC_DATE_H
#define CHIMUC_DATE_H

#include <stddef.h>

#include "chimuc/body.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CM_ISO_MAX 11 /* "2013-06-03" + NUL */

/* Where a deadline's actor is named. */
typedef enum {
	CM_ACTOR_NONE = 0,
	CM_ACTOR_SENTENCE, /* in its sentence or paragraph */
	CM_ACTOR_HEADING,  /* by the heading above: "3. Ban Tuyên giáo Tỉnh ủy" */
	CM_ACTOR_ISSUER    /* nowhere near: the document's issuer, its own task */
} cm_actor_from;

typedef enum cm_range_role {
	CM_RANGE_NONE = 0,
	CM_RANGE_START = 1,
	CM_RANGE_END = 2
} cm_range_role;

typedef struct {
	size_t start, end;         /* the date's bytes in the input */
	char iso[CM_ISO_MAX];      /* as the text says it */
	char resolved[CM_ISO_MAX]; /* a year-less date with the document's year, else "" */
	int in_citation;           /* the date of a cited document's symbol */
	int in_self;               /* the document's own date */
	int deadline;
	int ambiguous; /* the form has another reading ("trước 7-8") */
	enum cm_range_role range;
	size_t range_start, range_end;     /* the whole range, when range is set */
	const char *occasion;              /* canonical text, or NULL */
	const char *recurrence;            /* "yearly", "every 6 months"…, or NULL */
	size_t context_start, context_end; /* the sentence around it, in the input */
	/* Of a deadline, who owes what to whom (chimuc/body.h), canonical
	 * text or NULL: */
	const char *actor; /* the body that must act */
	cm_actor_from actor_from;
	const char *task;      /* what it must do */
	const char *recipient; /* whom it reports or submits to */
	const char *channel;   /* through whom ("qua Văn phòng Tỉnh ủy") */
	const char *partners;  /* with whom ("phối hợp với …"), as listed */
	cm_body_level actor_level, recipient_level;
} cm_date;

typedef struct {
	cm_date *v;
	size_t n;
	char doc_date[CM_ISO_MAX]; /* the document's own date, or "" */
} cm_dates;

/* Every date mention of text (valid UTF-8), in order. Errors: CM_ENOMEM. */
int cm_dates_extract(cm_dates **out, const char *text, size_t len);

void cm_dates_free(cm_dates *d);

/* 1 and the ISO value and byte length of the numeric full date (03/6/2013,
 * 01-10-1997) that starts s (n bytes), else 0. */
int cm_date_numeric_at(char iso[CM_ISO_MAX], size_t *len, const char *s, size_t n);

/* Parses a user's date: "15/10" or "--10-15" (day-month: *out "--10-15"),
 * "15/10/2024" or "2024-10-15" (full), "2024-06" or "6/2024" (month). *out
 * gets the ISO form. Errors: CM_EINVAL. */
int cm_date_parse_user(char out[CM_ISO_MAX], const char *s);

#ifdef __cplusplus
}
#endif

#endif
