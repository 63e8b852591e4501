// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "detail/events.hpp"
#include "tracesim/kernel/simulator.hpp"

// The day's new index cases (private to the model): drawn one after another at
// the day's start, each released at its own time of day. Put in time order, they
// go through one lane of the kernel instead of its heap: at France's scale they
// are some 40 % of the heap's entries during the day.
namespace tracesim::model::detail {

class CaseReleases {
 public:
  /// Case `task` (generation `gen`), drawn after the ones added before it, arrives at `at`.
  void add(kernel::SimTime at, std::uint32_t task, std::uint32_t gen) {
    cases_.push_back({at, static_cast<std::uint32_t>(cases_.size()), task, gen});
  }

  /// Schedules the cases added since the last call, through `lane`, earliest
  /// first and, at the same time, in the order they were added. They were added
  /// with nothing scheduled in between, so their sequence numbers are one block:
  /// ordered this way, they run exactly where schedule_at in the order drawn put them.
  void schedule(kernel::Simulator& sim, kernel::Simulator::LaneId lane) {
    std::sort(cases_.begin(), cases_.end(), [](const Case& a, const Case& b) {
      return a.at < b.at || (a.at == b.at && a.drawn < b.drawn);
    });
    for (const Case& c : cases_) sim.schedule_in_lane(lane, c.at, kernel::Phase::Arrival, kTaskArrival, c.task, c.gen);
    cases_.clear();
  }

 private:
  struct Case {
    kernel::SimTime at;
    std::uint32_t drawn;  // the order of the draws
    std::uint32_t task;
    std::uint32_t gen;
  };
  std::vector<Case> cases_;  // keeps its capacity: no allocation once the busiest day is past
};

}  // namespace tracesim::model::detail
