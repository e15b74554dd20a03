# SPDX-License-Identifier: GPL-2.0-or-later

# test_search.sh: ranked search on the sample corpus: diacritics, tone
# placement, NFC/NFD, phrases and NOT, the JSON contract, usage errors.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
index_corpus "$db"

same "top three of 'dan van kheo' = 'dân vận khéo'" \
    "$(paths "$db" dan van kheo | head -3)" "$(paths "$db" dân vận khéo | head -3)"
check "'dân vận khéo' finds something" test -n "$(paths "$db" dân vận khéo)"
same "Tỉnh uỷ = Tỉnh ủy" "$(paths "$db" 'Tỉnh uỷ')" "$(paths "$db" 'Tỉnh ủy')"
check "Tỉnh ủy finds something" test -n "$(paths "$db" 'Tỉnh ủy')"
nfd=$(printf 'da\314\202n va\314\202\314\243n') # "dân vận" in NFD
same "NFD query = NFC query" "$(paths "$db" "$nfd")" "$(paths "$db" 'dân vận')"
same "old/new tone in a phrase" "$(paths "$db" '"khoá XI"')" "$(paths "$db" '"khóa XI"')"
check "khoá XI finds something" test -n "$(paths "$db" '"khoá XI"')"
same "dặn finds nothing" "$(paths "$db" dặn)" ""
check "dan finds something" test -n "$(paths "$db" dan)"
check "Đảng finds something" test -n "$(paths "$db" Đảng)"
same "Đảng = dang (folded đ)" "$(paths "$db" Đảng | sort)" \
    "$(comm -12 <(paths "$db" Đảng | sort) <(paths "$db" dang | sort))"

# NOT excludes every document that contains the phrase.
excluded=$(paths "$db" '"công tác dân vận" NOT "Hội Nhà báo"')
check "NOT query finds something" test -n "$excluded"
while IFS= read -r p; do
    if grep -q 'Hội Nhà báo' "$p"; then fail "NOT kept $p"; else ok; fi
done <<<"$excluded"
with=$(paths "$db" '"Hội Nhà báo"')
check "the phrase itself is found" test -n "$with"
excluded2=$(paths "$db" '"công tác dân vận"' -'"Hội Nhà báo"')
same "-\"phrase\" = NOT \"phrase\"" "$excluded2" "$excluded"

# The JSON contract: one object per hit with rank, score, path, title, snippet.
"$CHIMUC" search --db "$db" --json dân vận >"$WORK/hits.jsonl"
check "JSON hits have the contract fields" jq -e \
    'has("rank") and has("score") and has("path") and has("title") and has("snippet")' \
    "$WORK/hits.jsonl" >/dev/null
same "ranks count from 1" "$(jq -r .rank "$WORK/hits.jsonl" | head -1)" 1
check "highlights are word ranges in the snippet" jq -e \
    '[.highlights[] as $h | .snippet | .[$h[0]:$h[1]]] | length > 0' "$WORK/hits.jsonl" >/dev/null
same "--limit" "$("$CHIMUC" search --db "$db" --json --limit 2 dân | wc -l)" 2
same "--offset" "$(paths "$db" dân | sed -n 2p)" \
    "$("$CHIMUC" search --db "$db" --json --offset 1 --limit 1 dân | jq -r .path)"
check "text output marks words" sh -c "'$CHIMUC' search --db '$db' dân vận | grep -q '\[[Dd]ân\]'"

for q in 'dân vận' 'dan van kheo' '"công tác dân vận"' 'cites:25-NQ/TW'; do
    same "--brief lists the same hits as the full search for $q" \
        "$("$CHIMUC" search --db "$db" --json --brief "$q" | jq -c '[.rank, .path, .title]')" \
        "$("$CHIMUC" search --db "$db" --json "$q" | jq -c '[.rank, .path, .title]')"
done
check "--brief shows no snippet" sh -c "! '$CHIMUC' search --db '$db' --brief dân vận | grep -q '\['"

"$CHIMUC" stats --db "$db" --json >"$WORK/stats.json"
same "stats counts the documents" "$(jq .documents "$WORK/stats.json")" 5

"$CHIMUC" search --db "$db" >/dev/null 2>&1
same "no query is a usage error" $? 2
"$CHIMUC" search --db "$WORK/none" dân >/dev/null 2>"$WORK/err"
same "a missing index fails" $? 1
check "and says so" grep -q 'no index here' "$WORK/err"
check "--help" sh -c "'$CHIMUC' search --help | grep -q Usage"
check "--version" sh -c "'$CHIMUC' --version | grep -q chimuc"
"$CHIMUC" search --db "$db" '((((' >/dev/null 2>&1
same "a query of brackets only is a clean error" $? 1
finish
