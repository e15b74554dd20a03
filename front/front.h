/* SPDX-License-Identifier: GPL-2.0-or-later */

/* front.h: what the two programs, chimuc and chimuc-index, share: the exit
 * codes and the usage-error messages. Not part of libchimuc (which never
 * prints nor exits): a static library linked by the programs only. */
#ifndef CHIMUC_FRONT_H
#define CHIMUC_FRONT_H

#include <stdarg.h>

/* The exit codes of both programs. */
typedef enum {
	CM_EXIT_OK = 0,
	CM_EXIT_FAIL = 1,
	CM_EXIT_USAGE = 2,
	CM_EXIT_LOCKED = 75
} cm_exit_code;

/* Prints "program: message" and the line "Try 'program[ command] --help'."
 * on standard error; returns CM_EXIT_USAGE. command may be NULL. */
int cm_front_usage_error(const char *program, const char *command, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* The same with a va_list. */
int cm_front_usage_verror(const char *program, const char *command, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 0)))
#endif
	;

/* After getopt_long has reported a bad option ("program: unrecognized
 * option '--x'", getopt's own line: argv[0] must be the program's name),
 * prints only the "Try …" line; returns CM_EXIT_USAGE. */
int cm_front_bad_option(const char *program, const char *command);

#endif
