#!/usr/bin/env bash
# tracesim calibrate: recovers known parameters through noise, writes its table,
# honours --holdout and refuses ill-posed set-ups.
# Usage: calibrate_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
synthetic="$src/tests/data/calibration-synthetic.yaml"
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }

# Recovery with noise: targets generated at talk 9m and answer probability 0.6
# with one seed, fitted from the middle of the bounds with four other seeds; the
# truth must lie in the 95 % interval of the fitted values, widened for the noise
# of the targets themselves (mean +- t(3) sd sqrt(1 + 1/4)).
"$bin" calibrate "$synthetic" --check -q --seed 5 --out "$work/truth" > /dev/null; check test $? -eq 0
python3 - "$synthetic" "$work/truth/calibration.csv" "$work/noisy.yaml" <<'PY'
import csv, re, sys
src, table, dst = sys.argv[1:4]
means = {r["target"]: r["simulated_mean"] for r in csv.DictReader(open(table))}
out = []
for line in open(src):
    m = re.search(r"name: ([^,]+), kpi:", line)
    if m and m.group(1) in means:
        line = re.sub(r"value: [0-9.e+-]+", "value: " + means[m.group(1)], line)
    out.append(line)
open(dst, "w").write("".join(out))
PY
check test -s "$work/noisy.yaml"
for seed in 11 12 13 14; do
  "$bin" calibrate "$work/noisy.yaml" -q --seed $seed --out "$work/fit$seed" > "$work/fit$seed.txt"; check test $? -eq 0
done
check python3 - "$work"/fit1[1-4]/calibration.json <<'PY'
import json, re, statistics, sys
def seconds(text):
    parts = dict((u, float(v)) for v, u in re.findall(r"([\d.]+)(ms|m|s|h)", text))
    return parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0) + parts.get("ms", 0) / 1000
fits = [{p["key"]: p["value"] for p in json.load(open(f))["parameters"]} for f in sys.argv[1:]]
ok = True
for key, truth, value in (("tasks.contact_call.talk.mean", 540, seconds),
                          ("attempt.answer_probability[0]", 0.6, float)):
    xs = [value(f[key]) for f in fits]
    mean, sd = statistics.mean(xs), statistics.stdev(xs)
    half = 3.182 * sd * (1 + 1 / len(xs)) ** 0.5
    inside = abs(mean - truth) <= half
    ok = ok and inside
    print(f"{key}: fits {', '.join(f'{x:.4g}' for x in xs)}; {mean:.4g} +- {half:.3g} "
          f"{'contains' if inside else 'MISSES'} the truth {truth}")
sys.exit(0 if ok else 1)
PY
check test -s "$work/fit11/scenario.calibrated.yaml"
"$bin" check "$work/fit11/scenario.calibrated.yaml" >/dev/null; check test $? -eq 0
# The table, as CSV and JSON next to calibration.md.
check grep -q '^target,from,to,report_value,simulated_mean,ci95_low,ci95_high,relative_error,tolerance,relative,role,within_tolerance$' "$work/fit11/calibration.csv"
check grep -q ',held out,' "$work/fit11/calibration.csv"
check python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert len(j["targets"]) == 3 and j["evaluations"] > 0' "$work/fit11/calibration.json"

# --holdout overrides fit: holding out a fitted target leaves two parameters for one target.
"$bin" calibrate "$synthetic" -q --holdout 'agent occupancy' 2> "$work/holdout.err"; check test $? -eq 65
check grep -q "2 free parameters but only 1 fitted targets" "$work/holdout.err"
"$bin" calibrate "$synthetic" -q --check --holdout 'agent occupancy,nothing such' 2> "$work/holdout2.err"; check test $? -eq 65
check grep -q "no calibration target named 'nothing such'" "$work/holdout2.err"
"$bin" calibrate "$synthetic" -q --check --holdout 'contact attempts' > "$work/holdout3.txt"; check test $? -eq 0
check grep -q '^| contact attempts | .* | held out | ' "$work/holdout3.txt"

# Ctrl-C during the search keeps the best point so far: printed, written, marked.
"$bin" calibrate "$src/scenarios/isere-2020.yaml" -j 1 --out "$work/int" > "$work/int.txt" 2> "$work/int.err" &
pid=$!
for _ in $(seq 600); do grep -q "evaluation 2:" "$work/int.err" 2>/dev/null && break; sleep 0.1; done
kill -INT $pid; wait $pid; check test $? -eq 130
check grep -q "^Search interrupted after [0-9]* evaluations" "$work/int.txt"
check grep -q '"interrupted": true' "$work/int/calibration.json"
check grep -q "^# calibrate was interrupted after" "$work/int/scenario.calibrated.yaml"

# Monthly targets: daily attempts summed over March and over April add up to the
# run's total (periods are inclusive, by the day of the attempt).
python3 - "$synthetic" "$work/months.yaml" <<'PY'
import sys
src, dst = sys.argv[1:3]
text = open(src).read().replace("end: 2021-03-14", "end: 2021-04-30")
head = text[:text.index("  targets:")]
open(dst, "w").write(head + """  targets:
    - { name: attempts, kpi: calls.attempts, value: 1, tolerance: 0.1 }
    - { name: attempts in March, kpi: calls.attempts, from: 2021-03-01, to: 2021-03-31, value: 1, tolerance: 0.1 }
    - { name: attempts in April, kpi: calls.attempts, from: 2021-04-01, to: 2021-04-30, value: 1, tolerance: 0.1 }
""")
PY
"$bin" calibrate "$work/months.yaml" --check -q --out "$work/months" > /dev/null; check test $? -eq 0
check python3 - "$work/months/calibration.csv" <<'PY'
import csv, sys
m = {r["target"]: float(r["simulated_mean"]) for r in csv.DictReader(open(sys.argv[1]))}
print(f"attempts {m['attempts']:.6g} = March {m['attempts in March']:.6g} + April {m['attempts in April']:.6g}")
sys.exit(0 if m["attempts in March"] > 0 and abs(m["attempts"] - m["attempts in March"] - m["attempts in April"]) < 1e-6 else 1)
PY

# Ill-posed: three free parameters for two fitted targets.
sed 's|    - { key: "attempt.answer_probability\[0\]", min: 0.3, max: 0.9 }|&\n    - { key: "attempt.answer_probability[1]", min: 0.3, max: 0.9 }|' "$synthetic" > "$work/three.yaml"
"$bin" calibrate "$work/three.yaml" -q 2> "$work/three.err"; check test $? -eq 65
check grep -q "3 free parameters but only 2 fitted targets" "$work/three.err"
# A KPI that does not exist, and a period on a KPI without a daily form.
sed 's/kpi: agents.occupancy/kpi: agents.ocupancy/' "$synthetic" > "$work/unknown.yaml"
"$bin" calibrate "$work/unknown.yaml" -q 2> "$work/unknown.err"; check test $? -eq 65
check grep -q "no KPI named 'agents.ocupancy'" "$work/unknown.err"
sed 's/kpi: agents.occupancy, /kpi: agents.occupancy, from: 2021-03-02, /' "$synthetic" > "$work/period.yaml"
"$bin" calibrate "$work/period.yaml" -q 2> "$work/period.err"; check test $? -eq 65
check grep -q "has no daily form" "$work/period.err"
# No calibration section at all (a check needs at least targets).
"$bin" calibrate "$src/scenarios/inbound-tradeoff.yaml" -q 2> "$work/none.err"; check test $? -eq 65

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
