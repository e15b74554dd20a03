/* SPDX-License-Identifier: GPL-2.0-or-later */

/* stopwords.c: looks a canonical term up in the compiled-in stopword list.
 * The list is short (tens of words), so a linear scan of the text is enough. */
#include "text/stopwords.h"

#include <string.h>

int cm_stopword_is(const char *term, size_t len)
{
	const char *p = cm_stopwords_text;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		if (n == len && n > 0 && memcmp(p, term, len) == 0)
			return 1;
		if (!eol)
			break;
		p = eol + 1;
	}
	return 0;
}
