/* SPDX-License-Identifier: GPL-2.0-or-later */

/* date_scan.h: the parts of the date extractor (chimuc/date.h) that share
 * the canonical text: the scanner of date forms (date_scan.c), the deadline
 * classifier (date_deadline.c) and the word helpers both use. Internal to
 * libchimuc. */
#ifndef CHIMUC_DATE_SCAN_H
#define CHIMUC_DATE_SCAN_H

#include <stddef.h>

#include "chimuc/date.h"

/* The canonical text being scanned and the dates found in it, in order;
 * spans are canonical offsets until cm_dates_extract maps them back. */
typedef struct {
	const char *s;
	size_t n;
	cm_dates *out;
	size_t cap;
} cm_date_scan;

static inline int cm_date_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int cm_date_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* 1 for an ASCII letter or any byte of a multibyte UTF-8 character. */
static inline int cm_date_is_letter(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of word (UTF-8, lower case) at s[at], ASCII letters and đ
 * compared without case, else 0. */
size_t cm_date_word_at(const cm_date_scan *sc, size_t at, const char *word);

/* 1 if no letter, digit, '/', '-' or '.' is right before at. */
int cm_date_boundary_before(const cm_date_scan *sc, size_t at);

/* 1 if word (lower case) ends at end and starts on a word boundary. */
int cm_date_ends_with(const cm_date_scan *sc, size_t end, const char *word);

/* Position at after spaces, tabs and '*' (markdown emphasis). */
size_t cm_date_skip_spaces(const cm_date_scan *sc, size_t at);

/* Position before the "ngày" (and the spaces, commas and '*' around it)
 * ahead of at; *had_ngay says whether there was one. */
size_t cm_date_back_over_ngay(const cm_date_scan *sc, size_t at, int *had_ngay);

/* 1 if d/m/y is a day of the calendar; y 0 means any year (29/2 valid). */
int cm_date_valid_day(int y, int m, int d);

/* The ISO form of y-m-d (y < 0: "--MM-DD"; d 0: "YYYY-MM"), or of quarter
 * q 1..4 of year y ("YYYY-Qn", y < 0: "--Qn"); callers validate them. */
void cm_date_iso_write(char out[CM_ISO_MAX], int y, int m, int d, int q);

/* Every date form of the text into sc->out. Errors: CM_ENOMEM. */
int cm_date_scan_all(cm_date_scan *sc);

/* 1 if iso names a day (2013-06-03, --06-03), not a month or a quarter. */
int cm_date_has_day(const char *iso);

/* 1 if the numeric full date (03/6/2013, 01-10-1997, 5.6.2012) is at *at:
 * its ISO value in iso, *at past it. */
int cm_date_numeric_full(const cm_date_scan *sc, size_t *at, char iso[CM_ISO_MAX]);

/* 1 if the text ties a task to d (see chimuc/date.h); first is the range's
 * start when d ends a range, else d; occasion says that d names one. */
int cm_date_is_deadline(const cm_date_scan *sc, const cm_date *d, const cm_date *first,
			int occasion);

#endif
