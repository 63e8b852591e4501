#!/usr/bin/env bash
# Submits again the shards of a sweep-array sweep that did not finish (no OUT-i.done:
# failed, timed out, cancelled), then the merge after them (docs/cluster.md). Each
# shard continues with --resume: its finished points are kept.
#
# Usage: scripts/cluster/resume-sweep.sh OUT          (after submit-sweep.sh N OUT ...)
#        scripts/cluster/resume-sweep.sh --list OUT   only print the unfinished shards
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
list_only=0
if [ "${1:-}" = --list ]; then
  list_only=1
  shift
fi
if [ $# -ne 1 ] || [ ! -f "$1.args" ]; then
  echo "usage: $0 [--list] OUT   (OUT.args, written by submit-sweep.sh, must exist)" >&2
  exit 64
fi
out=$1
eval "set -- $(cat "$out.args")"
shards=$1
missing=()
for i in $(seq 1 "$shards"); do [ -e "$out-$i.done" ] || missing+=("$i"); done
if [ ${#missing[@]} -eq 0 ]; then
  [ $list_only = 1 ] && exit 0
  echo "every shard of $out is finished: bash $here/merge.sbatch $shards $out (or sbatch it)"
  exit 0
fi
tasks=$(IFS=,; echo "${missing[*]}")
if [ $list_only = 1 ]; then
  echo "$tasks"
  exit 0
fi
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARRAY_OPTIONS:-} --array="$tasks" "$here/sweep-array.sbatch" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_MERGE_OPTIONS:-} --dependency=afterok:"$array" "$here/merge.sbatch" "$shards" "$out")
echo "array job $array (shards $tasks again), merge job $merge into $out"
