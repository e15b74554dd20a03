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

/* When a PDF page, a scanned image (PNG, JPEG, TIFF) or the images of a
 * DOCX are read by OCR (Tesseract, vie+eng; a PDF page at 300 dpi). */
typedef enum {
	CM_OCR_AUTO,  /* pages without a text layer, scanned images, the
			 images of a DOCX with almost no text (the default) */
	CM_OCR_NEVER, /* none: a scan is skipped */
	CM_OCR_ALWAYS /* every page, its text layer ignored; a DOCX's images */
} cm_ocr_mode;

/* A page read by OCR with a mean word confidence (0-100) under this is
 * indexed with a warning; one under CM_OCR_UNREADABLE holds no readable
 * text and is left out. */
#define CM_OCR_LOW_CONFIDENCE 75
#define CM_OCR_UNREADABLE 30

typedef struct {
	char *text; /* decoded UTF-8, NUL-terminated */
	size_t text_len;
	size_t invalid;         /* invalid sequences replaced by U+FFFD */
	const char *format;     /* "text", "html", "xml", "docx", "pdf", "png",
				   "jpeg", "tiff" (static) */
	const char *encoding;   /* of the bytes or of legacy-font text (static),
				 NULL where the format fixes it (DOCX, PDF) */
	int encoding_uncertain; /* the encoding is a guess on weak evidence */
	char *title;            /* from the format's metadata, or NULL */
	char *date;             /* ISO date from the format's metadata, or NULL */
	uint64_t size;          /* bytes read */
	uint64_t hash;          /* cm_hash64 of the bytes */
	struct timespec mtime;  /* modification time and size of the open file */
	uint64_t stat_size;     /* before reading it (0 for bytes in memory) */
	/* OCR: pages read by it (0: none), their mean confidence (0-100), those
	 * under CM_OCR_LOW_CONFIDENCE and the lowest of them (1-based, and its
	 * confidence); ocr_repairs: OCR confusions repaired in citations;
	 * ocr_cached: the text came from the OCR cache. */
	unsigned ocr_pages, ocr_low_pages, ocr_lowest_page, ocr_repairs;
	int ocr_confidence, ocr_lowest_confidence;
	int ocr_cached;
} cm_source;

/* Told as OCR starts on page (1-based) of the pages of a file (a PDF's
 * pages, a TIFF's, a DOCX's images), from the thread reading it. */
typedef void (*cm_source_ocr_page_fn)(unsigned page, unsigned pages, void *data);

#define CM_SOURCE_OPTIONS_VERSION 2

typedef struct {
	unsigned version;                  /* CM_SOURCE_OPTIONS_VERSION */
	uint64_t max_size;                 /* larger files are refused */
	int follow;                        /* follow a final symbolic link */
	cm_ocr_mode ocr;                   /* which PDF pages OCR reads */
	const char *ocr_cache;             /* folder of OCR text by content hash, created
				  when needed; NULL: none */
	cm_source_ocr_page_fn on_ocr_page; /* NULL: none */
	void *ocr_page_data;               /* handed to on_ocr_page */
} cm_source_options;

#define CM_SOURCE_OPTIONS_INIT                                                                     \
	{                                                                                          \
		CM_SOURCE_OPTIONS_VERSION, CM_SOURCE_MAX_DEFAULT, 0, CM_OCR_AUTO, NULL, NULL, NULL \
	}

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

/* cm_source_load with options (NULL: CM_SOURCE_OPTIONS_INIT): the text of a
 * PDF that needed OCR is taken from opts->ocr_cache when the same bytes were
 * read before with the same mode, and kept there otherwise (a cache that
 * cannot be written is only not used). Errors: cm_source_load's, CM_EINVAL
 * (an unknown opts->version), CM_EMISSING (a scan, and OCR not installed;
 * a scanned image or a DOCX of only images with CM_OCR_NEVER). */
int cm_source_load_with(cm_source **out, const char *path, const cm_source_options *opts);

void cm_source_free(cm_source *src);

#ifdef __cplusplus
}
#endif

#endif
