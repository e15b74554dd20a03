/* sentence.c: the sentence around a span, for the context shown with dates
 * and citations. A heuristic: line breaks, ';' and ". " end sentences. */
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
