# SPDX-License-Identifier: GPL-2.0-or-later

# test_front.sh: the front-end of chimuc: the command table, the common
# options (--db, --json, --help) before and after a command's own arguments,
# unknown commands and options, a command that needs no index, and the
# usage errors chimuc-index shares with chimuc.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
index_corpus "$db"
doc=$(ls "$CORPUS"/*.txt | head -1)
cat >"$WORK/draft.txt" <<'DRAFT'
KẾ HOẠCH
Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương.
DRAFT
draft="$WORK/draft.txt"
export CHIMUC_DB="$WORK/none"

# run NAME ARG...: chimuc's standard output in $WORK/NAME.out, its standard
# error in $WORK/NAME.err, its exit status in $WORK/NAME.rc.
run() {
    local out=$1
    shift
    "$CHIMUC" "$@" >"$WORK/$out.out" 2>"$WORK/$out.err"
    echo $? >"$WORK/$out.rc"
}

# The common options placed first and last give the same output and status:
# NAME | the arguments, options first | the same, options last.
while IFS='|' read -r name first last; do
    [ -n "$name" ] || continue
    eval "run $name.first $first"
    eval "run $name.last $last"
    same "$name: exit status" "$(cat "$WORK/$name.first.rc")" "$(cat "$WORK/$name.last.rc")"
    check "$name: output" cmp -s "$WORK/$name.first.out" "$WORK/$name.last.out"
    check "$name: some output" test -s "$WORK/$name.first.out"
done <<ROWS
stats-json|stats --db "$db" --json|stats --json --db "$db"
search|search --db "$db" --json --limit 2 dân|search --limit 2 --json --db "$db" dân
map-json|map --db "$db" --json "$draft"|map "$draft" --json --db "$db"
map-md|map --db "$db" --format md "$draft"|map --format md "$draft" --db "$db"
graph-dot|graph --db "$db" --format dot|graph --format dot --db "$db"
check|check --db "$db"|check --db="$db"
extract-json|extract --json "$doc"|extract "$doc" --json
cited-by|cited-by --db "$db" --json 25-NQ/TW|cited-by 25-NQ/TW --json --db "$db"
stats-help|stats --help --db "$db"|stats --db "$db" --help
map-help|map -h "$draft"|map "$draft" -h
ROWS

# One command line each: NAME; expected exit status; a line its standard
# output (out) or error (err) must hold; the arguments.
while IFS=';' read -r name rc where line args; do
    [ -n "$name" ] || continue
    eval "run $name $args"
    same "$name: exit status" "$(cat "$WORK/$name.rc")" "$rc"
    check "$name: $where holds '$line'" grep -qxF -- "$line" "$WORK/$name.$where"
done <<ROWS
no-command;2;err;chimuc: no command given;
unknown-command;2;err;chimuc: unknown command 'nosuch';nosuch --db "$db"
unknown-command-try;2;err;Try 'chimuc --help'.;nosuch
unknown-option;2;err;chimuc: unrecognized option '--nosuch';search --db "$db" --nosuch dân
unknown-option-try;2;err;Try 'chimuc search --help'.;search --nosuch dân
missing-argument;2;err;chimuc: option '--db' requires an argument;stats --db
check-takes-no-json;2;err;chimuc: unrecognized option '--json';check --db "$db" --json
graph-takes-no-json;2;err;chimuc: unrecognized option '--json';graph --json --db "$db"
extract-takes-no-db;2;err;chimuc: unrecognized option '--db';extract --db "$db" "$doc"
json-and-text;2;err;chimuc: --json and --text exclude each other;extract "$draft" --text --json
help-without-index;0;out;Usage: chimuc stats [--db DIR] [--json];stats --help
help-anywhere;0;out;Usage: chimuc graph [--db DIR] [--format dot|graphml|json] [--around REF [--depth N]];graph --format nosuch --help
no-index;1;err;chimuc: $WORK/none: no index here (build one with chimuc-index --db $WORK/none PATH);stats
usage-before-index;2;err;chimuc: no QUERY given;search
db-option-wins;0;out;db: $db;stats --db "$db"
stdin-after-options;0;out;Usage: chimuc map [--db DIR] [--json | --format text|md|dot|graphml];map --db "$db" --help -
ROWS

# A command that needs no index, with none anywhere.
"$CHIMUC" extract "$draft" >"$WORK/x.out" 2>"$WORK/x.err"
same "extract without an index succeeds" $? 0
check "and finds the citation" grep -q '25-NQ/TW' "$WORK/x.out"

# chimuc-index's usage errors have the same form.
"$CHIMUC_INDEX" --nosuch >"$WORK/i.out" 2>"$WORK/i.err"
same "chimuc-index: an unknown option is a usage error" $? 2
same "chimuc-index: one line and the hint" "$(cat "$WORK/i.err")" \
    "chimuc-index: unrecognized option '--nosuch'
Try 'chimuc-index --help'."
"$CHIMUC_INDEX" --jobs 99 "$CORPUS" >/dev/null 2>"$WORK/i.err"
same "chimuc-index: a bad value is a usage error" $? 2
same "chimuc-index: the value named" "$(cat "$WORK/i.err")" \
    "chimuc-index: --jobs needs a number from 1 to 16: 99
Try 'chimuc-index --help'."
finish
