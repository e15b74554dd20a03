# SPDX-License-Identifier: GPL-2.0-or-later

# test_web.sh: the web page of chimuc serve as a person uses it, in headless
# Chromium (web_drive.py, the DevTools protocol on a pipe) against the
# server on a free loopback port over the samples: the page's files with
# their headers (a self-only CSP, nosniff, caching; 404 for an unknown file,
# no traversal); the search for "dan van kheo" showing the CLI's titles, a
# facet and a page in the URL, back and forward; the document page of 004
# listing what it cites and who cites it (at depth 1 and 2), a resolved
# citation linked, an unresolved one opening its card; the graph drawing the
# CLI's nodes, a node opening its document; the 15/10 view listing the five
# sample documents, the month calendar, the .ics; the draft check showing
# each citation's status (pasted, and a DOCX uploaded); an index of hostile
# titles and paths (<script>, "><img onerror>, U+202E) shown as text, with
# no element injected (U+202E isolated: it turns no text around); on a
# phone's screen too; a replaced document's page showing its status, since
# when, by which document, the conflicting claims (tests/data/validity). No
# Content-Security-Policy violation or script error anywhere. Screenshots of
# each page are written into the build folder (web-shots/).
. "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
for tool in curl jq python3 "$CHROMIUM"; do
    if [ -z "$tool" ] || ! command -v "$tool" >/dev/null; then
        echo "SKIP: ${tool:-chromium} is not installed"
        exit 77
    fi
done

SHOTS="${CM_BUILD_DIR:-$WORK}/web-shots"
mkdir -p "$SHOTS"
DRIVE="$CM_SOURCE_DIR/tests/e2e/web_drive.py"
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

# the samples, and two documents citing 004 (one directly, one through it)
DB="$WORK/db"
index_corpus "$DB"
citing_doc "$WORK/citing.txt"
cat >"$WORK/citing2.txt" <<'DOC'
BAN DÂN VẬN HUYỆN ỦY
Số 3-KH/BDVHU
KẾ HOẠCH
Thực hiện Kế hoạch của Ban Dân vận Tỉnh ủy
Thực hiện Kế hoạch số 7-KH/BDVTU, ngày 10/3/2018 của Ban Dân vận Tỉnh ủy, Ban Dân vận Huyện ủy xây dựng kế hoạch.
DOC
"$CHIMUC_INDEX" --db "$DB" "$WORK/citing.txt" "$WORK/citing2.txt" >/dev/null

# cli CMD ARGS...: the CLI's --json lines.
cli() {
    cmd=$1
    shift
    "$CHIMUC" "$cmd" --db "$DB" --json "$@" 2>/dev/null
}

start main --db "$DB"
check "the server says its port" test -n "$port"

# --- the page's files -----------------------------------------------------
# header PATH NAME: the value of a response header.
header() {
    curl -s -o /dev/null -D - "$URL$1" | tr -d '\r' | sed -n "s/^$2: //Ip"
}
same "/: HTML" "$(header / Content-Type)" "text/html; charset=utf-8"
csp=$(header / Content-Security-Policy)
check "/: the CSP allows only the page's own files ($csp)" \
    sh -c "echo \"\$1\" | grep -q \"^default-src 'self';\" && ! echo \"\$1\" | grep -q unsafe" _ "$csp"
same "/: nosniff" "$(header / X-Content-Type-Options)" nosniff
same "/: asked again each time" "$(header / Cache-Control)" no-cache
same "a file: kept a while" "$(header /static/app.js Cache-Control)" "public, max-age=3600"
for f in app.js:text/javascript style.css:text/css graph.css:text/css \
    vendor/cytoscape.min.js:text/javascript vendor/LICENSE:text/plain; do
    same "/static/${f%%:*}: ${f#*:}" "$(header "/static/${f%%:*}" Content-Type)" "${f#*:}; charset=utf-8"
done
curl -s "$URL/static/vendor/cytoscape.min.js" >"$WORK/cy.js"
check "a file is served byte for byte" cmp -s "$WORK/cy.js" "$CM_SOURCE_DIR/serve/web/vendor/cytoscape.min.js"
curl -s "$URL/" >"$WORK/index.html"
check "/ is index.html" cmp -s "$WORK/index.html" "$CM_SOURCE_DIR/serve/web/index.html"
check "no inline script in the page" sh -c "! grep -Eq '<script[^>]*>[^<]' '$WORK/index.html' && ! grep -q '<script>' '$WORK/index.html'"
check "no inline style in the page" sh -c "! grep -Eqi '<style| style=| on[a-z]+=' '$WORK/index.html'"
code() {
    curl -s --path-as-is -o "$WORK/body" -w '%{http_code}' "$URL$1"
}
same "HEAD of the page" "$(curl -s -I -o /dev/null -w '%{http_code}' "$URL/static/app.js")" 200
same "POST on the page: 405" "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/")" 405
same "an unknown file: 404" "$(code /static/nothing.js)" 404
same "an unknown page: 404" "$(code /index.html)" 404
for p in "/static/../../etc/passwd" "/static/%2e%2e/%2e%2e/etc/passwd" "/static/vendor/..%2F..%2Fapp.js" \
    "/static/.%2e/static/app.js" "/static/%2Fetc%2Fpasswd" "/static/vendor%5c..%5capp.js"; do
    c=$(code "$p")
    check "traversal $p refused ($c)" test "$c" = 400 -o "$c" = 404
    check "traversal $p: no file" sh -c "! grep -q 'root:' '$WORK/body'"
done

# the page needs no index: it is there before the index is built
start noindex --db "$WORK/later"
same "without an index: the page" "$(curl -s -o /dev/null -w '%{http_code}' "$URL/")" 200
same "without an index: the API says 503" "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/stats")" 503
kill -TERM "$pid"
wait "$pid"
start main --db "$DB"

# --- the pages in Chromium -------------------------------------------------
# step JSON: one line of the driver's steps.
steps="$WORK/steps"
: >"$steps"
go() { jq -nc --arg u "$URL$1" '{url: $u}' >>"$steps"; }
ev() { jq -nc --arg l "$1" --arg e "$2" '{label: $l, eval: $e}' >>"$steps"; }
wait_for() { jq -nc --arg e "$1" '{wait: $e}' >>"$steps"; }
shot() { jq -nc --arg p "$SHOTS/$1.png" --argjson h "${2:-4000}" '{shot: $p, height: $h}' >>"$steps"; }
ready='document.querySelector("main[data-ready]")'
texts() { echo "[...document.querySelectorAll('$1')].map(e => e.$2).join('\\n')"; }

go "/?q=dan+van+kheo"
ev search.titles "$(texts '.hit h2' textContent)"
ev search.facet "document.querySelector('a[data-facet=type][data-value=KH]').getAttribute('href')"
shot search
ev search.click "document.querySelector('a[data-facet=type][data-value=KH]').click(); 1"
wait_for "$ready && location.search.includes('type=KH')"
ev search.kh "$(texts '.hit h2' textContent)"
ev search.back "history.back(); 1"
wait_for "$ready && !location.search.includes('type')"
ev search.backtitles "$(texts '.hit h2' textContent)"
ev search.forward "history.forward(); 1"
wait_for "$ready && location.search.includes('type=KH')"
ev search.fwdtitles "$(texts '.hit h2' textContent)"
go "/?q=dan+van&limit=2&page=2"
ev search.page2 "$(texts '.hit h2' textContent)"
ev search.pager "document.querySelector('.pager').textContent"
go "/?q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o"
ev search.diacritics "$(texts '.hit h2' textContent)"

go "/?doc=1600-KH%2FBDVTW"
ev doc.cites "$(texts '.cites li' dataset.key)"
ev doc.citedby "$(texts '.cited-by li' dataset.path)"
ev doc.marked "document.querySelectorAll('.text .cite').length"
ev doc.deadlines "document.querySelectorAll('.text time.deadline').length"
ev doc.card "document.querySelector('.text button.cite').click(); document.querySelector('.citecard strong').textContent"
wait_for "document.querySelector('.citecard ul')"
ev doc.cardkey "document.querySelector('.citecard dd bdi').textContent"
shot doc 1800
go "/?doc=1600-KH%2FBDVTW&depth=2"
ev doc.depth2 "$(texts '.cited-by li' dataset.path)"
go "/?doc=7-KH%2FBDVTU"
ev doc.link "document.querySelector('.text a.cite').getAttribute('href')"

go "/?graph=1600-KH%2FBDVTW"
ev graph.nodes "document.getElementById('graph').dataset.nodes"
ev graph.edges "document.getElementById('graph').dataset.edges"
ev graph.drawn "document.querySelectorAll('#graph canvas').length > 0"
shot graph
ev graph.tap "const n = CM.cy.nodes().filter((n) => n.data('node').path && !n.hasClass('centre'))[0]; n.emit('tap'); n.data('title')"
wait_for "$ready && location.search.startsWith('?doc=')"
ev graph.opened "document.querySelector('h1').textContent"
go "/?graph=25-NQ%2FTW%402013&depth=2"
ev graph.nodes2 "document.getElementById('graph').dataset.nodes"
shot graph-depth2

go "/?view=deadlines&on=15/10"
ev dl.paths "[...new Set([...document.querySelectorAll('li.deadline')].map(e => e.dataset.path))].sort().join('\\n')"
ev dl.items "document.querySelectorAll('li.deadline').length"
ev dl.actors "$(texts '.actor h2' textContent)"
ev dl.ics "document.querySelector('a[download]').getAttribute('href')"
shot deadlines
go "/?view=deadlines&month=2018-10"
ev cal.day15 "document.querySelector('td[data-day=\"15\"]').dataset.count"
ev cal.days "document.querySelectorAll('td[data-day]').length"
shot calendar

cat >"$WORK/draft.txt" <<'DOC'
BAN DÂN VẬN HUYỆN ỦY
Số 5-KH/BDVHU
KẾ HOẠCH
Thực hiện công tác dân vận năm 2019
Căn cứ Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Ban Dân vận Trung ương về công tác năm 2018;
Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương;
Căn cứ Quyết định số 999-QĐ/TW ngày 01/01/2019 của Bộ Chính trị;
Căn cứ Hướng dẫn số 02 - HD/BCĐ ngày 5/3/2024;
DOC
go "/?view=draft"
ev draft.form "document.querySelector('#upload').enctype + ' ' + document.querySelector('#upload input[type=file]').name"
ev draft.run "document.getElementById('draft-text').value = $(jq -Rs . "$WORK/draft.txt"); document.querySelector('#paste button').click(); 1"
wait_for "document.querySelector('main[data-ready=draft-checked]')"
ev draft.statuses "$(texts '.checks > li' dataset.status)"
ev draft.refs "$(texts '.checks .reference' textContent)"
ev draft.problems "document.querySelectorAll('.checks .problems li').length"
ev draft.colour "getComputedStyle(document.querySelector('.checks > li.check-in_corpus')).borderLeftColor + ' ' + getComputedStyle(document.querySelector('.checks > li.check-unknown')).borderLeftColor"
shot draft
# a DOCX uploaded through the form (multipart/form-data)
docx="$CM_SOURCE_DIR/tests/data/formats/directive.docx"
ev draft.upload "document.querySelector('main').removeAttribute('data-ready');
const b = Uint8Array.from(atob('$(base64 -w0 "$docx")'), (c) => c.charCodeAt(0));
const dt = new DataTransfer(); dt.items.add(new File([b], 'directive.docx'));
const f = document.querySelector('#upload input[type=file]'); f.files = dt.files;
document.querySelector('#upload').requestSubmit(); 1"
wait_for "document.querySelector('main[data-ready=draft-checked]')"
ev draft.upstatuses "$(texts '.checks > li' dataset.key)"
shot draft-upload

# on a phone's screen: one column, nothing wider than the screen
jq -nc '{viewport: [390, 844]}' >>"$steps"
go "/?q=dan+van+kheo"
ev phone.wide "document.documentElement.scrollWidth <= 390"
ev phone.column "getComputedStyle(document.querySelector('.results')).gridTemplateColumns.split(' ').length"
shot phone-search
go "/?view=deadlines&month=2018-10"
ev phone.calwide "document.documentElement.scrollWidth <= 390"
shot phone-calendar
jq -nc '{viewport: [1100, 900]}' >>"$steps"

t0=$(date +%s)
python3 "$DRIVE" "$CHROMIUM" "$WORK/profile" <"$steps" >"$WORK/out" 2>"$WORK/drive.err"
same "the driver ran every step" "$?" 0
echo "chromium: $(($(date +%s) - t0))s for the main pages"

# got LABEL: what the driver said for LABEL (strings as they are).
got() {
    jq -r --arg l "$1" 'select(.[0] == $l) | .[1] | if type == "string" then . else tojson end' "$WORK/out"
}
same "no script error, no CSP violation" "$(got error)" ""

titles() {
    cli search "$@" | jq -r .title
}
same "search: the CLI's titles" "$(got search.titles)" "$(titles dan van kheo)"
check "search: three or more" test "$(got search.titles | wc -l)" -ge 3
same "search: a facet is a link with the state" "$(got search.facet)" "/?q=dan+van+kheo&type=KH"
same "search: after the facet, the CLI's type:KH titles" "$(got search.kh)" "$(titles dan van kheo type:KH)"
same "search: back" "$(got search.backtitles)" "$(titles dan van kheo)"
same "search: forward" "$(got search.fwdtitles)" "$(titles dan van kheo type:KH)"
same "search: page 2" "$(got search.page2)" "$(titles --limit 2 --offset 2 dan van)"
check "search: page 2 has hits" test -n "$(got search.page2)"
check "search: the pager says it" sh -c "echo '$(got search.pager)' | grep -q 'Trang 2/'"
same "search: with diacritics, the same" "$(got search.diacritics)" "$(titles dan van kheo)"

same "doc: what it cites" "$(got doc.cites)" "$(cli cites 1600-KH/BDVTW | jq -r .key)"
check "doc: and it cites some" test "$(got doc.cites | wc -l)" -gt 10
same "doc: who cites it" "$(got doc.citedby)" "$(cli cited-by 1600-KH/BDVTW | jq -r .path)"
same "doc: that is citing.txt" "$(got doc.citedby | bases)" citing.txt
same "doc: who cites it at depth 2" "$(got doc.depth2)" "$(cli cited-by --depth 2 1600-KH/BDVTW | jq -r .path)"
same "doc: at depth 2, two" "$(got doc.depth2 | wc -l)" 2
check "doc: its citations are marked in the text" test "$(got doc.marked)" -gt 10
check "doc: its deadlines are marked" test "$(got doc.deadlines)" -gt 0
same "doc: a citation's card" "$(got doc.card)" "Quyết định số 78-QĐ/TW, ngày 10/4/2012"
same "doc: the card's key" "$(got doc.cardkey)" "78-QĐ/TW@2012"
same "doc: a citation in the corpus links to it" "$(got doc.link)" "/?doc=1600-KH%2FBDVTW%402018"

gnodes() {
    "$CHIMUC" graph --db "$DB" --format json "$@" | jq -s '[.[] | select(.kind == "node")] | length'
}
same "graph: the CLI's nodes" "$(got graph.nodes)" "$(gnodes --around 1600-KH/BDVTW)"
check "graph: and edges" test "$(got graph.edges)" -gt 10
same "graph: drawn on a canvas" "$(got graph.drawn)" true
same "graph: a node opens its document" "$(got graph.opened)" "$(got graph.tap)"
check "graph: one of the corpus" test -n "$(got graph.tap)"
same "graph: depth 2" "$(got graph.nodes2)" "$(gnodes --around 25-NQ/TW@2013 --depth 2)"

same "15/10: the five sample documents" "$(got dl.paths | bases | sort)" \
    "$(cd "$CORPUS" && ls ./*.txt | sed 's|^\./||' | sort)"
same "15/10: every item" "$(got dl.items)" "$(cli deadlines --on 15/10 | wc -l)"
same "15/10: grouped by who owes them" "$(got dl.actors)" \
    "$(cli deadlines --on 15/10 --by actor | jq -r '.actor // "Chưa rõ cơ quan thực hiện"' | uniq)"
same "15/10: the .ics" "$(curl -s "$URL$(got dl.ics)" | grep -v '^DTSTAMP')" \
    "$("$CHIMUC" deadlines --db "$DB" --on 15/10 --ics | grep -v '^DTSTAMP')"
same "calendar: 15/10/2018 holds the month's items" "$(got cal.day15)" \
    "$(cli deadlines --from 2018-10 --to 2018-10 | jq -r 'select(.resolved == "2018-10-15") | .path' | wc -l)"
same "calendar: 31 days" "$(got cal.days)" 31

same "draft: the upload form" "$(got draft.form)" "multipart/form-data draft"
same "draft: each status" "$(got draft.statuses)" "$(cli map "$WORK/draft.txt" | jq -r .status)"
same "draft: three kinds" "$(got draft.statuses | sort -u | tr '\n' ' ')" "cited_only in_corpus unknown "
same "draft: the formal references" "$(got draft.refs)" "$(cli map "$WORK/draft.txt" | jq -r .reference)"
same "draft: the problems" "$(got draft.problems)" "$(cli map "$WORK/draft.txt" | jq -s '[.[].problems[]] | length')"
same "draft: a DOCX uploaded, as chimuc map reads it" "$(got draft.upstatuses)" "$(cli map "$docx" | jq -r '.key // ""')"
check "draft: (with citations)" test "$(got draft.upstatuses | grep -c .)" -gt 0
same "draft: colour-coded" "$(got draft.colour)" "rgb(30, 125, 50) rgb(161, 92, 0)"

same "phone: nothing wider than the screen" "$(got phone.wide)" true
same "phone: one column" "$(got phone.column)" 1
same "phone: the calendar fits" "$(got phone.calwide)" true

# --- hostile titles and paths ------------------------------------------------
H="$WORK/hostile"
mkdir -p "$H"
{
    printf 'BAN DÂN VẬN TỈNH ỦY\nSố 9-KH/BDVTU\nKẾ HOẠCH\n'
    printf '<script>window.pwned=1</script> công tác dân vận\n'
    printf 'Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013, Ban Dân vận thực hiện trước ngày 15/10/2019.\n'
} >"$H/a.txt"
{
    printf 'BAN DÂN VẬN TỈNH ỦY\nSố 10-KH/BDVTU\nKẾ HOẠCH\n'
    printf '"><img src=x onerror="window.pwned=2"> công tác dân vận\n'
    printf 'Căn cứ Kế hoạch số 9-KH/BDVTU ngày 01/02/2019, Ban Dân vận thực hiện công tác dân vận.\n'
} >"$H/\"><img src=x onerror=window.pwned=3>.txt"
{
    printf 'BAN DÂN VẬN TỈNH ỦY\nSố 11-KH/BDVTU\nKẾ HOẠCH\n'
    printf '\342\200\256oav nâd cát gnôc dân vận\n'
    printf 'Công tác dân vận năm 2019, báo cáo trước ngày 15/10/2019.\n'
} >"$H/c.txt"
"$CHIMUC_INDEX" --db "$WORK/hdb" "$H"/*.txt >/dev/null
start hostile --db "$WORK/hdb"
: >"$steps"
injected="document.querySelectorAll('main script, main img, main iframe, [onerror]').length + ' ' + String(window.pwned)"
go "/?q=dan+van"
ev h.search "$(texts '.hit h2' textContent)"
ev h.searchdom "$injected"
ev h.bidi "[...document.querySelectorAll('main .hit .bidi')].map(e => e.dataset.code + ':' + e.textContent.length).join(' ')"
shot hostile-search
go "/?doc=10-KH%2FBDVTU"
ev h.doc "document.querySelector('h1').textContent + '\\n' + document.querySelector('.path').textContent"
ev h.docdom "$injected"
shot hostile-doc 900
go "/?doc=9-KH%2FBDVTU"
ev h.docdom9 "$injected"
go "/?graph=9-KH%2FBDVTU"
ev h.graph "$(texts '.nodes li a' textContent)"
ev h.graphdom "$injected"
go "/?view=deadlines&on=15/10"
ev h.dl "$(texts 'li.deadline a.title' textContent)"
ev h.dldom "$injected"
python3 "$DRIVE" "$CHROMIUM" "$WORK/profile" <"$steps" >"$WORK/out" 2>>"$WORK/drive.err"
same "hostile: the driver ran every step" "$?" 0
same "hostile: no script error" "$(got error)" ""
same "hostile: the titles, as text" "$(got h.search | sort)" "$("$CHIMUC" search --db "$WORK/hdb" --json dan van | jq -r .title | sort)"
check "hostile: <script> shown literally" grep -qF '<script>window.pwned=1</script>' "$WORK/out"
check "hostile: U+202E kept" grep -q "$(printf '\342\200\256')" "$WORK/out"
same "hostile: U+202E isolated in its own span, shown by its code (title, snippet)" "$(got h.bidi)" "U+202E:1 U+202E:1"
for l in h.searchdom h.docdom h.docdom9 h.graphdom h.dldom; do
    same "hostile: nothing injected ($l)" "$(got $l)" "0 undefined"
done
same "hostile: the title and path of the document, as text" "$(got h.doc)" \
    "$(printf '%s\n%s' 'Kế hoạch 10-KH/BDVTU: "><img src=x onerror="window.pwned=2"> công tác dân vận' "$H/\"><img src=x onerror=window.pwned=3>.txt")"
check "hostile: the graph lists them" test "$(got h.graph | wc -l)" -ge 2
check "hostile: the deadlines list them" grep -q 'onerror' "$WORK/out"

# --- validity: a replaced document's page (issue 16) ---------------------------
# tests/data/validity: 3218/QĐ-UBND replaces 3080/QĐ-UBND, 12/QĐ-UBND repeals
# it too (a conflicting claim), 9/QĐ-UBND amends Điều 2 of 45/KH-UBND.
V="$CM_SOURCE_DIR/tests/data/validity"
"$CHIMUC_INDEX" --db "$WORK/vdb" "$V/corpus" "$V/more" >/dev/null 2>&1
start validity --db "$WORK/vdb"
: >"$steps"
go "/?doc=3080%2FQ%C4%90-UBND"
ev v.badge "document.querySelector('.doc-meta .status').dataset.status"
ev v.status "document.querySelector('.validity').dataset.status + ' ' + document.querySelector('.validity p').textContent"
ev v.by "$(texts '.validity .by > li' dataset.key)"
ev v.rel "$(texts '.validity .by > li' dataset.relation)"
ev v.context "document.querySelector('.validity .by blockquote').textContent"
ev v.conflicts "document.querySelectorAll('.validity li.conflict').length"
shot validity 1400
ev v.open "document.querySelector('.validity .by a').click(); 1"
wait_for "$ready && location.search.includes('3218')"
ev v.opened "document.querySelector('.validity').dataset.status + ' ' + document.querySelector('h1').textContent"
go "/?doc=45%2FKH-UBND"
ev v.amended "document.querySelector('.validity').dataset.status + ' ' + document.querySelector('.validity .by li').textContent.split(' từ ')[0]"
go "/?doc=150%2FKH-UBND"
ev v.plain "document.querySelector('.validity').dataset.status + ' ' + document.querySelectorAll('.validity .by').length"
python3 "$DRIVE" "$CHROMIUM" "$WORK/profile" <"$steps" >"$WORK/out" 2>>"$WORK/drive.err"
same "validity: the driver ran every step" "$?" 0
same "validity: no script error" "$(got error)" ""
vs() {
    "$CHIMUC" status --db "$WORK/vdb" --json "$1" | jq -r "$2"
}
same "validity: 3080's page has the badge" "$(got v.badge)" replaced
same "validity: replaced since the CLI's date" "$(got v.status)" \
    "replaced Bị thay thế từ $(vs 3080/QĐ-UBND .since | awk -F- '{print $3 "/" $2 "/" $1}')"
same "validity: by the CLI's documents" "$(got v.by)" "$(vs 3080/QĐ-UBND '.by[].key')"
same "validity: 3218 first" "$(got v.by | head -1)" 3218/QĐ-UBND@2024
same "validity: the relations" "$(got v.rel)" "$(vs 3080/QĐ-UBND '.by[].relation')"
same "validity: the sentence" "$(got v.context)" "$(vs 3080/QĐ-UBND '.by[0].context')"
same "validity: the conflicting claims shown" "$(got v.conflicts)" "$(vs 3080/QĐ-UBND '.conflicts | length')"
check "validity: and there are some" test "$(got v.conflicts)" -ge 2
same "validity: the replacing one opens, in force" "$(got v.opened)" \
    "in_force $("$CHIMUC" search --db "$WORK/vdb" --json 3218 | jq -r 'select(.path | endswith("a-3218-thay-the.txt")) | .title')"
same "validity: an amended one names its part" "$(got v.amended)" "amended 9/QĐ-UBND@2024 sửa đổi, bổ sung Điều 2"
same "validity: a plan nobody replaces, as the CLI says, with no claim" "$(got v.plain)" "$(vs 150/KH-UBND .status) 0"

for p in $pids; do kill -TERM "$p" 2>/dev/null; done
wait
pids=""
echo "screenshots in $SHOTS"
finish
