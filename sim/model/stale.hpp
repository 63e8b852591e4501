// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "detail/entities.hpp"
#include "tracesim/model/plan.hpp"

// Stale work (private to the model): what becomes of a task still waiting
// `stale.after` past its deadline, and the national level that takes a
// limited number of them a day. A leaf: it counts, decides, and never calls back.
namespace tracesim::model::detail {

enum class StaleStep : std::uint8_t {
  Drop,      // leaves the platform unreached (final state dropped)
  Sms,       // sent an SMS instead
  National,  // handed to the national level (final state handed over)
  Stays,     // the national level is full today: stays in the local list, offered again next midnight
};

/// The national level's daily capacity: hand-overs counted per calendar day.
class NationalLevel {
 public:
  explicit NationalLevel(std::uint64_t capacity_per_day) noexcept : capacity_{capacity_per_day} {}
  /// Takes one task on day `day` if that day's capacity is not used up.
  bool take(std::int32_t day) noexcept {
    if (day != day_) {
      day_ = day;
      used_ = 0;
    }
    if (used_ >= capacity_) return false;
    ++used_;
    return true;
  }

 private:
  std::uint64_t capacity_;
  std::uint64_t used_ = 0;
  std::int32_t day_ = -1;
};

/// Whether a stale check of task `t` at generation `gen` still applies: the
/// task waits in the work list or between attempts.
[[nodiscard]] inline bool is_stale_check_live(const Task& t, std::uint32_t gen) noexcept {
  return t.gen == gen && (t.state == TaskState::Queued || t.state == TaskState::Waiting);
}

/// Whether a task of `rule` with `deadline` is stale at `now`.
[[nodiscard]] inline bool is_stale(const TaskRule& rule, SimTime deadline, SimTime now) noexcept {
  return rule.stale != StaleAction::Keep && now >= deadline + rule.stale_after;
}

/// What a stale task of `rule` becomes on day `day`.
[[nodiscard]] inline StaleStep stale_step(const TaskRule& rule, NationalLevel& national, std::int32_t day) noexcept {
  switch (rule.stale) {
    case StaleAction::Drop:
      return StaleStep::Drop;
    case StaleAction::Sms:
      return StaleStep::Sms;
    case StaleAction::National:
      return national.take(day) ? StaleStep::National : StaleStep::Stays;
    case StaleAction::Keep:
      break;
  }
  return StaleStep::Stays;
}

}  // namespace tracesim::model::detail
