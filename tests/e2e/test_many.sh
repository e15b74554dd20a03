# SPDX-License-Identifier: GPL-2.0-or-later

# test_many.sh: many tiny files keep descriptors and memory flat. 1,000 and
# 10,000 files (10,000 and 100,000 under `make torture`, CM_TORTURE=1) in
# folders of 1,000: the indexer's open descriptors, sampled from /proc during
# the run, stay under 32 and do not grow with the count; its peak RSS with
# ten times the files stays within 1.5 times plus 16 MiB. ASan's quarantine
# of freed memory (256 MiB by default) is set to 4 MiB so that the test
# measures chimuc's memory, not the sanitizer's. One writer (--jobs 1): a
# parallel build holds a fixed number of descriptors more per shard.
. "$(dirname "$0")/lib.sh"

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (package time)"; exit 1; }
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4"
small=1000
[ "${CM_TORTURE:-0}" = 1 ] && small=10000
big=$((small * 10))

# make_tree DIR N: N tiny documents in folders of 1,000.
make_tree() {
    python3 -c 'import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = "%s/g%d" % (root, i // 1000)
    if i % 1000 == 0:
        os.makedirs(d)
    with open("%s/f%d.txt" % (d, i), "w") as f:
        f.write("Kế hoạch số %d dân vận khéo\n" % i)' "$1" "$2"
}

# measure N: indexes N files; sets rss_N (KiB) and fds_N (the most open).
measure() {
    n=$1
    make_tree "$WORK/in$n" "$n"
    /usr/bin/time -o "$WORK/time$n" -f '%M' \
        "$CHIMUC_INDEX" --jobs 1 --db "$WORK/db$n" "$WORK/in$n" >"$WORK/out$n" 2>"$WORK/err$n" &
    timer=$!
    most=0
    while kill -0 "$timer" 2>/dev/null; do
        for pid in $(cat "/proc/$timer/task/$timer/children" 2>/dev/null); do
            k=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
            [ "$k" -gt "$most" ] && most=$k
        done
        sleep 0.02
    done
    wait "$timer"
    same "$n files: exit 0" $? 0
    check "$n files: all indexed" grep -q "^chimuc-index: $n seen: $n indexed" "$WORK/out$n"
    eval "rss_$n=$(cat "$WORK/time$n")"
    eval "fds_$n=$most"
    echo "$n files: peak RSS $(($(cat "$WORK/time$n") / 1024)) MiB, at most $most descriptors open"
    rm -rf "$WORK/in$n" "$WORK/db$n"
}

measure "$small"
measure "$big"
eval "rs=\$rss_$small rb=\$rss_$big fs=\$fds_$small fb=\$fds_$big"
check "descriptors were sampled" test "$fs" -gt 0 -a "$fb" -gt 0
check "descriptors stay under 32 ($fb)" test "$fb" -lt 32
check "descriptors do not grow with the files ($fs, then $fb)" test "$fb" -le $((fs + 2))
check "peak RSS $((rb / 1024)) MiB within 1.5 x $((rs / 1024)) MiB + 16 MiB" \
    test "$rb" -le $((rs * 3 / 2 + 16384))
finish
