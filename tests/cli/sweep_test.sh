#!/usr/bin/env bash
# Sweeps: identical files whatever the thread count, after an interruption and
# --resume, and after a 3-way sharded run and merge.
# Usage: sweep_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
scenario="$src/scenarios/occitanie-2021.yaml"
args=(sweep "$scenario" --set calendar.end=2021-04-30 --vary 'staffing.pools.tracers.fte[0].fte=20:75:5'
      --vary 'sms.policy[0].contact_call=0,0.5' -r 3 -q)
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }
same() {  # two folders hold identical result files
  local f
  for f in points.csv replications.csv sweep.json; do check cmp -s "$1/$f" "$2/$f"; done
  check diff -r -q "$1/points" "$2/points"
}

"$bin" "${args[@]}" -j 1 --out "$work/one"; check test $? -eq 0
"$bin" "${args[@]}" -j 2 --out "$work/two"; check test $? -eq 0
same "$work/one" "$work/two"
check test "$(wc -l < "$work/one/points.csv")" -eq 25   # 12 x 2 points + header
check test "$(wc -l < "$work/one/replications.csv")" -eq 73

# Re-running into a finished folder without --resume is refused (exit 64).
"$bin" "${args[@]}" --out "$work/one" 2>/dev/null; check test $? -eq 64

# A bad value on the grid fails before anything runs, reported against its --vary.
"$bin" sweep "$src/scenarios/occitanie-2021.yaml" --vary 'staffing.pools.tracers.fte[0].fte=10,-5' -q \
  --out "$work/bad" 2> "$work/bad.err"; check test $? -eq 65
check grep -qF -- "--vary staffing.pools.tracers.fte[0].fte=-5: staffing.pools.tracers.fte[0].fte: expected a number" "$work/bad.err"
check test ! -e "$work/bad/points.csv"

# Interrupt after the first point is saved, then resume.
"$bin" "${args[@]}" -j 1 --out "$work/int" 2>"$work/int.err" &
pid=$!
for _ in $(seq 1 500); do
  [ -n "$(ls "$work/int/points" 2>/dev/null | grep -v '^\.')" ] && break
  sleep 0.01
done
kill -INT "$pid"
wait "$pid"; code=$?
if [ "$code" -eq 130 ]; then
  pass=$((pass + 1))
  check grep -q -- "--resume" "$work/int.err"
  check test ! -e "$work/int/points.csv"
else
  echo "note: the sweep finished (exit $code) before it could be interrupted"
fi
"$bin" "${args[@]}" -j 2 --out "$work/int" --resume; check test $? -eq 0
same "$work/one" "$work/int"

# Three shards, then merge.
for i in 1 2 3; do "$bin" "${args[@]}" --shard "$i/3" --out "$work/shard$i"; check test $? -eq 0; done
check test ! -e "$work/shard1/points.csv"
"$bin" merge --out "$work/merged" "$work/shard1" "$work/shard2" 2>/dev/null; check test $? -eq 64   # a shard missing
"$bin" merge --out "$work/merged" "$work/shard1" "$work/shard2" "$work/shard3" >/dev/null; check test $? -eq 0
same "$work/one" "$work/merged"

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
