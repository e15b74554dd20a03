# SPDX-License-Identifier: GPL-2.0-or-later

# test_serve_tls.sh: chimuc serve over HTTPS (--tls-cert/--tls-key): a
# self-signed certificate made with openssl at test time; curl --cacert
# answered as over plain HTTP, and plain HTTP refused on that port; a key
# or certificate unreadable, not PEM, or not each other's: a one-line error
# naming the file, exit 1, nothing listening; one without the other, and an
# address beyond loopback with TLS but without --auth or --no-auth: usage
# errors; with --auth, the credentials asked over TLS.
. "$(dirname "$0")/lib.sh"

need curl jq openssl

DB="$WORK/db"
index_corpus "$DB"
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

# cert NAME: a self-signed certificate for localhost and 127.0.0.1, and its key.
cert() {
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$WORK/$1.key" -out "$WORK/$1.crt" 2>/dev/null
}
cert a
cert b

# start_tls NAME ARGS...: chimuc serve over TLS with a.crt (lib.sh's start).
start_tls() {
    n=$1
    shift
    start "$n" --db "$DB" --tls-cert "$WORK/a.crt" --tls-key "$WORK/a.key" "$@"
}

start_tls serve
check "the server says its port" test -n "$port"

same "stats over HTTPS, as the CLI" \
    "$(curl -s --cacert "$WORK/a.crt" "$URL/api/stats" | jq -c .)" \
    "$("$CHIMUC" stats --db "$DB" --json | jq -c .)"
same "search over HTTPS, as the CLI" \
    "$(curl -s --cacert "$WORK/a.crt" "$URL/api/search?q=dan+van+kheo" |
        jq -c '.hits[] | del(.id, .type, .number, .date)')" \
    "$("$CHIMUC" search --db "$DB" --json dan van kheo | jq -c .)"
same "an upload over HTTPS" \
    "$(curl -s --cacert "$WORK/a.crt" -F "draft=@$CM_SOURCE_DIR/tests/data/formats/directive.docx" \
        "$URL/api/map" | jq -c '.items[]')" \
    "$("$CHIMUC" map --db "$DB" --json "$CM_SOURCE_DIR/tests/data/formats/directive.docx" | jq -c .)"
check "another certificate is not trusted for it" \
    sh -c "! curl -s --cacert '$WORK/b.crt' '$URL/api/stats' >/dev/null"
code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/stats")
check "plain HTTP on the TLS port is refused (no HTTP answer: $code)" test "$code" = 000
same "still answers over HTTPS" \
    "$(curl -s --cacert "$WORK/a.crt" -o /dev/null -w '%{http_code}' "$URL/api/stats")" 200
kill -TERM "$pid"
wait "$pid"
same "SIGTERM: exit 0" "$?" 0

# refused: each a one-line error naming the file, exit 1
printf 'not a certificate\n' >"$WORK/junk.pem"
: >"$WORK/empty.pem"
# bad_start NAME CERT KEY FILE-NAMED: exit 1, one line on stderr naming FILE-NAMED
bad_start() {
    timeout 10 "$CHIMUC" serve --db "$DB" --listen 127.0.0.1:0 --tls-cert "$2" \
        --tls-key "$3" >/dev/null 2>"$WORK/err"
    same "$1: exit 1" "$?" 1
    same "$1: one line" "$(wc -l <"$WORK/err")" 1
    check "$1: names $4" grep -qF "$4" "$WORK/err"
    check "$1: not serving" sh -c "! grep -q 'on port' '$WORK/err'"
}
bad_start "a certificate missing" "$WORK/none.crt" "$WORK/a.key" "$WORK/none.crt"
bad_start "a key missing" "$WORK/a.crt" "$WORK/none.key" "$WORK/none.key"
bad_start "a certificate that is not PEM" "$WORK/junk.pem" "$WORK/a.key" "$WORK/junk.pem"
bad_start "an empty certificate" "$WORK/empty.pem" "$WORK/a.key" "$WORK/empty.pem"
bad_start "a key that is not PEM" "$WORK/a.crt" "$WORK/junk.pem" "$WORK/junk.pem"
bad_start "the certificate given as the key" "$WORK/a.crt" "$WORK/a.crt" "$WORK/a.crt"
bad_start "the key of another certificate" "$WORK/a.crt" "$WORK/b.key" "$WORK/b.key"
check "its reason says they do not go together" grep -q "not the key of the certificate" "$WORK/err"
if [ "$(id -u)" -ne 0 ]; then
    cp "$WORK/a.key" "$WORK/locked.key"
    chmod 000 "$WORK/locked.key"
    bad_start "a key unreadable" "$WORK/a.crt" "$WORK/locked.key" "$WORK/locked.key"
fi

# usage errors: 2
"$CHIMUC" serve --db "$DB" --listen 127.0.0.1:0 --tls-cert "$WORK/a.crt" >/dev/null 2>"$WORK/err"
same "--tls-cert without --tls-key: usage error" "$?" 2
check "it says they go together" grep -q 'go together' "$WORK/err"
"$CHIMUC" serve --db "$DB" --listen 127.0.0.1:0 --tls-key "$WORK/a.key" >/dev/null 2>&1
same "--tls-key without --tls-cert: usage error" "$?" 2
"$CHIMUC" serve --db "$DB" --listen 0.0.0.0:0 --tls-cert "$WORK/a.crt" --tls-key "$WORK/a.key" \
    >/dev/null 2>"$WORK/err"
same "beyond loopback with TLS, without --auth or --no-auth: usage error" "$?" 2
check "it says why" grep -q 'beyond loopback' "$WORK/err"

# --auth over TLS
printf 'ana:%s\n' "$(openssl passwd -6 -salt s4lt s3cret)" >"$WORK/users"
start_tls auth --auth "$WORK/users"
same "--auth over TLS: 401 without credentials" \
    "$(curl -s --cacert "$WORK/a.crt" -o /dev/null -w '%{http_code}' "$URL/api/stats")" 401
same "--auth over TLS: 200 with them" \
    "$(curl -s --cacert "$WORK/a.crt" -u ana:s3cret -o /dev/null -w '%{http_code}' "$URL/api/stats")" 200
kill -TERM "$pid"
wait "$pid"

finish
