#!/usr/bin/env bash
# tracesim report: exit codes, and the page of a small run is one self-contained file.
# Usage: report_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
expect_exit() {  # code description command...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  check "$what: exit $got, expected $want" test "$got" -eq "$want"
}

expect_exit 0 "report --help" "$bin" report --help
expect_exit 64 "report without DIR" "$bin" report
expect_exit 66 "report of a folder that holds no results" "$bin" report "$work"
check "the message says what a results folder holds" grep -q "not a results folder" "$work/err.txt"

"$bin" run "$src/scenarios/occitanie-2021.yaml" --set calendar.end=2021-03-31 -r 3 -q --out "$work/run" || exit 1
check "run without --report writes no page" test ! -e "$work/run/report.html"
expect_exit 0 "report of a run folder" "$bin" report "$work/run"
page="$work/run/report.html"
check "report.html written" test -s "$page"
check "the page carries its data" grep -q 'id="tracesim-data"' "$page"
check "the page inlines Chart.js" grep -q "Chart.js v" "$page"
check "the page loads nothing from elsewhere" bash -c "! grep -Eq '<(script|link|img|iframe)[^>]*(src|href)=' '$page'"
# Every page carries the whole script: its calibrate view must name the optimiser in use.
check "the calibrate view names BOBYQA, the optimiser calibrate uses" grep -q "(BOBYQA, common random numbers)" "$page"
"$bin" run "$src/scenarios/occitanie-2021.yaml" --set calendar.end=2021-03-31 -r 3 -q --report --out "$work/run2" || exit 1
cp "$work/run2/report.html" "$work/page-of-run.html"
"$bin" report "$work/run2" > /dev/null
check "run --report writes the same page as report" cmp -s "$work/page-of-run.html" "$work/run2/report.html"
check "a run with --report has the half-hour files" test -s "$work/run2/intervals.csv"

q1=("$bin" run "$src/scenarios/occitanie-2021.yaml" --set calendar.end=2021-03-31 -r 3 -q)
expect_exit 64 "--intervals out of order" "${q1[@]}" --intervals 2021-02-01:2021-01-01 --out "$work/bad"
expect_exit 64 "--intervals outside the run" "${q1[@]}" --intervals 2021-03-01:2021-04-30 --out "$work/bad"
expect_exit 0 "--intervals FROM:TO" "${q1[@]}" --intervals 2021-01-05:2021-01-06 --out "$work/iv"
check "intervals.csv has 48 rows a day of the period" test "$(wc -l < "$work/iv/intervals.csv")" -eq 97
check "intervals.csv starts at the period" grep -q "^2021-01-05T00:00," "$work/iv/intervals.csv"
check "reach_by_arrival_day.csv has every day" test "$(wc -l < "$work/iv/reach_by_arrival_day.csv")" -eq 91
check "--intervals leaves the other files as they were" cmp -s "$work/iv/daily.csv" "$work/run/daily.csv"

staff=("$bin" staff "$src/tests/validation/erlang-c-rho085.yaml" --target 'inbound.service_level >= 0.8' --pool agents
       --min 5 --max 40 -r 3 -q)
expect_exit 64 "staff --report without --out" "${staff[@]}" --report
expect_exit 0 "staff --json --out" "${staff[@]}" --json --out "$work/staff"
check "staff --json prints staff.json" cmp -s "$work/out.txt" "$work/staff/staff.json"
check "staff.json holds the answer" python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert a['complete'] and a['found'] and a['level'] == 12 and a['tried']" "$work/staff/staff.json"
expect_exit 0 "report of a staff folder" "$bin" report "$work/staff"
expect_exit 0 "calibrate --check --json" "$bin" calibrate "$src/scenarios/isere-2020.yaml" --check -q --json
check "calibrate --json is JSON with the targets" python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert a['targets'] and a['complete']" "$work/out.txt"

echo "report: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
