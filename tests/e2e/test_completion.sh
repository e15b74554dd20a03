# SPDX-License-Identifier: GPL-2.0-or-later

# test_completion.sh: bash completion (completion/chimuc.bash), called as
# bash calls it, with COMP_WORDS and COMP_CWORD set: commands, each
# command's options, option values, chimuc-index's options.
. "$(dirname "$0")/lib.sh"

# shellcheck source=/dev/null
. "$CM_SOURCE_DIR/completion/chimuc.bash"
bin="$WORK/bin"
mkdir -p "$bin"
ln -s "$CHIMUC" "$bin/chimuc"
ln -s "$CHIMUC_INDEX" "$bin/chimuc-index"
PATH="$bin:$PATH"

# complete FUNCTION WORD...: the sorted completions of the last word.
complete_words() {
    local fn=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    "$fn"
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}

same "chimuc ci<TAB>" "$(complete_words _chimuc chimuc ci)" "cited-by cites "
same "chimuc se<TAB>" "$(complete_words _chimuc chimuc se)" "search serve "
same "chimuc serve --li<TAB>" "$(complete_words _chimuc chimuc serve --li)" "--listen "
same "chimuc serve --sh<TAB>" "$(complete_words _chimuc chimuc serve --sh)" "--shard-timeout "
same "chimuc serve --shard-timeout <TAB>: a number" "$(complete_words _chimuc chimuc serve --shard-timeout "")" " "
same "chimuc zz<TAB>: nothing" "$(complete_words _chimuc chimuc zz)" " "
same "chimuc search --li<TAB>" "$(complete_words _chimuc chimuc search --li)" "--limit "
same "chimuc search --br<TAB>" "$(complete_words _chimuc chimuc search --br)" "--brief "
same "chimuc stats --br<TAB>: not an option of stats" "$(complete_words _chimuc chimuc stats --br)" " "
same "chimuc graph --format g<TAB>" "$(complete_words _chimuc chimuc graph --format g)" "graphml "
same "chimuc search --color=n<TAB>" "$(complete_words _chimuc chimuc search --color=n)" "never "
same "chimuc-index --fo<TAB>" "$(complete_words _chimuc_index chimuc-index --fo)" "--follow "
mkdir "$WORK/dbdir"
touch "$WORK/dbfile"
same "--db completes folders only" "$(complete_words _chimuc chimuc search --db "$WORK/db")" "$WORK/dbdir "
same "chimuc serve --tls<TAB>" "$(complete_words _chimuc chimuc serve --tls)" "--tls-cert --tls-key "
touch "$WORK/cert.pem"
same "--tls-cert completes files" \
    "$(complete_words _chimuc chimuc serve --tls-cert "$WORK/cert")" "$WORK/cert.pem "
same "--tls-key completes files" \
    "$(complete_words _chimuc chimuc serve --tls-key "$WORK/dbf")" "$WORK/dbfile "
finish
