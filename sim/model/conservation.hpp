// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "tracesim/model/results.hpp"

// The books of one run, closed at its end (private to the model).
namespace tracesim::model::detail {

/// What the run state holds at the horizon, besides the counts in RunResult.
struct Ledger {
  std::uint64_t not_yet_arrived = 0;  // tasks created whose arrival is still scheduled
  std::uint64_t task_slots = 0;       // task storage: slots in use or free
  std::uint64_t free_task_slots = 0;
  std::uint64_t live_calls = 0;  // inbound calls waiting, in service or due again
  std::uint64_t call_slots = 0;
  std::uint64_t free_call_slots = 0;
  std::uint64_t shifts_started = 0;  // agents that came on shift
  std::uint64_t shifts_ended = 0;    // agents that went off
  std::uint64_t agent_slots = 0;
  std::uint64_t free_agent_slots = 0;
  std::uint64_t back_office_slots = 0;  // back-office item storage: slots in use or free
  std::uint64_t free_back_office_slots = 0;
};

/// Throws InternalError, naming the identity and its numbers, if the run lost or
/// invented a task, an inbound call or an agent: per task type, open at the
/// start (an initial state) + arrived ==
/// reached by call + by SMS + not reached + dropped as stale + handed to the
/// national level + pending; offered inbound calls ==
/// answered + abandoned + refused + waiting; back-office items created ==
/// done + pending; every storage slot is free or held
/// by a live entity. O(task types + pools): cheap enough to run always.
void check_conservation(const RunResult& result, const Ledger& ledger);

}  // namespace tracesim::model::detail
