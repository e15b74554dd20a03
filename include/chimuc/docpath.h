/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/docpath.h: the identity of a document's file: its canonical
 * absolute path, whatever the spelling on the command line ("corpus/",
 * "./corpus", "/abs/corpus", "a/../corpus//x.txt" are one file).
 *
 * Ownership: *out is the caller's (free). */
#ifndef CHIMUC_DOCPATH_H
#define CHIMUC_DOCPATH_H

#ifdef __cplusplus
extern "C" {
#endif

/* The canonical absolute path of path: the folder part resolved (realpath:
 * symbolic links, ".", ".." and repeated slashes gone), then the last
 * component as it is named, so that a symbolic link stays the link; with
 * follow, a last component that is a symbolic link is resolved too. A last
 * component "." or ".." is resolved. Trailing slashes are dropped.
 * Errors: CM_ENOTFOUND (the folder part does not exist), CM_EIO (another
 * reason, from errno), CM_ENOMEM; the message is strerror's. */
int cm_docpath_canonical(char **out, const char *path, int follow);

#ifdef __cplusplus
}
#endif

#endif
