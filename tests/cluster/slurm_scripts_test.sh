#!/usr/bin/env bash
# The Slurm scripts of scripts/cluster/ (docs/cluster.md), without Slurm: sbatch is
# a stand-in that records what it is asked and answers a job id, and the array tasks
# are run by hand with SLURM_ARRAY_TASK_ID set, as Slurm would run them. Checks the
# submission (array 1-N, merge after it with afterok), that an unfinished task is
# found and submitted again, and that the merged files equal one unsharded run.
# Usage: slurm_scripts_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work/bin" && cd "$work" || exit 1
scripts=$src/scripts/cluster
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }

cat > bin/sbatch <<'SB'
#!/usr/bin/env bash
n=1
[ -f "$SBATCH_LOG" ] && n=$(( $(wc -l < "$SBATCH_LOG") + 1 ))
echo "$*" >> "$SBATCH_LOG"
echo "10$n"
SB
chmod +x bin/sbatch
export PATH="$work/bin:$PATH" SBATCH_LOG="$work/sbatch.log" TRACESIM="$bin"
scenario="$src/scenarios/occitanie-2021.yaml"
opts=(--set calendar.end=2021-03-31 --vary 'staffing.pools.tracers.fte[0].fte=20:45:5' -r 2 -j 1)

"$bin" sweep "$scenario" "${opts[@]}" -q --out one; check test $? -eq 0

bash "$scripts/submit-sweep.sh" 3 res/s "$scenario" "${opts[@]}" > submit.out; check test $? -eq 0
check grep -q -- "--array=1-3 $scripts/sweep-array.sbatch 3 res/s $scenario" sbatch.log
check grep -q -- "--dependency=afterok:101 $scripts/merge.sbatch 3 res/s" sbatch.log
check test -f res/s.args

# The array's tasks 1 and 3 succeed; task 2 never ran (a node failed).
for i in 1 3; do
  SLURM_ARRAY_TASK_ID=$i bash "$scripts/sweep-array.sbatch" 3 res/s "$scenario" "${opts[@]}"; check test $? -eq 0
done
check test -e res/s-1.done
check test ! -e res/s-2.done
check test "$(bash "$scripts/resume-sweep.sh" --list res/s)" = 2
bash "$scripts/merge.sbatch" 3 res/s 2> merge.err; check test $? -ne 0   # the merge refuses: shard 2 is missing
check grep -q "res/s-2" merge.err
check test ! -e res/s/points.csv

bash "$scripts/resume-sweep.sh" res/s > resume.out; check test $? -eq 0
check grep -q -- "--array=2 $scripts/sweep-array.sbatch 3 res/s $scenario" sbatch.log
check grep -q -- "--dependency=afterok:103 $scripts/merge.sbatch 3 res/s" sbatch.log
SLURM_ARRAY_TASK_ID=2 bash "$scripts/sweep-array.sbatch" 3 res/s "$scenario" "${opts[@]}"; check test $? -eq 0
# Run again, a finished task changes nothing (--resume keeps its points).
SLURM_ARRAY_TASK_ID=2 bash "$scripts/sweep-array.sbatch" 3 res/s "$scenario" "${opts[@]}"; check test $? -eq 0
check test "$(bash "$scripts/resume-sweep.sh" --list res/s)" = ""
bash "$scripts/merge.sbatch" 3 res/s > /dev/null; check test $? -eq 0
for f in points.csv replications.csv sweep.json; do check cmp one/$f res/s/$f; done

# Outside an array, or with a task outside 1-N, the task script refuses (exit 64).
env -u SLURM_ARRAY_TASK_ID bash "$scripts/sweep-array.sbatch" 3 res/x "$scenario" 2> /dev/null; check test $? -ne 0
SLURM_ARRAY_TASK_ID=4 bash "$scripts/sweep-array.sbatch" 3 res/x "$scenario" 2> /dev/null; check test $? -eq 64
check test ! -e res/x-4

echo "slurm scripts: $pass passed, $failures failed"
test $failures -eq 0
