# SPDX-License-Identifier: GPL-2.0-or-later

# test_inject.sh: injected failures of memory and disk. An index of set A
# is updated to set B while the Nth allocation of chimuc's C code fails
# (CM_FAIL_ALLOC, lib/util/failpoint.c) or, through an LD_PRELOAD shim
# (tests/tools/fail_io.c), every write and sync of the index from the Nth on
# fails with ENOSPC or EIO. Every N of the run is tried (up to 300, then a
# spread; all under `make torture`). Each time the indexer exits 1 with one
# line (besides the skip of B's binary file), never a signal or a sanitizer
# report (leaks included), chimuc check passes and the index holds exactly
# the documents of its last commit: A, or for I/O also B when the failure
# came after the final commit. A clean run then reaches B. Needs the
# sanitizer build (CHIMUC_SANITIZE), where the failpoints exist.
. "$(dirname "$0")/lib.sh"

if [ "${CM_FAILPOINTS:-0}" != 1 ]; then
    echo "skipped: failure injection needs the sanitizer build"
    exit 77
fi
: "${CM_FAIL_IO_LIB:?}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
# Xapian's own leak after a failed block write is not ours (xapian.supp);
# the path quoted, as it may hold spaces.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions='$(dirname "$0")/xapian.supp':print_suppressions=0"
# ld.so splits LD_PRELOAD at spaces: the shim by name, found through
# LD_LIBRARY_PATH (split at colons only).
shim_dir=$(dirname "$CM_FAIL_IO_LIB")
shim=$(basename "$CM_FAIL_IO_LIB")
d="$WORK/in"
mkdir -p "$d"
n=0
for f in "$CORPUS"/*.txt; do
    n=$((n + 1))
    cp "$f" "$d/a$n.txt"
    { cat "$f"; printf '\nBản sao %d.\n' "$n"; } >"$d/b$n.txt"
done
"$CHIMUC_INDEX" -q --db "$WORK/A" "$d" >/dev/null 2>&1
"$CHIMUC" check --db "$WORK/A" --dump >"$WORK/A.dump"
# Set B: one file changed, one gone, two new, one binary.
printf '\nPhụ lục: dân vận khéo.\n' >>"$d/a1.txt"
rm "$d/b2.txt"
cp "$CORPUS/000_04ed2d92d4fbe0fc.txt" "$d/c1.txt"
printf 'Kế hoạch dân vận khéo năm 2024\n' >"$d/c2.txt"
printf 'nhị\000phân\n' >"$d/c3.txt"
cp -a "$WORK/A" "$WORK/B"
"$CHIMUC_INDEX" -q --db "$WORK/B" "$d" >/dev/null 2>&1
"$CHIMUC" check --db "$WORK/B" --dump >"$WORK/B.dump"
if cmp -s "$WORK/A.dump" "$WORK/B.dump"; then fail "sets A and B differ"; else ok; fi

# count ENV...: the count a run from A to B reports with ENV set.
count() {
    rm -rf "$WORK/db" && cp -a "$WORK/A" "$WORK/db"
    env "$@" "$CHIMUC_INDEX" -q --db "$WORK/db" "$d" 2>&1 >/dev/null | sed -n 's/^fail.*: \([0-9]*\) .*/\1/p'
}

# points TOTAL: the N to try: all up to 300 (or under torture), else 1-20
# and 280 more spread over the run.
points() {
    if [ "${CM_TORTURE:-0}" = 1 ] || [ "$1" -le 300 ]; then
        seq 1 "$1"
    else
        { seq 1 20; seq 21 $(( ($1 - 21) / 280 + 1 )) "$1"; } | sort -nu
    fi
}

# one_line: the run's error is one line, besides the binary file's.
one_line() {
    grep -v '^chimuc-index: .*/in/c3.txt: skipped: binary file' "$WORK/err" >"$WORK/fatal"
    if [ "$(wc -l <"$WORK/fatal")" -ne 1 ] || ! grep -q '^chimuc-index: ' "$WORK/fatal"; then
        fail "$what: not one line:"
        sed 's/^/    /' "$WORK/err" | head -20 >&2
        return 1
    fi
}

xapian_aborts=0
# inject KIND N ENV...: one run from A to B with ENV set; KIND alloc must
# end at A, KIND io at A or B.
inject() {
    kind=$1 n=$2
    shift 2
    rm -rf "$WORK/db" && cp -a "$WORK/A" "$WORK/db"
    env "$@" "$CHIMUC_INDEX" -q --db "$WORK/db" "$d" >/dev/null 2>"$WORK/err"
    rc=$?
    what="$kind failure $n ($*)"
    # libxapian itself calls std::terminate when some block writes fail
    # inside commit_transaction (backtrace: Xapian's frames only); the
    # index must still be at its last commit.
    if [ "$kind" = io ] && [ $rc -eq 134 ] && grep -q '^terminate called' "$WORK/err"; then
        xapian_aborts=$((xapian_aborts + 1))
    elif [ $rc -ne 1 ]; then fail "$what: exit $rc"; sed 's/^/    /' "$WORK/err" | head -20 >&2; return
    elif ! one_line; then return
    fi
    if ! "$CHIMUC" check --db "$WORK/db" >/dev/null 2>"$WORK/cerr"; then
        fail "$what: chimuc check fails: $(head -3 "$WORK/cerr")"
        return
    fi
    "$CHIMUC" check --db "$WORK/db" --dump >"$WORK/db.dump"
    if cmp -s "$WORK/db.dump" "$WORK/A.dump"; then
        ok
    elif [ "$kind" = io ] && cmp -s "$WORK/db.dump" "$WORK/B.dump"; then
        ok
    else
        fail "$what: the index is neither its last commit nor B"
    fi
}

allocs=$(count CM_FAIL_ALLOC=count)
check "allocations were counted ($allocs)" test "${allocs:-0}" -gt 100
for n in $(points "$allocs"); do
    inject alloc "$n" CM_FAIL_ALLOC="$n"
done

ios=$(count CM_FAIL_IO=count LD_LIBRARY_PATH="$shim_dir" LD_PRELOAD="$shim")
check "writes and syncs were counted ($ios)" test "${ios:-0}" -gt 5
i=0
for n in $(points "$ios"); do
    i=$((i + 1))
    e=ENOSPC
    [ $((i % 2)) -eq 0 ] && e=EIO
    inject io "$n" CM_FAIL_IO="$n" CM_FAIL_ERRNO=$e LD_LIBRARY_PATH="$shim_dir" LD_PRELOAD="$shim"
done
echo "tried $(points "$allocs" | wc -l) of $allocs allocation failures, $(points "$ios" | wc -l) of $ios I/O failures ($xapian_aborts ended in libxapian's std::terminate, the index at its last commit)"

"$CHIMUC_INDEX" -q --db "$WORK/db" "$d" >/dev/null 2>&1
same "after a failure, a clean run succeeds" $? 0
"$CHIMUC" check --db "$WORK/db" --dump >"$WORK/db.dump"
check "…and reaches B" cmp -s "$WORK/db.dump" "$WORK/B.dump"
finish
