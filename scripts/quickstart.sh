#!/usr/bin/env bash
# Quick start: install, build, and simulate the shipped Occitanie 2021 scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build/release/sim/tracesim run scenarios/occitanie-2021.yaml --out results/occitanie-2021
