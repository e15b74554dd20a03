# SPDX-License-Identifier: GPL-2.0-or-later

# test_headers.sh: every public header compiles on its own as C11 and as
# C++, with extern "C" around its functions and its enums typedef'd
# (scripts/header-check.sh on the source tree); on a scratch tree the check
# names a header that is not self-contained, one without extern "C", and one
# with a bare enum, and passes a good one.
. "$(dirname "$0")/lib.sh"

script="$CM_SOURCE_DIR/scripts/header-check.sh"
command -v "${CXX:-c++}" >/dev/null || { echo "no C++ compiler: skipped"; exit 77; }

sh "$script" "$CM_SOURCE_DIR" >"$WORK/out" 2>&1
same "every public header passes" $? 0
check "and nothing is said" test ! -s "$WORK/out"

t="$WORK/tree/include/chimuc"
mkdir -p "$t"
cat >"$t/good.h" <<'H'
#ifndef CHIMUC_GOOD_H
#define CHIMUC_GOOD_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef enum { CM_GOOD_A, CM_GOOD_B } cm_good_kind;
int cm_good(size_t *out, cm_good_kind k);
#ifdef __cplusplus
}
#endif
#endif
H
printf '#ifndef X\n#define X\nint cm_needs(size_t n);\n#endif\n' >"$t/needs.h"
printf '#ifndef Y\n#define Y\nint cm_bare(void);\n#endif\n' >"$t/bare.h"
printf '#ifndef Z\n#define Z\nenum cm_kind { CM_K };\n#endif\n' >"$t/enum.h"
printf '#ifndef W\n#define W\nstruct s { int class; };\n#endif\n' >"$t/cxx.h"

sh "$script" "$WORK/tree" >"$WORK/out" 2>&1
same "bad headers fail the check" $? 1
check "not self-contained" grep -q '^chimuc/needs.h: does not compile on its own as C11$' "$WORK/out"
check "no extern \"C\"" grep -q '^chimuc/bare.h: declares functions outside extern "C"$' "$WORK/out"
check "a bare enum" grep -q "^chimuc/enum.h: has an enum that is not typedef'd$" "$WORK/out"
check "C only" grep -q '^chimuc/cxx.h: does not compile on its own as C++$' "$WORK/out"
check "the good header passes" sh -c "! grep -q good.h '$WORK/out'"

finish
