# SPDX-License-Identifier: GPL-2.0-or-later

# test_failed.sh: failed files are remembered. A file skipped for its content
# is not read again while its mtime and size stay the same: its bytes are
# replaced by good text of the same size with the mtime restored, and it
# stays skipped "unchanged since it failed". A new mtime makes it retried
# (and indexed); a file over --max-size is retried when the limit grows; the
# record goes when the file is indexed or vanishes. Every run keeps
# seen = indexed + unchanged + removed + skipped.
. "$(dirname "$0")/lib.sh"

d="$WORK/in"
db="$WORK/db"
mkdir -p "$d"
printf 'Kế hoạch dân vận khéo\n' >"$d/good.txt"

# name | bad bytes (printf format) | good bytes of the same size | reason
cases='binary|dân vận\000khéo\n|dân vận khéo\n|binary file (contains NUL bytes)
pdf|%%PDF-1.4 dân vận\n|xPDF-1.4 dân vận\n|cannot open PDF: PDF document is damaged
gzip|\037\213 dân vận\n|ab dân vận\n|unsupported format: gzip
blank| \n\t\r\n  \n|dân ab\n|empty file (only white space)'

# run NAME OPTIONS...: indexes $d into $db; stdout in $WORK/NAME.out, stderr
# in $WORK/NAME.err; checks exit 0 and the summary's sum.
run() {
    name=$1
    shift
    "$CHIMUC_INDEX" --db "$db" "$@" "$d" >"$WORK/$name.out" 2>"$WORK/$name.err"
    same "$name: exit 0" $? 0
    set -- $(sed -E 's/^chimuc-index: ([0-9]+) seen: ([0-9]+) indexed, ([0-9]+) unchanged, ([0-9]+) removed, ([0-9]+) skipped.*/\1 \2 \3 \4 \5/' "$WORK/$name.out")
    same "$name: seen = indexed + unchanged + removed + skipped" "$1" "$(($2 + $3 + $4 + $5))"
}

# expect RUN PATTERN...: each pattern is on the run's stderr.
expect() {
    name=$1
    shift
    for p in "$@"; do
        if grep -qF -- "$p" "$WORK/$name.err"; then ok; else fail "$name: no '$p' in: $(cat "$WORK/$name.err")"; fi
    done
}

while IFS='|' read -r name bad good _; do
    printf "$bad" >"$d/$name.txt"
    printf "$good" >"$WORK/$name.good"
    touch -r "$d/$name.txt" "$WORK/$name.stamp"
    same "$name: the good bytes have the size of the bad ones" \
        "$(stat -c %s "$d/$name.txt")" "$(stat -c %s "$WORK/$name.good")"
done <<<"$cases"
printf '%0600d\n' 0 | tr 0 'a' | sed 's/a\{5\}/dân /g' >"$d/big.txt"

run first --max-size 256
while IFS='|' read -r name _ _ reason; do
    expect first "$name.txt: skipped: $reason"
done <<<"$cases"
expect first "big.txt: skipped: larger than the size limit"
check "first: 1 indexed, 5 skipped" grep -q ' 1 indexed, 0 unchanged, 0 removed, 5 skipped' "$WORK/first.out"

run again --max-size 256
while IFS='|' read -r name _ _ reason; do
    expect again "$name.txt: skipped (unchanged since it failed): $reason"
done <<<"$cases"
expect again "big.txt: skipped (unchanged since it failed): larger than the size limit"
check "again: nothing read again" grep -q ' 0 indexed, 1 unchanged, 0 removed, 5 skipped' "$WORK/again.out"

# Same size, same mtime, new bytes: not read, so still skipped.
while IFS='|' read -r name _ _ _; do
    cp "$WORK/$name.good" "$WORK/new" && touch -r "$d/$name.txt" "$WORK/new" && mv "$WORK/new" "$d/$name.txt"
done <<<"$cases"
run unread --max-size 256
while IFS='|' read -r name _ _ reason; do
    expect unread "$name.txt: skipped (unchanged since it failed): $reason"
done <<<"$cases"
check "unread: the new bytes were not read" grep -q ' 0 indexed, 1 unchanged, 0 removed, 5 skipped' "$WORK/unread.out"

# A larger limit retries the big file; a new mtime retries the others.
run limit --max-size 1K
check "limit: the big file is retried and indexed" \
    grep -q ' 1 indexed, 1 unchanged, 0 removed, 4 skipped' "$WORK/limit.out"
while IFS='|' read -r name _ _ _; do
    touch -d '+1 second' "$d/$name.txt"
done <<<"$cases"
run retried --max-size 1K
check "retried: a new mtime makes each one read and indexed" \
    grep -q ' 4 indexed, 2 unchanged, 0 removed, 0 skipped' "$WORK/retried.out"
same "retried: no diagnostics" "$(cat "$WORK/retried.err")" ""
same "retried: all six searchable" "$("$CHIMUC" search --db "$db" --json dân | wc -l)" 6

# Indexed files forget their failure: the bad bytes with the first mtime and
# size are read again.
while IFS='|' read -r name bad _ reason; do
    printf "$bad" >"$d/$name.txt"
    touch -r "$WORK/$name.stamp" "$d/$name.txt"
done <<<"$cases"
run forgotten --max-size 1K
while IFS='|' read -r name _ _ reason; do
    expect forgotten "$name.txt: skipped: $reason (its old version is removed from the index)"
done <<<"$cases"

# A vanished file's record goes: recreated good with the same mtime and
# size, it is read.
touch -r "$d/binary.txt" "$WORK/stamp"
rm "$d/binary.txt"
run vanished --max-size 1K
check "vanished: counted nowhere new" grep -q ' 0 indexed, 2 unchanged, 0 removed, 3 skipped' "$WORK/vanished.out"
cp "$WORK/binary.good" "$d/binary.txt"
touch -r "$WORK/stamp" "$d/binary.txt"
run recreated --max-size 1K
check "recreated: read and indexed" grep -q ' 1 indexed, 2 unchanged, 0 removed, 3 skipped' "$WORK/recreated.out"
"$CHIMUC" check --db "$db" >/dev/null
same "the index is consistent" $? 0
finish
