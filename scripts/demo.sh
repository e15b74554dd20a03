#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later

# Runs the main job on the sample corpus: indexes corpus/*.txt into a local
# index, shows its size, runs example searches, who cites a resolution, the
# deadlines of 15/10 and of June 2024, a draft's citation map, the same
# directives as a web page, XML, DOCX, PDF and in legacy encodings, checks
# the index, then reindexes to show that nothing changed.
# Usage: scripts/demo.sh BUILD_DIR DB_DIR
set -eu
build=${1:?build directory}
db=${2:?index directory}
bin="$build"
top=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$db"
run() {
    printf '\n$ %s\n' "$*"
    "$@"
}
cd "$top"
run "$bin/chimuc-index" --db "$db" corpus/*.txt
run "$bin/chimuc" stats --db "$db"
run "$bin/chimuc" search --db "$db" --limit 3 dân vận khéo
run "$bin/chimuc" search --db "$db" --limit 3 dan van kheo
run "$bin/chimuc" search --db "$db" --limit 3 '"Tỉnh uỷ"'
run "$bin/chimuc" search --db "$db" --limit 3 '"công tác dân vận" NOT "Hội Nhà báo"'
run "$bin/chimuc" search --db "$db" --json --limit 2 Nghị quyết 25-NQ/TW
run "$bin/chimuc" cited-by --db "$db" --type KH 25-NQ/TW
run "$bin/chimuc" top-cited --db "$db" --limit 5
run "$bin/chimuc" deadlines --db "$db" --on 15/10
run "$bin/chimuc" deadlines --db "$db" --from 2024-06-01 --to 2024-06-30
draft=$(mktemp)
printf 'Căn cứ Kế hoạch số 1600-KH/BDVTW; thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013; Chỉ thị số 25-NQ/TW; Nghị quyết số 999-NQ/TW; theo Quyết định 290-QĐ/TW.\n' >"$draft"
run "$bin/chimuc" map --db "$db" "$draft"
rm -f "$draft"
formats="$top/tests/data/formats" encodings="$top/tests/data/encoding"
run "$bin/chimuc" extract --text "$formats/004.html"
run "$bin/chimuc-index" --db "$db.formats" "$formats/004.html" "$formats/004.xml" \
    "$formats/004.akn.xml" "$formats/directive.docx" "$formats/directive.pdf" \
    "$encodings/001.vni" "$encodings/004.cp1258"
run "$bin/chimuc" search --db "$db.formats" --brief dân vận khéo
rm -rf "$db.formats"
run "$bin/chimuc" check --db "$db"
run "$bin/chimuc-index" --db "$db" corpus/*.txt
cat <<EOT

The same index in a browser and over HTTP (see README.md, "chimuc serve"):
    $bin/chimuc serve --db $db
then open http://127.0.0.1:8080/?q=dan+van+kheo (the web page), or:
    curl 'http://127.0.0.1:8080/api/search?q=dan+van+kheo'
    curl 'http://127.0.0.1:8080/api/deadlines?on=15/10&by=actor'
EOT
