# SPDX-License-Identifier: GPL-2.0-or-later

# test_paths.sh: one document per file whatever the spelling of its path:
# a folder indexed by its absolute path, then as ./folder, then as folder/
# from its parent, then through "..", "." and doubled slashes, keeps one
# document per file and the top-cited counts; a file reached through a
# symbolic link with --follow is its target's document; cites finds a document by any spelling of its path;
# an index of the old format is refused with a message saying how to
# rebuild it, never doubled.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
mkdir -p "$WORK/top/sub"
cp "$CORPUS"/*.txt "$WORK/top/sub/"
files=$(ls "$WORK/top/sub" | wc -l)

docs() {
    "$CHIMUC" stats --db "$db" --json | jq -r .documents
}

"$CHIMUC_INDEX" --db "$db" "$WORK/top/sub" >/dev/null
same "absolute path: one document per file" "$(docs)" "$files"
"$CHIMUC" top-cited --db "$db" --json >"$WORK/top1.jsonl"
check "top-cited counts something" test -s "$WORK/top1.jsonl"
check "stored paths are absolute" sh -c "'$CHIMUC' search --db '$db' --json --brief --limit 100 dân | jq -r .path | grep -qv '^/' && exit 1 || exit 0"

(cd "$WORK/top" && "$CHIMUC_INDEX" --db "$db" ./sub >"$WORK/out2")
same "./folder: still one document per file" "$(docs)" "$files"
check "./folder: nothing indexed again" grep -q "0 indexed, $files unchanged" "$WORK/out2"
(cd "$WORK/top" && "$CHIMUC_INDEX" --db "$db" sub/ >/dev/null)
same "folder/ from its parent: still one per file" "$(docs)" "$files"
(cd "$WORK/top/sub" && "$CHIMUC_INDEX" --db "$db" "../sub//." >/dev/null)
same "../sub//.: still one per file" "$(docs)" "$files"
"$CHIMUC" top-cited --db "$db" --json >"$WORK/top2.jsonl"
check "top-cited counts unchanged" cmp -s "$WORK/top1.jsonl" "$WORK/top2.jsonl"

# a file named on the command line, by a relative and a doubled spelling
one=$(ls "$WORK/top/sub" | head -1)
(cd "$WORK/top" && "$CHIMUC_INDEX" --db "$db" "sub//$one" "./sub/../sub/$one" >/dev/null)
same "a file by two spellings: still one per file" "$(docs)" "$files"
same "cites finds a relative spelling" \
    "$(cd "$WORK/top" && "$CHIMUC" cites --db "$db" --count "./sub/$one")" \
    "$("$CHIMUC" cites --db "$db" --count "$WORK/top/sub/$one")"

# a prune by another spelling still removes the file that is gone
rm "$WORK/top/sub/$one"
(cd "$WORK/top" && "$CHIMUC_INDEX" --db "$db" sub >"$WORK/out3")
same "a vanished file is removed" "$(docs)" "$((files - 1))"
check "and counted once" grep -q "1 removed" "$WORK/out3"

# symbolic links: skipped without --follow, resolved with it
mkdir -p "$WORK/real"
cp "$CORPUS"/000_*.txt "$WORK/real/doc.txt"
ln -s "$WORK/real/doc.txt" "$WORK/link.txt"
ln -s real "$WORK/linkdir"
"$CHIMUC_INDEX" --db "$WORK/links" "$WORK/link.txt" >/dev/null 2>"$WORK/err"
check "a link is not followed without --follow" grep -q "symbolic link (not followed" "$WORK/err"
fdb="$WORK/followed"
"$CHIMUC_INDEX" --db "$fdb" --follow "$WORK/link.txt" "$WORK/real/doc.txt" "$WORK/linkdir/doc.txt" >/dev/null
same "with --follow a link is its target: one document" \
    "$("$CHIMUC" search --db "$fdb" --json --brief dân | jq -r .path)" "$WORK/real/doc.txt"
"$CHIMUC_INDEX" --db "$fdb" --follow "$WORK/link.txt" >/dev/null
same "and stays one on a rerun" \
    "$("$CHIMUC" search --db "$fdb" --json --brief dân | jq -r .path)" "$WORK/real/doc.txt"

# an index of the old format: refused, with how to rebuild it
odb="$WORK/old"
"$CHIMUC_INDEX" --db "$odb" "$WORK/real" >/dev/null
xapian-metadata set "$odb" chimuc.format 2
"$CHIMUC_INDEX" --db "$odb" "$WORK/real" >/dev/null 2>"$WORK/err"
same "the indexer refuses an old index" $? 1
check "saying how to rebuild it" grep -q "index format 2.*delete this folder.*run chimuc-index again" "$WORK/err"
"$CHIMUC" stats --db "$odb" >/dev/null 2>"$WORK/err"
same "so does chimuc" $? 1
check "with the same advice" grep -q "run chimuc-index again" "$WORK/err"
same "and nothing was added" "$(xapian-delve "$odb" 2>/dev/null | sed -n 's/^number of documents = //p')" 1
finish
