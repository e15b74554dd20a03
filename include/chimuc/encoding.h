/* SPDX-License-Identifier: GPL-2.0-or-later */

/* chimuc/encoding.h: the character encodings Vietnamese text arrives in,
 * told apart from the bytes, and converted to UTF-8 in NFC.
 *
 * UTF-16 and Windows-1258 go through ICU; TCVN3 (TCVN 5712 "ABC", the
 * ".VnTime" fonts) and VNI (the "VNI-Times" fonts) through our own tables,
 * since ICU has none. Ownership: strings returned through out-parameters are
 * the caller's (free). */
#ifndef CHIMUC_ENCODING_H
#define CHIMUC_ENCODING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CM_ENC_UNKNOWN = 0,
	CM_ENC_UTF8,
	CM_ENC_UTF16LE,
	CM_ENC_UTF16BE,
	CM_ENC_CP1258,
	CM_ENC_TCVN3,
	CM_ENC_VNI
} cm_encoding;

/* "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1258", "TCVN3", "VNI";
 * "unknown" for CM_ENC_UNKNOWN. Static. */
const char *cm_encoding_name(cm_encoding enc);

/* The encoding a charset label or a font name stands for, ASCII case
 * ignored: "utf-8", "utf8", "utf-16le", "windows-1258", "cp1258", "tcvn3",
 * "tcvn", "tcvn5712-1", "vni"; font names ".VnTime", ".VnArial", ".VnTimeH"…
 * (TCVN3), "VNI-Times", "VNI-Helve"… (VNI). CM_ENC_UNKNOWN otherwise. */
cm_encoding cm_encoding_from_label(const char *label, size_t len);

/* The most likely encoding of len bytes, from a BOM, UTF-8 validity (UTF-8
 * with fewer damaged sequences than good ones is UTF-8) and the byte
 * statistics of each candidate; hint (from a <meta charset>, a font
 * name, or CM_ENC_UNKNOWN) decides when the bytes fit it. *uncertain is set
 * when a legacy encoding is chosen on weak evidence (few non-ASCII bytes,
 * or two candidates fit nearly equally). Pure ASCII and valid UTF-8 are
 * UTF-8, certain. */
cm_encoding cm_encoding_detect(int *uncertain, const char *data, size_t len, cm_encoding hint);

/* Converts len bytes in enc to UTF-8 in NFC (NUL-terminated). Bytes with no
 * mapping become U+FFFD and are counted in *invalid. A UTF-16 BOM is
 * dropped. Errors: CM_EINVAL (CM_ENC_UNKNOWN), CM_ENOMEM. */
int cm_encoding_convert(char **out, size_t *out_len, size_t *invalid, cm_encoding enc,
			const char *data, size_t len);

/* Text from a format that kept legacy-font letters as characters (a DOCX or
 * HTML run in ".VnTime" stores each TCVN3 byte as the windows-1252
 * character of that byte): maps each character back to its windows-1252
 * byte and converts those bytes from enc, as cm_encoding_convert. Characters
 * with no windows-1252 byte are kept as they are. */
int cm_encoding_recode_cp1252(char **out, size_t *out_len, size_t *invalid, cm_encoding enc,
			      const char *utf8, size_t len);

#ifdef __cplusplus
}
#endif

#endif
