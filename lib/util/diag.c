/* SPDX-License-Identifier: GPL-2.0-or-later */

/* diag.c: formats one-line diagnostics with escaped paths. It does not decide
 * what is worth reporting. */
#include "chimuc/diag.h"

#include <stdarg.h>
#include <string.h>

#include <unicode/utf8.h>

void cm_diag_path(FILE *f, const char *path)
{
	int32_t len = (int32_t)strlen(path), i = 0;

	while (i < len) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT(path, i, len, c);
		if (c < 0) {
			for (int32_t k = start; k < i; k++)
				fprintf(f, "\\x%02X", (unsigned char)path[k]);
		} else if (c == '\n') {
			fputs("\\n", f);
		} else if (c < 0x20 || c == 0x7F) {
			fprintf(f, "\\x%02X", (unsigned)c);
		} else {
			fwrite(path + start, 1, (size_t)(i - start), f);
		}
	}
}

void cm_diag(const char *program, const char *path, const char *fmt, ...)
{
	va_list ap;

	flockfile(stderr); /* one whole line, whatever other threads print */
	fprintf(stderr, "%s: ", program);
	if (path) {
		cm_diag_path(stderr, path);
		fputs(": ", stderr);
	}
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}
