/* SPDX-License-Identifier: GPL-2.0-or-later */

/* source.c: reads a file safely (O_NONBLOCK, O_NOFOLLOW, fstat checks, size
 * limit), tells its format from its first bytes (magic numbers, then markup)
 * and hands it to that format's reader; plain text is decoded from its
 * encoding. It does not walk folders or index anything. */
#include "chimuc/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/hash.h"
#include "chimuc/text.h"
#include "read/ocr_cache.h"
#include "read/ocr_pages.h"
#include "read/reader.h"

typedef int (*reader_fn)(cm_extracted *out, const char *data, size_t len);
typedef int (*ocr_reader_fn)(cm_extracted *out, const char *data, size_t len,
			     const cm_ocr_request *ocr);

/* Formats told by their first bytes: the format's name for the index and
 * its reader (those OCR may read: how their reason starts when it read
 * nothing), or the reason for refusing those with no reader. */
typedef struct {
	const char *magic;
	size_t len;
	const char *name;
	ocr_reader_fn read;
	const char *ocr_what;
} signature;

static const signature signatures[] = {
	/* clang-format off */
	{"%PDF-", 5, "pdf", cm_read_pdf_ocr, CM_OCR_WHAT_PDF},
	{"PK\x03\x04", 4, "docx", cm_read_docx_ocr, CM_OCR_WHAT_DOCX},
	{"\x89PNG\r\n\x1a\n", 8, "png", cm_read_image_ocr, CM_OCR_WHAT_IMAGE},
	{"\xff\xd8\xff", 3, "jpeg", cm_read_image_ocr, CM_OCR_WHAT_IMAGE},
	{"II*\0", 4, "tiff", cm_read_image_ocr, CM_OCR_WHAT_IMAGE},
	{"MM\0*", 4, "tiff", cm_read_image_ocr, CM_OCR_WHAT_IMAGE},
	{"\xd0\xcf\x11\xe0", 4, "OLE2 (DOC, XLS…)", NULL, NULL},
	{"\x7f" "ELF", 4, "ELF executable", NULL, NULL},
	{"\x1f\x8b", 2, "gzip", NULL, NULL},
	/* clang-format on */
};

/* The signature the bytes open with, or NULL. */
static const signature *signature_of(const char *data, size_t len)
{
	for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++)
		if (len >= signatures[i].len &&
		    !memcmp(data, signatures[i].magic, signatures[i].len))
			return &signatures[i];
	return NULL;
}

/* How far into a file markup is looked for. */
#define SNIFF_WINDOW 4096

static int has_utf16_bom(const char *p, size_t n)
{
	return n >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
			  ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF));
}

static int starts_with(const char *p, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncasecmp(p, prefix, k) == 0;
}

static int window_has(const char *p, size_t n, const char *what)
{
	size_t k = strlen(what);

	for (size_t i = 0; i + k <= n && i < SNIFF_WINDOW; i++)
		if (strncasecmp(p + i, what, k) == 0)
			return 1;
	return 0;
}

/* The markup reader for bytes that open (after a UTF-8 BOM and white space)
 * as an HTML page or an XML document, or NULL for plain text. */
static reader_fn sniff_markup(const char *p, size_t n, const char **format)
{
	static const char *const html_starts[] = {"<!doctype html", "<html", "<head", "<body"};

	if (starts_with(p, n, "\xef\xbb\xbf")) {
		p += 3;
		n -= 3;
	}
	while (n > 0 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
		p++;
		n--;
	}
	if (n == 0 || *p != '<')
		return NULL;
	for (size_t i = 0; i < sizeof html_starts / sizeof html_starts[0]; i++)
		if (starts_with(p, n, html_starts[i]))
			goto html;
	if (window_has(p, n, "<html"))
		goto html;
	if (starts_with(p, n, "<?xml") || window_has(p, n, "<directive") ||
	    window_has(p, n, "<akomaNtoso")) {
		*format = "xml";
		return cm_read_xml;
	}
	return NULL;
html:
	*format = "html";
	return cm_read_html;
}

/* The text of the bytes, by the reader their content calls for (those of
 * the formats OCR may read with the request ocr). */
static int extract(cm_extracted *x, const char **format, const char *data, size_t len,
		   const cm_ocr_request *ocr)
{
	const signature *sig = signature_of(data, len);
	reader_fn read;

	if (sig) {
		if (!sig->read)
			return cm_error_set(CM_EUNSUPPORTED, "unsupported format: %s", sig->name);
		*format = sig->name;
		return sig->read(x, data, len, ocr);
	}
	if (!has_utf16_bom(data, len) && memchr(data, '\0', len))
		return cm_error_set(CM_EUNSUPPORTED, "binary file (contains NUL bytes)");
	if ((read = sniff_markup(data, len, format)) != NULL)
		return read(x, data, len);
	*format = "text";
	return cm_reader_decode(&x->text, &x->text_len, x, data, len, CM_ENC_UNKNOWN);
}

/* Text a format kept in a legacy font's letters, converted. */
static int recode_legacy_font(cm_extracted *x)
{
	cm_encoding enc = cm_encoding_from_label(x->legacy_font, strlen(x->legacy_font));
	char *text;
	size_t n, invalid = 0;
	int rc;

	if ((rc = cm_encoding_recode_cp1252(&text, &n, &invalid, enc, x->text, x->text_len)) < 0)
		return rc;
	free(x->text);
	x->text = text;
	x->text_len = n;
	x->invalid += invalid;
	x->encoding = enc;
	return 0;
}

static int only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
			return 0;
	}
	return 1;
}

/* Whether the reason of a file refused is that OCR read nothing in it. */
static int read_nothing(int rc)
{
	const char *why = cm_error_last();
	size_t n = strlen(why), k = strlen(CM_OCR_NOTHING);

	return rc == CM_EUNSUPPORTED && n >= k && strcmp(why + n - k, CM_OCR_NOTHING) == 0;
}

/* extract(), the text of a file that needed OCR taken from the OCR cache
 * (*cached set) or kept there; so is a scan OCR read nothing in. */
static int extract_cached(cm_extracted *x, const char **format, int *cached, const char *data,
			  size_t len, const cm_source_options *opts)
{
	const signature *sig = signature_of(data, len);
	cm_ocr_request req = {opts->ocr, opts->on_ocr_page, opts->ocr_page_data};
	uint64_t hash;
	int rc;

	*cached = 0;
	if (!opts->ocr_cache || !sig || !sig->ocr_what || opts->ocr == CM_OCR_NEVER)
		return extract(x, format, data, len, &req);
	hash = cm_hash64(data, len);
	if ((rc = cm_ocr_cache_get(x, opts->ocr_cache, hash, len, opts->ocr)) != 0) {
		if (rc < 0)
			return rc;
		*format = sig->name;
		*cached = 1;
		if (x->ocr_pages == 0)
			return cm_error_set(CM_EUNSUPPORTED, "%s" CM_OCR_NOTHING, sig->ocr_what);
		return 0;
	}
	rc = extract(x, format, data, len, &req);
	if (rc == 0 && x->ocr_pages > 0) {
		cm_ocr_cache_put(opts->ocr_cache, hash, len, opts->ocr, x);
	} else if (read_nothing(rc)) {
		cm_extracted nothing = {0};
		cm_ocr_cache_put(opts->ocr_cache, hash, len, opts->ocr, &nothing);
	}
	return rc;
}

static int from_bytes(cm_source **out, const char *data, size_t len, const cm_source_options *opts)
{
	cm_source *src;
	cm_extracted x = {0};
	const char *format = "text";
	int rc, cached;

	if (len == 0)
		return cm_error_set(CM_EUNSUPPORTED, "empty file");
	if ((rc = extract_cached(&x, &format, &cached, data, len, opts)) < 0)
		return rc;
	if (x.legacy_font && (rc = recode_legacy_font(&x)) < 0)
		goto cleanup;
	if (only_space(x.text, x.text_len)) {
		rc = cm_error_set(CM_EUNSUPPORTED, "empty file (only white space)");
		goto cleanup;
	}
	if (!(src = calloc(1, sizeof *src))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	*src = (cm_source){.text = x.text,
			   .text_len = x.text_len,
			   .invalid = x.invalid,
			   .format = format,
			   .encoding = x.encoding ? cm_encoding_name(x.encoding) : NULL,
			   .encoding_uncertain = x.encoding_uncertain,
			   .title = x.title,
			   .date = x.date,
			   .size = len,
			   .hash = cm_hash64(data, len),
			   .ocr_pages = x.ocr_pages,
			   .ocr_low_pages = x.ocr_low_pages,
			   .ocr_repairs = x.ocr_repairs,
			   .ocr_lowest_page = x.ocr_lowest_page,
			   .ocr_confidence = x.ocr_confidence,
			   .ocr_lowest_confidence = x.ocr_lowest_confidence,
			   .ocr_cached = cached};
	memset(&x, 0, sizeof x);
	*out = src;
cleanup:
	cm_extracted_clear(&x);
	return rc;
}

int cm_source_from_bytes(cm_source **out, const char *data, size_t len)
{
	cm_source_options opts = CM_SOURCE_OPTIONS_INIT;

	return from_bytes(out, data, len, &opts);
}

/* Reads fd to its end into *out; expect is the size fstat gave, so that a
 * file that keeps its size is read into one buffer of that size. */
static int read_all(char **out, size_t *out_len, int fd, uint64_t max_size, uint64_t expect)
{
	size_t cap = expect > 0 && expect < max_size ? (size_t)expect + 1 : 65536, len = 0;
	char *buf = malloc(cap);

	if (!buf)
		return cm_error_nomem();
	for (;;) {
		ssize_t n;
		if (len == cap) {
			char *nb;
			if (cap > max_size) {
				free(buf);
				return cm_error_set(CM_ELIMIT,
						    "larger than the size limit (%llu bytes)",
						    (unsigned long long)max_size);
			}
			nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return cm_error_nomem();
			}
			buf = nb;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			free(buf);
			return cm_error_set(CM_EIO, "read failed: %s", strerror(e));
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max_size) {
		free(buf);
		return cm_error_set(CM_ELIMIT, "larger than the size limit (%llu bytes)",
				    (unsigned long long)max_size);
	}
	*out = buf;
	*out_len = len;
	return 0;
}

int cm_source_load(cm_source **out, const char *path, uint64_t max_size, int follow)
{
	cm_source_options opts = CM_SOURCE_OPTIONS_INIT;

	opts.max_size = max_size;
	opts.follow = follow;
	return cm_source_load_with(out, path, &opts);
}

int cm_source_load_with(cm_source **out, const char *path, const cm_source_options *opts)
{
	static const cm_source_options defaults = CM_SOURCE_OPTIONS_INIT;
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	uint64_t max_size;
	int fd, rc, follow;

	if (!opts)
		opts = &defaults;
	if (opts->version != CM_SOURCE_OPTIONS_VERSION)
		return cm_error_version("cm_source_load_with", opts->version,
					CM_SOURCE_OPTIONS_VERSION);
	max_size = opts->max_size;
	follow = opts->follow;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW));
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT)
			return cm_error_set(CM_ENOTFOUND, "no such file");
		if (e == ELOOP)
			return cm_error_set(CM_EUNSUPPORTED, "symbolic link (not followed)");
		return cm_error_set(CM_EIO, "cannot open: %s", strerror(e));
	}
	if (fstat(fd, &st) < 0) {
		rc = cm_error_set(CM_EIO, "cannot stat: %s", strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = cm_error_set(CM_EUNSUPPORTED, "not a regular file");
		goto cleanup;
	}
	if ((uint64_t)st.st_size > max_size) {
		rc = cm_error_set(CM_ELIMIT, "larger than the size limit (%llu bytes)",
				  (unsigned long long)max_size);
		goto cleanup;
	}
	if ((rc = read_all(&data, &len, fd, max_size, (uint64_t)st.st_size)) < 0)
		goto cleanup;
	if ((rc = from_bytes(out, data, len, opts)) == 0) {
		(*out)->mtime = st.st_mtim;
		(*out)->stat_size = (uint64_t)st.st_size;
	}
cleanup:
	free(data);
	close(fd);
	return rc;
}

void cm_source_free(cm_source *src)
{
	if (!src)
		return;
	free(src->text);
	free(src->title);
	free(src->date);
	free(src);
}
