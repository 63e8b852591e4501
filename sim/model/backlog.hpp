// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "detail/entities.hpp"

// The backlog at a day's close (private to the model): unresolved tasks by
// type, and the share of waiting contacts due before the next opening, which
// the reinforcement rule reads.
namespace tracesim::model::detail {

struct Backlog {
  std::array<std::uint32_t, kTaskTypes> by_type{};  // unresolved at the close
  double at_risk_share = 0;                         // waiting contacts due by `reopen`, of all waiting contacts
};

/// Counts the unresolved tasks of `tasks`; `reopen` is the next opening.
inline Backlog count_backlog(const std::vector<Task>& tasks, SimTime reopen) {
  Backlog b;
  std::uint64_t waiting_contacts = 0;
  std::uint64_t at_risk = 0;
  for (const Task& t : tasks) {
    if (!is_pending(t.state)) continue;
    ++b.by_type[index_of(t.type)];
    if (t.type == TaskType::ContactCall) {
      ++waiting_contacts;
      if (t.deadline <= reopen) ++at_risk;
    }
  }
  b.at_risk_share = waiting_contacts ? static_cast<double>(at_risk) / static_cast<double>(waiting_contacts) : 0.0;
  return b;
}

}  // namespace tracesim::model::detail
