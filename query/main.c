/* SPDX-License-Identifier: GPL-2.0-or-later */

/* main.c: the chimuc tool: dispatches to its subcommands from one table
 * (name, function, the common options it takes, its line in --help), as
 * git's git.c does. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "serve.h"

typedef struct {
	const char *name;
	int (*run)(cm_cmd_ctx *ctx, int argc, char **argv);
	unsigned flags;       /* cm_cmd_flags */
	const char *synopsis; /* the name and its arguments */
	const char *summary;
} command;

static const command commands[] = {
	{"search", cm_cmd_search, CM_CMD_INDEX | CM_CMD_JSON, "search QUERY...",
	 "ranked full-text search (see 'chimuc search --help')"},
	{"stats", cm_cmd_stats, CM_CMD_INDEX | CM_CMD_JSON, "stats",
	 "number of documents and size of the index"},
	{"check", cm_cmd_check, CM_CMD_INDEX, "check",
	 "check the index: Xapian's check and every document whole"},
	{"cited-by", cm_cmd_cited_by, CM_CMD_INDEX | CM_CMD_JSON, "cited-by REF",
	 "documents citing REF (--type KH, --depth N)"},
	{"cites", cm_cmd_cites, CM_CMD_INDEX | CM_CMD_JSON, "cites DOC",
	 "what DOC cites, resolved to corpus documents"},
	{"top-cited", cm_cmd_top_cited, CM_CMD_INDEX | CM_CMD_JSON, "top-cited",
	 "the most cited documents"},
	{"graph", cm_cmd_graph, CM_CMD_INDEX, "graph",
	 "the citation map (--format dot|graphml|json)"},
	{"map", cm_cmd_map, CM_CMD_INDEX | CM_CMD_JSON, "map DRAFT",
	 "check a draft's citations: status, reference, precedents"},
	{"status", cm_cmd_status, CM_CMD_INDEX | CM_CMD_JSON, "status REF...",
	 "in force, amended, replaced, repealed? (--today DATE)"},
	{"stale", cm_cmd_stale, CM_CMD_INDEX | CM_CMD_JSON, "stale",
	 "documents still cited after they were replaced or repealed"},
	{"deadlines", cm_cmd_deadlines, CM_CMD_INDEX | CM_CMD_JSON, "deadlines",
	 "deadlines and occasions by date (--on 15/10, --ics)"},
	{"serve", cm_cmd_serve, CM_CMD_INDEX, "serve",
	 "the JSON API over HTTP (--listen ADDR:PORT, --threads N)"},
	{"extract", cm_cmd_extract, CM_CMD_JSON, "extract FILE...",
	 "citations and dates found in files (no index needed)"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(void)
{
	fputs("Usage: chimuc COMMAND [OPTION]... [ARG]...\n"
	      "Search an index of Vietnamese directive documents built by chimuc-index.\n"
	      "\n"
	      "Commands:\n",
	      stdout);
	for (size_t i = 0; i < N_COMMANDS; i++)
		printf("  %-18s%s\n", commands[i].synopsis, commands[i].summary);
	fputs("\n"
	      "Every command takes --db DIR (default: $CHIMUC_DB, else\n"
	      "$XDG_DATA_HOME/chimuc/index, else ~/.local/share/chimuc/index), --json\n"
	      "(JSON Lines on standard output) and --help.\n"
	      "\n"
	      "Exit status: 0 success; 1 failure; 2 usage error.\n",
	      stdout);
}

/* Runs a command with the front-end's context: getopt's messages name the
 * program (argv[0]), the index opened by the command is freed here. */
static int run(const command *cmd, int argc, char **argv)
{
	static char program[] = CM_PROGRAM;
	cm_cmd_ctx ctx = {.name = cmd->name, .flags = cmd->flags};
	int status;

	argv[0] = program;
	status = cmd->run(&ctx, argc, argv);
	cm_cmd_release(&ctx);
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cm_cli_usage_error(NULL, "no command given");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage();
		return CM_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("chimuc %s\n", CM_VERSION);
		return CM_EXIT_OK;
	}
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!strcmp(argv[1], commands[i].name))
			return run(&commands[i], argc - 1, argv + 1);
	return cm_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
