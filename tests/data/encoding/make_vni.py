#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""make_vni.py: writes NNN.vni, corpus/NNN_*.txt in VNI (the "VNI-Times"
fonts' encoding), for NNN in 001 004. No system tool writes VNI, so this
encoder follows the VNI rules from Unicode decompositions, independently of
chimuc's decoder table: ơ ư đ, i with a tone and ỵ are one byte; any other
letter is its base letter then one byte for its marks (capital letters take
the mark byte 0x20 lower). Run from anywhere."""
import glob
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
TONE_ONLY = [0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF]
WITH_CIRCUMFLEX = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4]
WITH_BREVE = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB]
TONED_I = [ord("i"), 0xED, 0xEC, 0xE6, 0xF3, 0xF2]
CP1252 = {"\u201c": 0x93, "\u201d": 0x94, "\u2018": 0x91, "\u2019": 0x92,
          "\u2013": 0x96, "\u2014": 0x97, "\u2026": 0x85}


def char(c):
    if ord(c) < 0x80 or 0xA0 <= ord(c) <= 0xBF:
        return bytes([ord(c)])
    if c in CP1252:
        return bytes([CP1252[c]])
    if c in "đĐ":
        return bytes([0xF1 if c == "đ" else 0xD1])
    d = unicodedata.normalize("NFD", c)
    base, marks = d[0], d[1:]
    upper = 0x20 if base.isupper() else 0
    tone = next((i for i in range(1, 6) if TONES[i] in marks), 0)
    shape = "".join(m for m in marks if m not in TONES)
    low = base.lower()
    if shape == "\u031b":
        horn = bytes([(0xF4 if low == "o" else 0xF6) - upper])
        return horn + (bytes([TONE_ONLY[tone] - upper]) if tone else b"")
    if low == "i" and tone:
        return bytes([TONED_I[tone] - upper])
    if low == "y" and tone == 5:
        return bytes([0xEE - upper])
    out = base.encode("ascii")
    if shape == "\u0302":
        return out + bytes([WITH_CIRCUMFLEX[tone] - upper])
    if shape == "\u0306":
        return out + bytes([WITH_BREVE[tone] - upper])
    if shape:
        raise ValueError("VNI cannot write %r" % c)
    return out + (bytes([TONE_ONLY[tone] - upper]) if tone else b"")


def main():
    for n in ("001", "004"):
        src = glob.glob(os.path.join(HERE, "..", "..", "..", "corpus", n + "_*.txt"))[0]
        with open(src, encoding="utf-8") as f:
            text = unicodedata.normalize("NFC", f.read())
        with open(os.path.join(HERE, n + ".vni"), "wb") as f:
            f.write(b"".join(char(c) for c in text))


if __name__ == "__main__":
    main()
