#!/usr/bin/env bash
# Machine-readable answers (--json) and the help texts users tripped on.
# Usage: answers_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
json_has() {  # file python-condition-on-a
  python3 -c "import json,sys; a=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"
}

"$bin" erlang --per-day 2040 --handle 6m --target 0.8 --threshold 20s --json > "$work/erlang.json"
check "erlang --json: the least agents of docs/sweeps.md" json_has "$work/erlang.json" "a['agents'] == 12 and a['model'] == 'Erlang C'"
"$bin" check "$src/scenarios/occitanie-2021.yaml" --json > "$work/check.json"
check "check --json" json_has "$work/check.json" "a['ok'] and a['days'] == 365 and a['pools'] == ['tracers']"

"$bin" run "$src/scenarios/occitanie-2021.yaml" -j -1 -q 2> "$work/err.txt"
check "-j -1 is a usage error" test $? -eq 64
check "-j -1 names the option" grep -q "for option '--threads' is invalid" "$work/err.txt"
"$bin" staff --help > "$work/help.txt"
check "staff --help shows --confidence (=0.95)" grep -qF "(=0.95)" "$work/help.txt"
"$bin" sweep --help > "$work/help.txt"
check "sweep --help's merge example has --out" grep -q "tracesim merge --out" "$work/help.txt"

echo "answers: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
