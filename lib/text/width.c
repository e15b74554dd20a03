/* SPDX-License-Identifier: GPL-2.0-or-later */

/* width.c: the width of text on a terminal, in columns, from ICU's
 * character properties (no locale needed): combining marks, format
 * characters and controls take none, East Asian wide and fullwidth
 * characters two, every other character (and each invalid byte) one. */
#include "chimuc/text.h"

#include <stdint.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static size_t char_width(UChar32 c)
{
	int8_t type;
	int ea;

	if (c < 0)
		return 1;
	type = (int8_t)u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
	    type == U_CONTROL_CHAR)
		return 0;
	ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

size_t cm_text_width(const char *s, size_t len)
{
	size_t width = 0;
	int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;

	while (i < n) {
		UChar32 c;
		U8_NEXT(s, i, n, c);
		width += char_width(c);
	}
	return width;
}
