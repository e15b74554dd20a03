# SPDX-License-Identifier: GPL-2.0-or-later

# test_map.sh: chimuc map on a draft against the sample corpus: every status,
# every form problem, the reference built from the corpus, precedents,
# co-cited documents, and JSON, Markdown, DOT and GraphML outputs.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
index_corpus "$db"
cat >"$WORK/draft.txt" <<'DRAFT'
KẾ HOẠCH
Triển khai công tác dân vận năm 2025
Căn cứ Kế hoạch số 1600-KH/BDVTW; thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương; Chỉ thị số 25-NQ/TW; Nghị quyết số 999-NQ/TW; theo Quyết định 290-QĐ/TW.
DRAFT
"$CHIMUC" map --db "$db" --json "$WORK/draft.txt" >"$WORK/m.jsonl"
same "map exits 0" $? 0
check "contract fields" jq -s -e 'length == 5 and all(has("text") and has("key") and has("status")
    and has("reference") and has("path") and has("cited_by") and has("candidates") and
    has("co_cited") and has("problems"))' "$WORK/m.jsonl" >/dev/null
status() { jq -r "select(.text | test(\"$1\")) | .status" "$WORK/m.jsonl" | head -1; }
same "1600-KH/BDVTW in_corpus" "$(status '1600-KH')" in_corpus
same "with its path" "$(jq -r 'select(.key == "1600-KH/BDVTW") | .path' "$WORK/m.jsonl" | bases | cut -c1-3)" 004
check "its reference carries the date and issuer" jq -s -e 'map(select(.key == "1600-KH/BDVTW"))[0] |
    .reference | test("28/02/2018") and test("Ban Dân vận Trung ương")' "$WORK/m.jsonl" >/dev/null
same "Chỉ thị số 25-NQ/TW inconsistent" "$(status 'Chỉ thị')" inconsistent
same "999-NQ/TW unknown" "$(status '999-NQ')" unknown
same "290-QĐ/TW cited_only" "$(status '290-QĐ')" cited_only
check "with its date from the citing documents" jq -s -e 'map(select(.key | startswith("290-QĐ/TW")))[0] |
    .reference | test("25/02/2010")' "$WORK/m.jsonl" >/dev/null
check "precedents, newest first" jq -s -e 'map(select(.key == "25-NQ/TW@2013" and .status == "cited_only"))[0] |
    (.cited_by | length == 2) and .cited_by[0].date >= .cited_by[1].date' "$WORK/m.jsonl" >/dev/null
check "what the draft cites is not cited beside" jq -s -e 'map(select(.key == "25-NQ/TW@2013" and .status == "cited_only"))[0] |
    .co_cited | map(.key) | index("290-QĐ/TW@2010") == null' "$WORK/m.jsonl" >/dev/null
printf 'Căn cứ Chỉ thị số 49-CT/TW.\n' >"$WORK/49.txt"
check "co-cited by strength, explained" sh -c "'$CHIMUC' map --db '$db' --json '$WORK/49.txt' | jq -e '.co_cited[0] |
    .key == \"114-KL/TW@2015\" and .strength == 1 and (.why | test(\"cited beside 49-CT/TW in 2 of its 2 documents\"))' >/dev/null"
check "missing số" jq -s -e 'map(select(.key | startswith("290")))[0] | .problems | any(test("missing \"số\""))' "$WORK/m.jsonl" >/dev/null

# ambiguous, date mismatch and the remaining form problems
printf 'Thực hiện Nghị quyết số 25-NQ/TW về dân vận.\n' >"$WORK/amb.txt"
same "an undated 25-NQ/TW is ambiguous" "$("$CHIMUC" map --db "$db" --json "$WORK/amb.txt" | jq -r .status)" ambiguous
check "with its candidates" sh -c "'$CHIMUC' map --db '$db' --json '$WORK/amb.txt' | jq -e '.candidates | length == 2' >/dev/null"
printf 'Căn cứ Kế hoạch số 1600 – KH/BDVTW ngày 01-3-2018; Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018.\n' >"$WORK/form.txt"
"$CHIMUC" map --db "$db" --json "$WORK/form.txt" >"$WORK/f.jsonl"
same "a date that differs from the corpus document's: inconsistent" "$(jq -r .status "$WORK/f.jsonl" | head -1)" inconsistent
check "wrong dash or space in the symbol" jq -s -e '.[0].problems | any(test("wrong dash"))' "$WORK/f.jsonl" >/dev/null
check "unusual date form" jq -s -e '.[0].problems | any(test("unusual date form"))' "$WORK/f.jsonl" >/dev/null
check "one document with different dates" jq -s -e '.[1].problems | any(test("different dates"))' "$WORK/f.jsonl" >/dev/null

printf 'Căn cứ Kế hoạch số 1600-KH/BDVTW, ngày 28/02/2018 của Bộ Chính trị.\n' >"$WORK/issuer.txt"
"$CHIMUC" map --db "$db" --json "$WORK/issuer.txt" >"$WORK/i.jsonl"
same "an issuer that does not match: inconsistent" "$(jq -r .status "$WORK/i.jsonl")" inconsistent
check "and says which" jq -e '.problems | any(test("names the issuer"))' "$WORK/i.jsonl" >/dev/null

# the corpus's consensus: the draft's issuer caught, with the evidence
printf 'Căn cứ Quyết định số 290-QĐ/TW của Ban Bí thư.\n' >"$WORK/290.txt"
"$CHIMUC" map --db "$db" --json "$WORK/290.txt" >"$WORK/290.jsonl"
check "an issuer the corpus does not give: a problem naming its and the documents" jq -e '.problems |
    any(test("\"Ban Bí thư\" but the corpus says \"Bộ Chính trị\" \\(in 2 documents: 000_.*, 004_"))' "$WORK/290.jsonl" >/dev/null
check "the reference says what the corpus says" jq -e '.reference | test("của Bộ Chính trị \\(khóa X\\)")' "$WORK/290.jsonl" >/dev/null
check "the evidence in JSON" jq -e '.said.issuer.readings == [.said.issuer.readings[0]] and
    .said.issuer.readings[0].count == 2 and (.said.issuer.readings[0].paths | length == 2)' "$WORK/290.jsonl" >/dev/null

# suggestions: what a draft citing 49-CT/TW does not cite but should consider
printf 'KẾ HOẠCH\nThực hiện Chỉ thị số 49-CT/TW, ngày 20/10/2015 của Ban Bí thư về công tác dân vận.\n' >"$WORK/s49.txt"
"$CHIMUC" map --db "$db" --suggest --json "$WORK/s49.txt" >"$WORK/s49.jsonl"
same "map --suggest exits 0" $? 0
check "suggests 114-KL/TW with its reason and reference" jq -s -e 'map(select(.kind == "suggestion")) |
    (.[0] | .key == "114-KL/TW@2015" and (.reason | test("cited beside 49-CT/TW in 2 documents")) and
     (.reference | test("^Kết luận số 114-KL/TW, ngày 14/07/2015")) and .path == null and .score > 0) and
    all(has("key") and has("score") and has("reason") and has("reference") and has("path"))' "$WORK/s49.jsonl" >/dev/null
check "no suggestion of what it cites" jq -s -e 'map(select(.kind == "suggestion") | .key | startswith("49-CT/TW")) | any | not' "$WORK/s49.jsonl" >/dev/null
check "none without --suggest" sh -c "'$CHIMUC' map --db '$db' --json '$WORK/s49.txt' | jq -s -e 'map(select(.kind == \"suggestion\")) | length == 0' >/dev/null"
check "text suggestions" sh -c "'$CHIMUC' map --db '$db' --suggest '$WORK/s49.txt' | grep -q '^suggested: 114-KL/TW@2015 (score '"
check "Markdown suggestions" sh -c "'$CHIMUC' map --db '$db' --suggest --format md '$WORK/s49.txt' | grep -q '^## Suggestions'"

check "--help tells --suggest" sh -c "'$CHIMUC' map --help | grep -q -- '--suggest'"
# shellcheck source=/dev/null
. "$CM_SOURCE_DIR/completion/chimuc.bash"
COMP_WORDS=("$CHIMUC" map --sug)
COMP_CWORD=2
COMPREPLY=()
_chimuc
same "completion: chimuc map --sug<TAB>" "${COMPREPLY[*]}" "--suggest"

# outputs
"$CHIMUC" map --db "$db" --format graphml "$WORK/draft.txt" >"$WORK/m.graphml"
check "GraphML parses" xmllint --noout "$WORK/m.graphml"
check "DOT" sh -c "'$CHIMUC' map --db '$db' --format dot '$WORK/draft.txt' | grep -q '^digraph citations'"
check "Markdown report" sh -c "'$CHIMUC' map --db '$db' --format md '$WORK/draft.txt' | grep -q '^## Kế hoạch số 1600-KH/BDVTW'"
check "standard input" sh -c "'$CHIMUC' map --db '$db' --json - <'$WORK/draft.txt' | jq -s -e 'length == 5' >/dev/null"
"$CHIMUC" map --db "$db" --format pdf "$WORK/draft.txt" >/dev/null 2>&1
same "unknown format is a usage error" $? 2
finish
