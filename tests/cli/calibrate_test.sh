#!/usr/bin/env bash
# tracesim calibrate: recovers known parameters and refuses ill-posed set-ups.
# Usage: calibrate_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
synthetic="$src/tests/data/calibration-synthetic.yaml"
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }

# The targets were produced with talk 9m and answer probability 0.6 (see the file).
"$bin" calibrate "$synthetic" -q --out "$work/fit" > "$work/fit.txt"; check test $? -eq 0
talk=$(grep 'talk.mean' "$work/fit.txt" | awk -F'|' '{print $4}' | tr -d ' ')
prob=$(grep 'answer_probability' "$work/fit.txt" | awk -F'|' '{print $4}' | tr -d ' ')
check python3 - "$talk" "$prob" <<'PY'
import re, sys
talk, prob = sys.argv[1], float(sys.argv[2])
parts = dict((u, int(v)) for v, u in re.findall(r"(\d+)(ms|m|s|h)", talk))
seconds = parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0) + parts.get("ms", 0) / 1000
ok = abs(seconds - 540) <= 20 and abs(prob - 0.6) <= 0.01
print(f"recovered talk {seconds:.1f} s (true 540), answer probability {prob} (true 0.6)")
sys.exit(0 if ok else 1)
PY
check test -s "$work/fit/scenario.calibrated.yaml"
"$bin" check "$work/fit/scenario.calibrated.yaml" >/dev/null; check test $? -eq 0

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
