// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <stop_token>
#include <vector>

#include "tracesim/model/plan.hpp"
#include "tracesim/model/observer.hpp"
#include "tracesim/model/results.hpp"

namespace tracesim::sweep {

/// Called after each replication finishes (from a worker thread, serialised):
/// replications done so far and the total.
using ProgressFn = std::function<void(int done, int total)>;

/// What run_replications runs: replications first..first+replications-1 of one
/// model. Replication r's results depend only on the plan, the seed and r, so a
/// run of 0..9 followed by a run of 10..19 gives exactly the replications of one
/// run of 0..19.
struct RunSpec {
  /// The compiled model every replication runs: compiled once, shared read-only
  /// by all workers.
  std::shared_ptr<const model::Plan> plan;
  std::uint64_t seed = 1;
  int replications = 1;
  int first = 0;         // index of the first replication run
  unsigned threads = 0;  // 0: the CPUs this process may use (cpus.hpp)
  std::uint64_t event_budget = UINT64_MAX;
  std::stop_token stop;                  // replications not yet started are skipped once requested
  ProgressFn progress;                   // optional
  model::Observer* observer0 = nullptr;  // optional; receives replication 0's facts
  std::vector<std::int32_t> snapshot_days;  // days whose 00:00 state every replication saves
};

/// The outcome of run_replications.
struct Replications {
  // The completed replications in replication order; when stopped, only those
  // before the first one left out (first .. k-1), so that they are a smaller run.
  std::vector<model::RunResult> results;
  bool stopped = false;                   // true if a stop request left some replications out
};

/// Runs replication `replication` of `spec` on the calling thread (the observer
/// only for replication 0). The one place a replication's RunOptions are built.
model::RunResult run_replication(const RunSpec& spec, std::size_t replication);

/// Runs `spec`. Each replication owns its simulator and random streams, and
/// results are stored by replication index, so the output does not depend on
/// the thread count (rule R5). Rethrows the first failure in replication order.
Replications run_replications(const RunSpec& spec);

/// Runs every spec's replications as one batch of jobs on effective_threads(threads)
/// workers (each spec's own `threads` is ignored), so that the workers do not
/// wait at the end of one spec while the next could run. Returns one
/// Replications per spec, each exactly what run_replications(spec) returns; a
/// spec's progress counts its own replications. Rethrows the first failure in
/// spec and replication order.
std::vector<Replications> run_batch(const std::vector<RunSpec>& specs, unsigned threads);

/// The thread count actually used for `requested`: 0 means the CPUs this
/// process may use (available_cpus(): affinity, Slurm, cgroup quota).
unsigned effective_threads(unsigned requested);

/// A worker thread could not be started (a process or memory limit): nothing
/// more is started, the started workers are joined, and the command fails.
class ThreadStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs `task(i)` once for every i in [0, n), on effective_threads(threads)
/// workers taking indices in increasing order; with one worker, on the calling
/// thread (no thread is started). `task` must not throw. No task runs before
/// every worker has started: if one cannot be started, the started ones are
/// joined without running anything and ThreadStartError is thrown.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& task);

}  // namespace tracesim::sweep
