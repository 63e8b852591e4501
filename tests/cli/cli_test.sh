#!/usr/bin/env bash
# End-to-end checks of the tracesim binary: exit codes, outputs, determinism.
# Usage: cli_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
scenario="$src/scenarios/occitanie-2021.yaml"
failures=0
pass=0

expect_exit() {  # expected-code description command...
  local want=$1 what=$2; shift 2
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; sed 's/^/  | /' "$work/err.txt" | head -5
    failures=$((failures + 1))
  else
    pass=$((pass + 1))
  fi
}
expect_stderr() {  # substring description
  if grep -qF -- "$1" "$work/err.txt"; then pass=$((pass + 1)); else
    echo "FAIL: $2: stderr lacks '$1'"; sed 's/^/  | /' "$work/err.txt" | head -5; failures=$((failures + 1)); fi
}

expect_exit 0 "--version" "$bin" --version
expect_exit 0 "--help" "$bin" --help
expect_exit 0 "run --help" "$bin" run --help
grep -q "Examples:" "$work/out.txt" && pass=$((pass + 1)) || { echo "FAIL: run --help has no examples"; failures=$((failures + 1)); }
expect_exit 64 "no command" "$bin"
expect_exit 64 "unknown command" "$bin" frobnicate
expect_exit 64 "unknown option" "$bin" run "$scenario" --frobnicate
expect_exit 64 "missing file argument" "$bin" check
expect_exit 0 "check a shipped scenario" "$bin" check "$scenario"
expect_exit 66 "missing scenario file" "$bin" check "$work/nope.yaml"
expect_stderr "no such file" "missing scenario file message"
printf 'schema_version: 1\nname: x\nstafing: {}\n' > "$work/typo.yaml"
expect_exit 65 "typo'd key" "$bin" check "$work/typo.yaml"
expect_stderr "typo.yaml:3:1: stafing: unknown key; did you mean 'staffing'?" "typo'd key message"
printf 'schema_version: 1\nname: [unclosed\n' > "$work/malformed.yaml"
expect_exit 65 "malformed YAML" "$bin" check "$work/malformed.yaml"
expect_stderr "malformed YAML" "malformed YAML message"
expect_exit 65 "bad override" "$bin" check "$scenario" --set attempt.answer_probability=1.5
expect_stderr "--set attempt.answer_probability=1.5" "override located"
expect_exit 64 "override without =" "$bin" check "$scenario" --set attempt.answer_probability
expect_exit 66 "missing --cases file is reported" "$bin" check "$scenario" --cases "$work/none.csv"
expect_exit 75 "event budget" "$bin" run "$scenario" -r 1 -q --event-budget 1000 --out "$work/budget"
expect_stderr "event budget" "event budget message"
[ ! -e "$work/budget/summary.json" ] && pass=$((pass + 1)) || { echo "FAIL: aborted run left a summary"; failures=$((failures + 1)); }

# Same seed, same files, whatever the thread count.
short=(--set calendar.end=2021-03-31 -r 4 -q)
expect_exit 0 "run A" "$bin" run "$scenario" "${short[@]}" -j 1 --out "$work/a"
expect_exit 0 "run B" "$bin" run "$scenario" "${short[@]}" -j 2 --out "$work/b"
for f in summary.json daily.csv replications.csv scenario.resolved.yaml metadata.json; do
  if cmp -s "$work/a/$f" "$work/b/$f"; then pass=$((pass + 1)); else echo "FAIL: $f differs between runs"; failures=$((failures + 1)); fi
done
expect_exit 0 "run with another seed" "$bin" run "$scenario" "${short[@]}" --seed 5 --out "$work/c"
if cmp -s "$work/a/summary.json" "$work/c/summary.json"; then echo "FAIL: seed has no effect"; failures=$((failures + 1)); else pass=$((pass + 1)); fi
# No temporary file is left behind, and the resolved scenario is itself a valid scenario.
if ls -a "$work/a" | grep -q tmp; then echo "FAIL: temporary files left"; failures=$((failures + 1)); else pass=$((pass + 1)); fi
expect_exit 0 "resolved scenario is valid" "$bin" check "$work/a/scenario.resolved.yaml"
expect_exit 0 "trace" "$bin" run "$scenario" --set calendar.end=2021-01-10 -r 2 -q --trace --out "$work/t"
[ "$(head -1 "$work/t/tasks.csv")" = "task_key,task_type,segment,final_state,attempts,created_ms,deadline_ms,resolved_ms" ] \
  && pass=$((pass + 1)) || { echo "FAIL: tasks.csv header"; failures=$((failures + 1)); }
# daily.csv: one row per replication and day, plus the header.
rows=$(wc -l < "$work/a/daily.csv")
[ "$rows" -eq $((4 * 90 + 1)) ] && pass=$((pass + 1)) || { echo "FAIL: daily.csv has $rows lines"; failures=$((failures + 1)); }

# tracesim bench in its quick form: it runs and writes JSON with the kernel, model and scaling figures.
expect_exit 0 "bench --quick" "$bin" bench --quick --json "$work/bench.json"
python3 -c "import json,sys; d=json.load(open('$work/bench.json')); sys.exit(0 if d['mmc_callers'] > 0 and d['kernel_events_per_s_pending_100'] > 0 and 'replications_speedup' in d else 1)" \
  && pass=$((pass + 1)) || { echo "FAIL: bench.json lacks its figures"; failures=$((failures + 1)); }
# --scenario times a shipped scenario too; a missing file fails at once, before any measuring.
expect_exit 0 "bench --quick --scenario" "$bin" bench --quick --scenario "$src/scenarios/isere-2020.yaml" --json "$work/bench2.json"
python3 -c "import json,sys; d=json.load(open('$work/bench2.json')); sys.exit(0 if d['isere-2020_ms_per_replication'] > 0 and d['isere-2020_events_per_s'] > 0 else 1)" \
  && pass=$((pass + 1)) || { echo "FAIL: bench.json lacks the scenario's figures"; failures=$((failures + 1)); }
expect_exit 66 "bench --scenario missing" "$bin" bench --quick --scenario "$work/none.yaml"
# --searches times staff and calibrate; its staff answer is the one `tracesim staff` gives with
# the same few replications, and a bad pool or KPI fails before any measuring.
synthetic="$src/tests/data/calibration-synthetic.yaml"
expect_exit 0 "bench --quick --searches" "$bin" bench --quick --searches "$synthetic" \
  --staff-target 'contacts.reached_within_12h >= 0.5' --json "$work/bench3.json"
staff_level=$("$bin" staff "$synthetic" --target 'contacts.reached_within_12h >= 0.5' --pool tracers -r 2 \
  --max-replications 2 -q --json | python3 -c "import json,sys; print(json.load(sys.stdin)['level'])")
python3 -c "import json,sys; d=json.load(open('$work/bench3.json')); sys.exit(0 if d['calibration-synthetic_staff_s'] > 0 and d['calibration-synthetic_staff_level'] == $staff_level and d['calibration-synthetic_calibrate_candidates'] == 1 else 1)" \
  && pass=$((pass + 1)) || { echo "FAIL: bench.json lacks the searches' figures"; failures=$((failures + 1)); }
expect_exit 64 "bench --searches, unknown pool" "$bin" bench --quick --searches "$synthetic" --staff-pool nobody
expect_exit 64 "bench --searches, unknown KPI" "$bin" bench --quick --searches "$synthetic" --staff-target 'nokpi >= 1'

# The real daily series of region 76 (shipped in data/cases), named with --cases:
# each recorded positive is handled with probability share_handled = 0.1045, so over the 647,646
# positives of 2021 the mean is 67,679, less about 290 cases of 31 December that reach the
# platform after midnight (10 replications: 67,392). The binomial sd is 246 per replication, so
# the mean of 2 is within 67,390 +/- 600 (3.4 sd).
series="$src/data/cases/occitanie-76.csv"
expect_exit 0 "run on the real daily series" "$bin" run "$scenario" --cases "$series" -r 2 -q --out "$work/real"
arrived=$(python3 -c "import json; print(json.load(open('$work/real/summary.json'))['kpis']['index.arrived']['mean'])")
if python3 -c "import sys; sys.exit(0 if abs($arrived - 67390) < 600 else 1)"; then pass=$((pass + 1)); else
  echo "FAIL: index.arrived on the real series is $arrived, expected 67390 +/- 600"; failures=$((failures + 1)); fi

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
