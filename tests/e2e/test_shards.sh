# SPDX-License-Identifier: GPL-2.0-or-later

# test_shards.sh: an index of many shards answers as one index over the
# union of their documents. The samples and the real set, split into two
# and into four shards (each built by chimuc-index from its part of the same
# files), are read through --db repeated, a stub file of local shards
# (`auto`, paths with spaces) and stub files of shards served by
# xapian-tcpsrv on free loopback ports (and one by xapian-progsrv); every
# reading command's --json lines (the "shard" field taken out) equal those
# of the union. Then:
# `dan van kheo` over remote shards (which serve no synonyms); a shard
# killed (a one-line warning naming it, a "partial" last line, the
# documents of the others; --all-shards fails); `chimuc serve` over remote
# shards with one killed mid-run (partial) and back (used again without a
# restart); a shard of another chimuc format refused with its name; a read
# replica kept current by xapian-replicate while the master is written.
. "$(dirname "$0")/lib.sh"

for tool in jq curl xapian-tcpsrv xapian-metadata xapian-replicate xapian-replicate-server; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (scripts/install-deps.sh)"
        exit 77
    fi
done

pids=""
trap 'for p in $pids; do kill_tree "$p"; done; rm -rf "$WORK"' EXIT

# kill_tree PID: the process and the children it forked, by SIGKILL (as a
# crash would; xapian-tcpsrv answers SIGTERM by killing its whole process
# group, which is the test's; it serves each connection in a child of its
# own).
kill_tree() {
    for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        kill -KILL "$c" 2>/dev/null
    done
    kill -KILL "$1" 2>/dev/null
}

# serve_shard VAR DB: xapian-tcpsrv on DB, on a free loopback port (tried
# until one binds); VAR_port and VAR_pid are set.
serve_shard() {
    var=$1
    for _ in $(seq 1 20); do
        p=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
        start_tcpsrv "$var" "$2" "$p" && return 0
    done
    fail "no free port for xapian-tcpsrv"
    return 1
}

# start_tcpsrv VAR DB PORT: 0 once it listens, 1 if it exited.
start_tcpsrv() {
    log="$WORK/tcpsrv-$1.log"
    xapian-tcpsrv --interface 127.0.0.1 --port "$3" "$2" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        if grep -q Listening "$log"; then
            pids="$pids $pid"
            eval "${1}_port=$3 ${1}_pid=$pid"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    kill "$pid"
    return 1
}

# The documents: the samples and the real set (with its documents that
# replace, repeal and amend others, and a plan citing one replaced before),
# in a folder with a space.
DOCS="$WORK/the docs"
mkdir -p "$DOCS"
v="$CM_SOURCE_DIR/tests/data/validity"
cp "$CORPUS"/*.txt "$CM_SOURCE_DIR"/tests/data/real/*.txt "$CM_SOURCE_DIR"/tests/data/real/validity/*.txt \
    "$v"/corpus/*.txt "$v"/more/*.txt "$DOCS/"
"$CHIMUC_INDEX" --db "$WORK/union" "$DOCS" >/dev/null 2>&1
# split N PREFIX: N shards PREFIX0.. of the same files, dealt in turn.
split() {
    i=0
    for f in "$DOCS"/*; do
        printf '%s\0' "$f" >>"$WORK/list$((i % $1))"
        i=$((i + 1))
    done
    for k in $(seq 0 $(($1 - 1))); do
        xargs -0 "$CHIMUC_INDEX" --db "$2$k" <"$WORK/list$k" >/dev/null 2>&1
        rm "$WORK/list$k"
    done
}
split 2 "$WORK/two "
split 4 "$WORK/four "
docs=$("$CHIMUC" stats --db "$WORK/union" --json | jq .documents)
check "the union holds every document" test "$docs" -gt 70

# The questions asked of every form of the index.
questions() {
    cat <<'EOF'
search|--json|nghị quyết
search|--json|--limit|3|--offset|1|kế hoạch thực hiện
search|--json|--count|đảng
search|--json|dan van kheo
search|--json|--brief|chỉ thị
top-cited|--json
top-cited|--json|--limit|2|--offset|1
top-cited|--json|--count
deadlines|--json
deadlines|--json|--all
deadlines|--json|--on|15/10
deadlines|--json|--from|2024-06|--to|2025
deadlines|--json|--type|KH
deadlines|--json|--count
deadlines|--ics|--on|15/10
cited-by|--json|25-NQ/TW@2013
cited-by|--json|--depth|2|25-NQ/TW@2013
cited-by|--json|--depth|3|49-CT/TW
cited-by|--json|--type|KH|05-CT/TW
cites|--json|1600-KH/BDVTW
graph|--format|json
graph|--format|dot|--around|25-NQ/TW@2013
graph|--format|graphml
check
stats|--json
search|--json|status:replaced
status|--json|--today|2026-12-01|3080/QĐ-UBND|119/QĐ-UBND|34/2016/NĐ-CP|1090/QĐ-UBND|25-NQ/TW@2013
stale|--json|--today|2026-12-01
EOF
    for f in "$DOCS"/00*.txt "$DOCS"/r0*.txt; do
        printf 'map|--json|%s\ncites|--json|%s\n' "$f" "$f"
    done
}

# answer DB-ARGS... -- QUESTION: what the command writes; JSON with the
# shard fields and the figures of the folders (bytes, db, shards) taken
# out and scores to 12 digits (summed in another order over shards, they
# may differ in the last bit); other text without the index's name where
# check names it. A failure of the command is a failure of the test.
answer() {
    args=()
    while [ "$1" != -- ]; do
        args+=("$1")
        shift
    done
    IFS='|' read -r -a q <<<"$2"
    if ! "$CHIMUC" "${q[0]}" "${args[@]}" "${q[@]:1}" >"$WORK/answer" 2>&1; then
        fail "$2 (${args[*]}): $(head -n 1 "$WORK/answer")"
    fi
    case "$2" in
    *--json* | *json)
        jq -c 'if type == "object" then del(.shard, .bytes, .db, .shards) else . end |
            if type == "object" and has("score") then .score |= (. * 1e12 | round) else . end' \
            <"$WORK/answer" || fail "$2 (${args[*]}): not JSON Lines"
        ;;
    check) sed 's/^.*: the index/the index/' "$WORK/answer" ;;
    *) cat "$WORK/answer" ;;
    esac
}

# same_answers NAME DB-ARGS...: every question answered as by the union.
same_answers() {
    name=$1
    shift
    differ=0
    answered=0
    k=0
    mkdir -p "$WORK/want"
    while IFS= read -r question; do
        k=$((k + 1))
        [ -f "$WORK/want/$k" ] || answer --db "$WORK/union" -- "$question" >"$WORK/want/$k"
        want=$(cat "$WORK/want/$k")
        got=$(answer "$@" -- "$question")
        [ -n "$want" ] && answered=$((answered + 1))
        if [ "$want" != "$got" ]; then
            differ=$((differ + 1))
            fail "$name: '$question' differs from the union's"
            diff <(echo "$want") <(echo "$got") | head -5 >&2
        fi
    done < <(questions)
    same "$name: every answer is the union's" "$differ" 0
    # all but the two of r08, which cites nothing
    check "$name: (the union answered $answered of $(questions | wc -l))" \
        test "$answered" -eq $(($(questions | wc -l) - 2))
}

same_answers "two local shards" --db "$WORK/two 0" --db "$WORK/two 1"
printf '# four shards\nauto four 0\n\nauto %s\nauto four 2\nauto ./four 3\n' "$WORK/four 1" \
    >"$WORK/local.stub"
same_answers "four local shards, stub file" --db "$WORK/local.stub"

serve_shard t0 "$WORK/two 0" && serve_shard t1 "$WORK/two 1"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$t0_port" "$t1_port" >"$WORK/two.stub"
same_answers "two remote shards" --db "$WORK/two.stub"
for k in 0 1 2 3; do serve_shard "f$k" "$WORK/four $k"; done
printf 'remote 127.0.0.1:%s\n' "$f0_port" "$f1_port" "$f2_port" "$f3_port" >"$WORK/four.stub"
same_answers "four remote shards" --db "$WORK/four.stub"
printf 'remote 127.0.0.1:%s\nauto four 1\n' "$f0_port" >"$WORK/mixed.stub"
same_answers "a remote and a local shard (2 of 4)" --db "$WORK/mixed.stub" \
    --db "$WORK/four 2" --db "$WORK/four 3"

# A shard through xapian-progsrv (what `remote :ssh HOST xapian-progsrv
# PATH` runs on the other end; its arguments are split at spaces).
ln -s "$WORK/two 1" "$WORK/two-1"
printf 'auto two 0\nremote :xapian-progsrv %s\n' "$WORK/two-1" >"$WORK/prog.stub"
for question in 'search|--json|dan van kheo' 'cited-by|--json|--depth|2|25-NQ/TW@2013' \
    'top-cited|--json|--limit|5' 'stats|--json'; do
    same "xapian-progsrv shard: $question" "$(answer --db "$WORK/prog.stub" -- "$question")" \
        "$(answer --db "$WORK/union" -- "$question")"
done

# A word typed without diacritics over shards that serve no synonyms.
n=$("$CHIMUC" search --db "$WORK/four.stub" --count "dan van kheo")
same "dan van kheo over four remote shards" "$n" \
    "$("$CHIMUC" search --db "$WORK/union" --count "dân vận khéo")"
check "(and finds some)" test "$n" -gt 0
check "a hit says its shard" sh -c '"$1" search --db "$2" --json "dan van kheo" |
    jq -e -s "all(.shard | test(\"^127.0.0.1:[0-9]+\$\"))" >/dev/null' sh "$CHIMUC" "$WORK/four.stub"
check "citing documents say their shards" sh -c '"$1" cited-by --db "$2" --db "$3" --json \
    35-CT/TW@2019 | jq -e -s "(map(.shard) | unique) == ([\$a, \$b] | sort)" \
    --arg a "$2" --arg b "$3" >/dev/null' sh "$CHIMUC" "$WORK/two 0" "$WORK/two 1"
one=$("$CHIMUC" search --db "$WORK/union" --json "dan van kheo" | jq -s 'map(has("shard")) | any')
same "one index's hits have no shard field" "$one" false

# A shard killed: the others answer, the answer says it is partial.
kill_tree "$f3_pid"
sleep 0.2
"$CHIMUC" search --db "$WORK/four.stub" --shard-timeout 2 --json --limit 1000 "dân vận" \
    >"$WORK/partial.out" 2>"$WORK/partial.err"
same "a shard down: the command succeeds" $? 0
same "one warning line" "$(wc -l <"$WORK/partial.err")" 1
check "naming the shard" grep -q "shard 127.0.0.1:$f3_port did not answer" "$WORK/partial.err"
same "the last line says partial" "$(tail -n 1 "$WORK/partial.out" | jq -c .)" \
    "{\"partial\":true,\"missing\":[\"127.0.0.1:$f3_port\"]}"
want=$("$CHIMUC" search --db "$WORK/four 0" --db "$WORK/four 1" --db "$WORK/four 2" --json \
    --limit 1000 "dân vận" | jq -r .path | sort)
same "the documents of the other shards" "$(head -n -1 "$WORK/partial.out" | jq -r .path | sort)" \
    "$want"
"$CHIMUC" search --db "$WORK/four.stub" --all-shards --count "dân vận" >/dev/null 2>"$WORK/all.err"
same "--all-shards: fails" $? 1
check "(naming it)" grep -q "127.0.0.1:$f3_port" "$WORK/all.err"
"$CHIMUC" cited-by --db "$WORK/four.stub" --depth 2 25-NQ/TW@2013 >"$WORK/cb.out" 2>"$WORK/cb.err"
same "cited-by with a shard down succeeds" $? 0
check "(with the warning)" grep -q "did not answer" "$WORK/cb.err"

# chimuc serve over the two remote shards: one killed mid-run, then back.
start serve --db "$WORK/two.stub" --shard-timeout 2
total=$(curl -s "$URL/api/search?q=dan+van+kheo" | jq .total)
same "serve: dan van kheo over remote shards" "$total" "$n"
same "serve: whole" "$(curl -s "$URL/api/stats" | jq -c '[.documents, .partial]')" "[$docs,null]"
kill_tree "$t1_pid"
sleep 0.2
half=$("$CHIMUC" stats --db "$WORK/two 0" --json | jq .documents)
same "serve: a shard killed mid-run: partial" \
    "$(curl -s "$URL/api/stats" | jq -c '[.documents, .partial, .missing]')" \
    "[$half,true,[\"127.0.0.1:$t1_port\"]]"
same "serve: searches go on" "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/search?q=dan")" 200
start_tcpsrv t1 "$WORK/two 1" "$t1_port" || fail "the shard's port could not be bound again"
back=""
for _ in $(seq 1 50); do
    back=$(curl -s "$URL/api/stats" | jq -c '[.documents, .partial]')
    [ "$back" = "[$docs,null]" ] && break
    sleep 0.2
done
same "serve: the shard back is used again, without a restart" "$back" "[$docs,null]"

# A shard of another chimuc format is refused, with its name.
cp -r "$WORK/four 0" "$WORK/old shard"
xapian-metadata set "$WORK/old shard" chimuc.format 1
"$CHIMUC" stats --db "$WORK/four 1" --db "$WORK/old shard" >/dev/null 2>"$WORK/old.err"
same "a shard of another format: refused" $? 1
check "(named, with its format)" grep -q "shard $WORK/old shard: made by another version of chimuc (index format 1" "$WORK/old.err"
same "(in one line)" "$(wc -l <"$WORK/old.err")" 1

# A read replica: xapian-replicate copies the master (written with
# XAPIAN_MAX_CHANGESETS, so that changesets are kept) and keeps it current;
# chimuc reads the replica while the master is written.
mkdir -p "$WORK/masters" "$WORK/half"
for f in "$DOCS"/*; do
    case "${f##*/}" in r[0-4]*) cp "$f" "$WORK/half/" ;; esac
done
XAPIAN_MAX_CHANGESETS=20 "$CHIMUC_INDEX" --db "$WORK/masters/office" "$CORPUS" >/dev/null 2>&1
for _ in $(seq 1 20); do
    p=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
    xapian-replicate-server --interface 127.0.0.1 --port "$p" "$WORK/masters" \
        >"$WORK/repl.log" 2>&1 &
    rpid=$!
    sleep 0.3
    kill -0 "$rpid" 2>/dev/null && break
done
pids="$pids $rpid"
replicate() {
    xapian-replicate --one-shot --quiet --host 127.0.0.1 --port "$p" --master office \
        --reader-time 0 "$WORK/replica" >>"$WORK/replicate.log" 2>&1
}
replicate
same "replica: a first copy" "$("$CHIMUC" stats --db "$WORK/replica" --json | jq .documents)" \
    "$("$CHIMUC" stats --db "$WORK/masters/office" --json | jq .documents)"
XAPIAN_MAX_CHANGESETS=20 "$CHIMUC_INDEX" --db "$WORK/masters/office" "$WORK/half" \
    >/dev/null 2>&1 &
ipid=$!
reads=0
while kill -0 "$ipid" 2>/dev/null || [ "$reads" -eq 0 ]; do
    "$CHIMUC" search --db "$WORK/replica" --count "dân vận" >/dev/null || fail "replica read"
    reads=$((reads + 1))
done
wait "$ipid"
check "replica: read while the master was written" test "$reads" -gt 0
replicate
same "replica: current after the changesets" \
    "$("$CHIMUC" stats --db "$WORK/replica" --json | jq .documents)" \
    "$("$CHIMUC" stats --db "$WORK/masters/office" --json | jq .documents)"
check "(by changesets, not a second copy)" sh -c \
    'ls "$1"/changes* >/dev/null 2>&1' sh "$WORK/masters/office"
same "replica: the same answers" \
    "$(answer --db "$WORK/replica" -- 'search|--json|dan van kheo')" \
    "$(answer --db "$WORK/masters/office" -- 'search|--json|dan van kheo')"
finish
