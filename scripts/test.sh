#!/usr/bin/env bash
# Runs the whole test suite: installs and builds if needed (CI preset: warnings
# are errors), then the helper-script tests and CTest; then the same suite
# under AddressSanitizer and UndefinedBehaviorSanitizer (preset debug), and a
# short run of every fuzz harness (scripts/fuzz.sh). Exit status 0 only if all
# pass. TRACESIM_FUZZ_SECONDS sets the run per harness (default 30; 0 skips),
# TRACESIM_SANITIZERS=0 skips the sanitizer suite (docs/reliability.md). The install
# tests (label install: the .deb, installed with dpkg -i when root) and the MPI tests
# (label mpi: mpirun -n 2 and -n 3, the CI preset builds with TRACESIM_WITH_MPI=ON)
# and the one-node Slurm test (label slurm) run in the CI preset only.
set -euo pipefail
cd "$(dirname "$0")/.."
TRACESIM_PRESET=ci bash scripts/setup.sh
# The helper scripts (case data, forecast, backlog, peak-month scan) are Python; their tests use the standard library only.
python3 -m unittest scripts/test_fetch_cases.py scripts/test_forecast_cases.py scripts/test_backlog_from_snapshot.py \
  scripts/test_peak_months_scan.py
# The .deb is installed for real (dpkg -i, then removed) where this runs as root.
TRACESIM_DEB_INSTALL=1 ctest --preset ci

if [ "${TRACESIM_SANITIZERS:-1}" != 0 ]; then
  echo "test: the suite under ASan+UBSan (preset debug)"
  cmake --preset debug >/dev/null
  cmake --build --preset debug -j "$(nproc)"
  # Packaging a sanitized build proves nothing more; Open MPI's own allocations would be
  # reported as leaks by LeakSanitizer in every rank (mpi, and slurm's MPI job).
  ctest --preset debug -j "$(nproc)" -LE 'install|mpi|slurm'
fi
if [ "${TRACESIM_FUZZ_SECONDS:-30}" != 0 ]; then
  bash scripts/fuzz.sh "${TRACESIM_FUZZ_SECONDS:-30}"
fi
