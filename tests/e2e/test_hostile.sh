# SPDX-License-Identifier: GPL-2.0-or-later

# test_hostile.sh: hostile and broken inputs, one row per case: each is
# indexed (with a warning where due) or skipped with its reason, the run
# goes on, and seen = indexed + unchanged + removed + skipped.
. "$(dirname "$0")/lib.sh"

d="$WORK/in"
mkdir -p "$d"
good="$CORPUS/000_04ed2d92d4fbe0fc.txt"

# name | how to make it (run in $d) | expected stderr pattern ("-" for none) | outcome
cases='invalid-utf8|printf "d\\xc3\\xa2n v\\xe1\\xba\\xadn \\xff\\xfe kh\\xc3\\xa9o\\n" > invalid.txt|invalid.txt: warning: 2 invalid UTF-8|indexed
legacy-guess|printf "d\\xe2n v\\xe1n kh\\xe9o ok\\n" > legacy.txt|legacy.txt: warning: encoding uncertain (read as windows-1258)|indexed
nul-bytes|printf "dân\\000vận\\n" > nul.txt|nul.txt: skipped: binary file|skipped
pdf-magic|printf "%%PDF-1.4\\n" > scan.txt|scan.txt: skipped: cannot open PDF: PDF document is damaged|skipped
empty|: > empty.txt|empty.txt: skipped: empty file|skipped
whitespace|printf " \\n\\t\\r\\n" > blank.txt|blank.txt: skipped: empty file (only white space)|skipped
too-big|printf "%02048d" 0 > big.txt|big.txt: skipped: larger than the size limit|skipped
fifo|mkfifo fifo.txt|fifo.txt: skipped: not a regular file|skipped
socket|python3 -c "import socket; socket.socket(socket.AF_UNIX).bind(\"sock.txt\")"|sock.txt: skipped: not a regular file|skipped
dangling-link|ln -s nowhere.txt dangling.txt|dangling.txt: skipped: symbolic link|skipped
link-loop|mkdir loop && ln -s .. loop/up|loop/up: skipped: symbolic link|skipped
newline-in-name|cp "$good" "$(printf "new\\nline.txt")"|-|indexed
invalid-utf8-name|cp "$good" "$(printf "bad\\377name.txt")"|-|indexed
good|cp "$good" good.txt|-|indexed'

indexed=0
skipped=0
while IFS='|' read -r name make _ _; do
    (cd "$d" && eval "$make") || fail "could not make case $name"
done <<<"$cases"
printf '%s\n' "$cases" >"$WORK/cases"
"$CHIMUC_INDEX" --db "$WORK/db" --max-size 1K "$d" >"$WORK/out" 2>"$WORK/err"
same "exit 0 whatever the input" $? 0
while IFS='|' read -r name _ pattern outcome; do
    if [ "$pattern" != "-" ]; then
        if grep -q -- "$pattern" "$WORK/err"; then ok; else fail "$name: no '$pattern' on stderr"; fi
    fi
    case $outcome in
        indexed) indexed=$((indexed + 1)) ;;
        skipped) skipped=$((skipped + 1)) ;;
    esac
done <"$WORK/cases"
# Under the 1 KiB limit the copies of the sample file are skipped too.
check "summary: $((indexed - 3)) indexed, $((skipped + 3)) skipped" \
    grep -q " $((indexed - 3)) indexed, 0 unchanged, 0 removed, $((skipped + 3)) skipped" "$WORK/out"
seen=$(sed -E 's/^chimuc-index: ([0-9]+) seen: ([0-9]+) indexed, ([0-9]+) unchanged, ([0-9]+) removed, ([0-9]+) skipped.*/\1 \2 \3 \4 \5/' "$WORK/out")
set -- $seen
same "seen = indexed + unchanged + removed + skipped" "$1" "$(($2 + $3 + $4 + $5))"
check "every diagnostic is one line starting with the program" \
    sh -c "! grep -v '^chimuc-index: ' '$WORK/err'"
check "a newline in a name is escaped" grep -q 'new\\nline.txt' "$WORK/err"

# With a limit that admits the sample files, the good ones are indexed.
rm -f "$d/big.txt"
"$CHIMUC_INDEX" --db "$WORK/db2" "$d" >"$WORK/out2" 2>"$WORK/err2"
same "exit 0 again" $? 0
check "the good files, odd names included, are indexed" \
    grep -q ' 5 indexed, 0 unchanged, 0 removed, 8 skipped' "$WORK/out2"
same "files with odd names are searchable" \
    "$("$CHIMUC" search --db "$WORK/db2" --json '"Hội Nhà báo tỉnh"' | wc -l)" 3

# --follow: a loop is detected, a dangling link still skipped.
"$CHIMUC_INDEX" --follow --db "$WORK/db3" "$d" >"$WORK/out3" 2>"$WORK/err3"
same "--follow exits 0" $? 0
check "--follow detects the loop" grep -q 'loop/up: skipped: symbolic link loop' "$WORK/err3"
check "--follow reports the dangling link" grep -q 'dangling.txt: skipped: dangling symbolic link' "$WORK/err3"

# Hostile queries end with an answer or a clean error, quickly.
head -c 1000000 /dev/zero | tr '\0' a >"$WORK/big-query"
start=$(date +%s%N)
"$CHIMUC" search --db "$WORK/db2" - <"$WORK/big-query" >/dev/null 2>"$WORK/qerr"
same "a 1 MB query (from standard input) is refused" $? 1
check "with a reason" grep -q 'bad query: query longer than' "$WORK/qerr"
check "quickly" test $(( ($(date +%s%N) - start) / 1000000 )) -lt 5000
for q in "$(printf '(%.0s' $(seq 10000))dân" '"dân vận' 'dân*' ')))' 'NOT' '-' 'OR OR OR'; do
    start=$(date +%s%N)
    timeout 10 "$CHIMUC" search --db "$WORK/db2" "$q" >/dev/null 2>"$WORK/qerr"
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ $rc -le 1 ]; then ok; else fail "query '${q:0:20}…' exit $rc"; fi
    if [ $rc -eq 0 ] || grep -q '^chimuc: ' "$WORK/qerr"; then ok; else fail "query '${q:0:20}…' no message"; fi
    if [ $ms -lt 5000 ]; then ok; else fail "query '${q:0:20}…' took $ms ms"; fi
done
finish
