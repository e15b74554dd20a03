#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# header-check.sh: every public header (include/chimuc/*.h) compiles on its
# own, included twice, as C11 and as C++11 (warnings as errors); one that
# declares functions wraps them in extern "C" for C++; every enum is
# typedef'd. Names each header that fails and why; exits 1 if any did.
# Usage: scripts/header-check.sh [SOURCE_DIR]  (CC, CXX: the compilers)
set -u

top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cc=${CC:-cc}
cxx=${CXX:-c++}
deps=$(pkg-config --cflags json-c 2>/dev/null || true)
warn="-Wall -Wextra -Werror"
status=0

bad() {
    echo "$1: $2"
    status=1
}

for h in "$top"/include/chimuc/*.h; do
    name=chimuc/$(basename "$h")
    src=$(printf '#include "%s"\n#include "%s"\n' "$name" "$name")
    # shellcheck disable=SC2086
    printf '%s\n' "$src" | "$cc" -std=c11 -pedantic $warn -fsyntax-only \
        -I"$top/include" $deps -x c - >/dev/null 2>&1 ||
        bad "$name" "does not compile on its own as C11"
    # shellcheck disable=SC2086
    printf '%s\n' "$src" | "$cxx" -std=c++11 $warn -fsyntax-only \
        -I"$top/include" $deps -x c++ - >/dev/null 2>&1 ||
        bad "$name" "does not compile on its own as C++"
    first_fn=$(grep -Enm1 '^[A-Za-z_][A-Za-z0-9_ *]*[ *]cm_[a-z0-9_]+\(' "$h" | cut -d: -f1)
    extern_c=$(grep -nm1 '^extern "C" {' "$h" | cut -d: -f1)
    if [ -n "$first_fn" ] && [ "${extern_c:-$first_fn}" -ge "$first_fn" ]; then
        bad "$name" 'declares functions outside extern "C"'
    fi
    if grep -En '^[[:space:]]*enum[[:space:]]*[A-Za-z0-9_]*[[:space:]]*\{' "$h" >/dev/null; then
        bad "$name" "has an enum that is not typedef'd"
    fi
done
exit $status
