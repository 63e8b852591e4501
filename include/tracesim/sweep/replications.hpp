// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/model/observer.hpp"
#include "tracesim/model/results.hpp"

namespace tracesim::sweep {

/// Called after each replication finishes (from a worker thread, serialised):
/// replications done so far and the total.
using ProgressFn = std::function<void(int done, int total)>;

/// Runs replications 0..count-1 of `config` with `seed` on `threads` workers
/// (0: all cores). Each replication owns its simulator and random streams, and
/// results are stored by replication index, so the output does not depend on
/// the thread count (rule R5). Rethrows the first failure in replication order.
/// Replications not started when `stop` is requested are skipped; the returned
/// vector then holds only the replications that completed, in order, and
/// `stopped` is set. `observer0`, if given, receives replication 0's facts.
std::vector<model::RunResult> run_replications(const model::PlatformConfig& config, std::uint64_t seed,
                                               int count, unsigned threads, std::uint64_t event_budget,
                                               std::stop_token stop, const ProgressFn& progress,
                                               bool& stopped, model::Observer* observer0 = nullptr);

/// The thread count actually used for `requested` (0 means all cores).
unsigned effective_threads(unsigned requested);

}  // namespace tracesim::sweep
