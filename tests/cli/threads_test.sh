#!/usr/bin/env bash
# -j 0 means the CPUs this process may use: under `taskset -c 0` every command
# that takes -j starts one worker thread, SLURM_CPUS_PER_TASK caps it, an explicit
# -j is obeyed, and the results do not change. The observable is the line each
# command prints on stderr unless --quiet ("tracesim: up to N worker threads ...").
# Usage: threads_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
unset SLURM_CPUS_PER_TASK  # inside a Slurm job: the comparisons below need it unset
scenario="$src/scenarios/occitanie-2021.yaml"
short=(--set calendar.end=2021-01-31)
failures=0 pass=0
check() {  # description command...
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
runs() {  # name command...: runs it, stderr to $work/name.err; exit 0 expected
  local name=$1; shift
  "$@" > /dev/null 2> "$work/$name.err"
  local code=$?
  check "$name exits 0 (got $code)" test "$code" -eq 0
}
says() {  # name text: $work/name.err holds the text as a whole line
  grep -qxF -- "$2" "$work/$1.err" || { sed 's/^/  | /' "$work/$1.err" | head -3; return 1; }
}
one="tracesim: up to 1 worker thread (-j 0: the CPUs this process may use)"

if command -v taskset > /dev/null; then
  runs pinned taskset -c 0 "$bin" run "$scenario" "${short[@]}" -r 3 --out "$work/pinned"
  check "run under taskset -c 0: one thread" says pinned "$one"
  runs pinned2 taskset -c 0 "$bin" run "$scenario" "${short[@]}" -r 3 -j 2 --out "$work/pinned2"
  check "an explicit -j 2 is obeyed under taskset" says pinned2 "tracesim: up to 2 worker threads (-j 2)"
  runs sweep taskset -c 0 "$bin" sweep "$scenario" "${short[@]}" --vary 'staffing.pools.tracers.fte[2].fte=60,81' \
    -r 1 --out "$work/sweep"
  check "sweep under taskset -c 0: one thread" says sweep "$one"
  runs staff taskset -c 0 "$bin" staff "$scenario" "${short[@]}" --target 'contacts.reached_within_12h >= 0.5' \
    --pool tracers --min 79 --max 81 -r 2 --max-replications 2
  check "staff under taskset -c 0: one thread" says staff "$one"
  runs calibrate taskset -c 0 "$bin" calibrate "$src/scenarios/isere-2020.yaml" --check
  check "calibrate under taskset -c 0: one thread" says calibrate "$one"
  runs quiet taskset -c 0 "$bin" run "$scenario" "${short[@]}" -r 3 -q --out "$work/quiet"
  check "--quiet says nothing" test ! -s "$work/quiet.err"
else
  echo "note: no taskset here; only SLURM_CPUS_PER_TASK is checked"
fi

runs slurm env SLURM_CPUS_PER_TASK=1 "$bin" run "$scenario" "${short[@]}" -r 3 --out "$work/slurm"
check "SLURM_CPUS_PER_TASK=1: one thread" says slurm "$one"
runs free "$bin" run "$scenario" "${short[@]}" -r 3 --out "$work/free"
runs bad env SLURM_CPUS_PER_TASK=lots "$bin" run "$scenario" "${short[@]}" -r 3 --out "$work/bad"
check "an invalid SLURM_CPUS_PER_TASK is ignored" \
  test "$(grep 'worker thread' "$work/free.err")" = "$(grep 'worker thread' "$work/bad.err")"
for d in pinned pinned2 slurm; do
  [ -d "$work/$d" ] && check "$d: the same results as unconstrained" \
    cmp -s "$work/$d/replications.csv" "$work/free/replications.csv"
done

echo "threads: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
