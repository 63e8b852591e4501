// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <stop_token>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/model/internal_error.hpp"
#include "tracesim/model/observer.hpp"
#include "tracesim/model/plan.hpp"
#include "tracesim/model/results.hpp"

namespace tracesim::model {

/// Run-level settings that are not part of the platform's description.
struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  std::uint64_t event_budget = UINT64_MAX;   // kernel::EventBudgetExceeded beyond this
  std::stop_token stop{};                    // checked periodically; a stopped run is flagged
  Observer* observer = nullptr;              // optional: per-attempt and per-task facts
  // Days (0-based, after the run's first day, in increasing order) at whose
  // start (00:00) the replication's state is saved in RunResult::snapshots.
  std::vector<std::int32_t> snapshot_days;
};

/// Simulates one replication of a compiled platform from the calendar's start
/// to its end. Pure function of (plan, seed, replication); `plan` may be shared
/// by concurrent runs. Throws std::invalid_argument if a daily series has no
/// value for a simulated day, kernel::EventBudgetExceeded on a runaway run, and
/// InternalError if the run's books do not balance at its end (a model bug).
RunResult simulate(const Plan& plan, const RunOptions& options);

/// compile(config), then simulate(plan, options). Also throws
/// std::invalid_argument if `config` breaks a precondition that validation
/// should have caught.
RunResult simulate(const PlatformConfig& config, const RunOptions& options);

}  // namespace tracesim::model
