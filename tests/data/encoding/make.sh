#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# make.sh: regenerates the legacy-encoding fixtures of test_encoding.c from
# two corpus texts with glibc's iconv (run from anywhere; needs python3 for
# lowercasing). For each NNN in 001 004:
#   NNN.cp1258       the text in windows-1258 (iconv -t CP1258)
#   NNN.tcvn3        the lowercased text in TCVN3 (iconv -t TCVN5712-1): the
#                    ABC fonts (VN3) have no capitals with tones, so the text
#                    is lowercased first; characters TCVN3 lacks are dropped
#   NNN.tcvn3.txt    what NNN.tcvn3 holds, back in UTF-8 (glibc's reading)
# and tcvn3_a0ff.txt: glibc's reading of each byte 0xA0-0xFF, one a line.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../../../corpus"
for n in 001 004; do
	src=$(ls "$corpus"/${n}_*.txt)
	iconv -f UTF-8 -t CP1258 "$src" >"$here/$n.cp1258"
	python3 -c 'import sys; sys.stdout.write(sys.stdin.read().lower())' <"$src" |
		iconv -c -f UTF-8 -t TCVN5712-1 >"$here/$n.tcvn3" || true
	iconv -f TCVN5712-1 -t UTF-8 "$here/$n.tcvn3" >"$here/$n.tcvn3.txt"
done
: >"$here/tcvn3_a0ff.txt"
for i in $(seq 160 255); do
	printf "\\$(printf %03o "$i")" | iconv -f TCVN5712-1 -t UTF-8 >>"$here/tcvn3_a0ff.txt"
	printf '\n' >>"$here/tcvn3_a0ff.txt"
done
