#!/usr/bin/env bash
# The scripts of scripts/cluster/ against a real single-node Slurm (docs/cluster.md):
# munged, slurmctld and slurmd are started here, in the foreground as children of
# this script, with a configuration generated in WORK_DIR (their own ports, spool and
# munge socket), and stopped at the end. Then: a sweep as a job array with its merge
# as a dependent job, and the same sweep as one MPI job in one allocation, must both
# give the files of one process. Skipped (exit 77) without Slurm or when not root.
# Usage: slurm_real_test.sh TRACESIM_BINARY SOURCE_DIR WORK_DIR WITH_MPI(ON/OFF)
set -u
bin=$1 src=$2 work=$3 with_mpi=${4:-OFF}
for tool in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" > /dev/null || { echo "skipped: $tool is not installed (scripts/setup.sh installs it)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "skipped: slurmd must run as root"; exit 77; }
[ -r /etc/munge/munge.key ] || { echo "skipped: no /etc/munge/munge.key"; exit 77; }
rm -rf "$work" && mkdir -p "$work"/{spool/ctld,spool/d,run,log,res} && cd "$work" || exit 1
scripts=$src/scripts/cluster
failures=0
pass=0
check() { if "$@"; then pass=$((pass + 1)); else echo "FAIL: $*"; failures=$((failures + 1)); fi; }

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
cat > slurm.conf <<CONF
ClusterName=tracesimtest
SlurmctldHost=$host
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$work/run/munge.sock
CredType=cred/munge
StateSaveLocation=$work/spool/ctld
SlurmdSpoolDir=$work/spool/d
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
pids=()
stop_daemons() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null; done; wait 2> /dev/null; }
trap stop_daemons EXIT
munged --foreground --force --socket="$work/run/munge.sock" --pid-file="$work/run/munged.pid" \
  --log-file="$work/log/munged.log" --seed-file="$work/run/munge.seed" --key-file=/etc/munge/munge.key \
  > log/munged.out 2>&1 &
pids+=($!)
sleep 0.5
slurmctld -D -i > log/slurmctld.out 2>&1 &
pids+=($!)
sleep 1
slurmd -D > log/slurmd.out 2>&1 &
pids+=($!)
up=0
for _ in $(seq 1 60); do
  [ "$(sinfo -h -o %T 2> /dev/null)" = idle ] && { up=1; break; }
  sleep 0.5
done
if [ $up = 0 ]; then
  echo "FAIL: the Slurm daemons did not come up"; tail -n 20 log/*
  exit 1
fi

# Waits until Slurm has no job left (at most 3 minutes).
drain() {
  for _ in $(seq 1 360); do
    [ -z "$(squeue -h -o %i 2> /dev/null)" ] && return 0
    sleep 0.5
  done
  echo "FAIL: jobs still queued after 3 minutes"; squeue
  return 1
}

export TRACESIM=$bin
scenario="$src/scenarios/occitanie-2021.yaml"
opts=(--set calendar.end=2021-03-31 --vary 'staffing.pools.tracers.fte[0].fte=20:45:5' -r 2 -j 1)
"$bin" sweep "$scenario" "${opts[@]}" -q --out one; check test $? -eq 0

SBATCH_ARRAY_OPTIONS="--cpus-per-task=1 -o $work/res/array-%a.out" SBATCH_MERGE_OPTIONS="-o $work/res/merge.out" \
  bash "$scripts/submit-sweep.sh" 3 res/s "$scenario" "${opts[@]}" > submit.out
check test $? -eq 0
drain; check test $? -eq 0
for i in 1 2 3; do check test -e "res/s-$i.done"; done
for f in points.csv replications.csv sweep.json; do check cmp one/$f res/s/$f; done

if [ "$with_mpi" = ON ] && [ "$(nproc)" -ge 2 ]; then
  TRACESIM_LAUNCH="mpirun --allow-run-as-root --mca btl self,vader" \
    sbatch --ntasks=2 --cpus-per-task=1 -o "$work/res/mpi.out" "$scripts/sweep-mpi.sbatch" res/m "$scenario" "${opts[@]}" \
    > /dev/null
  check test $? -eq 0
  drain; check test $? -eq 0
  check test "$(grep -c 'worker thread' res/mpi.out)" -eq 2   # two ranks
  for f in points.csv replications.csv sweep.json; do check cmp one/$f res/m/$f; done
fi

echo "slurm: $pass passed, $failures failed"
[ $failures -eq 0 ] || tail -n 20 res/*.out log/*.log
test $failures -eq 0
