# SPDX-License-Identifier: GPL-2.0-or-later

# test_serve.sh: chimuc serve as a client uses it: the server on a free
# loopback port over an index of the samples; every endpoint with curl,
# each listing's items equal to the CLI's --json lines for the same
# question; bad requests (400), an unknown document (404), a body too large
# (413), a URL too long (414), a missing index (503, then 200 once built),
# traversal (../ and %2e%2e), a slow client dropped after the timeout while
# others are answered, a new commit seen without a restart, an address
# beyond loopback refused unless --auth FILE (checked) or --no-auth, SIGTERM
# finishing the request in flight.
. "$(dirname "$0")/lib.sh"

need curl jq

DB="$WORK/db"
index_corpus "$DB"
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

# status PATH [CURL ARGS...]: the HTTP status of a request; its body in $WORK/body.
status() {
    p=$1
    shift
    curl -s --path-as-is -o "$WORK/body" -w '%{http_code}' "$@" "$URL$p"
}

# items PATH: the items of a listing, one compact JSON object a line.
items() {
    curl -s "$URL$1" | jq -c '.items[]'
}

# cli ARGS...: the CLI's --json lines, compact.
cli() {
    cmd=$1
    shift
    "$CHIMUC" "$cmd" --db "$DB" --json "$@" 2>/dev/null | jq -c .
}

# eventually DESCRIPTION EXPECTED COMMAND...: the command's output becomes
# EXPECTED within 5 s (a commit is answered once the warmer has published it:
# CM_SERVE_WATCH_MS, then the cached answers read again).
eventually() {
    desc=$1
    want=$2
    shift 2
    for _ in $(seq 1 50); do
        got=$("$@")
        [ "$got" = "$want" ] && break
        sleep 0.1
    done
    same "$desc" "$got" "$want"
}

# total Q: the total of a search.
total() {
    curl -s "$URL/api/search?$1" | jq .total
}

# uri S: S percent-encoded as one path segment or parameter value.
uri() {
    jq -rn --arg s "$1" '$s | @uri'
}

start main --db "$DB"
check "the server says its port" test -n "$port"

# --- every endpoint, as the CLI answers --------------------------------
same "stats" "$(curl -s "$URL/api/stats" | jq -c .)" "$(cli stats)"

# hits: the CLI's lines and the document's id, type, number, date
hits() {
    curl -s "$URL$1" | jq -c '.hits[] | del(.id, .type, .number, .date)'
}
same "search: the hits are chimuc search --json's" \
    "$(hits "/api/search?q=dan+van+kheo")" "$(cli search dan van kheo)"
same "search: facets=0 leaves the facets out" \
    "$(curl -s "$URL/api/search?q=dan+van+kheo&facets=0" | jq -c '[has("facets"), .total]')" \
    "$(curl -s "$URL/api/search?q=dan+van+kheo" | jq -c '[false, .total]')"
same "search: a page" "$(hits "/api/search?q=dan+van+kheo&limit=2&offset=1")" \
    "$(cli search --limit 2 --offset 1 dan van kheo)"
hit=$(curl -s "$URL/api/search?q=1600-KH/BDVTW&limit=1" | jq -c '.hits[0] | [.id, .type, .number, .date]')
same "search: a hit's id, type, number, date" "$hit" \
    '["1600-KH/BDVTW@2018","Kế hoạch","1600-KH/BDVTW@2018","2018-02-28"]'
same "search: a hit's id is /api/doc's" \
    "$(curl -s "$URL/api/doc/$(uri 1600-KH/BDVTW@2018)" | jq -r .number)" 1600-KH/BDVTW@2018
same "search: the total" "$(curl -s "$URL/api/search?q=dan+van+kheo&limit=1" | jq .total)" \
    "$("$CHIMUC" search --db "$DB" --count dan van kheo)"
same "search: type= is type:" \
    "$(hits "/api/search?q=dan+van&type=KH&year=2018")" \
    "$(cli search dan van type:KH year:2018)"
same "search: brief" "$(hits "/api/search?q=dan+van&brief=1")" \
    "$(cli search --brief dan van)"
facets=$(curl -s "$URL/api/search?q=dan+van+kheo&limit=1" | jq -c .facets)
same "search: the facets of the whole match" "$facets" \
    '{"type":{"HD":1,"KH":3},"issuer":{"BCĐ":1,"BDVTU-HNB":1,"BDVTW":1},"year":{"2017":1,"2018":2}}'
same "search: a facet's count is its filter's total" "$(echo "$facets" | jq .type.KH)" \
    "$("$CHIMUC" search --db "$DB" --count dan van kheo type:KH)"

same "search: facets=0, none" \
    "$(curl -s "$URL/api/search?q=dan+van+kheo&facets=0" | jq -c 'has("facets")')" false

same "cited-by" "$(items "/api/cited-by?ref=25-NQ/TW")" "$(cli cited-by 25-NQ/TW)"
same "cited-by: depth, type, page" "$(items "/api/cited-by?ref=25-NQ/TW&depth=2&type=KH&limit=1&offset=1")" \
    "$(cli cited-by --depth 2 --type KH --limit 1 --offset 1 25-NQ/TW)"
same "cited-by: the total" "$(curl -s "$URL/api/cited-by?ref=25-NQ/TW&limit=1" | jq .total)" \
    "$("$CHIMUC" cited-by --db "$DB" --count 25-NQ/TW)"
same "cites" "$(items "/api/cites?id=1600-KH/BDVTW")" "$(cli cites 1600-KH/BDVTW)"
same "cites: a page" "$(items "/api/cites?id=1600-KH/BDVTW&limit=3&offset=2")" \
    "$(cli cites --limit 3 --offset 2 1600-KH/BDVTW)"
same "top-cited" "$(items "/api/top-cited?limit=1000")" "$(cli top-cited)"
same "top-cited: the total" "$(curl -s "$URL/api/top-cited?limit=2" | jq .total)" \
    "$("$CHIMUC" top-cited --db "$DB" --count)"
same "deadlines on 15/10" "$(items "/api/deadlines?on=15/10")" "$(cli deadlines --on 15/10)"
same "deadlines on 15/10: the five sample documents" \
    "$(curl -s "$URL/api/deadlines?on=15/10" | jq -r '.items[].path' | sort -u | wc -l)" 5
same "deadlines from, to, type" "$(items "/api/deadlines?from=2018-01&to=2018-12&type=KH")" \
    "$(cli deadlines --from 2018-01 --to 2018-12 --type KH)"
same "deadlines owed by a body, typed as people write it (issue 17)" \
    "$(items "/api/deadlines?on=15/10&actor=ban+dan+van&by=actor")" \
    "$(cli deadlines --on 15/10 --actor "ban dan van" --by actor)"
check "and some are owed by it" test -n "$(items "/api/deadlines?on=15/10&actor=ban+dan+van")"
same "deadlines to a body" "$(items "/api/deadlines?recipient=ban+thuong+truc+uy+ban+mttq")" \
    "$(cli deadlines --recipient "Ban Thường trực Ủy ban MTTQ")"
same "two of them" "$(items "/api/deadlines?recipient=ban+thuong+truc+uy+ban+mttq" | wc -l)" 2
same "deadlines: the iCalendar" \
    "$(curl -s "$URL/api/deadlines?on=15/10&format=ics" | grep -v '^DTSTAMP')" \
    "$("$CHIMUC" deadlines --db "$DB" --on 15/10 --ics | grep -v '^DTSTAMP')"
same "deadlines: text/calendar" \
    "$(curl -s -o /dev/null -w '%{content_type}' "$URL/api/deadlines?on=15/10&format=ics")" \
    "text/calendar; charset=utf-8"
same "graph: json" "$(items "/api/graph")" "$("$CHIMUC" graph --db "$DB" --format json | jq -c .)"
same "graph: dot around a reference" "$(curl -s "$URL/api/graph?around=25-NQ/TW&depth=2&format=dot")" \
    "$("$CHIMUC" graph --db "$DB" --around 25-NQ/TW --depth 2 --format dot)"
same "graph: graphml" "$(curl -s "$URL/api/graph?format=graphml")" \
    "$("$CHIMUC" graph --db "$DB" --format graphml)"
draft="$CORPUS/004_3c74891c68df0f2c.txt"
same "map: a plain-text draft" \
    "$(curl -s --data-binary @"$draft" "$URL/api/map" | jq -c '.items[]')" "$(cli map "$draft")"
same "map: the total" "$(curl -s --data-binary @"$draft" "$URL/api/map" | jq .total)" \
    "$("$CHIMUC" map --db "$DB" --json "$draft" | wc -l)"
fx="$CM_SOURCE_DIR/tests/data/formats"
for f in directive.docx directive.pdf table_footnote.docx vni_defaults.docx; do
    same "map: $f uploaded (multipart, field draft) as the CLI reads it" \
        "$(curl -s -F "draft=@$fx/$f" "$URL/api/map" | jq -c '.items[]')" "$(cli map "$fx/$f")"
done
check "map: the uploaded DOCX has citations" \
    test "$(curl -s -F "draft=@$fx/directive.docx" "$URL/api/map" | jq .total)" -gt 0
same "map: the DOCX's bytes as the body, as uploaded" \
    "$(curl -s --data-binary "@$fx/directive.docx" "$URL/api/map" | jq -c .)" \
    "$(curl -s -F "draft=@$fx/directive.docx" "$URL/api/map" | jq -c .)"
same "map: a text field draft" \
    "$(curl -s -F "draft=<$draft" "$URL/api/map" | jq -c '.items[]')" "$(cli map "$draft")"
same "map: other fields beside draft are skipped" \
    "$(curl -s -F submit=1 -F "draft=@$fx/directive.pdf" -F x=y "$URL/api/map" | jq -c '.items[]')" \
    "$(cli map "$fx/directive.pdf")"
for f in malformed.docx damaged.pdf encrypted.pdf directive_truncated.docx; do
    same "map: a bad upload $f is 400" "$(status /api/map -F "draft=@$fx/$f")" 400
    same "map: its error is the reader's reason" "$(jq -r .error "$WORK/body")" \
        "$("$CHIMUC" map --db "$DB" --json "$fx/$f" 2>&1 >/dev/null | sed 's/^chimuc: [^:]*: //')"
done
same "map: an upload without the field draft is 400" \
    "$(status /api/map -F "file=@$fx/directive.docx")" 400
same "map: its error names the field" "$(jq -r .error "$WORK/body")" \
    "the upload has no field 'draft' (the draft)"
same "map: multipart without a boundary is 400" \
    "$(status /api/map -H 'Content-Type: multipart/form-data' --data-binary x)" 400

doc=$(curl -s "$URL/api/doc/1600-KH/BDVTW")
same "doc: its path" "$(echo "$doc" | jq -r .path | bases)" 004_3c74891c68df0f2c.txt
same "doc: its number" "$(echo "$doc" | jq -r .number)" 1600-KH/BDVTW@2018
same "doc: what it cites" "$(echo "$doc" | jq -c '.cites[] | del(.id, .status)')" \
    "$(cli cites 1600-KH/BDVTW)"
same "doc: none of the samples it cites is in the corpus" \
    "$(echo "$doc" | jq -r '.cites[] | "\(.status) \(.id != null) \(.path != null)"' | sort -u)" \
    "cited_only false false"
check "doc: its text" test "$(echo "$doc" | jq '.text | length')" -gt 1000
same "doc: its validity, as chimuc status says it" "$(echo "$doc" | jq -c .validity)" \
    "$(cli status 1600-KH/BDVTW@2018)"
check "doc: its dates" test "$(echo "$doc" | jq '.dates | length')" -gt 0
hd=$(uri 02-HD/BCĐ)
same "doc: who cites it" "$(curl -s "$URL/api/doc/$hd" | jq -c '.cited_by[]')" \
    "$(cli cited-by 02-HD/BCĐ)"
same "doc: by its path" "$(curl -s "$URL/api/doc/$(uri "$draft")" | jq -r .number)" 1600-KH/BDVTW@2018
same "HEAD of an endpoint" "$(curl -s -I -o /dev/null -w '%{http_code}' "$URL/api/stats")" 200

# --- errors --------------------------------------------------------------
for bad in "/api/search" "/api/search?q=a&limit=x" "/api/search?q=a&limit=1001" \
    "/api/search?q=a&nosuch=1" "/api/search?q=a&q=b" "/api/search?q=%zz" \
    "/api/search?q=dan&type=XYZ" "/api/search?q=dan&year=20" "/api/search?q=dan&type=a+b" \
    "/api/cited-by" "/api/cited-by?ref=abc" "/api/cited-by?ref=25-NQ/TW&depth=0" \
    "/api/cites" "/api/deadlines?on=99/99" "/api/deadlines?on=15/10&from=2018" \
    "/api/deadlines?format=pdf" "/api/graph?format=png" "/api/graph?around=abc" "/api/doc/"; do
    same "400 for $bad" "$(status "$bad")" 400
    same "a JSON error for $bad" "$(jq -r 'has("error")' "$WORK/body")" true
done
same "404 for an unknown document" "$(status /api/doc/9999-XX/YY)" 404
same "its error says so" "$(jq -r .error "$WORK/body")" "no document 9999-XX/YY in the index"
same "404 for cites of an unknown document" "$(status "/api/cites?id=9999-XX/YY")" 404
same "404 for no endpoint" "$(status /api/nothing)" 404
same "/ is the web page (test_web.sh)" "$(status /)" 200
same "405 for POST on a GET endpoint" "$(status "/api/search?q=a" -X POST)" 405
same "405 for GET on /api/map" "$(status /api/map)" 405
same "400 for an empty draft" "$(status /api/map -X POST --data-binary '')" 400

# traversal: never a file, plain or encoded
for p in "/../../etc/passwd" "/api/../../etc/passwd" "/api/%2e%2e/%2e%2e/etc/passwd" \
    "/api/doc/..%2F..%2Fetc%2Fpasswd" "/api/doc/%2E%2E/x" "/api/doc/a%5C..%5Cb" \
    "/api/./stats" "/api/doc/$(uri "$CORPUS")/../corpus/x"; do
    code=$(status "$p")
    same "traversal $p refused" "$code" 400
    check "traversal $p: no file in the answer" sh -c "! grep -q root: '$WORK/body'"
done

# limits: a body too large, declared or chunked; a URL too long; headers too large
head -c $((9 * 1024 * 1024)) /dev/zero | tr '\0' a >"$WORK/big"
same "413 for a body too large" "$(status /api/map --data-binary @"$WORK/big")" 413
same "413 for a chunked body too large" \
    "$(status /api/map -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big")" 413
same "413's error is JSON" "$(jq -r .error "$WORK/body")" "the body is too large"
same "413 for an upload too large" "$(status /api/map -F "draft=@$WORK/big")" 413
same "413 for a chunked upload too large" \
    "$(status /api/map -H 'Transfer-Encoding: chunked' -F "draft=@$WORK/big")" 413
head -c $((8 * 1024 * 1024 - 100)) /dev/zero | tr '\0' a >"$WORK/edge"
same "an upload's draft just under the limit is read (the framing is not counted)" \
    "$(status /api/map -F "draft=@$WORK/edge")" 200
head -c $((8 * 1024 * 1024 + 1)) /dev/zero | tr '\0' a >"$WORK/edge"
same "an upload's draft one byte past the limit is 413" "$(status /api/map -F "draft=@$WORK/edge")" 413
long=$(head -c 9000 /dev/zero | tr '\0' a)
same "414 for a URL too long" "$(status "/api/search?q=$long")" 414
same "431 for headers too large" \
    "$(status /api/stats -H "X-Big: $(head -c 40000 /dev/zero | tr '\0' a)")" 431
same "the server still answers" "$(status /api/stats)" 200

# a slow client: half a request holds no thread, and is dropped after the timeout
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/stats HTTP/1.1\r\nHost: x\r\n' >&3
t0=$(date +%s)
same "others are answered meanwhile" "$(status "/api/search?q=dan")" 200
if timeout 30 cat <&3 >/dev/null; then ok; else fail "the slow client is dropped"; fi
elapsed=$(($(date +%s) - t0))
check "dropped after the timeout (${elapsed}s)" test "$elapsed" -ge 5 -a "$elapsed" -le 25
exec 3>&-

# connections from one address: at most 64 (CM_SERVE_CONNECTIONS_PER_IP)
fds=""
for _ in $(seq 1 64); do
    exec {fd}<>"/dev/tcp/127.0.0.1/$port"
    fds="$fds $fd"
done
check "the 65th connection from one address is refused" \
    sh -c "! curl -s -m 5 -o /dev/null '$URL/api/stats'"
for fd in $fds; do
    exec {fd}>&-
done
sleep 0.5
same "answered again once they are closed" "$(status /api/stats)" 200

# a commit of the indexer is seen without a restart
cp "$CORPUS/000_04ed2d92d4fbe0fc.txt" "$WORK/new.txt"
echo "Một dòng riêng: zzqqvv." >>"$WORK/new.txt"
# (the answers are cached by the index's revision: never one of an older
# revision, and a commit answered within a moment)
same "before the commit" "$(total q=zzqqvv)" 0
same "before the commit, asked again" "$(total "limit=10&q=zzqqvv")" 0
stats_before=$(curl -s "$URL/api/stats" | jq .documents)
"$CHIMUC_INDEX" --db "$DB" "$WORK/new.txt" >/dev/null
eventually "after the commit" 1 total q=zzqqvv
same "after the commit, the same question written otherwise" "$(total "limit=10&q=zzqqvv")" 1
same "after the commit, asked again" "$(total q=zzqqvv)" 1
same "stats after the commit" "$(curl -s "$URL/api/stats" | jq .documents)" $((stats_before + 1))
sed -i 's/zzqqvv/zzkkxx/' "$WORK/new.txt"
"$CHIMUC_INDEX" --db "$DB" "$WORK/new.txt" >/dev/null
eventually "a changed document: its new word is found" 1 total q=zzkkxx
same "a changed document: its old word is gone (at once with the new)" "$(total q=zzqqvv)" 0
same "a changed document: its hit is the new text" \
    "$(curl -s "$URL/api/search?q=zzkkxx" | jq -r '.hits[0].snippet' | grep -c zzkkxx)" 1
for _ in 1 2 3; do
    same "never the answer before the commit again" "$(total q=zzqqvv)" 0
done

# SIGTERM: the request in flight is finished, then exit 0
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/stats HTTP/1.1\r\nHost: x\r\n' >&3
sleep 0.3
kill -TERM "$pid"
sleep 0.3
printf 'Connection: close\r\n\r\n' >&3
same "the request in flight is answered" "$(timeout 10 head -1 <&3 | tr -d '\r')" "HTTP/1.1 200 OK"
exec 3>&-
wait "$pid"
same "SIGTERM: exit 0" "$?" 0
check "SIGTERM: said so" grep -q 'stopped' "$WORK/main.log"
check "no new connection after SIGTERM" sh -c "! curl -s -m 2 '$URL/api/stats' >/dev/null"

# --- a missing index: 503 until it is built ----------------------------
start missing --db "$WORK/later"
same "503 without an index" "$(status /api/stats)" 503
same "its error says how" "$(jq -r .error "$WORK/body")" \
    "no index yet: build it with chimuc-index, then retry"
same "404 still for no endpoint" "$(status /api/nothing)" 404
index_corpus "$WORK/later"
same "200 once built" "$(status /api/stats)" 200
# a document citing one of the corpus: its citation resolved, and the other way
citing_doc "$WORK/citing.txt"
"$CHIMUC_INDEX" --db "$WORK/later" "$WORK/citing.txt" >/dev/null
eventually "the citing document, once committed" 200 status "/api/doc/$(uri "$WORK/citing.txt")"
citing=$(curl -s "$URL/api/doc/$(uri "$WORK/citing.txt")")
same "doc: a citation in the corpus, resolved" \
    "$(echo "$citing" | jq -r '.cites[] | select(.key | startswith("1600-KH/BDVTW")) | "\(.status) \(.id)"')" \
    "in_corpus 1600-KH/BDVTW@2018"
same "doc: its id is /api/doc's" \
    "$(curl -s "$URL/api/doc/$(uri 1600-KH/BDVTW@2018)" | jq -r '.cited_by[].path' | bases)" citing.txt
kill -INT "$pid"
wait "$pid"
same "SIGINT: exit 0" "$?" 0

# --- safe by default ---------------------------------------------------
"$CHIMUC" serve --db "$DB" --listen 0.0.0.0:0 >/dev/null 2>"$WORK/err"
same "beyond loopback without --no-auth: usage error" "$?" 2
check "it says why" grep -q 'beyond loopback' "$WORK/err"
for bad in "nohost" "127.0.0.1:99999" "example.org:80" "[::1" "1.2.3:80"; do
    "$CHIMUC" serve --db "$DB" --listen "$bad" >/dev/null 2>&1
    same "--listen $bad: usage error" "$?" 2
done
"$CHIMUC" serve --db "$DB" --threads 0 >/dev/null 2>&1
same "--threads 0: usage error" "$?" 2
# --auth FILE: HTTP Basic against salted crypt(3) hashes
if command -v openssl >/dev/null; then
    {
        echo "# the office"
        echo "an:$(openssl passwd -6 -salt s4ltS4lt 'mật khẩu')"
        echo "binh:$(openssl passwd -6 -salt x2y3z4w5 other)"
    } >"$WORK/users"
    start auth --db "$DB" --auth "$WORK/users"
    same "--auth: 401 without credentials" "$(status /api/stats)" 401
    same "--auth: its error is JSON" "$(jq -r .error "$WORK/body")" "authentication needed"
    same "--auth: the challenge" \
        "$(curl -s -D - -o /dev/null "$URL/api/stats" | tr -d '\r' | grep -i '^www-authenticate')" \
        'WWW-Authenticate: Basic realm="chimuc"'
    same "--auth: a user" "$(status /api/stats -u 'an:mật khẩu')" 200
    same "--auth: another" "$(status /api/search?q=dan -u binh:other)" 200
    same "--auth: a wrong password" "$(status /api/stats -u an:other)" 401
    same "--auth: an unknown user" "$(status /api/stats -u carol:other)" 401
    same "--auth: before the body is read" \
        "$(status /api/map --data-binary @"$WORK/big")" 401
    kill -TERM "$pid"
    wait "$pid"
    start authwide --db "$DB" --auth "$WORK/users" --listen 0.0.0.0:0
    check "--auth allows beyond loopback" test -n "$port"
    kill -TERM "$pid"
    wait "$pid"
fi
printf 'an:nohash\n' >"$WORK/badusers"
"$CHIMUC" serve --db "$DB" --auth "$WORK/badusers" >/dev/null 2>"$WORK/err"
same "--auth: a bad line fails" "$?" 1
check "--auth: it names the line" grep -q 'badusers:1:' "$WORK/err"
"$CHIMUC" serve --db "$DB" --auth "$WORK/users" --no-auth >/dev/null 2>&1
same "--auth with --no-auth: usage error" "$?" 2
check "--help names the endpoints" sh -c "'$CHIMUC' serve --help | grep -q /api/search"
start v6 --db "$DB" --listen '[::1]:0' 2>/dev/null
if [ -n "$port" ] && curl -s -m 5 "http://[::1]:$port/api/stats" >/dev/null; then
    same "IPv6 loopback" "$(curl -s "http://[::1]:$port/api/stats" | jq .documents)" 6
fi
kill -TERM "$pid"
wait "$pid"

finish
