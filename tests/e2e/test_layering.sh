# SPDX-License-Identifier: GPL-2.0-or-later

# test_layering.sh: the programs are front-ends of libchimuc: no file of
# query/ or indexer/ calls the Xapian binding or includes its header
# (scripts/layering-lint.sh on the source tree); on a scratch tree the lint
# names a planted call and a planted include, and passes the library's own
# calls and a word that only looks like one.
. "$(dirname "$0")/lib.sh"

lint="$CM_SOURCE_DIR/scripts/layering-lint.sh"

sh "$lint" "$CM_SOURCE_DIR" >"$WORK/out" 2>&1
same "no program file calls the Xapian binding" $? 0
check "and says nothing" test ! -s "$WORK/out"

t="$WORK/tree"
mkdir -p "$t/lib/ops" "$t/query" "$t/indexer"
printf 'int f(void) { return cm_xdb_open(&db, p); }\n' >"$t/query/cmd_x.c"
printf '#include "chimuc/xapian_c.h"\n' >"$t/indexer/walk.c"
printf 'int g(void) { return cm_xdb_open(&db, p); }\n' >"$t/lib/ops/index.c"
printf 'int h(void) { return cm_xml_free(x) + my_cm_xdb(1); }\n' >"$t/query/cmd_y.c"

sh "$lint" "$t" >"$WORK/out" 2>/dev/null
same "a planted call fails the lint" $? 1
check "names the command file" grep -q '^query/cmd_x.c:1:' "$WORK/out"
check "names the include" grep -q '^indexer/walk.c:1:' "$WORK/out"
same "and only those" "$(wc -l <"$WORK/out")" 2

finish
