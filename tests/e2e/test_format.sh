# SPDX-License-Identifier: GPL-2.0-or-later

# test_format.sh: the C and C++ files are as clang-format writes them with
# .clang-format (scripts/format.sh --check); on scratch files the check
# names one that drifts and passes one that does not, and scripts/format.sh
# rewrites the one that drifts so that the check then passes.
. "$(dirname "$0")/lib.sh"

format="$CM_SOURCE_DIR/scripts/format.sh"
if ! command -v clang-format-14 >/dev/null && ! command -v clang-format >/dev/null; then
    echo "SKIP: clang-format is not installed (Debian package clang-format)"
    exit 77
fi

printf 'int f(int a)\n{\n\treturn a + 1;\n}\n' >"$WORK/good.c"
printf 'int f(int a) {\n  return a+1;\n}\n' >"$WORK/bad.c"
sh "$format" --check "$WORK/good.c" >"$WORK/out" 2>&1
same "a file as written by clang-format passes" $? 0
sh "$format" --check "$WORK/bad.c" >"$WORK/out" 2>&1
same "a file that drifts fails" $? 1
check "and is named" grep -q 'bad.c: not as clang-format writes it' "$WORK/out"
sh "$format" "$WORK/bad.c"
same "format.sh rewrites it in the house style" "$(cat "$WORK/bad.c")" "$(cat "$WORK/good.c")"

sh "$format" --check >"$WORK/out" 2>&1
same "every tracked C and C++ file is formatted" $? 0
check "(none named)" test ! -s "$WORK/out"
finish
