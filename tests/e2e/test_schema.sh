# SPDX-License-Identifier: GPL-2.0-or-later

# test_schema.sh: no term prefix is spelt outside the schema module
# (scripts/schema-lint.sh on the source tree), and on a scratch tree the
# lint names a planted prefix literal or stored form and passes the schema
# module's own.
. "$(dirname "$0")/lib.sh"

lint="$CM_SOURCE_DIR/scripts/schema-lint.sh"

sh "$lint" "$CM_SOURCE_DIR" >"$WORK/out" 2>&1
same "the source tree spells no prefix outside the schema module" $? 0
check "and says nothing" test ! -s "$WORK/out"

t="$WORK/tree"
mkdir -p "$t/lib/index" "$t/query" "$t/indexer" "$t/include/chimuc"
printf 'int a(void) { return term("XC%%s", key); }\n' >"$t/query/cmd_x.c"
printf '#define P "Y"\n' >"$t/lib/index/other.h"
printf 'static const char *p = "XN";\n' >"$t/lib/index/schema.c"
printf '#define CM_PREFIX_ID "Q"\n' >"$t/include/chimuc/schema.h"
printf 'static const char *s = "QUERY", *t = "Quy";\n' >"$t/query/cmd_y.c"
printf 'snprintf(b, n, "%%016" PRIx64, h);\n' >"$t/indexer/hash.c"

sh "$lint" "$t" >"$WORK/out" 2>/dev/null
same "a planted prefix fails the lint" $? 1
check "names the command file" grep -q '^query/cmd_x.c:1:' "$WORK/out"
check "names the header" grep -q '^lib/index/other.h:1:' "$WORK/out"
check "names the stored hash form" grep -q '^indexer/hash.c:1:' "$WORK/out"
same "and only those" "$(wc -l <"$WORK/out")" 3

finish
