// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "detail/events.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/plan.hpp"

// Shift marks (private to the roster): a shift's pauses, its last call and its end
// fall due at the same times for every agent who came on it together, so one
// kernel event per distinct time serves the whole group instead of one event per
// agent and mark. At France's scale that takes some 30,000 entries out of the
// event heap during the day and a fifth of all events out of the run.
namespace tracesim::model::detail {

/// What falls due for an agent: in the order an agent's marks are planned, which
/// is the order they run in when two fall at the same time.
enum class Mark : std::uint8_t { End, LastCall, Pause };

class ShiftMarks {
 public:
  ShiftMarks(const Plan& plan, kernel::Simulator& sim) : plan_{plan}, sim_{sim} {}

  /// Agent `a`, on its shift number `serial` (shift `s` of pool `p`, on the day
  /// starting at `midnight`), is due its marks. It joins the group that came on
  /// just before it when that group is of the same shift and day; otherwise it
  /// starts a group whose marks are scheduled now. Either way its marks run at
  /// the same place among all events as if scheduled for it alone: no other
  /// event at the same (time, phase) is ever scheduled between two members.
  void join(std::uint32_t a, std::uint32_t serial, std::uint32_t p, std::uint32_t s, SimTime midnight) {
    if (open_ == kNone || groups_[open_].pool != p || groups_[open_].shift != s ||
        groups_[open_].midnight != midnight)
      open_ = start_group(p, s, midnight);
    groups_[open_].members.push_back({a, serial});
  }

  /// The event of mark `first` of `group` is due: calls `f(agent, serial, mark,
  /// pause)` for every member, in the order they joined, and for each of them
  /// every mark due at this time, in order. The group is released after its last
  /// event. `f` may make new groups.
  template <class F>
  void run(std::uint32_t group, std::uint32_t first, F&& f) {
    const SimTime at = time_of(groups_[group], first);
    const std::uint32_t marks = mark_count(groups_[group]);
    // Usually `first` is the only mark due now: then no member needs the marks scanned.
    bool several = false;
    for (std::uint32_t k = first + 1; k < marks && !several; ++k) several = time_of(groups_[group], k) == at;
    for (std::size_t i = 0; i < groups_[group].members.size(); ++i) {
      const Member m = groups_[group].members[i];  // a copy: f may grow groups_
      if (!several) {
        f(m.agent, m.serial, kind_of(first), first < 2 ? 0u : first - 2);
        continue;
      }
      for (std::uint32_t k = first; k < marks; ++k)
        if (time_of(groups_[group], k) == at) f(m.agent, m.serial, kind_of(k), k < 2 ? 0u : k - 2);
    }
    Group& g = groups_[group];
    if (--g.events_left == 0) {
      g.members.clear();  // keeps its capacity for the next group in this slot
      free_.push_back(group);
      if (open_ == group) open_ = kNone;
    }
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Member {
    std::uint32_t agent;
    std::uint32_t serial;
  };
  struct Group {
    std::uint32_t pool = 0;
    std::uint32_t shift = 0;
    SimTime midnight{};
    std::uint32_t events_left = 0;
    std::vector<Member> members;
  };

  // Marks 0 (end) and 1 (last call), then 2 + k for the shift's pause k.
  std::uint32_t mark_count(const Group& g) const {
    return 2 + static_cast<std::uint32_t>(plan_.pools[g.pool].shifts[g.shift].pauses.size());
  }
  static Mark kind_of(std::uint32_t k) noexcept { return k == 0 ? Mark::End : k == 1 ? Mark::LastCall : Mark::Pause; }
  SimTime time_of(const Group& g, std::uint32_t k) const {
    const PoolRule& pool = plan_.pools[g.pool];
    const ShiftRule& shift = pool.shifts[g.shift];
    if (k == 0) return g.midnight + shift.end;
    if (k == 1) return g.midnight + shift.end - pool.no_new_attempt_before_end;
    return g.midnight + shift.pauses[k - 2].start;
  }

  std::uint32_t start_group(std::uint32_t p, std::uint32_t s, SimTime midnight) {
    std::uint32_t gi;
    if (!free_.empty()) {
      gi = free_.back();
      free_.pop_back();
    } else {
      gi = static_cast<std::uint32_t>(groups_.size());
      groups_.emplace_back();
    }
    Group& g = groups_[gi];
    g.pool = p;
    g.shift = s;
    g.midnight = midnight;
    g.events_left = 0;
    // One event per distinct time, at the first mark due then.
    const std::uint32_t marks = mark_count(g);
    for (std::uint32_t k = 0; k < marks; ++k) {
      bool first = true;
      for (std::uint32_t j = 0; j < k && first; ++j) first = time_of(g, j) != time_of(g, k);
      if (!first) continue;
      sim_.schedule_at(time_of(g, k), kernel::Phase::Release, kShiftMarks, gi, k);
      ++g.events_left;
    }
    return gi;
  }

  const Plan& plan_;
  kernel::Simulator& sim_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> free_;
  std::uint32_t open_ = kNone;  // the group started last, while it lasts
};

}  // namespace tracesim::model::detail
