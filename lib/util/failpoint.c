/* SPDX-License-Identifier: GPL-2.0-or-later */

/* failpoint.c: the allocation wrappers of failpoint.h (sanitizer build
 * only). With CM_FAIL_ALLOC=N the Nth allocation of chimuc's C code returns
 * NULL (errno ENOMEM) and the others succeed; with CM_FAIL_ALLOC=count the
 * number of allocations is printed on standard error at exit; CM_FAIL_TRACE=1
 * prints the stack of the failed allocation. */
#include "util/failpoint.h"

#include <errno.h>
#include <sanitizer/common_interface_defs.h>
#include <stdatomic.h>
#include <stdio.h>

#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup

static atomic_long calls;
static long fail_at = -1; /* -1: not read yet; 0: never */

static void report(void)
{
	fprintf(stderr, "failpoint: %ld allocations\n", atomic_load(&calls));
}

static void read_setting(void)
{
	const char *s = getenv("CM_FAIL_ALLOC");

	fail_at = s ? atol(s) : 0;
	if (s && strcmp(s, "count") == 0)
		atexit(report);
}

/* 1 if this allocation must fail. */
static int failing(void)
{
	if (fail_at < 0)
		read_setting();
	if (atomic_fetch_add(&calls, 1) + 1 != fail_at || fail_at == 0)
		return 0;
	if (getenv("CM_FAIL_TRACE"))
		__sanitizer_print_stack_trace();
	errno = ENOMEM;
	return 1;
}

void *cm_fail_malloc(size_t n)
{
	return failing() ? NULL : malloc(n);
}

void *cm_fail_calloc(size_t n, size_t size)
{
	return failing() ? NULL : calloc(n, size);
}

void *cm_fail_realloc(void *p, size_t n)
{
	return failing() ? NULL : realloc(p, n);
}

char *cm_fail_strdup(const char *s)
{
	return failing() ? NULL : strdup(s);
}

char *cm_fail_strndup(const char *s, size_t n)
{
	return failing() ? NULL : strndup(s, n);
}
