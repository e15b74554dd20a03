/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cli_index.h: the index of --db opened as a cm_index (chimuc/index.h) for
 * the commands that call a library operation, with cm_cli_open's messages
 * and exit codes, until the front-end's command context hands them one.
 * Internal to the chimuc program. */
#ifndef CHIMUC_CLI_INDEX_H
#define CHIMUC_CLI_INDEX_H

#include "chimuc/index.h"

/* As cm_cli_open (cli.h), messages and all: -1 and *out (cm_index_free) with its path in
 * *out_path (free), or the CM_EXIT_* status after reporting the problem. */
int cm_cli_open_index(cm_index **out, char **out_path, const char *db_option);

#endif
