/* SPDX-License-Identifier: GPL-2.0-or-later */

/* serve.h: `chimuc serve`, the HTTP JSON API over the library's operations
 * (a second front-end beside the commands of query/), as a command of the
 * chimuc program's table. */
#ifndef CHIMUC_SERVE_H
#define CHIMUC_SERVE_H

#include "command.h"

/* Runs the server until SIGTERM or SIGINT: the exit status. */
int cm_cmd_serve(cm_cmd_ctx *ctx, int argc, char **argv);

#endif
