/* SPDX-License-Identifier: GPL-2.0-or-later */

/* error.c: the per-thread last error (code and message) behind cm_error_*.
 * It formats into a fixed thread-local buffer, so recording an error never
 * allocates and never fails; over-long messages are truncated. */
#include "chimuc/error.h"

#include <stdarg.h>
#include <stdio.h>

#define CM_ERROR_MSG_MAX 1024

static _Thread_local char last_message[CM_ERROR_MSG_MAX];
static _Thread_local int last_code;

const char *cm_error_last(void)
{
	return last_message;
}

int cm_error_code(void)
{
	return last_code;
}

const char *cm_error_name(int code)
{
	switch (code) {
	case CM_OK: return "ok";
	case CM_ENOMEM: return "out of memory";
	case CM_EINVAL: return "invalid";
	case CM_ENOTFOUND: return "not found";
	case CM_ELOCKED: return "locked";
	case CM_EMODIFIED: return "modified";
	case CM_ECORRUPT: return "corrupt";
	case CM_EPARSE: return "parse";
	case CM_EIO: return "i/o";
	case CM_ELIMIT: return "limit";
	case CM_EUNSUPPORTED: return "unsupported";
	case CM_EMISSING: return "missing library";
	default: return "error";
	}
}

int cm_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof last_message, fmt, ap);
	va_end(ap);
	last_code = code;
	return code;
}

int cm_error_nomem(void)
{
	return cm_error_set(CM_ENOMEM, "out of memory");
}

int cm_error_version(const char *op, unsigned got, unsigned want)
{
	return cm_error_set(CM_EINVAL, "%s: options of version %u, not %u", op, got, want);
}

void cm_error_clear(void)
{
	last_message[0] = '\0';
	last_code = CM_OK;
}
