#!/usr/bin/env bash
# Long runs: progress lines in a log, --quiet, and an interrupted run keeps the
# replications it finished. No timed assertion: the interrupt is sent once the
# first progress line has appeared, however long that takes.
# Usage: progress_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
scenario="$src/scenarios/occitanie-2021.yaml"
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

# stderr is a file here, not a terminal: whole lines, the first and the last always.
"$bin" run "$scenario" --set calendar.end=2021-02-28 -r 3 -j 1 --out "$work/log" > /dev/null 2> "$work/log.err"
check "a log gets progress lines" grep -q "^occitanie-2021: 1/3 replications, .* elapsed, about .* left$" "$work/log.err"
check "the last progress line is there" grep -q "^occitanie-2021: 3/3 replications" "$work/log.err"
check "no carriage returns in a log" bash -c "! grep -q $'\r' '$work/log.err'"
"$bin" run "$scenario" --set calendar.end=2021-02-28 -r 3 -j 1 -q --out "$work/quiet" > "$work/quiet.out" 2> "$work/quiet.err"
check "--quiet prints nothing" test ! -s "$work/quiet.err" -a ! -s "$work/quiet.out"

# Interrupted run: SIGTERM (a background job of a script ignores SIGINT) once a replication is done.
"$bin" run "$scenario" -r 5000 -j 1 --out "$work/stopped" > /dev/null 2> "$work/stopped.err" &
pid=$!
for _ in $(seq 1 600); do
  grep -q "replications" "$work/stopped.err" 2>/dev/null && break
  sleep 0.2
done
kill -TERM "$pid"
wait "$pid"
code=$?
check "an interrupted run exits 130 (got $code)" test "$code" -eq 130
check "it says what it kept" grep -q "interrupted; wrote the [0-9]* replications\? finished in order" "$work/stopped.err"
kept=$(sed -n 's/.*wrote the \([0-9]*\) replication.*/\1/p' "$work/stopped.err")
check "replications.csv holds the kept replications" test "$(($(wc -l < "$work/stopped/replications.csv") - 1))" = "${kept:-x}"
check "metadata.json says how many" grep -q "\"replications\": ${kept:-x}," "$work/stopped/metadata.json"

echo "progress: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
