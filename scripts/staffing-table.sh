#!/usr/bin/env bash
# The flat-staffing table of docs/staffing.md: runs a scenario with one pool's
# FTE held flat at each level for the whole calendar, and prints one Markdown row
# per level (yearly and peak-month calls, occupancy, reach, backlog, SMS).
#
# Usage: scripts/staffing-table.sh SCENARIO POOL LEVEL... 
#   env TRACESIM (default build/release/sim/tracesim), REPLICATIONS (default: the
#   scenario's), MONTHS (default "2021-03 2021-12": the months given a column),
#   OUT (default: a temporary folder, removed at the end; set it to keep the runs).
# Progress (one line per level) goes to standard error; the table to standard output.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SCENARIO POOL LEVEL..." >&2
  exit 64
fi
scenario=$1 pool=$2
shift 2
bin=${TRACESIM:-build/release/sim/tracesim}
months=${MONTHS:-"2021-03 2021-12"}
if [ -n "${OUT:-}" ]; then
  out=$OUT
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
start=$("$bin" check "$scenario" --print-resolved | awk '/^  start:/ && !seen {print $2; seen = 1}')
reps=()
if [ -n "${REPLICATIONS:-}" ]; then reps=(-r "$REPLICATIONS"); fi

# The mean of one KPI from summary_long.csv (kpi,stat,value).
kpi() { awk -F, -v k="$2" '$1 == k && $2 == "mean" {print $3}' "$1/summary_long.csv"; }
# One month's value of one column of monthly.csv, found by its header name.
monthly() {
  awk -F, -v m="$2" -v c="$3" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == c) col = i; next}
                               $1 == m {print $col}' "$1/monthly.csv"
}

header="| FTE | calls in the year | calls per working day"
rule="|---:|---:|---:"
for m in $months; do header+=" | calls in $m"; rule+="|---:"; done
header+=" | occupancy"
rule+="|---:"
for m in $months; do header+=" | occupancy in $m"; rule+="|---:"; done
header+=" | named contacts reached ≤ 12 h | largest backlog at close | SMS sent |"
rule+="|---:|---:|---:|"
echo "$header"
echo "$rule"
n=0
for level in "$@"; do
  n=$((n + 1))
  echo "staffing-table: level $n of $#: $level FTE" >&2
  dir="$out/fte-$level"
  "$bin" run "$scenario" "${reps[@]}" -q --out "$dir" \
    --set "staffing.pools.$pool.fte=[{from: $start, fte: $level}]" >/dev/null
  row="| $level | $(kpi "$dir" calls.attempts) | $(kpi "$dir" calls.attempts_per_working_day)"
  for m in $months; do row+=" | $(monthly "$dir" "$m" calls.attempts)"; done
  row+=" | $(kpi "$dir" agents.occupancy)"
  for m in $months; do row+=" | $(monthly "$dir" "$m" agents.occupancy)"; done
  row+=" | $(kpi "$dir" contacts.named_reached_within_12h) | $(kpi "$dir" backlog.max_at_close) | $(kpi "$dir" sms.sent) |"
  # Rounded for reading: counts to whole numbers, shares to three decimals.
  echo "$row" | awk -F' [|] ' '{
    out = $1
    for (i = 2; i <= NF; i++) {
      v = $i; sub(/ [|]$/, "", v)
      if (v ~ /^[0-9.]+$/) v = (v + 0 < 1.5 && v ~ /\./) ? sprintf("%.3f", v) : sprintf("%.0f", v)
      out = out " | " v
    }
    print out " |"
  }'
done
