/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cli.c: helpers shared by the chimuc subcommands (see cli.h). */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chimuc/dbpath.h"
#include "chimuc/diag.h"
#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/source.h"
#include "chimuc/text.h"

int cm_cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_front_usage_verror(CM_PROGRAM, command, fmt, ap);
	va_end(ap);
	return CM_EXIT_USAGE;
}

int cm_cli_count(unsigned *out, const char *s, unsigned max)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (end == s || *end || v > max || s[0] == '-')
		return -1;
	*out = (unsigned)v;
	return 0;
}

int cm_cli_color_parse(cm_color_when *out, const char *when)
{
	static const char *const names[] = {"auto", "always", "never"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(when, names[i])) {
			*out = (cm_color_when)i;
			return 0;
		}
	return -1;
}

int cm_cli_color(cm_color_when when, FILE *f)
{
	const char *no_color = getenv("NO_COLOR");

	if (when != CM_COLOR_AUTO)
		return when == CM_COLOR_ALWAYS;
	return isatty(fileno(f)) && !(no_color && *no_color);
}

void cm_cli_json_line(json_object *o)
{
	size_t n;
	const char *s = json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);

	fwrite(s, 1, n, stdout);
	putchar('\n');
	json_object_put(o);
}

json_object *cm_cli_json_string(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* Reads a file, or standard input for "-", as a source. */
int cm_cli_load(cm_source **out, const char *path)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc;

	if (strcmp(path, "-"))
		return cm_source_load(out, path, CM_SOURCE_MAX_DEFAULT, 1);
	for (;;) {
		size_t n;
		if (len == cap) {
			char *nb;
			if (cap >= CM_SOURCE_MAX_DEFAULT) {
				free(buf);
				return cm_error_set(CM_ELIMIT, "larger than the size limit");
			}
			if (!(nb = realloc(buf, cap = cap ? 2 * cap : 65536))) {
				free(buf);
				return cm_error_nomem();
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, stdin)) == 0)
			break;
		len += n;
	}
	rc = cm_source_from_bytes(out, buf, len);
	free(buf);
	return rc;
}

const char *cm_cli_today(void)
{
	const char *env = getenv("CHIMUC_TODAY");
	return env && *env ? env : NULL;
}

int cm_cli_today_getopt(const char **today, cm_cmd_ctx *ctx, int argc, char **argv,
			const char *help)
{
	static const struct option longopts[] = {{"today", required_argument, NULL, 't'},
						 {NULL, 0, NULL, 0}};
	const cm_cmd_options opts = {"", longopts, help};
	int c;

	*today = cm_cli_today();
	while ((c = cm_cmd_getopt(ctx, argc, argv, &opts)) > 0)
		if (c == 't')
			*today = optarg;
	return c;
}
