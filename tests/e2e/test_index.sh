# SPDX-License-Identifier: GPL-2.0-or-later

# test_index.sh: the indexer: incremental runs, removal, bad inputs reported
# and skipped, the locked index, usage.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
docs="$WORK/docs"
mkdir -p "$docs/sub"
cp "$CORPUS"/000_*.txt "$CORPUS"/002_*.txt "$docs/"
cp "$CORPUS"/003_*.txt "$docs/sub/"

"$CHIMUC_INDEX" --db "$db" "$docs" >"$WORK/out" 2>"$WORK/err"
same "first run exits 0" $? 0
check "first run indexes 3" grep -q '3 seen: 3 indexed, 0 unchanged, 0 removed, 0 skipped' "$WORK/out"

"$CHIMUC_INDEX" --db "$db" "$docs/" >"$WORK/out" 2>"$WORK/err"
check "rerun changes nothing and says so" \
    grep -q '3 seen: 0 indexed, 3 unchanged, 0 removed, 0 skipped; the index is unchanged' "$WORK/out"

printf '\nThêm một câu về dân vận khéo.\n' >>"$docs/002_"*.txt
touch -d '+1 second' "$docs/002_"*.txt
"$CHIMUC_INDEX" --db "$db" "$docs" >"$WORK/out" 2>&1
check "a changed file is replaced" grep -q '1 indexed, 2 unchanged' "$WORK/out"
same "still 3 documents" "$("$CHIMUC" stats --db "$db" --json | jq .documents)" 3

rm "$docs/sub/"003_*.txt
"$CHIMUC_INDEX" --db "$db" "$docs" >"$WORK/out" 2>&1
check "a deleted file is removed" grep -q '1 removed' "$WORK/out"
same "removed file gone from results" "$(paths "$db" '"Thường trực Tỉnh ủy"' | grep -c 003_)" 0
same "2 documents left" "$("$CHIMUC" stats --db "$db" --json | jq .documents)" 2

# Bad inputs: named on stderr with a reason; the good ones indexed; exit 0.
bad="$WORK/bad"
mkdir -p "$bad"
cp "$CORPUS"/001_*.txt "$bad/good.txt"
printf 'BIN\001\002\000\003 data\000' >"$bad/binary.txt"
: >"$bad/empty.txt"
printf '   \n\t\n' >"$bad/blank.txt"
printf 'C\xc3\xb4ng t\xc3\xa1c d\xc3\xa2n v\xe1\xba\xadn \xff\xfe kh\xc3\xa9o\n' >"$bad/latin.txt"
printf 'not a document\n' >"$bad/notes.jsonl"
"$CHIMUC_INDEX" --db "$WORK/bad-index" "$bad" >"$WORK/out" 2>"$WORK/err"
same "bad inputs: exit 0" $? 0
check "binary named" grep -q "binary.txt: skipped: binary file" "$WORK/err"
check "empty named" grep -q "empty.txt: skipped: empty file" "$WORK/err"
check "blank named" grep -q "blank.txt: skipped: empty file" "$WORK/err"
check "invalid UTF-8 warned" grep -q "latin.txt: warning: .* invalid UTF-8" "$WORK/err"
check "summary adds up" grep -q '5 seen: 2 indexed, 0 unchanged, 0 removed, 3 skipped (1 with warnings); 1 other files ignored' "$WORK/out"
same "good and invalid-UTF-8 files are searchable" \
    "$(paths "$WORK/bad-index" khéo | bases | sort | tr '\n' ' ')" "good.txt latin.txt "
"$CHIMUC_INDEX" --strict --db "$WORK/bad-index" "$bad" >/dev/null 2>&1
same "--strict exits 1 on skipped inputs" $? 1

# A second writer gets exit 75 at once.
mkfifo "$WORK/hold"
"$CM_LOCK_HOLDER" "$db" <"$WORK/hold" >"$WORK/holder.out" &
holder=$!
exec 3>"$WORK/hold"
for _ in $(seq 50); do grep -q locked "$WORK/holder.out" 2>/dev/null && break; sleep 0.1; done
"$CHIMUC_INDEX" --db "$db" "$docs" >/dev/null 2>"$WORK/err"
same "second writer exits 75" $? 75
check "and says why" grep -q 'index is locked by another writer' "$WORK/err"
exec 3>&-
wait "$holder"
"$CHIMUC_INDEX" --db "$db" "$docs" >/dev/null 2>&1
same "the lock is free again" $? 0

"$CHIMUC_INDEX" >/dev/null 2>&1
same "no PATH is a usage error" $? 2
"$CHIMUC_INDEX" --bogus x >/dev/null 2>&1
same "unknown option is a usage error" $? 2
check "--help" sh -c "'$CHIMUC_INDEX' --help | grep -q 'Exit status'"
check "--version" sh -c "'$CHIMUC_INDEX' --version | grep -q chimuc-index"
finish
