/* SPDX-License-Identifier: GPL-2.0-or-later */

/* encoding_tables.h: the byte tables of the legacy Vietnamese encodings ICU
 * lacks, and the helpers conversion (encoding.c) and detection
 * (encoding_detect.c) share. Internal to libchimuc. */
#ifndef CHIMUC_ENCODING_TABLES_H
#define CHIMUC_ENCODING_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/umachine.h>

#include "chimuc/encoding.h"

/* What bytes 0x80-0xFF decode to: up to two code points, the second 0 when
 * there is one. {0, 0} means the Latin-1 character of the byte; U+FFFD a
 * byte with no mapping. Bytes below 0x80 are ASCII. */
typedef uint16_t cm_byte_map[128][2];

/* TCVN 5712:1993 as the ABC ".VnTime" fonts use it: the VN3 letters in
 * 0xA0-0xFF, plus the VN1 capitals that share that half, and the
 * windows-1252 symbols in 0x80-0x9F (the fonts' quotes and dashes). */
extern const cm_byte_map cm_tcvn3_map;

/* VNI (VNI-Windows, the "VNI-Times" fonts): a few letters take one byte
 * (ơ ư đ and i, y with tones), the rest are an ASCII letter followed by a
 * byte standing for its combining marks; both cases of that byte. */
extern const cm_byte_map cm_vni_map;

/* Windows-1252's 0x80-0x9F (the rest of it is Latin-1); 0 where undefined. */
extern const uint16_t cm_cp1252_c1[32];

/* The first code point byte b (0x80-0xFF) decodes to in map. */
UChar32 cm_byte_map_first(const cm_byte_map map, unsigned char b);

/* The length of enc's byte order mark at p, 0 if p does not open with it. */
size_t cm_encoding_bom_length(cm_encoding enc, const unsigned char *p, size_t len);

static inline int cm_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

#endif
