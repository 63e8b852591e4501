#!/usr/bin/env bash
# docs/staffing.md's sweep, run for real at three levels with 2 replications: the
# script prints one row per level, and on the shipped Occitanie scenario staffing
# binds — the year's and December's calls rise with the staff, the occupancy falls,
# December is capped at 60 FTE, and the 12-hour reach of named contacts rises.
# Usage: staffing_test.sh TRACESIM_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
table=$(cd "$src" && TRACESIM=$bin REPLICATIONS=2 bash scripts/staffing-table.sh scenarios/occitanie-2021.yaml tracers 60 81 100)
echo "$table"
echo "$table" | awk -F' [|] ' '
  NR <= 2 { next }
  { n++; fte[n] = $1; sub(/^[|] /, "", fte[n]); calls[n] = $2; dec[n] = $5; occ[n] = $6; occdec[n] = $8; reach[n] = $9 }
  END {
    bad = 0
    if (n != 3) { print "FAIL: expected 3 rows, got " n; exit 1 }
    for (i = 2; i <= n; i++) {
      if (!(calls[i] > calls[i-1])) { print "FAIL: calls do not rise from " fte[i-1] " to " fte[i] " FTE"; bad = 1 }
      if (!(dec[i] > dec[i-1])) { print "FAIL: December calls do not rise from " fte[i-1] " to " fte[i] " FTE"; bad = 1 }
      if (!(occ[i] < occ[i-1])) { print "FAIL: occupancy does not fall from " fte[i-1] " to " fte[i] " FTE"; bad = 1 }
      if (!(reach[i] > reach[i-1])) { print "FAIL: 12-hour reach does not rise from " fte[i-1] " to " fte[i] " FTE"; bad = 1 }
    }
    if (!(occdec[1] >= 0.95)) { print "FAIL: December at 60 FTE is not capped (occupancy " occdec[1] ")"; bad = 1 }
    if (bad) exit 1
    print "ok: staffing binds at 60, 81 and 100 FTE"
  }'
