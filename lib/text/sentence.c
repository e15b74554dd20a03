/* SPDX-License-Identifier: GPL-2.0-or-later */

/* sentence.c: where a span sits in its text: its line, how many lines come
 * before it, and the sentence around it (for the context shown with dates and
 * citations; line breaks, ';' and ". " end sentences). */
#include "chimuc/text.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int ends_sentence(const char *s, size_t n, size_t i)
{
	return s[i] == '\n' || s[i] == ';' ||
	       (s[i] == '.' && (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n'));
}

void cm_text_sentence(size_t *from, size_t *to, const char *s, size_t n, size_t start, size_t end)
{
	size_t a = start, b = end;
	size_t lo = a > CM_SENTENCE_MAX ? a - CM_SENTENCE_MAX : 0;
	size_t hi = b + CM_SENTENCE_MAX < n ? b + CM_SENTENCE_MAX : n;

	while (a > lo && !ends_sentence(s, n, a - 1))
		a--;
	while (b < hi && !ends_sentence(s, n, b))
		b++;
	if (a == lo && a > 0) /* cut inside the sentence: start on a word */
		while (a < start && !is_space(s[a]))
			a++;
	if (b == hi && b < n)
		while (b > end && !is_space(s[b - 1]))
			b--;
	while (a < b && (is_space(s[a]) || s[a] == '\n'))
		a++;
	*from = a;
	*to = b;
}

size_t cm_text_line_start(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] != '\n')
		at--;
	return at;
}

size_t cm_text_lines_before(const char *s, size_t at, size_t max)
{
	size_t lines = 0;
	int content = 0;

	for (size_t i = 0; i < at && lines <= max; i++) {
		if (s[i] == '\n') {
			lines += content;
			content = 0;
		} else if (!is_space(s[i])) {
			content = 1;
		}
	}
	return lines;
}
