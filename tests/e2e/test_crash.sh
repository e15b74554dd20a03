# SPDX-License-Identifier: GPL-2.0-or-later

# test_crash.sh: crash safety. SIGKILL chimuc-index at random moments while
# it indexes a few thousand documents, one writer or a parallel build
# (CM_KILLS times, 50 by default; `make torture` sets more): after each kill the index opens, Xapian's check and
# chimuc check find nothing wrong, and the next writer gets the lock at once.
# Rerunning to the end gives the same index as a run never interrupted
# (canonical dumps compared). Searches running during the writes never fail.
. "$(dirname "$0")/lib.sh"

kills=${CM_KILLS:-50}
docs="$WORK/docs"
copy_corpus "$docs" 400

"$CHIMUC_INDEX" -q --db "$WORK/clean" "$docs" >/dev/null 2>&1
same "the uninterrupted run succeeds" $? 0
"$CHIMUC" check --db "$WORK/clean" --dump >"$WORK/clean.dump"

db="$WORK/killed"
bad=0
for k in $(seq 1 "$kills"); do
    # Odd kills hit a one-writer run; even ones a parallel build while the
    # index is still empty (shards, merge, swap), else a one-writer run.
    "$CHIMUC_INDEX" -q --batch 200 --jobs $((k % 2 + 1)) --db "$db" "$docs" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -d "$db" ] || continue
    if ! "$CHIMUC" check --db "$db" >/dev/null 2>"$WORK/check.err"; then
        bad=$((bad + 1))
        sed 's/^/    /' "$WORK/check.err" | head -5 >&2
    fi
done
same "after $kills kills the index is always consistent" "$bad" 0

"$CHIMUC_INDEX" -q --db "$db" "$docs" >/dev/null 2>"$WORK/err"
same "the run after the kills gets the lock and finishes" $? 0
"$CHIMUC" check --db "$db" --dump >"$WORK/killed.dump"
check "…to the same index as an uninterrupted run" cmp -s "$WORK/clean.dump" "$WORK/killed.dump"
same "every document is there" "$(wc -l <"$WORK/killed.dump")" "$n"

# Readers during writes: searches while another index is written.
# The index exists before the writer starts, so that every search must
# succeed: "no index here" is a failure too.
"$CHIMUC_INDEX" -q --db "$WORK/busy" "$CORPUS/000_04ed2d92d4fbe0fc.txt" >/dev/null
same "the index to search exists" $? 0
"$CHIMUC_INDEX" -q --batch 100 --db "$WORK/busy" "$docs" >/dev/null 2>&1 &
writer=$!
failures=0
for _ in $(seq 1 20); do
    "$CHIMUC" search --db "$WORK/busy" --json dân vận >/dev/null 2>"$WORK/serr" ||
        { failures=$((failures + 1)); head -3 "$WORK/serr" >&2; }
done
wait "$writer"
same "searches during writes never fail" "$failures" 0
finish
