/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/source.h: reading one source file into decoded text, with its
 * format (plain text, HTML, XML, DOCX, PDF) and its encoding (UTF-8,
 * UTF-16, Windows-1258, TCVN3, VNI) told from its content, not its name.
 *
 * Ownership: a cm_source is the caller's (cm_source_free); its strings are
 * borrowed from it. */
#ifndef CHIMUC_SOURCE_H
#define CHIMUC_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CM_SOURCE_MAX_DEFAULT (64u << 20) /* default --max-size: 64 MiB */

typedef struct {
	char *text; /* decoded UTF-8, NUL-terminated */
	size_t text_len;
	size_t invalid;         /* invalid sequences replaced by U+FFFD */
	const char *format;     /* "text", "html", "xml", "docx", "pdf" (static) */
	const char *encoding;   /* of the bytes or of legacy-font text (static),
				 NULL where the format fixes it (DOCX, PDF) */
	int encoding_uncertain; /* the encoding is a guess on weak evidence */
	char *title;            /* from the format's metadata, or NULL */
	char *date;             /* ISO date from the format's metadata, or NULL */
	uint64_t size;          /* bytes read */
	uint64_t hash;          /* cm_hash64 of the bytes */
	struct timespec mtime;  /* modification time and size of the open file */
	uint64_t stat_size;     /* before reading it (0 for bytes in memory) */
} cm_source;

/* Reads the regular file at path (never blocking on a FIFO or device, never
 * following a final symbolic link unless follow is set) and extracts its
 * text with the reader of its format.
 * Errors: CM_ENOTFOUND (gone), CM_EIO (unreadable, with the reason),
 * CM_ELIMIT (larger than max_size bytes), CM_EUNSUPPORTED (not a regular
 * file, empty, only white space, binary, a format we do not read, a
 * damaged or hostile file; the message is the reason), CM_ELIMIT (also a
 * zip bomb), CM_ENOMEM. */
int cm_source_load(cm_source **out, const char *path, uint64_t max_size, int follow);

/* Extracts bytes already in memory the same way (for standard input). */
int cm_source_from_bytes(cm_source **out, const char *data, size_t len);

void cm_source_free(cm_source *src);

#ifdef __cplusplus
}
#endif

#endif
