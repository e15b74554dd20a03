# SPDX-License-Identifier: GPL-2.0-or-later

# test_validity.sh: validity end to end (issue 16) on tests/data/validity/corpus,
# where Quyết định 3218/QĐ-UBND (18/11/2024, in force from its signing)
# replaces 3080/QĐ-UBND, a plan of 2025 still cites 3080 and one of 2024
# cited it before: status says replaced by 3218 since 2024-11-18, map of a
# later draft citing 3080 names 3218, stale lists 3080 with the 2025 plan
# only, the graph types the edge, search and cited-by show the status and
# status: filters; a bad date or reference is a usage error.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
"$CHIMUC_INDEX" --db "$db" "$CM_SOURCE_DIR/tests/data/validity/corpus" >/dev/null 2>&1
export CHIMUC_TODAY=2026-01-01

"$CHIMUC" status --db "$db" --json 3080/QĐ-UBND >"$WORK/s.json"
same "status: replaced" "$(jq -r .status "$WORK/s.json")" replaced
same "since the replacing decision's effective date" "$(jq -r .since "$WORK/s.json")" 2024-11-18
same "by 3218" "$(jq -r '.by[0].key' "$WORK/s.json")" 3218/QĐ-UBND@2024
same "said by its file" "$(jq -r '.by[0].path' "$WORK/s.json" | bases)" a-3218-thay-the.txt
check "with the sentence" jq -e '.by[0].context | test("thay thế Quyết định số 3080")' "$WORK/s.json"
check "contract fields" jq -e 'has("key") and has("status") and has("since") and (.by[0] |
    has("key") and has("id") and has("path") and has("relation") and has("part") and
    has("date") and has("context"))' "$WORK/s.json"
same "in force the day before" \
    "$("$CHIMUC" status --db "$db" --json --today 2024-11-17 3080/QĐ-UBND | jq -r .status)" in_force
same "the replacing one is in force" \
    "$("$CHIMUC" status --db "$db" --json 3218/QĐ-UBND | jq -r .status)" in_force
same "a number nobody knows" \
    "$("$CHIMUC" status --db "$db" --json 999/QĐ-UBND | jq -r .status)" unknown
check "text: the key, the status, since" sh -c \
    "'$CHIMUC' status --db '$db' 3080/QĐ-UBND | head -1 | grep -q 'replaced since 2024-11-18'"

printf 'Số: 200/KH-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nCăn cứ Quyết định số 3080/QĐ-UBND ngày 05/10/2023 của UBND tỉnh;\n' >"$WORK/draft.txt"
"$CHIMUC" map --db "$db" "$WORK/draft.txt" >"$WORK/map.txt"
check "map names the replacement" grep -q \
    "problem: 3080/QĐ-UBND was replaced by 3218/QĐ-UBND from 18/11/2024: cite that instead" \
    "$WORK/map.txt"
same "map --json: validity" \
    "$("$CHIMUC" map --db "$db" --json "$WORK/draft.txt" | jq -r .validity)" replaced

"$CHIMUC" stale --db "$db" --json >"$WORK/stale.json"
same "stale: 3080" "$(jq -r .key "$WORK/stale.json")" 3080/QĐ-UBND
same "cited after it was replaced: the 2025 plan only" \
    "$(jq -r '.citing[].path' "$WORK/stale.json" | bases)" c-kh-150-sau.txt
same "stale: nothing before" "$("$CHIMUC" stale --db "$db" --today 2024-06-01)" ""

same "graph: the edge is typed" "$("$CHIMUC" graph --db "$db" --format json |
    jq -r 'select(.kind == "edge" and .relation == "replaces") | .from + " " + .to')" \
    "3218/QĐ-UBND@2024 3080/QĐ-UBND@2023"
check "graphml too" sh -c "'$CHIMUC' graph --db '$db' --format graphml | grep -q '>replaces<'"
check "dot too" sh -c "'$CHIMUC' graph --db '$db' --format dot | grep -q 'replaces'"

same "search: status:replaced" "$(paths "$db" status:replaced | bases)" b-3080.txt
same "search: status:in_force" "$(paths "$db" status:in_force | bases | sort | tr '\n' ' ')" \
    "a-3218-thay-the.txt c-kh-150-sau.txt d-kh-45-truoc.txt "
same "search --json: status" "$("$CHIMUC" search --db "$db" --json 'quy chế quản lý kho' |
    jq -r 'select(.path | test("b-3080")) | .status')" replaced
same "cited-by --json: the status of the citing" "$("$CHIMUC" cited-by --db "$db" --json 3080/QĐ-UBND |
    jq -r '.status' | sort -u | tr '\n' ' ')" "in_force "

"$CHIMUC" status --db "$db" --today 2026-13-40 3080/QĐ-UBND >/dev/null 2>"$WORK/err"
same "a bad date: usage error" "$?" 2
check "saying why" grep -q "not a date" "$WORK/err"
"$CHIMUC" status --db "$db" >/dev/null 2>&1
same "no REF: usage error" "$?" 2
"$CHIMUC" search --db "$db" status:nosuch >/dev/null 2>"$WORK/err"
check "status:nosuch says what it takes" grep -q "in_force, amended, replaced" "$WORK/err"
finish
