# SPDX-License-Identifier: GPL-2.0-or-later

# lib.sh: helpers sourced by the end-to-end tests: a scratch folder, an
# index of the sample corpus, and assertions that count and report.
# Needs CHIMUC, CHIMUC_INDEX and CM_SOURCE_DIR (set by ctest).
set -u
: "${CHIMUC:?}" "${CHIMUC_INDEX:?}" "${CM_SOURCE_DIR:?}"
CORPUS="$CM_SOURCE_DIR/corpus"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chimuc-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

ok() {
    passed=$((passed + 1))
}

fail() {
    failed=$((failed + 1))
    echo "FAIL: $*" >&2
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
    desc=$1
    shift
    if "$@"; then ok; else fail "$desc"; fi
}

# same DESCRIPTION A B: two strings must be equal.
same() {
    if [ "$2" = "$3" ]; then ok; else fail "$1: '$2' != '$3'"; fi
}

# Indexes the five sample directives into $1.
index_corpus() {
    "$CHIMUC_INDEX" --db "$1" "$CORPUS"/*.txt >/dev/null
}

# paths DB QUERY...: the paths of the hits, one per line, in rank order.
paths() {
    db=$1
    shift
    "$CHIMUC" search --db "$db" --json --limit 100 "$@" | jq -r .path
}

# bases: the file name of each path on standard input, one a line (paths
# may hold spaces).
bases() {
    while IFS= read -r p; do
        printf '%s\n' "${p##*/}"
    done
}

# copy_corpus DIR TIMES: TIMES copies of each sample directive in DIR
# (docN.txt), each made distinct by a last line; sets n to their number.
copy_corpus() {
    mkdir -p "$1"
    n=0
    for _ in $(seq 1 "$2"); do
        for f in "$CORPUS"/*.txt; do
            n=$((n + 1))
            { cat "$f"; printf '\nBản số %d: dân vận khéo %d.\n' "$n" "$n"; } >"$1/doc$n.txt"
        done
    done
}

# citing_doc FILE: writes a directive (7-KH/BDVTU) citing sample 004
# (1600-KH/BDVTW of 28/02/2018) into FILE.
citing_doc() {
    cat >"$1" <<'DOC'
BAN DÂN VẬN TỈNH ỦY
Số 7-KH/BDVTU
KẾ HOẠCH
Thực hiện Kế hoạch công tác dân vận năm 2018
Căn cứ Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Ban Dân vận Trung ương về công tác năm 2018, Ban Dân vận Tỉnh ủy xây dựng kế hoạch thực hiện như sau.
DOC
}

# need TOOL...: skips the test (exit 77) when a tool is not installed.
need() {
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null; then
            echo "SKIP: $tool is not installed"
            exit 77
        fi
    done
}

# start NAME ARGS...: starts chimuc serve on a free loopback port, its
# stderr in $WORK/NAME.log; sets pid, port, URL (https with --tls-cert)
# and adds pid to pids (the caller's trap stops them).
start() {
    name=$1
    shift
    scheme=http
    case " $* " in *" --tls-cert "*) scheme=https ;; esac
    "$CHIMUC" serve --listen 127.0.0.1:0 "$@" 2>"$WORK/$name.log" &
    pid=$!
    pids="$pids $pid"
    port=""
    for _ in $(seq 1 100); do
        port=$(sed -n 's/.* on port \([0-9]*\)$/\1/p' "$WORK/$name.log")
        [ -n "$port" ] && break
        sleep 0.1
    done
    URL="$scheme://127.0.0.1:$port"
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
