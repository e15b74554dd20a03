/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_problems.h: the names of the map's statuses, problems and fields, and
 * the messages of the problems (chimuc/map.h), with the formatting they
 * share with the map operation. Internal to the map operation. */
#ifndef CHIMUC_MAP_PROBLEMS_H
#define CHIMUC_MAP_PROBLEMS_H

#include <stdarg.h>

/* *out: the printf of fmt, malloc'd (the caller's). Errors: CM_ENOMEM. */
int cm_map_printf(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cm_map_vprintf(char **out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
