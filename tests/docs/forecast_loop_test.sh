#!/usr/bin/env bash
# README.md's "Planning from today's backlog", run for real: the shell block is taken from
# the README as it is written and run in a scratch folder (the repository's scenarios,
# scripts and data linked in), then its figures are checked against the files it wrote:
# the backlog's size and split, the forecast's total, every cell of the table from
# plan/points.csv, and the least staff step 5 finds. A README whose commands or figures drift fails here.
# Usage: forecast_loop_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
ln -s "$src/scenarios" "$src/scripts" "$src/data" "$work/"
awk '/^## Planning from today.s backlog/ { on = 1 } on && /^```sh/ { run = 1; next } run && /^```/ { exit } run' \
  "$src/README.md" > "$work/loop.sh"
[ -s "$work/loop.sh" ] || { echo "FAIL: no shell block under README.md's 'Planning from today's backlog'"; exit 1; }
# Each line that starts with tracesim runs the binary under test.
(cd "$work" && export bin && sed 's/^tracesim /"$bin" /' loop.sh | bash -euo pipefail -s) > "$work/loop.out" 2>&1 || {
  echo "FAIL: the README's loop failed"; cat "$work/loop.out"; exit 1; }
for f in backlog.csv forecast.csv plan/points.csv plan/report.html plan-120/daily.csv plan-120/reach_by_arrival_day.csv \
  plan-120/report.html; do
  [ -s "$work/$f" ] || { echo "FAIL: the loop wrote no $f"; exit 1; }
done
exec python3 - "$src/README.md" "$work" <<'PY'
import csv, json, re, sys
readme, work = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
section = text[text.index("## Planning from today's backlog"):]
section = section[:section.index("\n## ", 4)]
bad = 0
def check(what, written, actual):
    global bad
    if written == actual:
        print(f"ok   {what}: {actual}")
    else:
        print(f"FAIL {what}: the README says {written}, the loop gives {actual}")
        bad += 1
backlog = list(csv.DictReader(open(f"{work}/backlog.csv", encoding="utf-8")))
m = re.search(r"backlog holds ([\d,]+) open tasks \(([\d,]+) index cases, ([\d,]+) contacts\)", section)
check("open tasks", m.group(1), f"{len(backlog):,}")
check("index cases", m.group(2), f"{sum(r['type'] == 'index' for r in backlog):,}")
check("contacts", m.group(3), f"{sum(r['type'] == 'contact' for r in backlog):,}")
kpis = json.load(open(f"{work}/plan-120/summary.json", encoding="utf-8"))["kpis"]
check("initial_open of the run", len(backlog), int(kpis["index.initial_open"]["mean"] + kpis["contacts.initial_open"]["mean"]))
positives = sum(int(r["positives"]) for r in csv.DictReader(open(f"{work}/forecast.csv", encoding="utf-8")))
check("forecast positives", re.search(r"forecast brings\s+([\d,]+) positives", section).group(1), f"{positives:,}")
rows = [line for line in section.splitlines() if re.match(r"\| \d+ \|", line)]
points = {round(float(p["staffing.pools.tracers.fte[2].fte"])): p for p in csv.DictReader(open(f"{work}/plan/points.csv", encoding="utf-8"))}
check("table rows", len(points), len(rows))
for line in rows:
    cells = [c.strip() for c in line.strip("|").split("|")]
    p = points.get(int(cells[0]))
    if p is None:
        print(f"FAIL no point at {cells[0]} FTE"); bad += 1; continue
    actual = [cells[0], f"{float(p['contacts.reached_within_12h_mean']):.3f}",
              f"{float(p['contacts.named_reached_within_12h_mean']):.3f}",
              f"{round(float(p['backlog.max_at_close_mean'])):,}", f"{float(p['agents.occupancy_mean']):.2f}"]
    check(f"row {cells[0]} FTE", cells, actual)
least = re.search(r"least level of pool tracers: (\d+)", open(f"{work}/loop.out", encoding="utf-8").read())
check("staff's answer", re.search(r"step 5 answers (\d+)\s+FTE", section).group(1), least.group(1) if least else None)
sys.exit(1 if bad else 0)
PY
