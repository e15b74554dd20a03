/* SPDX-License-Identifier: GPL-2.0-or-later */

/* main.c: the chimuc tool: dispatches to its subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: chimuc COMMAND [OPTION]... [ARG]...\n"
	"Search an index of Vietnamese directive documents built by chimuc-index.\n"
	"\n"
	"Commands:\n"
	"  search QUERY...   ranked full-text search (see 'chimuc search --help')\n"
	"  stats             number of documents and size of the index\n"
	"  check             check the index: Xapian's check and every document whole\n"
	"  cited-by REF      documents citing REF (--type KH, --depth N)\n"
	"  cites DOC         what DOC cites, resolved to corpus documents\n"
	"  top-cited         the most cited documents\n"
	"  graph             the citation map (--format dot|graphml|json)\n"
	"  map DRAFT         check a draft's citations: status, reference, precedents\n"
	"  deadlines         deadlines and occasions by date (--on 15/10, --ics)\n"
	"  extract FILE...   citations and dates found in files (no index needed)\n"
	"\n"
	"Every command takes --db DIR (default: $CHIMUC_DB, else\n"
	"$XDG_DATA_HOME/chimuc/index, else ~/.local/share/chimuc/index), --json\n"
	"(JSON Lines on standard output) and --help.\n"
	"\n"
	"Exit status: 0 success; 1 failure; 2 usage error.\n";

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{"search", cm_cmd_search},       {"stats", cm_cmd_stats},       {"check", cm_cmd_check},
	{"deadlines", cm_cmd_deadlines}, {"cited-by", cm_cmd_cited_by}, {"cites", cm_cmd_cites},
	{"top-cited", cm_cmd_top_cited}, {"graph", cm_cmd_graph},       {"map", cm_cmd_map},
	{"extract", cm_cmd_extract},
};

int main(int argc, char **argv)
{
	if (argc < 2)
		return cm_cli_usage_error(NULL, "no command given");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage_text, stdout);
		return CM_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("chimuc %s\n", CM_VERSION);
		return CM_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	return cm_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
