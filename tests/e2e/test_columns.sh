# SPDX-License-Identifier: GPL-2.0-or-later

# test_columns.sh: aligned listings pad by the columns a terminal shows, not
# by bytes: in `chimuc cites` and `chimuc top-cited` a key with "Đ" (two
# bytes, one column) starts the next column where an ASCII key does.
# Colours of search: --color=always|never|auto and NO_COLOR.
. "$(dirname "$0")/lib.sh"

if ! locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
    echo "SKIP: no C.UTF-8 locale to count characters with"
    exit 77
fi
db="$WORK/index"
index_corpus "$db"

# columns_after_key FILE: for each line "KEY   TEXT", the column where TEXT
# starts (characters, not bytes), and 1 per line whose key is not ASCII.
columns_after_key() {
    LC_ALL=C.UTF-8
    while IFS= read -r line; do
        line=${line#"${line%%[! ]*}"}
        case $1 in count) line=${line#*  } ;; esac
        key=${line%% *}
        rest=${line#"$key"}
        spaces=${rest%%[! ]*}
        echo "$((${#key} + ${#spaces})) $(printf '%s' "$key" | LC_ALL=C grep -c '[^ -~]')"
    done
}

"$CHIMUC" cites --db "$db" "$CORPUS"/004_*.txt >"$WORK/cites"
columns_after_key key <"$WORK/cites" >"$WORK/cites.cols"
check "cites: some keys hold a non-ASCII letter" grep -q ' 1$' "$WORK/cites.cols"
check "cites: some keys are ASCII" grep -q ' 0$' "$WORK/cites.cols"
same "cites: the text starts at one column on every line" \
    "$(cut -d' ' -f1 "$WORK/cites.cols" | sort -u)" 29

# Two plans in the index, one numbered with "Đ", and a third citing both.
t="$WORK/plans"
mkdir -p "$t"
printf 'BAN DÂN VẬN\nSố 12-KH/ĐĐ\nHà Nội, ngày 05 tháng 3 năm 2020\nKẾ HOẠCH\nvề công tác dân vận\n\nNội dung.\n' >"$t/a.txt"
printf 'TỈNH ỦY\nSố 15-KH/TU\nHà Nội, ngày 06 tháng 3 năm 2020\nKẾ HOẠCH\nvề công tác dân vận\n\nNội dung.\n' >"$t/b.txt"
printf 'BAN DÂN VẬN\nSố 20-KH/BDV\nHà Nội, ngày 10 tháng 4 năm 2020\nKẾ HOẠCH\nthực hiện\n\nCăn cứ Kế hoạch số 12-KH/ĐĐ, ngày 05/3/2020 và Kế hoạch số 15-KH/TU, ngày 06/3/2020.\n' >"$t/c.txt"
"$CHIMUC_INDEX" -q --db "$WORK/plans.db" "$t"
"$CHIMUC" top-cited --db "$WORK/plans.db" | grep -E '  /' >"$WORK/top"
columns_after_key count <"$WORK/top" >"$WORK/top.cols"
same "top-cited: both plans listed with their path, one key not ASCII" \
    "$(cut -d' ' -f2 "$WORK/top.cols" | sort | tr '\n' ' ')" "0 1 "
same "top-cited: the path starts at one column on every line" \
    "$(cut -d' ' -f1 "$WORK/top.cols" | sort -u)" 30

bold=$'\033[1m'
check "search --color=always: bold" \
    grep -qF "$bold" <("$CHIMUC" search --db "$db" --color=always dân vận)
check "search --color=always beats NO_COLOR" \
    grep -qF "$bold" <(NO_COLOR=1 "$CHIMUC" search --db "$db" --color=always dân vận)
check "search --color=never: brackets" \
    grep -q '\[dân vận\]\|\[dân\]' <("$CHIMUC" search --db "$db" --color=never dân vận)
same "search --color=never: no escape" \
    "$("$CHIMUC" search --db "$db" --color=never dân vận | grep -cF $'\033')" 0
if command -v script >/dev/null; then
    # script(1) runs the command through $SHELL: bash reads %q's quoting.
    SHELL=/bin/bash script -qec "$(printf '%q ' "$CHIMUC" search --db "$db" dân vận)" /dev/null >"$WORK/tty"
    check "on a terminal: bold by default" grep -qF "$bold" "$WORK/tty"
    NO_COLOR=1 SHELL=/bin/bash script -qec "$(printf '%q ' "$CHIMUC" search --db "$db" dân vận)" \
        /dev/null >"$WORK/tty"
    check "on a terminal with NO_COLOR: the hits are shown" grep -q '\[dân vận\]\|\[dân\]' "$WORK/tty"
    same "on a terminal with NO_COLOR: no escape" "$(grep -cF $'\033' "$WORK/tty")" 0
fi
"$CHIMUC" search --db "$db" --color=sometimes dân >/dev/null 2>"$WORK/err"
same "--color=sometimes: usage error" $? 2
check "…saying what it takes" grep -q 'auto, always or never' "$WORK/err"
finish
