#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# format.sh: clang-format (version 14, with the checkout's .clang-format)
# over the C and C++ files git tracks, or over the FILEs given: rewrites
# them in place; with --check, changes nothing, names each file that
# differs from its formatted form and exits 1. Rerun it after merging.
# Usage: scripts/format.sh [--check] [FILE...]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
case "${1:-}" in
-*) echo "usage: $0 [--check] [FILE...]" >&2; exit 2 ;;
esac
cf=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$cf" ]; then
    echo "format: clang-format not found (Debian package clang-format)" >&2
    exit 1
fi

list=$(mktemp "${TMPDIR:-/tmp}/format.XXXXXX")
trap 'rm -f "$list"' EXIT
if [ $# -gt 0 ]; then
    printf '%s\n' "$@" >"$list"
else
    git -C "$top" ls-files -- '*.c' '*.h' '*.cc' | while IFS= read -r f; do
        printf '%s/%s\n' "$top" "$f"
    done >"$list"
fi

drifted=0
while IFS= read -r f; do
    if [ "$check" -eq 1 ]; then
        if ! "$cf" --style="file:$top/.clang-format" --dry-run -Werror "$f" >/dev/null 2>&1; then
            echo "$f: not as clang-format writes it (scripts/format.sh rewrites it)"
            drifted=$((drifted + 1))
        fi
    else
        "$cf" --style="file:$top/.clang-format" -i "$f"
    fi
done <"$list"
[ "$drifted" -eq 0 ]
