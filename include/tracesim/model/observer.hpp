// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"

namespace tracesim::model {

/// How a task left the platform.
/// Overload rules add two: dropped as stale, and handed to the national level.
enum class FinalState : std::uint8_t { ReachedByCall, ReachedBySms, NotReached, DroppedStale, HandedToNational };

/// One outbound attempt or answered inbound call, reported when it ends.
struct AttemptRecord {
  std::uint32_t agent = 0;      // agent slot (reused after the agent goes off shift)
  std::uint32_t pool = 0;
  std::uint64_t task_key = 0;   // stable identity of the case or contact
  TaskType type = TaskType::IndexInterview;
  std::uint16_t attempt = 0;    // 1-based; 0 for an inbound call
  bool answered = false;
  bool inbound = false;         // an answered inbound call (start = answer time)
  kernel::SimTime start{};
  kernel::SimTime end{};
  kernel::SimTime shift_end{};  // the agent's scheduled end of shift
};

/// One case or contact reaching its final state.
struct TaskRecord {
  std::uint64_t task_key = 0;
  TaskType type = TaskType::IndexInterview;
  std::uint8_t segment = 0;
  FinalState state = FinalState::NotReached;
  std::uint16_t attempts = 0;
  kernel::SimTime created{};
  kernel::SimTime deadline{};
  kernel::SimTime resolved{};   // reach time (call connected, SMS delivered) or give-up time
};

/// Agents coming on or going off shift (for invariant checks and traces).
struct AgentShiftRecord {
  std::uint32_t agent = 0;
  std::uint32_t pool = 0;
  kernel::SimTime on{};
  kernel::SimTime off{};        // when the agent actually left (after any overtime)
  kernel::SimTime scheduled_end{};
};

/// Implemented by tracesim::output (traces) and tests. The model calls it only
/// when one is attached, and an observer never calls back into the model.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_attempt(const AttemptRecord& record) = 0;
  virtual void on_task_final(const TaskRecord& record) = 0;
  virtual void on_agent_shift(const AgentShiftRecord& record) = 0;
};

}  // namespace tracesim::model
