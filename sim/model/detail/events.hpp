// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

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

}  // namespace tracesim::model::detail
