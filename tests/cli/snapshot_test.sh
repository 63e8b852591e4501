#!/usr/bin/env bash
# A run from open work, and snapshots: a run continued from its snapshot gives the
# uninterrupted run's daily rows byte for byte from the snapshot's day on (and the
# monthly row of a whole month after it), on occitanie-2021 and on a small scenario
# with retries, SMS and call-backs pending at midnight; bad input and midnights that
# cannot be continued are refused with their exit codes. Back-office items waiting at
# midnight are continued too.
# Usage: snapshot_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
pass=0
ok() { pass=$((pass + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() {  # expect_rc CODE COMMAND...: the command exits with CODE
  local want=$1; shift
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else fail "exit $rc, expected $want: $*"; cat "$work/err.txt"; fi
}
expect_err() {  # the last command's stderr holds TEXT
  if grep -qF -- "$1" "$work/err.txt"; then ok; else fail "stderr lacks '$1'"; cat "$work/err.txt"; fi
}
# same_from DATE FULL CONTINUED: daily.csv from DATE on, byte for byte
same_from() {
  awk -F, -v d="$1" 'NR == 1 || $2 >= d' "$2/daily.csv" >"$work/expected.csv"
  if cmp -s "$work/expected.csv" "$3/daily.csv"; then ok; else
    fail "daily rows from $1 differ between $2 and $3"; diff "$work/expected.csv" "$3/daily.csv" | head -5; fi
}
same_month() {  # same_month YYYY-MM FULL CONTINUED: that month's monthly.csv row
  if [ "$(grep "^$1," "$2/monthly.csv")" = "$(grep "^$1," "$3/monthly.csv")" ] && grep -q "^$1," "$3/monthly.csv"; then ok
  else fail "monthly row $1 differs between $2 and $3"; fi
}

# 1. occitanie-2021, three replications, a snapshot at 1 December.
occ=$src/scenarios/occitanie-2021.yaml
expect_rc 0 "$bin" run "$occ" -r 3 -j 2 -q --snapshot-at 2021-12-01 --out "$work/occ"
for r in 0 1 2; do
  for f in csv events.csv run.csv; do
    [ -s "$work/occ/snapshots/2021-12-01/replication-$r.$f" ] && ok || fail "missing replication-$r.$f"
  done
done
expect_rc 0 "$bin" run "$occ" -r 3 -j 2 -q --from "$work/occ/snapshots/2021-12-01" --out "$work/occ-dec"
same_from 2021-12-01 "$work/occ" "$work/occ-dec"
same_month 2021-12 "$work/occ" "$work/occ-dec"
[ "$(head -2 "$work/occ-dec/daily.csv" | tail -1 | cut -d, -f2)" = 2021-12-01 ] && ok || fail "the continued run's days do not start on 2021-12-01"
grep -q '"index.initial_open"' "$work/occ-dec/summary.json" && ok || fail "no index.initial_open in the continued run's summary"
grep -q 'initial_open' "$work/occ/summary.json" && fail "initial_open reported without an initial state" || ok
# The same through the key, relative to the scenario's folder.
cp -r "$work/occ/snapshots" "$work/snaps"
sed "s|^run:|initial_state: snaps/2021-12-01\nrun:|" "$occ" | sed "s|\.\./data/|$src/data/|" >"$work/occ-from.yaml"
expect_rc 0 "$bin" run "$work/occ-from.yaml" -r 3 -j 2 -q --out "$work/occ-key"
cmp -s "$work/occ-dec/daily.csv" "$work/occ-key/daily.csv" && ok || fail "initial_state: gives another run than --from"
grep -q "^initial_state: $work/snaps/2021-12-01" "$work/occ-key/scenario.resolved.yaml" && ok || fail "resolved scenario lacks initial_state"
# Pandas reads the three files (when it is installed).
if python3 -c 'import pandas' 2>/dev/null; then
  python3 - "$work/occ/snapshots/2021-12-01" <<'EOF' && ok || fail "pandas cannot read the snapshot"
import sys, pandas as pd
d = sys.argv[1]
t = pd.read_csv(d + "/replication-0.csv"); e = pd.read_csv(d + "/replication-0.events.csv")
r = pd.read_csv(d + "/replication-0.run.csv")
assert len(t) > 0 and set(t.state) <= {"scheduled", "queued", "waiting", "inbound"}
assert e.task.dropna().isin(t.id).all() and "seed" in set(r.field)
EOF
fi

# Every shipped scenario, continued from the midnight halfway through its calendar.
for f in "$src"/scenarios/*.yaml; do
  name=$(basename "$f" .yaml)
  mid=$("$bin" check "$f" --json | python3 -c '
import datetime, json, sys
c = json.load(sys.stdin)
start, end = (datetime.date.fromisoformat(c[k]) for k in ("start", "end"))
print(start + (end - start) / 2)')
  expect_rc 0 "$bin" run "$f" -r 2 -q --snapshot-at "$mid" --out "$work/$name"
  expect_rc 0 "$bin" run "$f" -r 2 -q --from "$work/$name/snapshots/$mid" --out "$work/$name-mid"
  same_from "$mid" "$work/$name" "$work/$name-mid"
done

# 2. Retries, SMS at a slow gateway and call-backs pending at midnight; two snapshots.
small=$src/tests/data/snapshot-retries.yaml
expect_rc 0 "$bin" run "$small" -q --snapshot-at 2021-03-08,2021-03-16 --out "$work/small"
expect_rc 0 "$bin" run "$small" -q --from "$work/small/snapshots/2021-03-16" --intervals --out "$work/small-iv" &&
  [ "$(sed -n 2p "$work/small-iv/intervals.csv" | cut -c1-16)" = 2021-03-16T00:00 ] && ok || fail "intervals of a continued run do not start on its day"
for day in 2021-03-08 2021-03-16; do
  expect_rc 0 "$bin" run "$small" -q --from "$work/small/snapshots/$day" --out "$work/small-$day"
  same_from "$day" "$work/small" "$work/small-$day"
done
snap=$work/small/snapshots/2021-03-08
grep -q ',waiting,' "$snap"/replication-*.csv && ok || fail "no task waiting for a retry at midnight"
grep -q ',scheduled,' "$snap"/replication-*.csv && ok || fail "no task due to arrive after midnight"
grep -q 'call,,,sms_call_back\|,call,.*sms_call_back' "$snap"/replication-*.events.csv && ok || fail "no SMS call-back pending"
awk -F, '$1 == "sms_free_at" && $2 > "2021-03-08"' "$snap"/replication-*.run.csv | grep -q . && ok ||
  fail "no SMS still queued at the gateway at midnight"
# A continued run's snapshot is the uninterrupted run's (the tasks numbered in another
# order), and continues the same.
expect_rc 0 "$bin" run "$small" -q --from "$snap" --snapshot-at 2021-03-16 --out "$work/small-again"
a=$work/small/snapshots/2021-03-16 b=$work/small-again/snapshots/2021-03-16
for r in 0 1 2; do
  cmp -s "$a/replication-$r.run.csv" "$b/replication-$r.run.csv" && ok || fail "replication-$r.run.csv differs"
  cmp -s <(cut -d, -f1-3,5- "$a/replication-$r.events.csv") <(cut -d, -f1-3,5- "$b/replication-$r.events.csv") &&
    ok || fail "replication-$r.events.csv differs beyond the task numbers"
  cmp -s <(cut -d, -f2- "$a/replication-$r.csv" | sort) <(cut -d, -f2- "$b/replication-$r.csv" | sort) &&
    ok || fail "replication-$r.csv differs beyond the task numbers"
done
expect_rc 0 "$bin" run "$small" -q --from "$b" --out "$work/small-again-16"
same_from 2021-03-16 "$work/small" "$work/small-again-16"

# A sweep forks what-ifs from the snapshot: the point with the scenario's own staffing
# gives the continued run's replications.
expect_rc 0 "$bin" sweep "$small" -q -r 3 --from "$snap" --vary 'staffing.pools.tracers.fte[0].fte=18.3,25' \
  --out "$work/small-sweep"
grep -q '^0,18.3,3,' "$work/small-sweep/points.csv" && ok || fail "the sweep from a snapshot lacks its first point"
python3 - "$work/small-2021-03-08/replications.csv" "$work/small-sweep/replications.csv" <<'EOF' && ok ||
import csv, sys
run = list(csv.DictReader(open(sys.argv[1])))
sweep = [r for r in csv.DictReader(open(sys.argv[2])) if r["point"] == "0"]
assert len(run) == len(sweep) == 3
for a, b in zip(run, sweep):
    assert a["replication"] == b["replication"]
    for k in ("index.arrived", "contacts.arrived", "calls.attempts", "index.initial_open", "contacts.reached"):
        assert a[k] == b[k], (k, a[k], b[k])
EOF
  fail "the sweep's first point is not the continued run"

# Back-office items waiting at midnight (too few agents for the paperwork), after a dated
# change (2021-03-08) and before it.
office=$src/tests/data/back-office.yaml
few='staffing.pools.tracers.fte[0].fte=6'
expect_rc 0 "$bin" run "$office" -q --set "$few" --snapshot-at 2021-03-05,2021-03-10 --out "$work/office"
[ "$(wc -l <"$work/office/snapshots/2021-03-10/replication-0.back_office.csv")" -gt 100 ] && ok ||
  fail "no back-office items waiting at midnight"
for day in 2021-03-05 2021-03-10; do
  expect_rc 0 "$bin" run "$office" -q --set "$few" --from "$work/office/snapshots/$day" --out "$work/office-$day"
  same_from "$day" "$work/office" "$work/office-$day"
done
grep -q '"back_office.initial_open"' "$work/office-2021-03-10/summary.json" && ok || fail "no back_office.initial_open"

# 3. What cannot be continued, or is asked wrongly.
expect_rc 65 "$bin" run "$small" -q --from "$snap" --seed 6 --out "$work/x"
expect_err "taken with seed 5"
expect_rc 65 "$bin" run "$small" -q --from "$snap" --set calendar.start=2021-03-02 --out "$work/x"
expect_err "continue it with the same start"
expect_rc 65 "$bin" run "$small" -q --from "$snap" -r 4 --out "$work/x"
expect_err "holds 3 replications"
expect_rc 65 "$bin" run "$small" -q --out "$work/x" --snapshot-at 2021-03-08 \
  --set 'calendar.opening={all_days: {open: "00:00", close: "24:00"}}' \
  --set 'staffing.pools.tracers.shifts=[{name: all, start: "00:00", end: "24:00"}]'
expect_err "cannot save the state at 2021-03-08 00:00"
[ -e "$work/x" ] && fail "a refused snapshot left output" || ok
expect_rc 64 "$bin" run "$small" -q --out "$work/x" --snapshot-at 2021-03-01
expect_rc 64 "$bin" run "$small" -q --out "$work/x" --snapshot-at 2021-03-09,2021-03-08
expect_rc 64 "$bin" run "$small" -q --out "$work/x" --snapshot-at 2021-3-9
expect_rc 66 "$bin" run "$small" -q --out "$work/x" --from "$work/nowhere"
cp -r "$snap" "$work/broken"
awk -F, -v OFS=, 'NR == 3 { $10 = "lost" } 1' "$snap/replication-1.csv" >"$work/broken/replication-1.csv"
expect_rc 65 "$bin" run "$small" -q --from "$work/broken" --out "$work/x"
expect_err "replication-1.csv:3:"
expect_err "state: expected scheduled, queued, waiting or inbound"

# 4. A user's file of open work: run from it, and its mistakes located.
cat >"$work/open.csv" <<'EOF'
id,type,identified,attempts,last_attempt,deadline,segment,contacts_listed,contacts_to_list
1,index,2021-02-28T09:00,2,2021-02-28T18:00,,other,0,3
2,contact,2021-02-28T11:00,0,,,older,,
3,contact,2021-02-27T11:00,1,2021-02-27T15:00,2021-02-28T11:00,other,,
EOF
expect_rc 0 "$bin" run "$small" -q --from "$work/open.csv" --out "$work/open"
grep -A3 '"index.initial_open"' "$work/open/summary.json" | grep -q '"mean": 1' && ok || fail "index.initial_open is not 1"
grep -A3 '"contacts.initial_open"' "$work/open/summary.json" | grep -q '"mean": 2' && ok || fail "contacts.initial_open is not 2"
printf 'id,type,identified,colour\n1,index,2021-03-02T09:00,red\n' >"$work/bad.csv"
expect_rc 65 "$bin" run "$small" -q --from "$work/bad.csv" --out "$work/x"
expect_err "bad.csv:1:20: unknown column 'colour'"
printf 'type,identified\nindex,2021-03-02T09:00\n' >"$work/late.csv"
expect_rc 65 "$bin" check "$small" --from "$work/late.csv"
expect_err "late.csv:2:7: identified: 2021-03-02T09:00 is after the run's start"
expect_rc 65 "$bin" run "$small" -q --from "$snap/replication-0.csv" --out "$work/x"
expect_err "give its folder"

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
