#!/bin/sh
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
for b in A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF \
	B0 B1 B2 B3 B4 B5 B6 B7 B8 B9 BA BB BC BD BE BF \
	C0 C1 C2 C3 C4 C5 C6 C7 C8 C9 CA CB CC CD CE CF \
	D0 D1 D2 D3 D4 D5 D6 D7 D8 D9 DA DB DC DD DE DF \
	E0 E1 E2 E3 E4 E5 E6 E7 E8 E9 EA EB EC ED EE EF \
	F0 F1 F2 F3 F4 F5 F6 F7 F8 F9 FA FB FC FD FE FF; do
	printf "\\x$b" | iconv -f TCVN5712-1 -t UTF-8 >>"$here/tcvn3_a0ff.txt"
	printf '\n' >>"$here/tcvn3_a0ff.txt"
done
