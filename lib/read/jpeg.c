/* SPDX-License-Identifier: GPL-2.0-or-later */

/* jpeg.c: a JPEG decoded into grey with libjpeg's own error manager: an
 * error or a warning (damaged data) ends the decoding with its message,
 * and nothing is printed. libjpeg is loaded on first use (lazylib.h). */
#include "read/jpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

#include "chimuc/error.h"
#include "util/lazylib.h"

/* clang-format off */
#define JPEG_FUNCTIONS(X, a) \
	X(a, jpeg_std_error) X(a, jpeg_CreateDecompress) X(a, jpeg_mem_src) \
	X(a, jpeg_read_header) X(a, jpeg_start_decompress) X(a, jpeg_read_scanlines) \
	X(a, jpeg_destroy_decompress)
/* clang-format on */
CM_LAZYLIB(jpg, libjpeg, JPEG_FUNCTIONS, CM_LIBJPEG_SONAME,
	   "OCR of JPEG images (Debian package libjpeg62-turbo)");

typedef struct {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
} error_state;

static void fail(j_common_ptr c)
{
	error_state *e = (error_state *)c->err;

	e->mgr.format_message(c, e->message);
	longjmp(e->jump, 1);
}

/* A warning (level -1) is damaged data: it fails too; traces are dropped. */
static void emit(j_common_ptr c, int level)
{
	if (level < 0)
		fail(c);
}

int cm_jpeg_grey(unsigned char **grey, int *w, int *h, int *dpi, const char *data, size_t len,
		 long max_pixels)
{
	struct jpeg_decompress_struct c;
	error_state e = {0};
	unsigned char *volatile pixels = NULL;
	int rc;

	*grey = NULL;
	if ((rc = cm_lazylib_load(&libjpeg)) < 0)
		return rc;
	c.err = jpg.jpeg_std_error(&e.mgr);
	e.mgr.error_exit = fail;
	e.mgr.emit_message = emit;
	if (setjmp(e.jump)) {
		jpg.jpeg_destroy_decompress(&c);
		free(pixels);
		return cm_error_set(CM_EUNSUPPORTED, "damaged JPEG (%s)", e.message);
	}
	jpg.jpeg_CreateDecompress(&c, JPEG_LIB_VERSION, sizeof c);
	jpg.jpeg_mem_src(&c, (const unsigned char *)data, (unsigned long)len);
	jpg.jpeg_read_header(&c, TRUE);
	if ((double)c.image_width * c.image_height > (double)max_pixels) {
		rc = cm_error_set(CM_ELIMIT, "image of %ux%u pixels, more than %ld to read by OCR",
				  c.image_width, c.image_height, max_pixels);
		goto cleanup;
	}
	c.out_color_space = JCS_GRAYSCALE;
	jpg.jpeg_start_decompress(&c);
	if (!(pixels = malloc((size_t)c.output_width * c.output_height))) {
		rc = cm_error_nomem();
		goto cleanup;
	}
	while (c.output_scanline < c.output_height) {
		JSAMPROW row = pixels + (size_t)c.output_scanline * c.output_width;
		jpg.jpeg_read_scanlines(&c, &row, 1);
	}
	*w = (int)c.output_width;
	*h = (int)c.output_height;
	*dpi = c.density_unit == 1   ? c.X_density
	       : c.density_unit == 2 ? c.X_density * 254 / 100
				     : 0;
	*grey = pixels;
	pixels = NULL;
	rc = 0;
cleanup:
	jpg.jpeg_destroy_decompress(&c);
	free(pixels);
	return rc;
}
