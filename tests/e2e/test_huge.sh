# SPDX-License-Identifier: GPL-2.0-or-later

# test_huge.sh: a 100 MB single line and a 100 MB word (one token, no
# space) are indexed (with --max-size 200M) in bounded memory (peak RSS
# under 1.5 GiB, about ten times the 100 MB for the line under ASan, so
# never several copies per byte of analysis) and in linear time (100 MB
# takes under 20 times as long as 10 MB); no term passes Xapian's limit (it
# would throw), the index passes chimuc check and the line is searchable.
. "$(dirname "$0")/lib.sh"

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (package time)"; exit 1; }
mb=${CM_HUGE_MB:-100}

# name | text repeated to fill the file | a word the index must find ("-": none)
cases='line|dân vận khéo công tác 2024 Kế hoạch số 15-KH/BDVTW ngày 15/10/2018 |khéo
word|dânvậnkhéoCôngtác2024|-'

# make FILE UNIT MB: FILE holds UNIT repeated to MB megabytes, no line break.
make_file() {
    python3 -c 'import sys
u = sys.argv[2].encode()
n = int(sys.argv[3]) * 1048576 // len(u)
with open(sys.argv[1], "wb") as f:
    f.write(u * n)' "$1" "$2" "$3"
}

while IFS='|' read -r name unit word; do
    for size in $((mb / 10)) "$mb"; do
        f="$WORK/$name$size.txt"
        make_file "$f" "$unit" "$size"
        /usr/bin/time -o "$WORK/time" -f '%e %M' \
            "$CHIMUC_INDEX" --db "$WORK/db-$name$size" --max-size 200M "$f" >"$WORK/out" 2>"$WORK/err"
        same "$name $size MB: exit 0" $? 0
        check "$name $size MB: indexed" grep -q ' 1 indexed,' "$WORK/out"
        read -r secs kb <"$WORK/time"
        eval "secs_$size=$secs"
        echo "$name $size MB: $secs s, peak RSS $((kb / 1024)) MiB"
        check "$name $size MB: peak RSS $((kb / 1024)) MiB under 1.5 GiB" test "$kb" -lt 1572864
        "$CHIMUC" check --db "$WORK/db-$name$size" >/dev/null 2>"$WORK/cerr"
        same "$name $size MB: chimuc check passes" $? 0
        if [ "$word" != - ]; then
            same "$name $size MB: searchable" "$("$CHIMUC" search --db "$WORK/db-$name$size" --json "$word" | wc -l)" 1
        fi
        rm -rf "$f" "$WORK/db-$name$size"
    done
    small=$(eval "echo \$secs_$((mb / 10))")
    big=$(eval "echo \$secs_$mb")
    check "$name: $mb MB in $big s, under 20 times the $((mb / 10)) MB's $small s" \
        awk -v a="$big" -v b="$small" 'BEGIN { exit !(a < 20 * (b < 0.1 ? 0.1 : b)) }'
done <<<"$cases"
finish
