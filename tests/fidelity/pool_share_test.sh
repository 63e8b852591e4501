#!/usr/bin/env bash
# Fidelity: one pool's share of all agent hours (pools.POOL.staffed_h /
# agents.staffed_h, from summary.json) within ±TOLERANCE (absolute) of the report's
# share, at the scenario's own seed and replications (docs/calibration.md).
# Usage: pool_share_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR SCENARIO_NAME POOL SHARE TOLERANCE
set -u
bin=$1 src=$2 work=$3 name=$4 pool=$5 share=$6 tolerance=$7
rm -rf "$work" && mkdir -p "$work"
"$bin" run "$src/scenarios/$name.yaml" -q --out "$work" > "$work/run.txt" 2>&1 || {
  echo "FAIL: tracesim run scenarios/$name.yaml exited with $?"; cat "$work/run.txt"; exit 1; }
exec python3 - "$name" "$work/summary.json" "$pool" "$share" "$tolerance" <<'PY'
import json, sys
name, summary, pool, share, tolerance = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
kpis = json.load(open(summary, encoding="utf-8"))["kpis"]
key = f"pools.{pool}.staffed_h"
if key not in kpis:
    print(f"FAIL {name}: no KPI {key}")
    sys.exit(1)
model = kpis[key]["mean"] / kpis["agents.staffed_h"]["mean"]
what = f"{name}: {pool} share of agent hours: report {share:.1%}, model {model:.2%}"
if abs(model - share) <= tolerance:
    print(f"ok   {what}, within ±{tolerance * 100:.1f} points")
    sys.exit(0)
print(f"FAIL {what}: outside ±{tolerance * 100:.1f} points")
sys.exit(1)
PY
