/* SPDX-License-Identifier: GPL-2.0-or-later */

/* page.h: --limit N, --offset N and --count, shared by the listing commands:
 * a listing is always the whole answer, of which --offset and --limit show
 * a page and --count prints only the number of items of the whole answer
 * (not of the page). With --json each item is one line and nothing else is
 * printed, so a page's lines can be counted; the total is what --count
 * prints. Internal to the chimuc program. */
#ifndef CHIMUC_PAGE_H
#define CHIMUC_PAGE_H

#include <stddef.h>

typedef struct {
	size_t offset, limit; /* limit SIZE_MAX: no limit */
	int count;            /* print only the number of items */
	size_t seen;          /* items met so far */
} cm_page;

#define CM_PAGE_ALL                 \
	{                           \
		0, (size_t)-1, 0, 0 \
	}

/* The options, for getopt_long's table: CM_PAGE_OPTIONS expands to three
 * entries whose values are the CM_PAGE_OPT_* codes. */
enum { CM_PAGE_OPT_LIMIT = 0x1001, CM_PAGE_OPT_OFFSET, CM_PAGE_OPT_COUNT };
#define CM_PAGE_OPTIONS                                                  \
	{"limit", required_argument, NULL, CM_PAGE_OPT_LIMIT},           \
		{"offset", required_argument, NULL, CM_PAGE_OPT_OFFSET}, \
	{                                                                \
		"count", no_argument, NULL, CM_PAGE_OPT_COUNT            \
	}

/* The help lines of the options. */
#define CM_PAGE_HELP                                              \
	"  --limit N       show at most N items (default: all)\n" \
	"  --offset N      skip the first N items\n"              \
	"  --count         print only the number of items of the whole answer\n"

/* Takes the option c (one of CM_PAGE_OPT_*, with getopt's arg) into p: 0,
 * or CM_EXIT_USAGE after reporting a bad value. */
int cm_page_option(cm_page *p, int c, const char *arg, const char *command);

/* Counts one more item; 1 if it is to be shown. */
int cm_page_take(cm_page *p);

/* 1 once the page is full (the rest need only be counted). */
int cm_page_full(const cm_page *p);

/* With --count, prints the number of items met. */
void cm_page_finish(const cm_page *p);

#endif
