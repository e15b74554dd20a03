# SPDX-License-Identifier: GPL-2.0-or-later

# test_whole.sh: whole answers. 1,100 plans cite one resolution with its
# date and 100 more without one (which can only mean it: the corpus cites
# it with no other year), 1,200 in all, past the 1,024 documents cited-by
# once stopped at: cited-by, top-cited,
# deadlines, search, graph, cites and map give all of them, --count gives
# the total of the whole answer, --limit/--offset pages cover it exactly
# once, and map says how many precedents it leaves out. A chain of plans
# carrying out plans tests the depth limit of cited-by at the limit (10)
# and past it.
. "$(dirname "$0")/lib.sh"

many=1100
big="$WORK/big"
mkdir -p "$big"
for i in $(seq 1 $many); do
    cat >"$big/plan$i.txt" <<DOC
ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY CẦN THƠ
Số $i-KH/TU
Cần Thơ, ngày 12 tháng 3 năm 2019

KẾ HOẠCH
Thực hiện công tác dân vận số $i
-----
Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) và Chỉ thị số 49-CT/TW ngày 20/02/2015 của Ban Bí thư, Tỉnh ủy xây dựng kế hoạch như sau.
Các đơn vị báo cáo kết quả về Tỉnh ủy trước ngày 15/10/2019.
DOC
done
undated=100
total=$((many + undated))
for i in $(seq 1 $undated); do
    cat >"$big/undated$i.txt" <<DOC
ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY CẦN THƠ
Số $((2000 + i))-KH/TU
Cần Thơ, ngày 12 tháng 3 năm 2020

KẾ HOẠCH
Thực hiện công tác dân vận số $((2000 + i))
-----
Quán triệt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương, Tỉnh ủy xây dựng kế hoạch như sau.
DOC
done
db="$WORK/index"
"$CHIMUC_INDEX" --db "$db" "$big" >/dev/null

# cited-by: every citing document, counted, paged
"$CHIMUC" cited-by --db "$db" --json 25-NQ/TW@2013 >"$WORK/all.jsonl"
same "cited-by lists every citing document" "$(wc -l <"$WORK/all.jsonl")" $total
same "each once" "$(jq -r .path "$WORK/all.jsonl" | sort -u | wc -l)" $total
same "those citing it without a year among them" "$(jq -r 'select(.key == "25-NQ/TW") | .path' "$WORK/all.jsonl" | wc -l)" $undated
same "--count is the whole answer" "$("$CHIMUC" cited-by --db "$db" --count 25-NQ/TW@2013)" $total
same "without a year: the same answer" "$("$CHIMUC" cited-by --db "$db" --count 25-NQ/TW)" $total
same "--count ignores the page" "$("$CHIMUC" cited-by --db "$db" --count --limit 5 25-NQ/TW@2013)" $total
same "--count with --type" "$("$CHIMUC" cited-by --db "$db" --count --type KH 49-CT/TW)" $many
same "--count with another --type" "$("$CHIMUC" cited-by --db "$db" --count --type NQ 49-CT/TW)" 0
: >"$WORK/pages.jsonl"
for off in 0 500 1000; do
    "$CHIMUC" cited-by --db "$db" --json --limit 500 --offset $off 25-NQ/TW@2013 >>"$WORK/pages.jsonl"
done
check "pages of 500 make the whole list, in order" cmp -s "$WORK/all.jsonl" "$WORK/pages.jsonl"
same "the last page is short" \
    "$("$CHIMUC" cited-by --db "$db" --json --limit 500 --offset 1000 25-NQ/TW@2013 | wc -l)" 200
same "an offset past the end shows nothing" \
    "$("$CHIMUC" cited-by --db "$db" --json --offset $total 25-NQ/TW@2013 | wc -l)" 0
"$CHIMUC" cited-by --db "$db" --limit x 25-NQ/TW >/dev/null 2>&1
same "a bad --limit is a usage error" $? 2

# top-cited, deadlines, search, graph, cites: whole and counted
same "top-cited counts every citing document" \
    "$("$CHIMUC" top-cited --db "$db" --json | jq -r 'select(.key == "25-NQ/TW@2013") | .count')" $total
same "top-cited --count" "$("$CHIMUC" top-cited --db "$db" --count)" 2
same "top-cited lists them all" "$("$CHIMUC" top-cited --db "$db" --json | wc -l)" 2
same "top-cited --offset" "$("$CHIMUC" top-cited --db "$db" --json --offset 1 | jq -r .key)" "49-CT/TW@2015"
same "deadlines --count" "$("$CHIMUC" deadlines --db "$db" --on 15/10 --count)" $many
same "deadlines lists them all" "$("$CHIMUC" deadlines --db "$db" --on 15/10 --json | wc -l)" $many
same "deadlines --limit" "$("$CHIMUC" deadlines --db "$db" --on 15/10 --json --limit 7 | wc -l)" 7
same "search --count" "$("$CHIMUC" search --db "$db" --count cites:25-NQ/TW dân vận)" $total
same "search --limit past 10,000 is allowed" \
    "$("$CHIMUC" search --db "$db" --json --brief --limit 20000 cites:25-NQ/TW | wc -l)" $total
"$CHIMUC" graph --db "$db" --format json >"$WORK/g.jsonl"
same "graph: every document a node" "$(jq -c 'select(.kind == "node" and .path != null)' "$WORK/g.jsonl" | wc -l)" $total
same "graph: every citation an edge" "$(jq -c 'select(.kind == "edge")' "$WORK/g.jsonl" | wc -l)" $((2 * many + undated))
"$CHIMUC" graph --db "$db" --around 25-NQ/TW@2013 --depth 1 >"$WORK/a.jsonl"
same "--around --depth 1: the resolution and its citers" \
    "$(jq -c 'select(.kind == "node")' "$WORK/a.jsonl" | wc -l)" $((many + 1))
same "--depth 2: and what they cite beside it" \
    "$("$CHIMUC" graph --db "$db" --around 25-NQ/TW@2013 --depth 2 | jq -c 'select(.kind == "node")' | wc -l)" $((many + 2))
same "the graph keeps citations as written: around the bare number, both keys" \
    "$("$CHIMUC" graph --db "$db" --around 25-NQ/TW | jq -c 'select(.kind == "node")' | wc -l)" $((total + 2))
same "cites --count" "$("$CHIMUC" cites --db "$db" --count 7-KH/TU)" 2
same "cites --limit" "$("$CHIMUC" cites --db "$db" --json --limit 1 7-KH/TU | jq -r .key)" "25-NQ/TW@2013"

# map: precedents cut for reading, with how many more
printf 'Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương.\n' >"$WORK/draft.txt"
"$CHIMUC" map --db "$db" --json "$WORK/draft.txt" >"$WORK/m.jsonl"
same "map shows 10 precedents by default" "$(jq '.cited_by | length' "$WORK/m.jsonl")" 10
same "and knows them all" "$(jq .cited_by_total "$WORK/m.jsonl")" $total
same "--precedents N" "$("$CHIMUC" map --db "$db" --json --precedents 3 "$WORK/draft.txt" | jq '.cited_by | length')" 3
check "the report says how many more" sh -c "'$CHIMUC' map --db '$db' '$WORK/draft.txt' | grep -q '$((total - 10)) more precedents'"
same "co-cited total" "$(jq .co_cited_total "$WORK/m.jsonl")" 1
same "--co-cited 0" "$("$CHIMUC" map --db "$db" --json --co-cited 0 "$WORK/draft.txt" | jq '.co_cited | length')" 0
check "and says one more" sh -c "'$CHIMUC' map --db '$db' --co-cited 0 '$WORK/draft.txt' | grep -q '1 more document cited beside it'"

# the depth limit of cited-by: 10, at it and past it
chain="$WORK/chain"
mkdir -p "$chain"
for i in $(seq 1 13); do
    cat >"$chain/d$i.txt" <<DOC
ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY CẦN THƠ
Số $((100 + i))-KH/TU
Cần Thơ, ngày 12 tháng 10 năm $((2000 + i))

KẾ HOẠCH
Thực hiện công tác dân vận năm $((2000 + i))
-----
Thực hiện Kế hoạch số $((99 + i))-KH/TU ngày 12/10/$((1999 + i)) của Tỉnh ủy về công tác dân vận, Tỉnh ủy xây dựng kế hoạch như sau.
DOC
done
cdb="$WORK/chain-index"
"$CHIMUC_INDEX" --db "$cdb" "$chain" >/dev/null
same "depth 3 follows three plans" "$("$CHIMUC" cited-by --db "$cdb" --json --depth 3 100-KH/TU@2000 | jq -r .depth | tr '\n' ' ')" "1 2 3 "
"$CHIMUC" cited-by --db "$cdb" --json --depth 10 100-KH/TU@2000 >"$WORK/d10.jsonl" 2>"$WORK/err"
same "at the limit: ten levels" "$(jq -r .depth "$WORK/d10.jsonl" | tail -1) $(wc -l <"$WORK/d10.jsonl")" "10 10"
check "and it says more lie beyond" grep -q "stopped at depth 10, the deepest cited-by follows" "$WORK/err"
same "--count at the limit" "$("$CHIMUC" cited-by --db "$cdb" --count --depth 10 100-KH/TU@2000 2>/dev/null)" 10
"$CHIMUC" cited-by --db "$cdb" --json --depth 10 103-KH/TU@2003 >"$WORK/d10b.jsonl" 2>"$WORK/err"
same "an answer that ends at depth 10" "$(wc -l <"$WORK/d10b.jsonl")" 10
check "says nothing of a limit" test ! -s "$WORK/err"
"$CHIMUC" cited-by --db "$cdb" --depth 11 100-KH/TU@2000 >/dev/null 2>"$WORK/err"
same "past the limit: a usage error" $? 2
check "naming the limit" grep -q "from 1 to 10" "$WORK/err"
finish
