#!/usr/bin/env bash
# Runs the whole test suite: installs and builds if needed (CI preset: warnings
# are errors), then the helper-script tests and CTest. Exit status 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
TRACESIM_PRESET=ci bash scripts/setup.sh
# The case-data converter is Python; its tests use the standard library only.
if [ -f scripts/test_fetch_cases.py ]; then
  python3 -m unittest scripts/test_fetch_cases.py
fi
ctest --preset ci
