# SPDX-License-Identifier: GPL-2.0-or-later

# test_progress.sh: the indexer's progress line. On a terminal (script(1)
# gives one) standard error shows the files done of the total (those a
# walk found for a new index, about the documents of the index for an
# update), the MB/s and the time left, on one line rewritten with \r and
# cleared at the end; while a scan is read by OCR, the page ("ocr FILE page
# 1/2"); when standard error is not a terminal, nothing.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
    echo "SKIP: script (util-linux) is not installed"
    exit 77
fi
docs="$WORK/docs"
copy_corpus "$docs" 40

# on_tty FILE COMMAND...: runs the command on a terminal, its output to FILE.
# script(1) hands the command to $SHELL: bash, which reads printf %q's
# quoting ($'...' for letters like đ), whatever the user's login shell.
on_tty() {
    out=$1
    shift
    SHELL=/bin/bash script -qec "$(printf '%q ' "$@")" /dev/null >"$out"
}

on_tty "$WORK/new.tty" "$CHIMUC_INDEX" --jobs 2 --db "$WORK/db" "$docs"
same "new index on a terminal: exit 0" $? 0
check "new index: the files of the walk as the total" grep -q " of $n files, [0-9.]* MB/s" "$WORK/new.tty"
check "new index: the line is rewritten with \\r" grep -q $'\r'"chimuc-index: [0-9]* of $n files" "$WORK/new.tty"
check "new index: the line is cleared before the summary" \
    grep -q $'\r\033\\[Kchimuc-index: '"$n seen" "$WORK/new.tty"

for f in "$docs"/doc1*.txt; do
    printf 'Bổ sung.\n' >>"$f"
done
on_tty "$WORK/update.tty" "$CHIMUC_INDEX" --db "$WORK/db" "$docs"
same "update on a terminal: exit 0" $? 0
check "update: about the documents of the index as the total" \
    grep -qE "[0-9]+ of about $n files, [0-9.]+ MB/s, [0-9]+:[0-9]{2} left" "$WORK/update.tty"
check "update: the summary follows" grep -q "$n seen: [0-9]* indexed, [0-9]* unchanged" "$WORK/update.tty"

scans="$WORK/scan folder"
mkdir "$scans"
cp "$CM_SOURCE_DIR/tests/data/scans/d001_200_bw.tif" "$scans/two pages.tif"
OMP_THREAD_LIMIT=1 on_tty "$WORK/ocr.tty" "$CHIMUC_INDEX" --db "$WORK/db-ocr" "$scans"
same "a scan on a terminal: exit 0" $? 0
for page in 1 2; do
    check "a scan: OCR's page $page of 2 on the line" \
        grep -qF "chimuc-index: ocr $scans/two pages.tif page $page/2" "$WORK/ocr.tty"
done
check "a scan: indexed" grep -q "1 seen: 1 indexed" "$WORK/ocr.tty"

touch "$docs"/doc2*.txt
"$CHIMUC_INDEX" --db "$WORK/db" "$docs" >"$WORK/plain.out" 2>"$WORK/plain.err"
same "not a terminal: exit 0" $? 0
same "not a terminal: nothing on standard error" "$(cat "$WORK/plain.err")" ""
check "not a terminal: no progress in the output either" \
    sh -c "! grep -q 'MB/s' '$WORK/plain.out'"
finish
