/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cli_index.c: the index of --db as a cm_index (see cli_index.h). */
#include "cli_index.h"

#include <stdlib.h>

#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"

int cm_cli_open_index(cm_index **out, char **out_path, const char *db_option)
{
	cm_xdb *db = NULL;
	int status = cm_cli_open(&db, out_path, db_option);

	*out = NULL;
	if (status >= 0)
		return status;
	cm_xdb_free(db);
	if (cm_index_open(out, *out_path) < 0) {
		cm_diag(CM_PROGRAM, *out_path, "%s", cm_error_last());
		free(*out_path);
		*out_path = NULL;
		return CM_EXIT_FAIL;
	}
	return -1;
}
