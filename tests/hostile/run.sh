#!/usr/bin/env bash
# Runs the hostile catalogue (cases.txt): inputs a hostile or tired user gives.
# Each case runs in a fresh empty folder holding copies of files/, inside a
# sandbox folder. A case passes when tracesim exits with the expected code,
# its output contains the expected fragment, and, when the exit code is not 0,
# neither the case folder nor the sandbox around it gained or lost a file.
# A line of cases.txt: EXIT | FRAGMENT | SETUP | COMMAND, where SETUP and
# COMMAND are shell text run in the case folder, `tracesim` runs the binary
# (killed after 60 s) and $SRC is the source tree. Lines tagged "[no-asan]" in
# the fragment field are skipped under sanitizers (they limit address space).
# Usage: run.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR [sanitized]
set -u
bin=$1 src=$2 work=$3 sanitized=${4:-}
export bin SRC=$src
here="$src/tests/hostile"
rm -rf "$work" && mkdir -p "$work"
failures=0 pass=0 n=0

while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  IFS='|' read -r want fragment setup command <<<"$line"
  want=$(echo "$want" | xargs)
  fragment=$(echo "$fragment" | sed 's/^ *//; s/ *$//')
  case "$fragment" in '[no-asan] '*) fragment=${fragment#'[no-asan] '}; [ -n "$sanitized" ] && continue ;; esac
  # '[writes] ': a non-zero exit that keeps what was finished (Ctrl-C on run) may write.
  writes=""
  case "$fragment" in '[writes] '*) fragment=${fragment#'[writes] '}; writes=1 ;; esac
  box="$work/case-$n" dir="$work/case-$n/in"
  mkdir -p "$dir" && cp -r "$here/files/." "$dir/"
  define='tracesim() { timeout 60 "$bin" "$@"; }'
  (cd "$dir" && eval "$define; $setup") >/dev/null 2>&1
  before=$(cd "$box" && find . \( -type d -printf '%p/\n' \) -o -printf '%p %y %s %T@\n' | sort)
  out=$(cd "$dir" && eval "$define; $command" 2>&1)
  got=$?
  after=$(cd "$box" && find . \( -type d -printf '%p/\n' \) -o -printf '%p %y %s %T@\n' | sort)
  problem=""
  [ "$got" = "$want" ] || problem="exit $got, expected $want"
  if [ -z "$problem" ] && ! grep -qF -- "$fragment" <<<"$out"; then problem="output lacks '$fragment'"; fi
  if [ -z "$problem" ] && [ "$want" != 0 ] && [ -z "$writes" ] && [ "$before" != "$after" ]; then
    problem="files changed: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -3 | tr '\n' ' ')"
  fi
  if [ -n "$problem" ]; then
    echo "FAIL case $n: $command: $problem"
    echo "$out" | head -4 | sed 's/^/  | /'
    failures=$((failures + 1))
  else
    pass=$((pass + 1))
  fi
done <"$here/cases.txt"
echo "hostile: $pass of $n cases pass"
[ "$failures" -eq 0 ]
