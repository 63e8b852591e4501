#!/usr/bin/env bash
# The bash completion (scripts/completion/tracesim.bash) against the built
# binary: commands first, then each command's options as its --help lists them,
# and scenario files (*.yaml, folders) for FILE.
# Usage: completion_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work/bin" "$work/files/sub"
ln -s "$bin" "$work/bin/tracesim"
export PATH="$work/bin:$PATH"
touch "$work/files/a.yaml" "$work/files/b.yml" "$work/files/notes.txt" "$work/files/c.csv"
# shellcheck source=../../scripts/completion/tracesim.bash
source "$src/scripts/completion/tracesim.bash"
failures=0 pass=0

complete_line() {  # words...: COMPREPLY for the last word, sorted, one a line
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _tracesim
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
expect() {  # description expected-lines words...
  local what=$1 want=$2; shift 2
  local got
  got=$(complete_line "$@")
  if [ "$got" = "$want" ]; then pass=$((pass + 1)); else
    echo "FAIL: $what"; echo "  expected: $(echo "$want" | tr '\n' ' ')"; echo "  got:      $(echo "$got" | tr '\n' ' ')"
    failures=$((failures + 1))
  fi
}
has() {  # description word words...: the completion offers word
  local what=$1 word=$2; shift 2
  if complete_line "$@" | grep -qxF -- "$word"; then pass=$((pass + 1)); else
    echo "FAIL: $what: '$word' not offered"; failures=$((failures + 1)); fi
}

expect "commands starting with c" "$(printf 'calibrate\ncheck')" tracesim c
expect "commands starting with r" "$(printf 'report\nrun')" tracesim r
has "every command: bench" bench tracesim ""
has "every command: erlang" erlang tracesim ""
has "every command: merge" merge tracesim ""
expect "--version before a command" "--version" tracesim --vers
expect "run's options starting with --re" "$(printf -- '--replications\n--report')" tracesim run --re
has "run --threads" --threads tracesim run x.yaml --thr
has "sweep --vary" --vary tracesim sweep --va
has "staff --target" --target tracesim staff s.yaml --tar
has "calibrate --holdout" --holdout tracesim calibrate --hold
has "check --print-resolved" --print-resolved tracesim check --print
cd "$work/files"
expect "run FILE: scenarios and folders only" "$(printf 'a.yaml\nb.yml\nsub')" tracesim run ""
expect "FILE after options" "$(printf 'a.yaml\nb.yml\nsub')" tracesim sweep -r 3 ""
expect "--cases takes any file" "c.csv" tracesim run a.yaml --cases c
expect "a value of --replications: nothing" "" tracesim run a.yaml --replications ""
expect "report DIR: folders" "sub" tracesim report ""
expect "help COMMAND" "$(printf 'staff\nsweep')" tracesim help s

echo "completion: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
