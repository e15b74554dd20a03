# SPDX-License-Identifier: GPL-2.0-or-later

# test_tu.sh: "TƯ" written for "TW" ("25-NQ/TƯ") is the same document end to
# end: extract keys it as 25-NQ/TW, and cited-by and search's cites: give the
# same documents for either spelling, the one that writes TƯ among them.
. "$(dirname "$0")/lib.sh"

docs="$WORK/docs"
db="$WORK/index"
mkdir -p "$docs"
cp "$CORPUS"/*.txt "$docs/"
cat >"$docs/tu.txt" <<'DOC'
BAN DÂN VẬN HUYỆN ỦY

KẾ HOẠCH
Tuyên truyền công tác dân vận năm 2024

Căn cứ Nghị quyết số 25-NQ/TƯ ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới; Ban Dân vận Huyện ủy xây dựng kế hoạch tuyên truyền Nghị quyết 25 như sau.
DOC
"$CHIMUC_INDEX" --db "$db" "$docs" >/dev/null

"$CHIMUC" extract --json "$docs/tu.txt" >"$WORK/x.jsonl"
same "the key of 25-NQ/TƯ" "$(jq -r 'select(.kind == "citation") | .key' "$WORK/x.jsonl")" "25-NQ/TW@2013"
check "the text as written" jq -s -e 'map(select(.kind == "citation"))[0].text | test("25-NQ/TƯ")' "$WORK/x.jsonl" >/dev/null
same "Nghị quyết 25 points back to it" \
    "$(jq -r 'select(.kind == "short_ref") | .key' "$WORK/x.jsonl")" "25-NQ/TW@2013"

citing() {
    "$CHIMUC" cited-by --db "$db" --json "$1" | jq -r .path | bases | sort
}
tw=$(citing 25-NQ/TW@2013)
tu=$(citing 25-NQ/TƯ@2013)
same "cited-by: both spellings, the same documents" "$tu" "$tw"
check "cited-by lists the document that writes TƯ" sh -c "printf '%s\n' '$tu' | grep -qx tu.txt"
check "and the samples that write TW" sh -c "printf '%s\n' '$tu' | grep -qx '004_3c74891c68df0f2c.txt'"

hits() {
    paths "$db" "$1" | bases | sort
}
same "search cites: both spellings, the same documents" "$(hits cites:25-NQ/TƯ)" "$(hits cites:25-NQ/TW)"
check "search cites:25-NQ/TƯ finds the document that writes TƯ" \
    sh -c "'$CHIMUC' search --db '$db' --json --limit 100 cites:25-NQ/TƯ | jq -r .path | grep -q '/tu.txt\$'"

finish
