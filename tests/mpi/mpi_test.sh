#!/usr/bin/env bash
# MPI (docs/cluster.md): `mpirun -n 2` and `-n 3` (oversubscribed on a 2-core machine)
# write the same files as one process with -j 1, for a sweep and for a replicated run;
# a rank that throws or is killed ends the job with a message naming it, a non-zero
# exit and no results.
# Usage: mpi_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR [MPIRUN]
set -u
bin=$1 src=$2 work=$3 mpirun=${4:-mpirun}
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
# --allow-run-as-root: CI runs as root; --oversubscribe: more ranks than cores.
mpi=("$mpirun" --oversubscribe --allow-run-as-root --mca btl self,vader)
scenario="$src/scenarios/occitanie-2021.yaml"
sweep=(sweep "$scenario" --set calendar.end=2021-03-31 --vary 'staffing.pools.tracers.fte[0].fte=20:45:5' -r 2 -j 1 -q)
run=(run "$scenario" --set calendar.end=2021-03-31 -r 5 -j 1 -q)
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }
same_sweep() {
  local f
  for f in points.csv replications.csv sweep.json; do check cmp "$1/$f" "$2/$f"; done
  check diff -r -q "$1/points" "$2/points"
}
same_run() {
  local f
  for f in summary.json replications.csv daily.csv daily_long.csv monthly.csv summary_long.csv metadata.json \
           scenario.resolved.yaml; do
    check cmp "$1/$f" "$2/$f"
  done
}

"$bin" "${sweep[@]}" --out sweep-one; check test $? -eq 0
check test "$(wc -l < sweep-one/points.csv)" -eq 7   # 6 points + header
for n in 2 3; do
  "${mpi[@]}" -n $n "$bin" "${sweep[@]}" --out sweep-$n; check test $? -eq 0
  same_sweep sweep-one sweep-$n
done

"$bin" "${run[@]}" --trace --out run-one; check test $? -eq 0
for n in 2 3; do
  "${mpi[@]}" -n $n "$bin" "${run[@]}" --trace --out run-$n; check test $? -eq 0
  same_run run-one run-$n
  check cmp run-one/attempts.csv run-$n/attempts.csv   # replication 0's trace, written by rank 0
done

# A command that does not spread over ranks runs once, on rank 0.
"${mpi[@]}" -n 2 "$bin" check "$scenario" > check.out; check test $? -eq 0
check test "$(grep -c ': ok' check.out)" -eq 1

# A rank that throws (test-only switch, docs/cluster.md) ends the job, naming itself.
"${mpi[@]}" -n 2 -x TRACESIM_TEST_FAIL_RANK=1 "$bin" "${sweep[@]}" --out sweep-fail > fail.out 2>&1
code=$?
check test $code -ne 0
check grep -q "rank 1 of 2 failed" fail.out
check grep -q "failure injected for a test" fail.out
check test ! -e sweep-fail/points.csv
"${mpi[@]}" -n 3 -x TRACESIM_TEST_FAIL_RANK=2 "$bin" "${run[@]}" --out run-fail > run-fail.out 2>&1
check test $? -ne 0
check grep -q "rank 2 of 3 failed" run-fail.out
check test ! -e run-fail

# A rank killed by a signal: mpirun ends the job and names it.
"${mpi[@]}" -n 2 -x TRACESIM_TEST_FAIL_RANK=1:kill "$bin" "${run[@]}" --out run-killed > killed.out 2>&1
check test $? -ne 0
check grep -Eq "rank 1 .*(signal 9|Killed)" killed.out
check test ! -e run-killed

echo "mpi: $pass passed, $failures failed"
if [ $failures -ne 0 ]; then
  for f in fail.out run-fail.out killed.out; do echo "--- $f"; cat "$f"; done
fi
test $failures -eq 0
