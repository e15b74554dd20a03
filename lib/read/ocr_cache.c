/* SPDX-License-Identifier: GPL-2.0-or-later */

/* ocr_cache.c: OCR text kept by content. Each entry is one file,
 * DIR/HASH-SIZE-MODE.txt: a line "chimuc-ocr 1" and the six OCR figures, a
 * line with the title (empty if none), then the text; 0 pages: OCR read
 * nothing in these bytes. It is written to a
 * temporary name and renamed, so that a reader (another worker thread or
 * run) sees it whole or not at all. */
#include "read/ocr_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chimuc/error.h"

#define MAGIC "chimuc-ocr 1"
#define ENTRY_MAX ((size_t)256 << 20)

/* The entry's file in out (n bytes); 0 if its name does not fit (no
 * cache for an index that deep). */
static int entry_path(char *out, size_t n, const char *dir, uint64_t hash, size_t len,
		      cm_ocr_mode mode)
{
	int k = snprintf(out, n, "%s/%016llx-%zu-%s.txt", dir, (unsigned long long)hash, len,
			 mode == CM_OCR_ALWAYS ? "always" : "auto");

	return k > 0 && (size_t)k < n;
}

static int read_file(char **out, size_t *out_len, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	*out = NULL;
	if (!f)
		return 0;
	if (fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 || (size_t)n > ENTRY_MAX ||
	    fseek(f, 0, SEEK_SET) < 0)
		goto done;
	if (!(buf = malloc((size_t)n + 1))) {
		fclose(f);
		return cm_error_nomem();
	}
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
		goto done;
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = (size_t)n;
done:
	fclose(f);
	return *out ? 1 : 0;
}

int cm_ocr_cache_get(cm_extracted *x, const char *dir, uint64_t hash, size_t len, cm_ocr_mode mode)
{
	char path[4096], *buf, *title, *text;
	size_t n = 0;
	unsigned pages, low, lowest, repairs;
	int conf, lowest_conf, rc;

	if (!entry_path(path, sizeof path, dir, hash, len, mode))
		return 0;
	if ((rc = read_file(&buf, &n, path)) <= 0)
		return rc;
	if (sscanf(buf, MAGIC " %u %u %u %d %d %u", &pages, &low, &lowest, &conf, &lowest_conf,
		   &repairs) != 6 ||
	    !(title = strchr(buf, '\n')) || !(text = strchr(++title, '\n'))) {
		free(buf);
		return 0;
	}
	*text++ = '\0';
	memset(x, 0, sizeof *x);
	if (pages == 0) { /* OCR read nothing */
		free(buf);
		return 1;
	}
	if ((*title && !(x->title = strdup(title))) || !(x->text = strdup(text))) {
		free(buf);
		cm_extracted_clear(x);
		return cm_error_nomem();
	}
	x->text_len = n - (size_t)(text - buf);
	x->ocr_pages = pages;
	x->ocr_low_pages = low;
	x->ocr_lowest_page = lowest;
	x->ocr_confidence = conf;
	x->ocr_lowest_confidence = lowest_conf;
	x->ocr_repairs = repairs;
	free(buf);
	return 1;
}

void cm_ocr_cache_put(const char *dir, uint64_t hash, size_t len, cm_ocr_mode mode,
		      const cm_extracted *x)
{
	char path[4096], tmp[4200];
	FILE *f;
	int ok;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return;
	if (!entry_path(path, sizeof path, dir, hash, len, mode))
		return;
	snprintf(tmp, sizeof tmp, "%s.%ld.%p.tmp", path, (long)getpid(), (const void *)x);
	if (!(f = fopen(tmp, "wbx")))
		return;
	fprintf(f, MAGIC " %u %u %u %d %d %u\n%s\n", x->ocr_pages, x->ocr_low_pages,
		x->ocr_lowest_page, x->ocr_confidence, x->ocr_lowest_confidence, x->ocr_repairs,
		x->title ? x->title : "");
	if (x->text)
		fwrite(x->text, 1, x->text_len, f);
	ok = !ferror(f);
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) < 0)
		unlink(tmp);
}
