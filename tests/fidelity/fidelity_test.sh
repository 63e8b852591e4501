#!/usr/bin/env bash
# Fidelity: every calibration target of one shipped scenario, at the scenario's
# own values, within ±3 % of the report when fitted and ±10 % when held out or,
# for a held-out figure the model cannot reach yet, within the error its row of
# ratchet.csv allows (docs/calibration.md, "Fidelity in CI").
# Runs at the scenario's own seed and replications, so its figures are those of
# docs/calibration.md. RATCHET_FILE (default tests/fidelity/ratchet.csv) lets a
# test check that the ratchet bites.
# Usage: fidelity_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR SCENARIO_NAME [RATCHET_FILE]
set -u
bin=$1 src=$2 work=$3 name=$4 ratchet=${5:-$2/tests/fidelity/ratchet.csv}
rm -rf "$work" && mkdir -p "$work"
"$bin" calibrate "$src/scenarios/$name.yaml" --check -q --out "$work" > "$work/table.md" || {
  echo "FAIL: tracesim calibrate scenarios/$name.yaml --check exited with $?"; cat "$work/table.md"; exit 1; }
exec python3 - "$name" "$work/calibration.csv" "$ratchet" <<'PY'
import csv, sys
name, table, ratchet_file = sys.argv[1:4]
ratchet = {r["target"]: r for r in csv.DictReader(open(ratchet_file, encoding="utf-8")) if r["scenario"] == name}
failures = 0
seen = set()
for row in csv.DictReader(open(table, encoding="utf-8")):
    target, role, err = row["target"], row["role"], float(row["relative_error"])
    what = f"{name}: {target} ({role}): report {row['report_value']}, model {float(row['simulated_mean']):.6g}, error {err:+.1%}"
    seen.add(target)
    limit = 0.03 if role == "fitted" else 0.10
    if abs(err) <= limit:
        note = " (its ratchet row can go: tighten tests/fidelity/ratchet.csv)" if target in ratchet else ""
        print(f"ok   {what}, within ±{limit:.0%}{note}")
    elif role == "held out" and target in ratchet:
        cap = float(ratchet[target]["max_relative_error"])
        if abs(err) <= cap:
            print(f"ok   {what}, within its ratchet ±{cap:.0%}: {ratchet[target]['reason']}")
        else:
            print(f"FAIL {what}: worse than its ratchet ±{cap:.0%}")
            failures += 1
    else:
        print(f"FAIL {what}: outside ±{limit:.0%}" + (" (fitted figures have no ratchet)" if role == "fitted" else ""))
        failures += 1
for target in sorted(set(ratchet) - seen):
    print(f"FAIL {name}: ratchet row for '{target}' names no target of the scenario")
    failures += 1
sys.exit(1 if failures else 0)
PY
