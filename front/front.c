/* SPDX-License-Identifier: GPL-2.0-or-later */

/* front.c: the usage errors of chimuc and chimuc-index (see front.h). */
#include "front.h"

#include <stdarg.h>
#include <stdio.h>

static void try_help(const char *program, const char *command)
{
	fprintf(stderr, "Try '%s%s%s --help'.\n", program, command ? " " : "",
		command ? command : "");
}

int cm_front_usage_verror(const char *program, const char *command, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", program);
	vfprintf(stderr, fmt, ap);
	putc('\n', stderr);
	try_help(program, command);
	return CM_EXIT_USAGE;
}

int cm_front_usage_error(const char *program, const char *command, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_front_usage_verror(program, command, fmt, ap);
	va_end(ap);
	return CM_EXIT_USAGE;
}

int cm_front_bad_option(const char *program, const char *command)
{
	try_help(program, command);
	return CM_EXIT_USAGE;
}
