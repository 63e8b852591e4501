#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset fuzz: clang, ASan+UBSan) and runs each
# for SECONDS (default 60). New inputs go to build/fuzz/corpus/<harness>; the
# seeds in fuzz/corpus (and tests/invalid, scenarios for the loader) are read only.
# A crash leaves crash-* in build/fuzz/findings and fails the script: turn it
# into a regression case (tests/invalid, tests/hostile or fuzz/corpus).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(scenario cases_csv open_tasks overrides sweep_json)
cmake --preset fuzz >/dev/null
# Only a failed build prints: its errors must reach the log.
if ! build_log=$(cmake --build --preset fuzz -j "$(nproc)" 2>&1); then
  echo "fuzz: the harnesses did not build"; echo "$build_log" | tail -60; exit 1
fi
mkdir -p build/fuzz/findings
status=0
for h in "${harnesses[@]}"; do
  mkdir -p "build/fuzz/corpus/$h"
  seeds=("fuzz/corpus/$h")
  [ "$h" = scenario ] && seeds+=(tests/invalid scenarios)
  echo "fuzz: $h for ${seconds}s"
  if ! "build/fuzz/fuzz/fuzz_$h" "build/fuzz/corpus/$h" "${seeds[@]}" -dict="fuzz/$h.dict" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
       -artifact_prefix="build/fuzz/findings/$h-" -print_final_stats=1 >"build/fuzz/$h.log" 2>&1; then
    echo "fuzz: $h FOUND A CRASH (build/fuzz/$h.log, build/fuzz/findings/)"; tail -30 "build/fuzz/$h.log"; status=1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "build/fuzz/$h.log" | tr '\n' ' '; echo
done
exit $status
