# SPDX-License-Identifier: GPL-2.0-or-later

# test_citations.sh: the citation graph end to end on the sample corpus:
# extract --json, cited-by (type filter, ambiguity, depth), cites,
# top-cited, graph in JSON, GraphML (re-parsed by xmllint) and DOT, and
# search's cites:/type:/year: filters.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
index_corpus "$db"

# extract: as many citations as the gold has, with the contract fields.
want=$(jq -c 'select(.kind == "citation")' "$CORPUS/gold.jsonl" | wc -l)
got=$("$CHIMUC" extract --json "$CORPUS"/*.txt | jq -c 'select(.kind == "citation")' | wc -l)
same "extract finds the gold's citations" "$got" "$want"
"$CHIMUC" extract --json "$CORPUS"/000_*.txt >"$WORK/x.jsonl"
check "contract fields" jq -s -e 'map(select(.kind == "self" or .kind == "citation")) | length > 0 and all(has("type")
    and has("number") and has("symbol") and has("date") and has("issuer") and has("term") and
    has("relation") and has("key") and has("flags") and has("text") and has("start") and
    has("end"))' "$WORK/x.jsonl" >/dev/null
same "own number" "$(jq -r 'select(.kind == "self") | .key' "$WORK/x.jsonl")" "15-KH/BDVTU-HNB@2018"
same "self_mention is not a citation" \
    "$("$CHIMUC" extract --json "$CORPUS"/004_*.txt | jq -r 'select(.kind == "citation") | .key' | grep -c '^1600-KH')" 0

# cited-by 25-NQ/TW --type KH: the two plans, not the news article.
"$CHIMUC" cited-by --db "$db" --type KH --json 25-NQ/TW >"$WORK/c.jsonl" 2>"$WORK/err"
same "two plans cite 25-NQ/TW" "$(jq -r .path "$WORK/c.jsonl" | bases | cut -c1-3 | tr '\n' ' ')" "000 004 "
check "contract fields" jq -e 'has("path") and has("title") and has("type") and has("number") and
    has("date") and has("relation") and has("context") and has("key")' "$WORK/c.jsonl" >/dev/null
check "the citing sentence" jq -e '.context | test("25-NQ/TW")' "$WORK/c.jsonl" >/dev/null
check "ambiguous without a year" grep -q '25-NQ/TW is ambiguous.*25-NQ/TW@2003.*25-NQ/TW@2013' "$WORK/err"
same "the 2003 resolution apart" "$("$CHIMUC" cited-by --db "$db" --json 25-NQ/TW@2003 | jq -r .key)" "25-NQ/TW@2003"
same "news article without --type" "$("$CHIMUC" cited-by --db "$db" --json 'Nghị quyết số 25-NQ/TW' 2>/dev/null | wc -l)" 3
same "--relation" "$("$CHIMUC" cited-by --db "$db" --json --relation 'sơ kết' 25-NQ/TW 2>/dev/null | jq -r .path | bases | cut -c1-3)" 004
"$CHIMUC" cited-by --db "$db" 999-NQ/TW >/dev/null 2>"$WORK/err"
same "nothing cites 999-NQ/TW" $? 0
check "and says so" grep -q 'no document cites 999-NQ/TW' "$WORK/err"
"$CHIMUC" cited-by --db "$db" 'no number' >/dev/null 2>&1
same "a REF without a number is a usage error" $? 2

# cites: resolved to the corpus where it is there.
"$CHIMUC" cites --db "$db" --json 15-KH/BDVTU-HNB >"$WORK/s.jsonl"
same "000 cites five documents" "$(wc -l <"$WORK/s.jsonl")" 5
check "cites fields" jq -e 'has("key") and has("text") and has("type") and has("number") and
    has("symbol") and has("date") and has("relation") and has("path")' "$WORK/s.jsonl" >/dev/null
same "by path too" "$("$CHIMUC" cites --db "$db" --json "$CORPUS"/000_04ed2d92d4fbe0fc.txt | wc -l)" 5

# top-cited
"$CHIMUC" top-cited --db "$db" --json --limit 3 >"$WORK/t.jsonl"
same "top-cited --limit" "$(wc -l <"$WORK/t.jsonl")" 3
check "top-cited fields, most cited first" sh -c "jq -e 'has(\"key\") and has(\"count\") and has(\"path\")' '$WORK/t.jsonl' >/dev/null && jq -r .count '$WORK/t.jsonl' | sort -rnc"

# graph: GraphML parses and has the JSON's node and edge counts; DOT is a digraph.
"$CHIMUC" graph --db "$db" --format json >"$WORK/g.jsonl"
"$CHIMUC" graph --db "$db" --format graphml >"$WORK/g.graphml"
check "GraphML parses" xmllint --noout "$WORK/g.graphml"
nodes=$(jq -c 'select(.kind == "node")' "$WORK/g.jsonl" | wc -l)
edges=$(jq -c 'select(.kind == "edge")' "$WORK/g.jsonl" | wc -l)
same "GraphML nodes = JSON nodes" "$(xmllint --xpath 'count(//*[local-name()="node"])' "$WORK/g.graphml")" "$nodes"
same "GraphML edges = JSON edges" "$(xmllint --xpath 'count(//*[local-name()="edge"])' "$WORK/g.graphml")" "$edges"
check "the graph has cited-only documents" jq -s -e 'any(.[]; .kind == "node" and .path == null)' "$WORK/g.jsonl" >/dev/null
check "DOT" sh -c "'$CHIMUC' graph --db '$db' --format dot | head -1 | grep -q '^digraph citations {'"
around=$("$CHIMUC" graph --db "$db" --around 25-NQ/TW@2013 | jq -c 'select(.kind == "node")' | wc -l)
check "--around keeps a neighbourhood" test "$around" -gt 1 -a "$around" -lt "$nodes"

# search filters and free-text citations
same "cites:" "$(paths "$db" cites:25-NQ/TW@2003 | bases | cut -c1-3)" 004
same "type:KH" "$(paths "$db" type:KH | bases | cut -c1-3 | sort | tr '\n' ' ')" "000 002 004 "
same "year:2024" "$(paths "$db" year:2024 dân | bases | cut -c1-3)" ""
same "year:2018" "$(paths "$db" year:2018 | bases | cut -c1-3 | sort | tr '\n' ' ')" "000 004 "
finish
