# SPDX-License-Identifier: GPL-2.0-or-later

# test_parallel.sh: a new index is built by several threads into shards,
# merged and swapped in: the same index as one writer makes (canonical
# dumps, and every term, position and document number), consistent,
# compacted, its scratch folder gone; what a killed
# build left behind is cleared by the next; an index that already holds
# documents is updated by one writer, as before.
. "$(dirname "$0")/lib.sh"

docs="$WORK/docs"
copy_corpus "$docs" 40
printf 'x\000y' >"$docs/binary.txt"

"$CHIMUC_INDEX" --jobs 1 --db "$WORK/one" "$docs" >"$WORK/one.out" 2>&1
same "one writer: exit 0" $? 0
mkdir -p "$WORK/three.build/shard0"
: >"$WORK/three.build/shard0/junk"
"$CHIMUC_INDEX" --jobs 3 --db "$WORK/three" "$docs" >"$WORK/three.out" 2>"$WORK/three.err"
same "three threads: exit 0" $? 0
same "the same summary" "$(cat "$WORK/three.out")" "$(grep seen "$WORK/one.out")"
check "the skipped file reported once" test "$(grep -c 'binary.txt: skipped' "$WORK/three.err")" -eq 1
check "no scratch folder left, a stale one cleared" test ! -e "$WORK/three.build"
check "consistent" "$CHIMUC" check --db "$WORK/three"
"$CHIMUC" check --db "$WORK/one" --dump >"$WORK/one.dump"
"$CHIMUC" check --db "$WORK/three" --dump >"$WORK/three.dump"
check "the same documents as one writer's" cmp -s "$WORK/one.dump" "$WORK/three.dump"
same "every document" "$(wc -l <"$WORK/three.dump")" "$n"
"$CM_TERM_DUMP" "$WORK/one" >"$WORK/one.terms"
"$CM_TERM_DUMP" "$WORK/three" >"$WORK/three.terms"
check "the same terms, positions and document numbers" cmp -s "$WORK/one.terms" "$WORK/three.terms"
same "the same hits" "$(paths "$WORK/three" dao duc nghe nghiep | sort)" "$(paths "$WORK/one" dao duc nghe nghiep | sort)"
check "compacted: smaller than one writer's" \
    test "$(du -sk "$WORK/three" | cut -f1)" -lt "$(du -sk "$WORK/one" | cut -f1)"

printf 'Kế hoạch mới: dân vận khéo.\n' >"$docs/new.txt"
rm "$docs/doc1.txt"
"$CHIMUC_INDEX" --jobs 3 --db "$WORK/three" "$docs" >"$WORK/again.out" 2>&1
check "then updated by one writer" grep -q "1 indexed, $((n - 1)) unchanged, 1 removed, 1 skipped" "$WORK/again.out"
check "still consistent" "$CHIMUC" check --db "$WORK/three"
finish
