#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# spdx.sh: the licence line at the top of every source file we wrote (C,
# C++, headers, CMake, shell, Python, make; not data, manual pages or
# packaging metadata): "SPDX-License-Identifier: GPL-2.0-or-later" in the
# file's comment style, on the first line (the second after a "#!" line),
# then a blank line before the file's own top comment. Adds the line where
# it is missing; with --check, changes nothing, names each file without it
# and exits 1. Rerun it after adding files.
# The files: those git tracks in DIR (default: the checkout this script is
# in), or, outside a git checkout, those find sees (build/ left out).
# Usage: scripts/spdx.sh [--check] [DIR]
set -eu

ID="SPDX-License-Identifier: GPL-2.0-or-later"
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
case "${1:-}" in
-*) echo "usage: $0 [--check] [DIR]" >&2; exit 2 ;;
esac
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"

# The source files, one a line, relative to $top.
sources() {
    if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
        git ls-files -- '*.c' '*.c.in' '*.h' '*.cc' '*.sh' '*.bash' '*.py' \
            '*.cmake' '*CMakeLists.txt' 'Makefile' 'debian/rules' \
            'debian/lazylib-packages' '.ci/run'
    else
        find . -path ./build -prune -o -type f \( -name '*.c' -o -name '*.c.in' \
            -o -name '*.h' -o -name '*.cc' -o -name '*.sh' -o -name '*.bash' \
            -o -name '*.py' -o -name '*.cmake' -o -name CMakeLists.txt \
            -o -name Makefile -o -path ./debian/rules -o -path ./debian/lazylib-packages \
            -o -path ./.ci/run \) -print |
            sed 's|^\./||' | sort
    fi
}

# The licence line in the comment style of file $1.
line_for() {
    case "$1" in
    *.c | *.c.in | *.h | *.cc) printf '/* %s */\n' "$ID" ;;
    *) printf '# %s\n' "$ID" ;;
    esac
}

# state FILE LINE: "ok" when the file carries LINE first (second after a
# "#!" line) followed by a blank line or nothing, "unspaced" when a line
# follows it at once, else "missing".
state() {
    at=1
    case "$(sed -n 1p "$1")" in
    '#!'*) at=2 ;;
    esac
    if [ "$(sed -n "${at}p" "$1")" != "$2" ]; then
        echo missing
    elif [ -n "$(sed -n "$((at + 1))p" "$1")" ]; then
        echo unspaced
    else
        echo ok
    fi
}

# add FILE LINE: LINE and a blank line at the top (after a "#!" line).
add() {
    tmp="$1.spdx.$$"
    awk -v line="$2" '
        NR == 1 && /^#!/ { print; print line; print ""; next }
        NR == 1 { print line; print "" }
        { print }
        END { if (NR == 0) print line }' "$1" >"$tmp"
    chmod --reference="$1" "$tmp"
    mv "$tmp" "$1"
}

# space FILE LINE: a blank line after LINE, where a line followed it at once.
space() {
    tmp="$1.spdx.$$"
    awk -v line="$2" 'NR <= 2 && $0 == line && !done { print; print ""; done = 1; next }
        { print }' "$1" >"$tmp"
    chmod --reference="$1" "$tmp"
    mv "$tmp" "$1"
}

missing=0
list=$(mktemp "${TMPDIR:-/tmp}/spdx.XXXXXX")
trap 'rm -f "$list"' EXIT
sources >"$list"
while IFS= read -r f; do
    [ -f "$f" ] || continue
    line=$(line_for "$f")
    st=$(state "$f" "$line")
    [ "$st" = ok ] && continue
    if [ "$check" -eq 1 ]; then
        if [ "$st" = missing ]; then
            echo "$f: no '$line' line at the top"
        else
            echo "$f: no blank line after the licence line"
        fi
        missing=$((missing + 1))
    elif [ "$st" = missing ]; then
        add "$f" "$line"
        echo "spdx: $f"
    else
        space "$f" "$line"
        echo "spdx: $f (blank line)"
    fi
done <"$list"
if [ "$missing" -gt 0 ]; then
    echo "spdx: $missing source files without the licence line apart; run scripts/spdx.sh" >&2
    exit 1
fi
