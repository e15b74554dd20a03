/* SPDX-License-Identifier: GPL-2.0-or-later */

/* cli_index.c: the index of --db as a cm_index (see cli_index.h), with the
 * messages and exit codes of cm_cli_open. */
#include "cli_index.h"

#include <stdlib.h>

#include "chimuc/dbpath.h"
#include "chimuc/diag.h"
#include "chimuc/error.h"
#include "cli.h"

int cm_cli_open_index(cm_index **out, char **out_path, const char *db_option)
{
	char *path = NULL;
	int rc;

	*out = NULL;
	if (cm_dbpath_resolve(&path, db_option) < 0) {
		cm_diag(CM_PROGRAM, NULL, "%s", cm_error_last());
		return CM_EXIT_USAGE;
	}
	if ((rc = cm_index_open(out, path)) == CM_ENOTFOUND)
		cm_diag(CM_PROGRAM, path,
			"no index here (build one with chimuc-index --db %s PATH)", path);
	else if (rc < 0)
		cm_diag(CM_PROGRAM, path, "cannot open the index: %s", cm_error_last());
	if (rc < 0) {
		free(path);
		return CM_EXIT_FAIL;
	}
	*out_path = path;
	return -1;
}
