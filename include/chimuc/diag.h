/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/diag.h: one-line diagnostics on standard error, in the form
 * "PROGRAM: PATH: MESSAGE". Control characters and invalid UTF-8 in PATH are
 * written escaped (\n, \xHH), so that every diagnostic stays one line. */
#ifndef CHIMUC_DIAG_H
#define CHIMUC_DIAG_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes path to f with control characters and invalid UTF-8 escaped. */
void cm_diag_path(FILE *f, const char *path);

/* "program: path: message" (path may be NULL: "program: message"). */
void cm_diag(const char *program, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

#ifdef __cplusplus
}
#endif

#endif
