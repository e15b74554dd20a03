# SPDX-License-Identifier: GPL-2.0-or-later

# test_licence.sh: every source file carries the SPDX licence line
# (scripts/spdx.sh --check); on a scratch tree the check names a file
# without it and passes a file with it, and scripts/spdx.sh adds the line
# in each file's comment style, after a "#!" line, once, with a blank line
# after it.
. "$(dirname "$0")/lib.sh"

spdx="$CM_SOURCE_DIR/scripts/spdx.sh"
id='SPDX-License-Identifier: GPL-2.0-or-later'

t="$WORK/tree"
mkdir -p "$t/src"
printf '/* %s */\n\n/* good.c: has it. */\nint good;\n' "$id" >"$t/src/good.c"
printf '/* bad.h: lacks it. */\n' >"$t/src/bad.h"
printf '#!/bin/sh\n# run.sh: lacks it.\necho hi\n' >"$t/run.sh"
printf '# %s\n\n# CMakeLists.txt: has it.\n' "$id" >"$t/CMakeLists.txt"
printf '# %s\n\n# wrong.c: a C file with a shell comment.\n' "$id" >"$t/src/wrong.c"
printf '# %s\n# tight.sh: no blank line after it.\n' "$id" >"$t/tight.sh"
printf 'not a source file\n' >"$t/notes.txt"

sh "$spdx" --check "$t" >"$WORK/out" 2>"$WORK/err"
same "--check fails on files without the line" $? 1
check "names the header" grep -q '^src/bad.h: ' "$WORK/out"
check "names the script" grep -q '^run.sh: ' "$WORK/out"
check "names the C file with a shell comment" grep -q '^src/wrong.c: ' "$WORK/out"
check "names the file without a blank line after it" \
    grep -q '^tight.sh: no blank line after the licence line' "$WORK/out"
same "and only those" "$(wc -l <"$WORK/out")" 4

cp "$t/src/good.c" "$WORK/good.before"
sh "$spdx" "$t" >/dev/null
same "a header gets a C comment, then a blank line" "$(head -3 "$t/src/bad.h")" \
    "$(printf '/* %s */\n\n/* bad.h: lacks it. */' "$id")"
same "a script keeps its #! line first" "$(head -4 "$t/run.sh")" \
    "$(printf '#!/bin/sh\n# %s\n\n# run.sh: lacks it.' "$id")"
same "a blank line is put after it" "$(head -3 "$t/tight.sh")" \
    "$(printf '# %s\n\n# tight.sh: no blank line after it.' "$id")"
check "a file that has it is left alone" cmp -s "$t/src/good.c" "$WORK/good.before"
same "other files are left alone" "$(cat "$t/notes.txt")" "not a source file"
sh "$spdx" --check "$t" >"$WORK/out" 2>&1
same "then --check passes" $? 0
cp "$t/run.sh" "$WORK/run.before"
sh "$spdx" "$t" >/dev/null
check "adding twice changes nothing" cmp -s "$t/run.sh" "$WORK/run.before"

sh "$spdx" --check >"$WORK/out" 2>&1
same "every source file of chimuc has the line" $? 0
check "(none named)" test ! -s "$WORK/out"
finish
