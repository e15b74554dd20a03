# SPDX-License-Identifier: GPL-2.0-or-later

# chimuc.bash: bash completion of chimuc and chimuc-index. The commands and
# options are read from the programs' own --help, so they never drift;
# installed as share/bash-completion/completions/{chimuc,chimuc-index}.

# _chimuc_options PROGRAM [COMMAND]: the long options PROGRAM's --help names.
_chimuc_options()
{
    "$@" --help 2>/dev/null | grep -oE -- '--[a-zA-Z][a-zA-Z-]*' | sort -u
}

# _chimuc_value OPTION CUR: completes the value of OPTION; 1 if it takes none.
_chimuc_value()
{
    case $1 in
    --db)
        mapfile -t COMPREPLY < <(compgen -d -- "$2") ;;
    --auth | --tls-cert | --tls-key)
        mapfile -t COMPREPLY < <(compgen -f -- "$2") ;;
    --format)
        mapfile -t COMPREPLY < <(compgen -W "json dot graphml text md" -- "$2") ;;
    --color | --ocr)
        mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$2") ;;
    --by)
        mapfile -t COMPREPLY < <(compgen -W "actor" -- "$2") ;;
    --type | --relation | --depth | --limit | --offset | --on | --from | --to | \
    --around | --max-size | --batch | --jobs | --actor | --recipient | --listen | --threads | \
    --shard-timeout | --today)
        COMPREPLY=() ;;
    *)
        return 1 ;;
    esac
    return 0
}

_chimuc()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]} command="" i

    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) command=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ $cur == --*=* ]]; then
        _chimuc_value "${cur%%=*}" "${cur#*=}" && return 0
    fi
    _chimuc_value "$prev" "$cur" && return 0
    if [[ -z $command ]]; then
        local commands
        commands=$("$program" --help 2>/dev/null |
            sed -n '/^Commands:/,/^$/p' | awk 'NF && !/^Commands:/ { print $1 }')
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return 0
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_chimuc_options "$program" "$command")" -- "$cur")
        return 0
    fi
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_chimuc_index()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}

    _chimuc_value "$prev" "$cur" && return 0
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_chimuc_options "${COMP_WORDS[0]}")" -- "$cur")
        return 0
    fi
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _chimuc chimuc
complete -F _chimuc_index chimuc-index
