# SPDX-License-Identifier: GPL-2.0-or-later

# test_churn.sh: files changed and deleted while chimuc-index reads them. A
# background loop rewrites in place (new content, new size: sizes only grow),
# deletes and recreates files of a folder of 3,000 small documents while the
# indexer walks it. The run exits 0, chimuc check passes (no stored hash
# disagrees with an unchanged file: the mtime and size stored are those of
# the file as opened), and once the loop stops a second run leaves the index
# equal to a fresh index of the final folder (canonical dumps compared).
. "$(dirname "$0")/lib.sh"

d="$WORK/in"
for g in $(seq 0 29); do
    mkdir -p "$d/g$g"
    for i in $(seq 0 99); do
        printf 'Kế hoạch số %d-KH/BDVTW\ndân vận khéo nhóm %d tệp %d\n' "$((g * 100 + i))" "$g" "$i" \
            >"$d/g$g/f$i.txt"
    done
done
pad=$(printf 'dan van kheo %.0s' $(seq 1 800))

# Until $WORK/stop exists: rewrite, delete, recreate random files.
churn() {
    i=0
    while [ ! -e "$WORK/stop" ]; do
        i=$((i + 1))
        f="$d/g$((RANDOM % 30))/f$((RANDOM % 100)).txt"
        case $((RANDOM % 4)) in
            0) rm -f "$f" ;;
            *) printf 'Bản sửa %d\n%s\n' "$i" "${pad:0:i}" >"$f" ;;
        esac
    done
    echo "$i" >"$WORK/churned"
}

churn &
churner=$!
"$CHIMUC_INDEX" --db "$WORK/db" --batch 100 "$d" >"$WORK/out" 2>"$WORK/err"
same "the run under churn exits 0" $? 0
touch "$WORK/stop"
wait "$churner"
echo "churn: $(cat "$WORK/churned") changes during the run; $(cat "$WORK/out")"
check "no crash, every diagnostic a skip or warning line" \
    sh -c "! grep -v -e '^chimuc-index: .*: skipped: ' -e '^chimuc-index: .*: warning: ' '$WORK/err'"
"$CHIMUC" check --db "$WORK/db" >/dev/null 2>"$WORK/check.err"
same "the index passes chimuc check" $? 0
cat "$WORK/check.err" >&2

"$CHIMUC_INDEX" -q --db "$WORK/db" "$d" >/dev/null 2>&1
same "the second run exits 0" $? 0
"$CHIMUC_INDEX" -q --db "$WORK/fresh" "$d" >/dev/null 2>&1
"$CHIMUC" check --db "$WORK/db" --dump >"$WORK/db.dump"
"$CHIMUC" check --db "$WORK/fresh" --dump >"$WORK/fresh.dump"
check "…and the index equals a fresh index of the final folder" cmp -s "$WORK/db.dump" "$WORK/fresh.dump"
diff "$WORK/db.dump" "$WORK/fresh.dump" | head -5 >&2
same "every file of the final folder is there" "$(wc -l <"$WORK/db.dump")" "$(find "$d" -name '*.txt' | wc -l)"
finish
