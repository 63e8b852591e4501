# SPDX-License-Identifier: Apache-2.0
# Bash completion for tracesim: the command, then its options, read from
# `tracesim <command> --help` (so they never go stale), and for FILE arguments
# scenario files (*.yaml, *.yml) and folders. Installed as
# share/bash-completion/completions/tracesim; by hand: source this file.

_tracesim_commands() {
  # The "Commands:" list of `tracesim --help`: "  run FILE   simulate ..." -> run.
  "$1" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'
}

_tracesim_options() {
  # Every --long and -s option of `tracesim <command> --help`: boost prints them
  # as "  -j [ --threads ] arg (=0)" or "  --vary arg".
  "$1" "$2" --help 2>/dev/null | sed -n 's/^  \(-[a-zA-Z] \[ \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'
}

_tracesim() {
  local cur prev cmd i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local prog=${COMP_WORDS[0]}
  COMPREPLY=()

  cmd=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      mapfile -t COMPREPLY < <(compgen -W '--help --version' -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W "$(_tracesim_commands "$prog") help" -- "$cur")
    fi
    return 0
  fi

  case $prev in
    --out|-o|--cases|--json)
      # A folder, a CSV file or an output file: any path.
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      compopt -o filenames 2>/dev/null
      return 0 ;;
    --set|--vary|--target|--pool|--seed|-r|--replications|-j|--threads|--shard|--min|--max|--step|\
    --confidence|--max-replications|--event-budget|--intervals|--holdout|--agents)
      return 0 ;;  # a value: nothing sensible to offer
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_tracesim_options "$prog" "$cmd")" -- "$cur")
    return 0
  fi
  case $cmd in
    help)
      mapfile -t COMPREPLY < <(compgen -W "$(_tracesim_commands "$prog")" -- "$cur") ;;
    report|merge)
      # Results folders.
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      compopt -o filenames 2>/dev/null ;;
    *)
      # A scenario: *.yaml and *.yml files, and folders to descend into.
      mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.yaml' -- "$cur"; compgen -f -X '!*.yml' -- "$cur")
      compopt -o filenames 2>/dev/null ;;
  esac
  return 0
}

complete -F _tracesim tracesim
