#!/usr/bin/env bash
# Submits a sweep as a Slurm job array of N shards and its merge as a job that
# starts when every shard has succeeded (docs/cluster.md). The command line is
# kept in OUT.args, so that resume-sweep.sh can submit the failed shards again.
#
# Usage: scripts/cluster/submit-sweep.sh N OUT SCENARIO [tracesim sweep options...]
# Example:
#   scripts/cluster/submit-sweep.sh 20 results/national scenarios/occitanie-2021.yaml \
#     --vary 'staffing.pools.tracers.fte[0].fte=20:400:5' -r 40
# Extra sbatch options (partition, account, CPUs) go in SBATCH_ARRAY_OPTIONS and
# SBATCH_MERGE_OPTIONS; sbatch also reads its usual SBATCH_* variables.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 3 ]; then
  echo "usage: $0 N OUT SCENARIO [sweep options...]" >&2
  exit 64
fi
shards=$1 out=$2
if ! [[ $shards =~ ^[1-9][0-9]*$ ]]; then
  echo "$0: N must be a whole number >= 1, got '$shards'" >&2
  exit 64
fi
mkdir -p "$(dirname "$out")"
printf '%q ' "$@" > "$out.args"
# shellcheck disable=SC2086 # the options are words on purpose
array=$(sbatch --parsable ${SBATCH_ARRAY_OPTIONS:-} --array=1-"$shards" "$here/sweep-array.sbatch" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_MERGE_OPTIONS:-} --dependency=afterok:"$array" "$here/merge.sbatch" "$shards" "$out")
echo "array job $array (shards 1-$shards into $out-i), merge job $merge into $out"
echo "if a shard fails: scripts/cluster/resume-sweep.sh $out"
