#!/usr/bin/env bash
# Fidelity: the report's peak months (T3: "two peaks of calls, March and
# December") ranked among the model's months by one KPI of monthly.csv, at the
# scenario's own seed and replications. A month passes when the model ranks it
# among the report's peaks, or no lower than its row of peak_months.csv allows
# (a ratchet: the reason is written in the row; docs/calibration.md).
# Usage: peak_months_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR SCENARIO_NAME [PEAKS_FILE]
set -u
bin=$1 src=$2 work=$3 name=$4 peaks=${5:-$2/tests/fidelity/peak_months.csv}
rm -rf "$work" && mkdir -p "$work"
"$bin" run "$src/scenarios/$name.yaml" -q --out "$work" > "$work/run.txt" 2>&1 || {
  echo "FAIL: tracesim run scenarios/$name.yaml exited with $?"; cat "$work/run.txt"; exit 1; }
exec python3 - "$name" "$work/monthly.csv" "$peaks" <<'PY'
import csv, sys
name, monthly, peaks_file = sys.argv[1:4]
rows = [r for r in csv.DictReader(open(peaks_file, encoding="utf-8")) if r["scenario"] == name]
if not rows:
    print(f"FAIL {name}: no row in {peaks_file}")
    sys.exit(1)
months = list(csv.DictReader(open(monthly, encoding="utf-8")))
failures = 0
for row in rows:
    kpi = row["kpi"]
    if kpi not in months[0]:
        print(f"FAIL {name}: monthly.csv has no column {kpi}")
        failures += 1
        continue
    order = [m["month"] for m in sorted(months, key=lambda m: -float(m[kpi]))]
    if row["month"] not in order:
        print(f"FAIL {name}: the run has no month {row['month']}")
        failures += 1
        continue
    rank = order.index(row["month"]) + 1
    peaks = sum(1 for r in rows if r["kpi"] == kpi)
    cap = int(row["max_model_rank"])
    what = (f"{name}: {row['month']} by {kpi}: report rank {row['report_rank']}, model rank {rank} "
            f"(model's order: {', '.join(order[:4])}, ...)")
    if rank <= peaks:
        note = " (its ratchet can tighten)" if cap > peaks else ""
        print(f"ok   {what}, among the report's {peaks} peaks{note}")
    elif rank <= cap:
        print(f"ok   {what}, within its ratchet (rank <= {cap}): {row['reason']}")
    else:
        print(f"FAIL {what}: below its ratchet (rank <= {cap})")
        failures += 1
sys.exit(1 if failures else 0)
PY
