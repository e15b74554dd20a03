# SPDX-License-Identifier: GPL-2.0-or-later

# test_dates.sh: dates end to end on the sample corpus: extract --json against
# the gold counts, deadlines --on/--from/--to, the iCalendar parsed back by
# libical, and search's date: filter.
. "$(dirname "$0")/lib.sh"

db="$WORK/index"
index_corpus "$db"

# extract: one JSON object per date, as many as the gold has, contract fields.
for f in "$CORPUS"/*.txt; do
    name=$(basename "$f")
    want=$(jq -c "select(.doc == \"$name\" and .kind == \"date\")" "$CORPUS/gold.jsonl" | wc -l)
    got=$("$CHIMUC" extract --json "$f" | jq -c 'select(.kind == "date")' | wc -l)
    same "extract finds the gold's dates in $name" "$got" "$want"
done
"$CHIMUC" extract --json "$CORPUS"/003_*.txt | jq -c 'select(.kind == "date")' >"$WORK/x.jsonl"
check "extract's contract fields" jq -e 'has("kind") and has("text") and has("start") and
    has("end") and has("iso") and has("resolved") and has("deadline") and has("occasion") and
    has("in_citation") and has("ambiguous")' "$WORK/x.jsonl" >/dev/null
printf 'Chiều 7-8, tại Hà Nội. Hoàn thành trước 7-8.\n' >"$WORK/ambiguous.txt"
same "extract flags the form it cannot decide, only that one" \
    "$("$CHIMUC" extract --json "$WORK/ambiguous.txt" | jq -r 'select(.kind == "date") | .ambiguous' | tr '\n' ' ')" \
    "false true "
same "extract's spans are the file's bytes" \
    "$(jq -r 'select(.iso == "2024-03") | "\(.start) \(.end)"' "$WORK/x.jsonl" | head -1 |
       while read -r s e; do tail -c +$((s + 1)) "$CORPUS"/003_*.txt | head -c $((e - s)); done)" \
    "tháng 3/2024"
"$CHIMUC" extract "$WORK/none.txt" >/dev/null 2>"$WORK/err"
same "extract of a missing file fails" $? 1
check "and names it" grep -q "none.txt: skipped: no such file" "$WORK/err"
check "extract --text gives the canonical text" \
    sh -c "'$CHIMUC' extract --text '$CORPUS'/001_*.txt | grep -q 'Tỉnh ủy và Hội Nhà báo tỉnh: Phối hợp'"

# deadlines --on 15/10: every sample document, each with its sentence.
"$CHIMUC" deadlines --db "$db" --on 15/10 --json >"$WORK/d.jsonl"
same "15/10 is in all five documents" "$(jq -r .path "$WORK/d.jsonl" | sort -u | wc -l)" 5
check "each has its sentence" jq -e '(.context | test("15/10")) and (.kind == "deadline" or
    .kind == "occasion") and has("iso") and has("resolved") and has("text")' "$WORK/d.jsonl" >/dev/null
check "sorted by date" sh -c "jq -r '.resolved // .iso' '$WORK/d.jsonl' | sort -c"

"$CHIMUC" deadlines --db "$db" --from 2024-06-01 --to 2024-06-30 --json >"$WORK/june.jsonl"
same "two June 2024 deadlines" "$(jq -r '"\(.iso) \(.kind)"' "$WORK/june.jsonl" | sort -u)" "2024-06-15 deadline"
same "…twice" "$(wc -l <"$WORK/june.jsonl")" 2
same "both are report deadlines" "$(jq -r '.context' "$WORK/june.jsonl" | grep -c 'gửi trước')" 2
same "--on a month" "$("$CHIMUC" deadlines --db "$db" --on 2024-03 --json | jq -r .iso)" "2024-03"
same "--all lists more" \
    "$([ "$("$CHIMUC" deadlines --db "$db" --all --json | wc -l)" -gt "$("$CHIMUC" deadlines --db "$db" --json | wc -l)" ] && echo yes)" yes

same "each 15/10 deadline has the body that owes it" \
    "$(jq -r 'select(.actor == null or .task == null) | .start' "$WORK/d.jsonl" | wc -l)" 0

# --ics: accepted by libical's parser, one event per line, yearly day-months;
# each event's summary is its task, its description opens with its actor.
"$CHIMUC" deadlines --db "$db" --on 15/10 --ics >"$WORK/d.ics"
"$CM_ICS_CHECK" <"$WORK/d.ics" >"$WORK/ics"
same "libical parses the calendar" $? 0
read -r events recurring <"$WORK/ics"
same "one event per deadline" "$events" "$(wc -l <"$WORK/d.jsonl")"
same "the day-month occasion recurs yearly" "$recurring" "$(jq -r 'select(.iso | startswith("--")) | .iso' "$WORK/d.jsonl" | wc -l)"
same "no event is summarized without its task" "$(grep -c '^SUMMARY:occasion: ' "$WORK/d.ics")" 0
same "each event's description opens with its actor" \
    "$(tr -d '\r' <"$WORK/d.ics" | sed ':a;N;$!ba;s/\n //g' | sed -n 's/^DESCRIPTION://p' |
       sed 's/\\n.*//; s/ → .*//; s/\\,/,/g')" "$(jq -r .actor "$WORK/d.jsonl")"

# who owes what to whom: --actor, --recipient (folded, abbreviations), --by actor, --ics.
same "--actor BDV = --actor 'ban dan van'" \
    "$("$CHIMUC" deadlines --db "$db" --actor BDV --json | jq -r .actor | sort -u | tr '\n' ' ')" \
    "Ban Dân vận Trung ương Ban Dân vận Tỉnh ủy Ban Dân vận Tỉnh ủy và Hội Nhà báo tỉnh "
same "--recipient MTTQ tỉnh" \
    "$("$CHIMUC" deadlines --db "$db" --recipient "Ủy ban MTTQ tỉnh" --count)" 2
same "--by actor: a line per actor, in the order of their keys" \
    "$("$CHIMUC" deadlines --db "$db" --by actor | grep -v '^ ' | grep -v '^[0-9]' | grep . | tail -2)" \
    "$(printf '%s\n%s' 'Các thành viên Ban Chỉ đạo Phong trào thi đua "Dân vận khéo" của tỉnh' 'Ủy ban MTTQ các huyện, thành phố')"
same "--by actor --on 15/10: every deadline under the body that owes it" \
    "$("$CHIMUC" deadlines --db "$db" --on 15/10 --by actor | grep -c '^(no actor)$')" 0
"$CHIMUC" deadlines --db "$db" --actor "Ban Dân vận" --ics | "$CM_ICS_CHECK" >"$WORK/ics"
same "libical parses the actor's calendar (2 day-month occasions recur)" "$(cat "$WORK/ics")" "10 2"
"$CHIMUC" deadlines --db "$db" --by date >/dev/null 2>&1
same "--by takes only actor" $? 2

# search date: filters.
same "date:15/10 finds the five documents" "$(paths "$db" date:15/10 | wc -l)" 5
same "date:2024-06..2024-12 finds 003 only" "$(paths "$db" date:2024-06..2024-12 | bases | cut -c1-3)" 003
same "date:15/6/2024 = date:2024-06-15" "$(paths "$db" date:15/6/2024)" "$(paths "$db" date:2024-06-15)"
same "words and dates together" "$(paths "$db" dân vận date:2020 | bases | cut -c1-3 | sort | tr '\n' ' ')" "001 002 "
"$CHIMUC" search --db "$db" date:31/2 >/dev/null 2>"$WORK/err"
same "an impossible date is a clean error" $? 1
check "with a reason" grep -q "bad query: not a date" "$WORK/err"
"$CHIMUC" deadlines --db "$db" --on 15/10 --from 2024 >/dev/null 2>&1
same "--on with --from is a usage error" $? 2
"$CHIMUC" deadlines --db "$db" --on 31/2 >/dev/null 2>&1
same "--on an impossible date is a usage error" $? 2
finish
