/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/error.h: error codes and the per-thread last-error message.
 *
 * Every chimuc function that can fail returns 0 on success or one of the
 * negative CM_E* codes below, and leaves a message for the calling thread.
 * The message returned by cm_error_last() is borrowed: it stays valid until
 * the next chimuc call on the same thread. */
#ifndef CHIMUC_ERROR_H
#define CHIMUC_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CM_OK = 0,
	CM_ERROR = -1,         /* anything not listed below */
	CM_ENOMEM = -2,        /* out of memory */
	CM_EINVAL = -3,        /* invalid argument or operation */
	CM_ENOTFOUND = -4,     /* no such database, document, term or file */
	CM_ELOCKED = -5,       /* the index is locked by another writer */
	CM_EMODIFIED = -6,     /* the index changed under a reader: reopen and retry */
	CM_ECORRUPT = -7,      /* the index is damaged */
	CM_EPARSE = -8,        /* a query or document could not be parsed */
	CM_EIO = -9,           /* a read or write failed */
	CM_ELIMIT = -10,       /* an input exceeds a documented limit */
	CM_EUNSUPPORTED = -11, /* not a document we can read: binary, empty… */
	CM_EMISSING = -12      /* a shared library this needs is not installed
				* (the environment's failure, not the input's) */
} cm_errcode;

/* The message of the last error on this thread, or "" if none. */
const char *cm_error_last(void);

/* The last error code on this thread, or CM_OK. */
int cm_error_code(void);

/* A short constant name for a code, e.g. "locked". */
const char *cm_error_name(int code);

/* Records code and a printf-style message for this thread; returns code,
 * so that callers can write `return cm_error_set(CM_EINVAL, "...")`. */
int cm_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Records CM_ENOMEM with the message "out of memory" and returns it:
 * `return cm_error_nomem();` at every failed allocation. */
int cm_error_nomem(void);

/* Records CM_EINVAL with "op: options of version got, not want" and
 * returns it: an operation given an options struct of another version. */
int cm_error_version(const char *op, unsigned got, unsigned want);

/* Forgets the last error of this thread. */
void cm_error_clear(void);

#ifdef __cplusplus
}
#endif

#endif
