#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# Installs the build in BUILD_DIR into a scratch prefix, builds
# examples/plans_and_deadlines.c against the installed library through
# pkg-config only, and checks that its output on an index of the sample
# corpus is what `chimuc cited-by --type KH --json` and `chimuc deadlines
# --on 15/10 --json` print. Run by `make check` on the release build.
# Usage: scripts/check-example.sh BUILD_DIR
set -eu
build=${1:?build directory}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/chimuc-example.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix with space"

cmake --install "$build" --prefix "$prefix" >/dev/null
pcdir=$(dirname "$(find "$prefix" -name chimuc.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs chimuc)
# The include and library folders come from the installed chimuc.pc
# (pkg-config writes a space in a path as "\ ").
for var in includedir libdir; do
    dir=$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=$var chimuc | sed 's/\\ / /g')
    case "$(cd "$dir" && pwd -P)" in
    "$(cd "$prefix" && pwd -P)"/*) ;;
    *) echo "check-example: chimuc.pc's $var is not in $prefix: $dir" >&2; exit 1 ;;
    esac
done
eval "cc -std=c11 -Wall -Wextra -Werror -o \"\$work/example\" \"\$top/examples/plans_and_deadlines.c\" $flags"

"$prefix/bin/chimuc-index" --quiet --db "$work/index" "$top"/corpus/*.txt
"$work/example" "$work/index" 25-NQ/TW 15/10 >"$work/got"
{
    "$prefix/bin/chimuc" cited-by --db "$work/index" --type KH --json 25-NQ/TW 2>/dev/null
    "$prefix/bin/chimuc" deadlines --db "$work/index" --on 15/10 --json
} >"$work/want"
[ -s "$work/want" ] || { echo "check-example: chimuc printed nothing" >&2; exit 1; }
if ! cmp -s "$work/got" "$work/want"; then
    echo "check-example: the example's output differs from chimuc's:" >&2
    diff "$work/want" "$work/got" >&2 || true
    exit 1
fi
echo "check-example: the installed library and pkg-config build the example; its $(wc -l <"$work/got") lines equal chimuc's"
