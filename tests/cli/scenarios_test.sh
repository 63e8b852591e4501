#!/usr/bin/env bash
# Every shipped scenario is valid and runs; the calibration tables in
# docs/calibration.md are what their --check commands print now.
# Usage: scenarios_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }
for f in "$src"/scenarios/*.yaml "$src"/bench/scenarios/*.yaml "$src"/tests/validation/*.yaml; do
  "$bin" check "$f" >/dev/null; check test $? -eq 0
done
for f in "$src"/scenarios/*.yaml; do
  name=$(basename "$f" .yaml)
  "$bin" run "$f" -r 2 -q --out "$work/$name"; check test $? -eq 0
  check test -s "$work/$name/summary.json"
done
for name in occitanie-2021 isere-2020 loiret-2020 aller-vers-2021 pays-de-la-loire-2020; do
  "$bin" calibrate "$src/scenarios/$name.yaml" --check -q > "$work/$name.table"; check test $? -eq 0
  while IFS= read -r line; do
    if grep -qxF -- "$line" "$src/docs/calibration.md"; then pass=$((pass + 1)); else
      echo "FAIL: docs/calibration.md lacks this line of '$name --check':"; echo "  $line"; failures=$((failures + 1)); fi
  done < "$work/$name.table"
done
echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
