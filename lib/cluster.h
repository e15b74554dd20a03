/* cluster.h: a letter with its combining marks (decomposed), the unit in
 * which canon.c and tokenize.c normalize Vietnamese text, and the canonical
 * tone placement over the clusters of one syllable. Internal to libchimuc. */
#ifndef CHIMUC_CLUSTER_H
#define CHIMUC_CLUSTER_H

#include <stddef.h>

#include <unicode/utypes.h>

/* Marks kept per cluster; more (never seen in real text) are dropped. */
#define CM_CLUSTER_MARKS 8

typedef struct {
	UChar32 base;
	UChar32 marks[CM_CLUSTER_MARKS];
	int nmarks;
	size_t start, end; /* byte span in the source text */
} cm_cluster;

/* 1 if c belongs to a word: a letter, a combining mark or a decimal digit. */
int cm_is_word_char(UChar32 c);

/* Reads the cluster that starts at *pos in s (valid UTF-8) into *c and
 * advances *pos past it; it stops at the first character that is not a
 * combining mark. Returns 0, or CM_EINVAL when *pos is at the end. */
int cm_cluster_read(cm_cluster *c, const char *s, size_t len, size_t *pos);

/* Moves the tone mark of a syllable ending in oa, oe or uy (not after q) to
 * the o or u: the traditional placement ("hoà" -> "hòa", "thuỷ" -> "thủy"). */
void cm_tone_canonicalize(cm_cluster *c, size_t n);

/* Writes cluster c in NFC as UTF-8 into out (cap bytes), case-folded when
 * fold is set. Returns the bytes written, or -1 when they do not fit. */
int cm_cluster_compose(char *out, size_t cap, const cm_cluster *c, int fold);

#endif
