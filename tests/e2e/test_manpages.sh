# SPDX-License-Identifier: GPL-2.0-or-later

# test_manpages.sh: the manual pages tell every option: each option that a
# command's --help prints is in that command's part of chimuc(1) (or in its
# COMMON OPTIONS), each option of chimuc-index --help in chimuc-index(1), and
# every command of `chimuc --help` has its part; groff -ww reports nothing.
. "$(dirname "$0")/lib.sh"

: "${CM_BUILD_DIR:?}"
if ! command -v groff >/dev/null; then
    echo "SKIP: groff is not installed"
    exit 77
fi
man_chimuc="$CM_BUILD_DIR/man/chimuc.1"
man_index="$CM_BUILD_DIR/man/chimuc-index.1"

for page in "$man_chimuc" "$man_index"; do
    same "groff -ww: no warning in ${page##*/}" "$(groff -ww -z -man "$page" 2>&1)" ""
done

# The text of a page's source without roff escapes of dashes and fonts.
plain() {
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$1"
}

# section PAGE NAME: the lines of the .SH or .SS part named NAME.
section() {
    plain "$1" | awk -v name="$2" '
        /^\.S[HS] / { title = $0; sub(/^\.S[HS] /, "", title); gsub(/"/, "", title)
                      inside = (title == name); next }
        inside'
}

# options: the options that --help output on standard input names: every
# --long one, and the short ones written "-x, --long".
options() {
    help=$(cat)
    {
        printf '%s\n' "$help" | grep -oE -- '--[a-zA-Z][a-zA-Z-]*'
        printf '%s\n' "$help" | grep -oE -- '(^|[ [])-[a-zA-Z], --' | sed -E 's/^[ []//; s/, --$//'
    } | sort -u
}

# covered DESC TEXT OPTION: OPTION appears in TEXT as a word.
covered() {
    if printf '%s\n' "$2" | grep -qE -- "(^|[^a-zA-Z-])$3([^a-zA-Z-]|\$)"; then
        ok
    else
        fail "$1: $3 is not in the manual page"
    fi
}

common=$(section "$man_chimuc" "COMMON OPTIONS")
commands=$("$CHIMUC" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF && !/^Commands:/ { print $1 }')
check "chimuc --help lists commands" test -n "$commands"
for cmd in $commands; do
    part=$(section "$man_chimuc" "$cmd")
    check "chimuc(1) has a part for $cmd" test -n "$part"
    help=$("$CHIMUC" "$cmd" --help)
    check "chimuc $cmd --help names options" test -n "$(printf '%s\n' "$help" | options)"
    for opt in $(printf '%s\n' "$help" | options); do
        covered "chimuc $cmd" "$part$common" "$opt"
    done
done
for opt in $("$CHIMUC" --help | options); do
    covered "chimuc" "$(plain "$man_chimuc")" "$opt"
done

index_page=$(plain "$man_index")
for opt in $("$CHIMUC_INDEX" --help | options); do
    covered "chimuc-index" "$index_page" "$opt"
done

# The check itself: an option no page tells is caught, one it tells is not.
same "an option not in the page is caught" \
    "$(failed=0; covered probe "$index_page" --no-such-option 2>/dev/null; echo $failed)" 1
same "an option in the page passes" \
    "$(failed=0; covered probe "$index_page" --max-size 2>/dev/null; echo $failed)" 0
finish
