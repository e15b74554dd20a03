/* source.c: reads a file safely (O_NONBLOCK, O_NOFOLLOW, fstat checks, size
 * limit), tells its format from its first bytes and decodes text to UTF-8.
 * It does not walk folders or index anything. */
#include "chimuc/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/document.h"
#include "chimuc/error.h"
#include "chimuc/text.h"

/* Signatures of binary formats we recognize but do not read yet. */
static const struct {
	const char *magic;
	size_t len;
	const char *name;
} binary_formats[] = {
	{"%PDF-", 5, "PDF"},
	{"PK\x03\x04", 4, "ZIP (DOCX, ODT…)"},
	{"\xd0\xcf\x11\xe0", 4, "OLE2 (DOC, XLS…)"},
	{"\x89PNG", 4, "PNG image"},
	{"\xff\xd8\xff", 3, "JPEG image"},
	{"\x7f" "ELF", 4, "ELF executable"},
	{"\x1f\x8b", 2, "gzip"},
};

static int has_utf16_bom(const char *p, size_t n)
{
	return n >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
			  ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF));
}

/* CM_EUNSUPPORTED with the reason when the bytes are no text we read. */
static int classify(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof binary_formats / sizeof binary_formats[0]; i++)
		if (n >= binary_formats[i].len &&
		    memcmp(p, binary_formats[i].magic, binary_formats[i].len) == 0)
			return cm_error_set(CM_EUNSUPPORTED, "unsupported format: %s",
					    binary_formats[i].name);
	if (!has_utf16_bom(p, n) && memchr(p, '\0', n))
		return cm_error_set(CM_EUNSUPPORTED, "binary file (contains NUL bytes)");
	return 0;
}

static int only_space(const cm_source *src)
{
	for (size_t i = 0; i < src->text_len; i++) {
		unsigned char c = (unsigned char)src->text[i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
			return 0;
	}
	return 1;
}

int cm_source_from_bytes(cm_source **out, const char *data, size_t len)
{
	cm_source *src;
	cm_decode_info info;
	int rc;

	if (len == 0)
		return cm_error_set(CM_EUNSUPPORTED, "empty file");
	if ((rc = classify(data, len)) < 0)
		return rc;
	src = calloc(1, sizeof *src);
	if (!src)
		return cm_error_set(CM_ENOMEM, "out of memory");
	if ((rc = cm_text_decode(&src->text, &src->text_len, &info, data, len)) < 0) {
		free(src);
		return rc;
	}
	src->invalid = info.invalid;
	src->format = "text";
	src->size = len;
	src->hash = cm_hash64(data, len);
	if (only_space(src)) {
		cm_source_free(src);
		return cm_error_set(CM_EUNSUPPORTED, "empty file (only white space)");
	}
	*out = src;
	return 0;
}

/* Reads fd to its end into *out; expect is the size fstat gave, so that a
 * file that keeps its size is read into one buffer of that size. */
static int read_all(char **out, size_t *out_len, int fd, uint64_t max_size, uint64_t expect)
{
	size_t cap = expect > 0 && expect < max_size ? (size_t)expect + 1 : 65536, len = 0;
	char *buf = malloc(cap);

	if (!buf)
		return cm_error_set(CM_ENOMEM, "out of memory");
	for (;;) {
		ssize_t n;
		if (len == cap) {
			char *nb;
			if (cap > max_size) {
				free(buf);
				return cm_error_set(CM_ELIMIT, "larger than the size limit (%llu bytes)",
						    (unsigned long long)max_size);
			}
			nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return cm_error_set(CM_ENOMEM, "out of memory");
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
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	int fd, rc;

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
	if ((rc = cm_source_from_bytes(out, data, len)) == 0) {
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
	free(src);
}
