/* reader.h: what the format readers (HTML, XML, DOCX, PDF) share, private
 * to lib/: the result each one fills from a file's bytes, and a growable
 * text buffer that turns document structure into lines.
 *
 * Ownership: a cm_extracted owns its strings (cm_extracted_clear frees them);
 * a cm_textbuf owns its bytes until cm_textbuf_finish hands them over. */
#ifndef CM_READER_H
#define CM_READER_H

#include <stddef.h>

typedef struct {
	char *text;           /* UTF-8, NUL-terminated; NFC is applied later */
	size_t text_len;
	char *title;          /* from the format's metadata, or NULL */
	char *date;           /* ISO yyyy-mm-dd from the metadata, or NULL */
	const char *legacy_font; /* static: a TCVN3/VNI font seen (".VnTime"),
				    meaning the text's letters are that
				    encoding's bytes read as windows-1252 */
	size_t invalid;       /* invalid sequences replaced by U+FFFD */
} cm_extracted;

void cm_extracted_clear(cm_extracted *x);

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

/* The readers. Each fills *out from len bytes of data or returns
 * CM_EUNSUPPORTED / CM_ELIMIT with the reason (a hostile or damaged file),
 * CM_ENOMEM; on error *out is left cleared. */
int cm_read_html(cm_extracted *out, const char *data, size_t len);
int cm_read_xml(cm_extracted *out, const char *data, size_t len);
int cm_read_docx(cm_extracted *out, const char *data, size_t len);
int cm_read_pdf(cm_extracted *out, const char *data, size_t len);

#endif
