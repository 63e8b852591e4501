#!/usr/bin/env bash
# tracesim staff on stationary inbound scenarios agrees with tracesim erlang's
# least-agents answer (Erlang C and Erlang A, 80 % answered within 20 s).
# Usage: staff_test.sh TRACESIM_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
failures=0
pass=0
compare() {  # scenario erlang-args...
  local scenario=$1; shift
  local analytic simulated
  analytic=$("$bin" erlang "$@" --target 0.8 --threshold 20s | awk '/^agents/ {print $2}')
  simulated=$("$bin" staff "$src/tests/validation/$scenario.yaml" --target 'inbound.service_level >= 0.8' \
              --pool agents --min 5 --max 40 -q 2>/dev/null | awk '/^least/ {print $NF}')
  if [ -n "$analytic" ] && [ "$analytic" = "$simulated" ]; then pass=$((pass + 1)); else
    echo "FAIL: $scenario: tracesim staff says '$simulated', tracesim erlang says '$analytic'"; failures=$((failures + 1)); fi
}
compare erlang-c-rho085 --per-day 2040 --handle 6m                 # both: 12 agents
compare erlang-a-rho110 --per-day 2640 --handle 6m --patience 10m  # both: 14 agents
# A target that cannot be met is said so, not answered with a level.
"$bin" staff "$src/tests/validation/erlang-c-rho085.yaml" --target 'inbound.service_level >= 0.999' \
  --pool agents --min 5 --max 9 -q 2>/dev/null | grep -q "does not hold" && pass=$((pass + 1)) || {
  echo "FAIL: an unreachable target was not reported"; failures=$((failures + 1)); }
# Bad requests are usage errors.
"$bin" staff "$src/tests/validation/erlang-c-rho085.yaml" --target 'inbound.service_levle >= 0.8' --pool agents \
  -q >/dev/null 2>&1; [ $? -eq 64 ] && pass=$((pass + 1)) || { echo "FAIL: unknown KPI not refused"; failures=$((failures + 1)); }
"$bin" staff "$src/tests/validation/erlang-c-rho085.yaml" --target 'inbound.service_level = 0.8' --pool agents \
  -q >/dev/null 2>&1; [ $? -eq 64 ] && pass=$((pass + 1)) || { echo "FAIL: bad target not refused"; failures=$((failures + 1)); }
echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
