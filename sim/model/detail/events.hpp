// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/config.hpp"

// The event kinds of the model (private to the model): the coordinator's switch
// dispatches on them, and components schedule them in the kernel.
namespace tracesim::model::detail {

enum Kind : std::uint16_t {
  kDayStart,
  kTaskArrival,
  kPlatformOpens,
  kShiftStart,
  kBreakEnd,
  kAttemptEnd,
  kTaskReady,
  kTaskDeadline,
  kDayClose,
  kInboundArrival,
  kInboundAbandon,
  kIndependentCall,
  kTaskStale,      // overload: a task's stale check
  kBackOfficeEnd,  // an agent finished a back-office item
  kShiftMarks,     // a shift's pauses, last call or end, for every agent on it (shift_marks.hpp)
};

// The kernel's lanes (Simulator::add_lane), streams of events in time order that
// cost no heap operation: each task type's deadline timers, then its stale checks,
// then its retries (a fixed spacing after the failed attempt, except when the
// platform is closed), then the independent inbound calls (the next one is drawn
// when one arrives), then the days' starts (all scheduled when the run begins),
// then the ends of the unanswered outbound attempts (ring and no-answer handling
// are usually fixed, so they end in the order they start).
inline constexpr std::size_t kStaleLanes = kTaskTypes;
inline constexpr std::size_t kRetryLanes = 2 * kTaskTypes;
inline constexpr std::size_t kIndependentCallsLane = 3 * kTaskTypes;
inline constexpr std::size_t kDaysLane = 3 * kTaskTypes + 1;
inline constexpr std::size_t kNoAnswerLane = 3 * kTaskTypes + 2;
using Lanes = std::array<kernel::Simulator::LaneId, 3 * kTaskTypes + 3>;

}  // namespace tracesim::model::detail
