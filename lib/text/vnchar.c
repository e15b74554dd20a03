/* SPDX-License-Identifier: GPL-2.0-or-later */

/* vnchar.c: the NFC/NFD instances and the traditional tone placement (tone
 * on the o or u of a final oa, oe, uy), from ICU's normalization data. It
 * does not normalize or fold text; canon.c and tokenize.c do. */
#include "text/vnchar.h"

#include <stdatomic.h>

/* ICU's instances are immutable singletons: each is looked up once (a
 * race only stores the same pointer twice). */
static _Atomic(const UNormalizer2 *) nfc_instance, nfd_instance;

static const UNormalizer2 *instance(_Atomic(const UNormalizer2 *) *cache,
				    const UNormalizer2 *(*get)(UErrorCode *))
{
	const UNormalizer2 *n = atomic_load_explicit(cache, memory_order_acquire);
	UErrorCode e = U_ZERO_ERROR;

	if (n)
		return n;
	n = get(&e);
	if (U_FAILURE(e))
		return NULL;
	atomic_store_explicit(cache, n, memory_order_release);
	return n;
}

const UNormalizer2 *cm_nfc(void)
{
	return instance(&nfc_instance, unorm2_getNFCInstance);
}

const UNormalizer2 *cm_nfd(void)
{
	return instance(&nfd_instance, unorm2_getNFDInstance);
}

static UChar32 lower_ascii(UChar32 c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int is_tone(UChar32 m)
{
	return m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323;
}

int cm_tone_pair(UChar32 *first, UChar32 *second, UChar32 before)
{
	const UNormalizer2 *nfc;
	UErrorCode e = U_ZERO_ERROR;
	UChar32 a = lower_ascii(*first), b, moved;
	UChar d[4];

	/* Every toned a, e, y is a precomposed BMP letter past U+00BF. */
	if ((a != 'o' && a != 'u') || *second < 0xC0 || *second > 0xFFFF || !(nfc = cm_nfc()))
		return 0;
	if (unorm2_getRawDecomposition(nfc, *second, d, 4, &e) != 2 || U_FAILURE(e) ||
	    !is_tone(d[1]))
		return 0;
	b = lower_ascii(d[0]);
	if (a == 'o' ? (b != 'a' && b != 'e') : (b != 'y' || lower_ascii(before) == 'q'))
		return 0;
	if ((moved = unorm2_composePair(nfc, *first, d[1])) < 0)
		return 0;
	*first = moved;
	*second = d[0];
	return 1;
}
