/* canon.c: the canonical running text the extractors read: NFC with the
 * canonical tone placement, odd spaces as ASCII spaces, zero-width
 * characters dropped, curly quotes straight, with a map of every output
 * byte back to the input. Case, line breaks and dashes are kept. Tone
 * placement is applied to words of at most WORD_CLUSTERS letters (longer
 * runs are no Vietnamese syllable and are only composed). */
#include "chimuc/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "chimuc/error.h"
#include "cluster.h"

#define WORD_CLUSTERS 16

typedef struct {
	char *out;
	size_t len;
	size_t *map;
} sink;

static void emit(sink *s, const char *bytes, size_t n, size_t src)
{
	memcpy(s->out + s->len, bytes, n);
	if (s->map)
		for (size_t i = 0; i < n; i++)
			s->map[s->len + i] = src;
	s->len += n;
}

static void emit_clusters(sink *s, const cm_cluster *c, size_t n)
{
	char buf[64];

	for (size_t i = 0; i < n; i++) {
		int k = cm_cluster_compose(buf, sizeof buf, &c[i], 0);
		if (k < 0) /* cannot happen for in-range marks; keep the source */
			continue;
		emit(s, buf, (size_t)k, c[i].start);
	}
}

/* One character outside words: spaces, zero-width and quotes mapped. */
static void emit_other(sink *s, const char *in, size_t start, size_t end, UChar32 c)
{
	switch (c) {
	case 0x09: case 0xA0: case 0x202F: case 0x205F: case 0x3000:
		emit(s, " ", 1, start);
		return;
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
		emit(s, "\"", 1, start);
		return;
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
		emit(s, "'", 1, start);
		return;
	default:
		if (c >= 0x2000 && c <= 0x200A)
			emit(s, " ", 1, start);
		else
			emit(s, in + start, end - start, start);
	}
}

int cm_text_canon(char **out, size_t *out_len, size_t **out_map, const char *in, size_t len)
{
	sink s = {0};
	cm_cluster word[WORD_CLUSTERS];
	size_t nword = 0, pos = 0;

	/* NFC never grows Vietnamese; 3x covers any recomposition of marks. */
	if (len > (SIZE_MAX - 1) / (3 * sizeof(size_t)))
		return cm_error_set(CM_ELIMIT, "input too large");
	s.out = malloc(3 * len + 1);
	if (out_map)
		s.map = malloc((3 * len + 1) * sizeof *s.map);
	if (!s.out || (out_map && !s.map)) {
		free(s.out);
		free(s.map);
		return cm_error_set(CM_ENOMEM, "out of memory");
	}
	while (pos < len) {
		int32_t j = (int32_t)0, n = len - pos > INT32_MAX ? INT32_MAX : (int32_t)(len - pos);
		UChar32 c;
		U8_NEXT(in + pos, j, n, c);
		if (c >= 0 && cm_is_word_char(c)) {
			if (nword == WORD_CLUSTERS) { /* too long for a syllable */
				emit_clusters(&s, word, nword);
				nword = 0;
			}
			cm_cluster_read(&word[nword++], in, len, &pos);
			continue;
		}
		cm_tone_canonicalize(word, nword);
		emit_clusters(&s, word, nword);
		nword = 0;
		emit_other(&s, in, pos, pos + (size_t)j, c);
		pos += (size_t)j;
	}
	cm_tone_canonicalize(word, nword);
	emit_clusters(&s, word, nword);
	s.out[s.len] = '\0';
	if (s.map)
		s.map[s.len] = len;
	*out = s.out;
	*out_len = s.len;
	if (out_map)
		*out_map = s.map;
	return 0;
}
