/* SPDX-License-Identifier: GPL-2.0-or-later */

/* page.c: paging of listings (see page.h). */
#include "page.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static int parse(size_t *out, const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end == s || *end || s[0] == '-' || errno || v > (size_t)-1 - 1)
		return -1;
	*out = (size_t)v;
	return 0;
}

int cm_page_option(cm_page *p, int c, const char *arg, const char *command)
{
	switch (c) {
	case CM_PAGE_OPT_LIMIT:
		if (parse(&p->limit, arg) < 0)
			return cm_cli_usage_error(command, "--limit needs a number");
		return 0;
	case CM_PAGE_OPT_OFFSET:
		if (parse(&p->offset, arg) < 0)
			return cm_cli_usage_error(command, "--offset needs a number");
		return 0;
	default: p->count = 1; return 0;
	}
}

int cm_page_take(cm_page *p)
{
	size_t i = p->seen++;
	return !p->count && i >= p->offset && i - p->offset < p->limit;
}

int cm_page_full(const cm_page *p)
{
	return !p->count && p->seen >= p->offset && p->seen - p->offset >= p->limit;
}

void cm_page_finish(const cm_page *p)
{
	if (p->count)
		printf("%zu\n", p->seen);
}
