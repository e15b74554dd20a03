# SPDX-License-Identifier: GPL-2.0-or-later

# test_missing_lib.sh: a library that chimuc loads when first needed
# (poppler-glib, libzip, libical) and cannot find is the environment's
# failure, not the file's: the PDF and the DOCX are skipped with the reason
# and "read again on the next run", not remembered as failed, and indexed by
# the next run that finds the library. CHIMUC_LAZYLIB_PATH names the folder
# the libraries are loaded from: an empty one hides them, the system's
# library folder holds them.
. "$(dirname "$0")/lib.sh"

: "${CM_BUILD_DIR:?}"
data="$CM_SOURCE_DIR/tests/data/formats"
d="$WORK/in"
mkdir -p "$d" "$WORK/empty"
cp "$data/directive.pdf" "$data/directive.docx" "$d/"
cp "$CORPUS/000_04ed2d92d4fbe0fc.txt" "$d/plain.txt"

CHIMUC_LAZYLIB_PATH="$WORK/empty" "$CHIMUC_INDEX" --db "$WORK/db" "$d" >"$WORK/1.out" 2>"$WORK/1.err"
same "without the libraries: exit 0" $? 0
check "the PDF: skipped, to be read again" grep -q \
    '/directive.pdf: skipped: PDF support unavailable: .*(read again on the next run)$' "$WORK/1.err"
check "the DOCX: skipped, to be read again" grep -q \
    '/directive.docx: skipped: DOCX support unavailable: .*(read again on the next run)$' "$WORK/1.err"
check "the text file is indexed" grep -q ' 1 indexed, 0 unchanged, 0 removed, 2 skipped' "$WORK/1.out"

"$CHIMUC_INDEX" --db "$WORK/db" "$d" >"$WORK/2.out" 2>"$WORK/2.err"
same "with the libraries: exit 0" $? 0
check "…both files indexed, unchanged as they are" \
    grep -q ' 2 indexed, 1 unchanged, 0 removed, 0 skipped' "$WORK/2.out"
same "…and nothing said" "$(cat "$WORK/2.err")" ""
same "the PDF is searchable" "$(paths "$WORK/db" dân vận | grep -c 'directive\.pdf$')" 1

# A failure of the file itself stays remembered, as before.
printf '%%PDF-1.4 damaged' >"$d/damaged.pdf"
"$CHIMUC_INDEX" --db "$WORK/db" "$d" >/dev/null 2>&1
"$CHIMUC_INDEX" --db "$WORK/db" "$d" >/dev/null 2>"$WORK/3.err"
check "a damaged PDF is remembered as failed" \
    grep -q '/damaged.pdf: skipped (unchanged since it failed): cannot open PDF' "$WORK/3.err"

# The folder that holds the real poppler-glib (found through the linker's
# cache by its soname; ldconfig is in /sbin, outside a user's PATH) serves
# as CHIMUC_LAZYLIB_PATH.
soname=$(head -1 "$CM_BUILD_DIR/lazylib-sonames")
lib=$(PATH="$PATH:/usr/sbin:/sbin" ldconfig -p | awk -v s="$soname" '$1 == s { print $NF; exit }')
if [ -n "$lib" ]; then
    touch -d '+1 second' "$d/directive.pdf"
    CHIMUC_LAZYLIB_PATH=$(dirname "$lib") "$CHIMUC_INDEX" --db "$WORK/db" "$d" >"$WORK/4.out" 2>&1
    check "CHIMUC_LAZYLIB_PATH of the library's folder: the PDF is read" \
        grep -q ' 1 indexed, ' "$WORK/4.out"
else
    fail "ldconfig does not know $soname"
fi

CHIMUC_LAZYLIB_PATH="$WORK/empty" "$CHIMUC" deadlines --db "$WORK/db" --all --ics >/dev/null 2>"$WORK/ics.err"
same "an iCalendar without libical: exit 1" $? 1
check "…with the reason" grep -q 'unavailable' "$WORK/ics.err"
finish
