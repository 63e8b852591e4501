#!/usr/bin/env bash
# Installs the Debian 12 packages tracesim needs and builds it (release preset).
# Run as root on a fresh machine; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and libclang-rt-14-dev: the libFuzzer harnesses (scripts/fuzz.sh). help2man: the
# manual pages; dpkg-dev: the .deb's Depends (cpack); man-db, bash-completion: their tests.
# openmpi-bin, libopenmpi-dev: MPI (TRACESIM_WITH_MPI, on when found; docs/cluster.md).
# slurmctld, slurmd, slurm-client, munge: the test that runs scripts/cluster/ on a one-node
# Slurm it starts itself (the services stay off: they have no /etc/slurm/slurm.conf).
packages=(build-essential cmake ninja-build libboost-dev libboost-program-options-dev
          libboost-random-dev libboost-math-dev libyaml-cpp-dev catch2 nlohmann-json3-dev
          libnlopt-cxx-dev pkgconf libjs-chart.js libbenchmark-dev python3 time procps
          chromium python3-pandas python3-matplotlib clang libclang-rt-14-dev
          help2man dpkg-dev man-db bash-completion util-linux openmpi-bin libopenmpi-dev
          slurmctld slurmd slurm-client munge)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

preset=${TRACESIM_PRESET:-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
echo "setup: built build/$preset/sim/tracesim"
