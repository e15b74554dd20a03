/* SPDX-License-Identifier: GPL-2.0-or-later */

/* failpoint.h: force-included (-include) into chimuc's own C code in the
 * sanitizer build only (CM_FAILPOINTS): routes its allocations through
 * lib/failpoint.c so that a test can make exactly the Nth one fail with
 * CM_FAIL_ALLOC=N (CM_FAIL_ALLOC=count prints how many there were at exit).
 * Allocations inside Xapian, ICU, json-c and libxml2 are not counted. */
#ifndef CHIMUC_FAILPOINT_H
#define CHIMUC_FAILPOINT_H

#include <stdlib.h>
#include <string.h>

void *cm_fail_malloc(size_t n);
void *cm_fail_calloc(size_t n, size_t size);
void *cm_fail_realloc(void *p, size_t n);
char *cm_fail_strdup(const char *s);
char *cm_fail_strndup(const char *s, size_t n);

#undef strdup
#undef strndup
#define malloc(n) cm_fail_malloc(n)
#define calloc(n, size) cm_fail_calloc(n, size)
#define realloc(p, n) cm_fail_realloc(p, n)
#define strdup(s) cm_fail_strdup(s)
#define strndup(s, n) cm_fail_strndup(s, n)

#endif
