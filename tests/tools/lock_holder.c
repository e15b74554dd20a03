/* SPDX-License-Identifier: GPL-2.0-or-later */

/* lock_holder.c: a test tool that holds the write lock of an index until its
 * standard input closes, so that tests can check what a second writer sees.
 * Usage: lock_holder DB (prints "locked" once it holds the lock). */
#include <stdio.h>

#include "chimuc/error.h"
#include "chimuc/xapian_c.h"

int main(int argc, char **argv)
{
	cm_xdb *db;

	if (argc != 2) {
		fputs("usage: lock_holder DB\n", stderr);
		return 2;
	}
	if (cm_xdb_open_writable(&db, argv[1], CM_XDB_CREATE_OR_OPEN) < 0) {
		fprintf(stderr, "lock_holder: %s\n", cm_error_last());
		return 1;
	}
	puts("locked");
	fflush(stdout);
	while (getchar() != EOF)
		;
	return cm_xdb_free(db) < 0;
}
