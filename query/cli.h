/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cli.h: what the subcommands of the chimuc tool share: the exit codes and
 * usage errors (front.h), count and colour options, reading a draft, and
 * JSON Lines output. Internal to the chimuc program. */
#ifndef CHIMUC_CLI_H
#define CHIMUC_CLI_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>

#include "chimuc/source.h"
#include "command.h"
#include "front.h"

#define CM_PROGRAM "chimuc"

/* Prints "chimuc: message" plus a hint at --help and returns CM_EXIT_USAGE. */
int cm_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Parses a count option (0..max) into *out; -1 on a bad value. */
int cm_cli_count(unsigned *out, const char *s, unsigned max);

/* Reads the file at path ("-": standard input) into *out, at most the
 * default size limit. Errors as cm_source_load's. */
int cm_cli_load(cm_source **out, const char *path);

/* When output gets terminal attributes (bold highlights): --color=WHEN. */
typedef enum { CM_COLOR_AUTO, CM_COLOR_ALWAYS, CM_COLOR_NEVER } cm_color_when;

/* Parses WHEN ("auto", "always", "never") into *out; -1 if it is none. */
int cm_cli_color_parse(cm_color_when *out, const char *when);

/* 1 if output to f gets terminal attributes: always; never; auto: when f
 * is a terminal and NO_COLOR is unset or empty (https://no-color.org). */
int cm_cli_color(cm_color_when when, FILE *f);

/* Writes o as one JSON line on standard output and releases it. */
void cm_cli_json_line(json_object *o);

/* A JSON string, or null for NULL. */
json_object *cm_cli_json_string(const char *s);

/* The day --today defaults to: $CHIMUC_TODAY when set and not empty, else
 * NULL (the current date). */
const char *cm_cli_today(void);

/* The option loop (cm_cmd_getopt) of a command whose only option of its own
 * is --today DATE, help its --help text: *today gets the last DATE given,
 * else cm_cli_today(). 0 (optind at the first argument), or -1 when the
 * command is to return ctx->exit at once. */
int cm_cli_today_getopt(const char **today, cm_cmd_ctx *ctx, int argc, char **argv,
			const char *help);

/* The subcommands, run by main.c's command table with the front-end's
 * context (command.h): argc/argv start at the subcommand's name. */
int cm_cmd_search(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_stats(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_extract(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_graph(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_map(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_check(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_cited_by(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_cites(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_top_cited(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_deadlines(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_status(cm_cmd_ctx *ctx, int argc, char **argv);
int cm_cmd_stale(cm_cmd_ctx *ctx, int argc, char **argv);

#endif
