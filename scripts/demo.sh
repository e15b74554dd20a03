#!/bin/sh
# Runs the main job on the sample corpus: indexes corpus/*.txt into a local
# index, shows its size, runs example searches, then reindexes to show that
# nothing changed. Usage: scripts/demo.sh BUILD_DIR DB_DIR
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
run "$bin/chimuc-index" --db "$db" corpus/*.txt
