#!/usr/bin/env bash
# Fidelity: one KPI's mean over the scenario's own seed and replications within
# [LOW, HIGH] (summary.json). Arguments after HIGH go to `tracesim run` (e.g. --set,
# for the test that shows the check bites).
# Usage: kpi_range_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR SCENARIO_NAME KPI LOW HIGH [RUN_ARGS...]
set -u
bin=$1 src=$2 work=$3 name=$4 kpi=$5 low=$6 high=$7
shift 7
rm -rf "$work" && mkdir -p "$work"
"$bin" run "$src/scenarios/$name.yaml" -q "$@" --out "$work" > "$work/run.txt" 2>&1 || {
  echo "FAIL: tracesim run scenarios/$name.yaml exited with $?"; cat "$work/run.txt"; exit 1; }
exec python3 - "$name" "$work/summary.json" "$kpi" "$low" "$high" <<'PY'
import json, sys
name, summary, kpi, low, high = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
kpis = json.load(open(summary, encoding="utf-8"))["kpis"]
if kpi not in kpis:
    print(f"FAIL {name}: no KPI {kpi}")
    sys.exit(1)
mean = kpis[kpi]["mean"]
what = f"{name}: {kpi} = {mean:.4f}"
if low <= mean <= high:
    print(f"ok   {what}, within [{low}, {high}]")
    sys.exit(0)
print(f"FAIL {what}: outside [{low}, {high}]")
sys.exit(1)
PY
