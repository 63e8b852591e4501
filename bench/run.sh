#!/usr/bin/env bash
# The benchmark suite, one command: prints a table and writes bench/results.json.
# Usage: bash bench/run.sh [--smoke] [--instructions] [--build DIR]
#   --smoke         tiny sizes: checks the benchmark code, measures nothing (CTest runs this)
#   --instructions  only the instruction counts of record (valgrind's callgrind, exact and
#                   repeatable on a noisy machine): one occitanie-2021 replication (seed 3) and
#                   the mmc centre to 2021-01-10, whole command; about a minute
#   --build DIR  the build folder (default build/release: cmake --preset release && cmake --build --preset release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/release
smoke=0
instructions=0
while [ $# -gt 0 ]; do
  case $1 in
    --smoke) smoke=1 ;;
    --instructions) instructions=1 ;;
    --build) build=$2; shift ;;
    *) echo "usage: bash bench/run.sh [--smoke] [--instructions] [--build DIR]" >&2; exit 64 ;;
  esac
  shift
done
bin=$build/sim/tracesim
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ $instructions -eq 1 ]; then
  command -v valgrind >/dev/null || { echo "bench: --instructions needs valgrind" >&2; exit 69; }
  # name, scenario, extra options: the two runs every before/after in docs/performance.md uses.
  while IFS='|' read -r name file extra; do
    # shellcheck disable=SC2086  # $extra is a list of options
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.callgrind" "$bin" run "$file" \
      -r 1 -j 1 -q --seed 3 $extra --out "$out/$name" >/dev/null 2>"$out/$name.err" ||
      { cat "$out/$name.err" >&2; exit 1; }
    printf '%-12s %15s instructions\n' "$name" "$(awk '/^summary:/ {print $2; exit}' "$out/$name.callgrind")"
  done <<'RUNS'
occitanie|scenarios/occitanie-2021.yaml|
mmc|bench/scenarios/mmc.yaml|--set calendar.end=2021-01-10
RUNS
  exit 0
fi

# Wall time (s) and peak memory (KiB) of a command, from GNU time.
measure() {  # name command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >/dev/null
  read -r wall mem < "$out/$name.time"
  echo "$name $wall $mem" >> "$out/wholes.txt"
}

if [ $smoke -eq 1 ]; then
  "$build/bench/kernel_bench" --benchmark_filter='BM_HoldModel/100$' --benchmark_min_time=0.01 \
    --benchmark_format=json > "$out/kernel.json"
  "$build/bench/scenario_bench" --benchmark_min_time=0.01 --benchmark_format=json > "$out/scenario.json"
  measure national "$bin" run bench/scenarios/national-2021.yaml -q -j 1 --set calendar.end=2021-01-07 --out "$out/nat"
  measure sweep_1_thread "$bin" sweep bench/scenarios/mmc.yaml --set calendar.end=2021-01-05 --vary 'inbound.per_day=14000,14400' -r 2 -j 1 -q --out "$out/s1"
  measure sweep_2_threads "$bin" sweep bench/scenarios/mmc.yaml --set calendar.end=2021-01-05 --vary 'inbound.per_day=14000,14400' -r 2 -j 2 -q --out "$out/s2"
else
  "$build/bench/kernel_bench" --benchmark_format=json > "$out/kernel.json"
  "$build/bench/scenario_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json > "$out/scenario.json"
  measure mmc_cli "$bin" run bench/scenarios/mmc.yaml -q -r 1 -j 1 --out "$out/mmc"
  measure national "$bin" run bench/scenarios/national-2021.yaml -q -j 1 --out "$out/nat"
  # Memory must follow the work in flight, not the horizon: one and two years at a constant load.
  measure national_constant_1y "$bin" run bench/scenarios/national-2021.yaml -q -j 1 \
    --set 'demand.index_cases.curve={constant: 10000}' --set calendar.end=2021-12-31 --out "$out/c1"
  measure national_constant_2y "$bin" run bench/scenarios/national-2021.yaml -q -j 1 \
    --set 'demand.index_cases.curve={constant: 10000}' --set calendar.end=2022-12-31 --out "$out/c2"
  # The searches of issue-sized questions: the least staff for a 12-hour target, and the fit.
  measure staff_occitanie_2_threads "$bin" staff scenarios/occitanie-2021.yaml \
    --target 'contacts.reached_within_12h >= 0.8' --pool tracers -j 2 -q --out "$out/staff"
  measure calibrate_occitanie_2_threads "$bin" calibrate scenarios/occitanie-2021.yaml -j 2 -q --out "$out/cal"
  measure sweep_1_thread "$bin" sweep bench/scenarios/mmc.yaml --set calendar.end=2021-01-17 --vary 'inbound.per_day=13000:14400:200' -r 4 -j 1 -q --out "$out/s1"
  measure sweep_2_threads "$bin" sweep bench/scenarios/mmc.yaml --set calendar.end=2021-01-17 --vary 'inbound.per_day=13000:14400:200' -r 4 -j 2 -q --out "$out/s2"
fi
cmp -s "$out/s1/points.csv" "$out/s2/points.csv" || { echo "bench: sweep results differ between 1 and 2 threads" >&2; exit 1; }

results=bench/results.json
[ $smoke -eq 1 ] && results=$out/results.json
python3 - "$out" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2}')" "$results" <<'PY'
import json, sys, datetime
out, cores, mem, results = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
res = {"date": datetime.date.today().isoformat(), "cores": int(cores), "memory_gib": int(mem), "results": {}}
r = res["results"]
for b in json.load(open(f"{out}/kernel.json"))["benchmarks"]:
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "mean": continue
    r[f"kernel_events_per_s_pending_{int(b['pending'])}"] = b["items_per_second"]
for b in json.load(open(f"{out}/scenario.json"))["benchmarks"]:
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median": continue
    name = b["run_name"].replace("BM_", "").lower()
    r[f"{name}_ms_per_replication"] = b["real_time"]
    r[f"{name}_events_per_s"] = b["events_per_s"]
    if b.get("callers_per_s", 0) > 0: r[f"{name}_callers_per_s"] = b["callers_per_s"]
for line in open(f"{out}/wholes.txt"):
    name, wall, mem_kib = line.split()
    r[f"{name}_wall_s"] = float(wall)
    r[f"{name}_peak_mib"] = round(int(mem_kib) / 1024, 1)
if "sweep_1_thread_wall_s" in r and r.get("sweep_2_threads_wall_s"):
    r["sweep_speedup_2_threads"] = round(r["sweep_1_thread_wall_s"] / r["sweep_2_threads_wall_s"], 2)
json.dump(res, open(results, "w"), indent=2)
print(f"{'benchmark':45s} {'value':>16s}")
for k, v in r.items():
    print(f"{k:45s} {v:16.6g}")
print("written:", results)
PY
