/* SPDX-License-Identifier: GPL-2.0-or-later */

/* reader.h: what the format readers (HTML, XML, DOCX, PDF) share, private
 * to lib/: the result each one fills from a file's bytes, and a growable
 * text buffer that turns document structure into lines.
 *
 * Ownership: a cm_extracted owns its strings (cm_extracted_clear frees them);
 * a cm_textbuf owns its bytes until cm_textbuf_finish hands them over. */
#ifndef CM_READER_H
#define CM_READER_H

#include <stddef.h>

#include <libxml/tree.h>

#include "chimuc/encoding.h"
#include "chimuc/source.h"

typedef struct {
	char *text; /* UTF-8, NUL-terminated; NFC is applied later */
	size_t text_len;
	char *title;             /* from the format's metadata, or NULL */
	char *date;              /* ISO yyyy-mm-dd from the metadata, or NULL */
	const char *legacy_font; /* static: a TCVN3/VNI font seen (".VnTime"),
				    meaning the text's letters are that
				    encoding's bytes read as windows-1252 */
	cm_encoding encoding;    /* of the bytes, where the reader decoded them */
	int encoding_uncertain;
	size_t invalid; /* invalid sequences replaced by U+FFFD */
	/* pages read by OCR, as cm_source's fields of the same names */
	unsigned ocr_pages, ocr_low_pages, ocr_lowest_page, ocr_repairs;
	int ocr_confidence, ocr_lowest_confidence;
} cm_extracted;

void cm_extracted_clear(cm_extracted *x);

/* Decodes len bytes of a file to UTF-8 (*out, NUL-terminated): the encoding
 * is detected from the bytes, with hint (a declared charset or a font name,
 * or CM_ENC_UNKNOWN) deciding close calls. UTF-8 and UTF-16 go through
 * cm_text_decode (UTF-8 kept byte for byte, so offsets are the file's); a
 * legacy encoding is converted to NFC. x->encoding, x->encoding_uncertain
 * and x->invalid say what was found. Errors: CM_ENOMEM. */
int cm_reader_decode(char **out, size_t *out_len, cm_extracted *x, const char *data, size_t len,
		     cm_encoding hint);

/* The encoding named by the first `charset=`/`encoding=` label or legacy
 * font name (".VnTime", "VNI-Times") in the first bytes of markup, or
 * CM_ENC_UNKNOWN. */
cm_encoding cm_reader_markup_hint(const char *data, size_t len);

/* Text being built. Appending never fails on its own: an allocation failure
 * is remembered and reported by cm_textbuf_finish. */
typedef struct {
	char *p;
	size_t len, cap;
	int failed;
} cm_textbuf;

/* Appends n bytes, each run of ASCII white space folded to one space, none
 * at the start of a line. */
void cm_textbuf_text(cm_textbuf *b, const char *s, size_t n);
/* Ends the current line (trailing space dropped); no empty lines pile up:
 * at most one blank line between paragraphs when blank is set. */
void cm_textbuf_break(cm_textbuf *b, int blank);
/* Adds a separator between cells of a table row: " | " unless at the start
 * of a line. */
void cm_textbuf_cell(cm_textbuf *b);
/* Hands the text over (NUL-terminated, ends with one newline unless empty)
 * and resets b. Errors: CM_ENOMEM if any append failed. */
int cm_textbuf_finish(char **out, size_t *out_len, cm_textbuf *b);
void cm_textbuf_free(cm_textbuf *b);

/* *out = the n bytes at s with white space folded and trimmed, a metadata
 * field such as a title; NULL when s is NULL or blank. Errors: CM_ENOMEM. */
int cm_reader_field(char **out, const char *s, size_t n);

/* Whether the n bytes of UTF-8 at s are a web site's furniture (a
 * "Phản hồi" or "Gửi cho bạn bè" label, a login prompt…) rather than a
 * directive's text. */
int cm_furniture_is(const char *s, size_t n);

/* Makes libxml2 refuse every external entity and DTD it would load (no file,
 * no network). Idempotent and thread-safe; the readers call it. */
void cm_reader_xml_init(void);

/* What an element of a page or an XML document is, for its text. */
typedef enum {
	CM_EL_INLINE,  /* its text runs on in the line */
	CM_EL_DROP,    /* it and all it holds are left out */
	CM_EL_BLOCK,   /* its text is a line (or lines) of its own */
	CM_EL_HEADING, /* a block set off by blank lines */
	CM_EL_LINE,    /* a line break */
	CM_EL_ROW,     /* a table row: one line */
	CM_EL_CELL,    /* a table cell: separated from the previous one */
	CM_EL_PRE      /* preformatted: its own line breaks kept */
} cm_element_kind;

/* Appends to b the text below root (a libxml2 node), each element treated
 * as kind_of says; with furniture set, a block holding only site furniture
 * (cm_furniture_is) is left out. Errors: CM_ENOMEM. */
int cm_markup_walk(cm_textbuf *b, xmlNode *root, cm_element_kind (*kind_of)(const xmlNode *n),
		   int furniture);

/* The readers. Each fills *out from len bytes of data or returns
 * CM_EUNSUPPORTED / CM_ELIMIT with the reason (a hostile or damaged file),
 * CM_ENOMEM; on error *out is left cleared. */
int cm_read_html(cm_extracted *out, const char *data, size_t len);
int cm_read_xml(cm_extracted *out, const char *data, size_t len);
int cm_read_docx(cm_extracted *out, const char *data, size_t len);
int cm_read_pdf(cm_extracted *out, const char *data, size_t len);
/* How the reason for a file refused ends when OCR read nothing on the
 * pages it was given. */
#define CM_OCR_NOTHING ", and OCR found no readable text"
/* How those reasons start for a PDF, a scanned image and a DOCX. */
#define CM_OCR_WHAT_PDF "no text layer (scanned?)"
#define CM_OCR_WHAT_IMAGE "a scanned image"
#define CM_OCR_WHAT_DOCX "no text but images"

struct cm_ocr_request;
/* The readers of the formats OCR may read, with the pages it reads chosen
 * by ocr (NULL: CM_OCR_AUTO, no progress): cm_read_pdf is that of a PDF;
 * an image (PNG, JPEG, TIFF of one or more pages) is read by OCR only, and
 * refused with CM_OCR_NEVER; a DOCX's images (word/media) are read after
 * its text when the body has less than CM_DOCX_OCR_TEXT_MIN letters or
 * digits (CM_OCR_AUTO) or always (CM_OCR_ALWAYS). CM_EMISSING when pages
 * needed OCR and none could be read for want of it, and for an image, a
 * DOCX of only images or a PDF without text with CM_OCR_NEVER (so that the
 * indexer reads it again on a run with OCR, not remembering it as failed). */
int cm_read_pdf_ocr(cm_extracted *out, const char *data, size_t len,
		    const struct cm_ocr_request *ocr);
int cm_read_image_ocr(cm_extracted *out, const char *data, size_t len,
		      const struct cm_ocr_request *ocr);
int cm_read_docx_ocr(cm_extracted *out, const char *data, size_t len,
		     const struct cm_ocr_request *ocr);

/* A DOCX body with fewer letters and digits than this is taken for a
 * scan pasted into Word: its images are read by OCR (CM_OCR_AUTO). */
#define CM_DOCX_OCR_TEXT_MIN 200

#endif
