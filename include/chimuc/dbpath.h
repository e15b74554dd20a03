/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/dbpath.h: where the index lives when no --db is given.
 *
 * Order: the --db option, then $CHIMUC_DB, then $XDG_DATA_HOME/chimuc/index,
 * then $HOME/.local/share/chimuc/index. Ownership: *out is the caller's
 * (free()). */
#ifndef CHIMUC_DBPATH_H
#define CHIMUC_DBPATH_H

#ifdef __cplusplus
extern "C" {
#endif

/* The index path for an optional --db value (NULL if not given).
 * Errors: CM_EINVAL (no --db, no $CHIMUC_DB and no $HOME), CM_ENOMEM. */
int cm_dbpath_resolve(char **out, const char *option);

/* Creates the folders above path that are missing (like mkdir -p of its
 * parent). Errors: CM_EIO with the reason. */
int cm_dbpath_make_parents(const char *path);

#ifdef __cplusplus
}
#endif

#endif
