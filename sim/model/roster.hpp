// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "detail/entities.hpp"
#include "detail/events.hpp"
#include "shift_marks.hpp"
#include "tracesim/kernel/assert.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/plan.hpp"

// The roster (private to the model): agents, their shifts, breaks, last calls and
// hand-overs, the idle agents of each pool, and the reinforcement pools. It
// schedules its own shift events in the kernel and returns what became of an
// agent; the coordinator gives available agents their work.
namespace tracesim::model::detail {

/// What became of an agent whose work ended (or who just came on).
enum class Freed : std::uint8_t {
  Available,  // may take work now; if there is none, make_idle()
  OnBreak,    // a break fell due during the call
  Winding,    // past the last call of its shift: takes no new work
  Off,        // its shift had ended during the call: went off
};

/// What the end of a shift did to an agent.
enum class ShiftEnd : std::uint8_t {
  CarriesOn,     // round-the-clock cover: the next shift starts now, nothing changes
  Resumes,       // carries on, and was winding down: available again
  FinishesCall,  // leaves after the call in hand (overtime)
  Off,           // went off now
};

class Roster {
 public:
  Roster(const Plan& plan, kernel::Simulator& sim);

  [[nodiscard]] const Agent& agent(std::uint32_t a) const noexcept { return agents_[a]; }
  /// Idle agents of pool `p`, the most recently idle last.
  [[nodiscard]] const std::vector<std::uint32_t>& idle(std::size_t p) const noexcept { return idle_[p]; }
  static constexpr std::uint32_t kNoAgent = UINT32_MAX;
  /// The most recently idle agent of the first pool that answers the line; kNoAgent if none.
  [[nodiscard]] std::uint32_t idle_for_inbound() const noexcept {
    for (std::size_t p = 0; p < plan_.pools.size(); ++p)
      if (plan_.pools[p].inbound && !idle_[p].empty()) return idle_[p].back();
    return kNoAgent;
  }
  /// Whether an attempt-end event for agent `a` at generation `gen` still applies.
  [[nodiscard]] bool is_work_event_live(std::uint32_t a, std::uint32_t gen) const noexcept {
    return agents_[a].gen == gen;
  }
  /// Whether a shift event (break, last call, end) for agent `a` of shift `serial` still applies.
  [[nodiscard]] bool is_shift_event_live(std::uint32_t a, std::uint32_t serial) const noexcept {
    return agents_[a].state != AgentState::Off && agents_[a].shift_serial == serial;
  }

  /// Schedules today's shift starts (day `day`, midnight `start`): agents per
  /// shift from the staffing rule, FTE rounded day by day with the fraction
  /// carried over; reinforcement pools only while active.
  void schedule_day(std::size_t day, SimTime start);
  /// Agents due at the start of shift `s` of pool `p`.
  [[nodiscard]] int shift_size(std::uint32_t p, std::uint32_t s) const noexcept { return shift_pending_[p][s]; }
  /// One agent comes on shift `s` of pool `p` at `now` (the day starting at
  /// `midnight`): a slot, and its break, last-call and end events.
  std::uint32_t come_on(std::uint32_t p, std::uint32_t s, SimTime now, SimTime midnight);

  /// Agent `a` has finished its work (or just came on) at `now`: what it does next.
  Freed free_agent(std::uint32_t a, SimTime now) {
    Agent& ag = agents_[a];
    if (ag.leaving) {
      go_off(a);
      return Freed::Off;
    }
    if (ag.break_due) {
      ag.break_due = false;
      ag.state = AgentState::Break;
      sim_.schedule_in_lane(breaks_lane_, now + ag.break_length, kernel::Phase::Arrival, kBreakEnd, a,
                            ag.shift_serial);
      return Freed::OnBreak;
    }
    if (ag.last_call_passed) {
      ag.state = AgentState::Winding;
      return Freed::Winding;
    }
    ag.state = AgentState::Busy;  // until we know whether work is waiting
    return Freed::Available;
  }
  /// An available agent found no work: it waits in its pool's idle list.
  void make_idle(std::uint32_t a) {
    Agent& ag = agents_[a];
    ag.state = AgentState::Idle;
    ag.idle_pos = static_cast<std::uint32_t>(idle_[ag.pool].size());
    idle_[ag.pool].push_back(a);
  }
  /// Takes idle agent `a` off its pool's idle list, to work.
  void leave_idle(std::uint32_t a) {
    auto& list = idle_[agents_[a].pool];
    const std::uint32_t pos = agents_[a].idle_pos;
    TRACESIM_ASSERT(agents_[a].state == AgentState::Idle && list[pos] == a, "an agent left an idle list it was not on");
    list[pos] = list.back();
    agents_[list[pos]].idle_pos = pos;
    list.pop_back();
    agents_[a].state = AgentState::Busy;
  }
  /// Agent `a` starts work on `item` (a task, or a call if `inbound`) at `now`;
  /// the person is reached at `reach` if `answered`.
  void start_work(std::uint32_t a, std::uint32_t item, SimTime now, SimTime reach, bool answered, bool inbound) {
    Agent& ag = agents_[a];
    ag.state = AgentState::Busy;
    ag.serving_inbound = inbound;
    ag.task = item;
    ag.answered = answered;
    ag.busy_since = now;
    ag.reach_time = reach;
  }
  /// The work of agent `a` ended: whether it was an inbound call.
  bool end_work(std::uint32_t a) noexcept {
    const bool inbound = agents_[a].serving_inbound;
    agents_[a].serving_inbound = false;
    return inbound;
  }

  /// The event of shift marks `group`, mark `first`, is due: calls `f(agent, mark)`
  /// for each agent and mark due now whose shift is still on (shift_marks.hpp).
  template <class F>
  void run_marks(std::uint32_t group, std::uint32_t first, F&& f) {
    marks_.run(group, first, [&](std::uint32_t a, std::uint32_t serial, Mark m, std::uint32_t) {
      if (is_shift_event_live(a, serial)) f(a, m);
    });
  }
  /// Shift events of agent `a` at `now`.
  void start_break(std::uint32_t a, SimTime now);
  [[nodiscard]] bool is_on_break(std::uint32_t a) const noexcept { return agents_[a].state == AgentState::Break; }
  void pass_last_call(std::uint32_t a);
  ShiftEnd end_shift(std::uint32_t a, SimTime now);

  /// At a day's close at `now`: opens a reinforcement pool `activation_delay`
  /// after its trigger, closes it from the next day when the backlog has recovered.
  void update_reinforcements(std::uint64_t backlog, double at_risk_share, SimTime now);

  /// The state carried from day to day (saved in a snapshot): the fractional agents
  /// carried over, per pool and shift, and when each reinforcement pool is staffed from.
  [[nodiscard]] const std::vector<std::vector<double>>& shift_carry() const noexcept { return shift_carry_; }
  [[nodiscard]] const std::vector<SimTime>& pool_active_from() const noexcept { return pool_active_from_; }
  [[nodiscard]] bool is_reinforcement_active(std::size_t p) const noexcept { return pool_active_from_[p] != kNever; }
  void restore(const std::vector<std::vector<double>>& carry, const std::vector<std::optional<SimTime>>& active_from) {
    shift_carry_ = carry;
    for (std::size_t p = 0; p < active_from.size() && p < pool_active_from_.size(); ++p)
      if (plan_.pools[p].reinforcement) pool_active_from_[p] = active_from[p] ? *active_from[p] : kNever;
  }

  /// Storage and shift counts for the end-of-run books.
  [[nodiscard]] std::uint64_t shifts_started() const noexcept { return shifts_started_; }
  [[nodiscard]] std::uint64_t shifts_ended() const noexcept { return shifts_ended_; }
  [[nodiscard]] std::uint64_t agent_slots() const noexcept { return agents_.size(); }
  [[nodiscard]] std::uint64_t free_agent_slots() const noexcept { return free_agents_.size(); }

 private:
  static constexpr SimTime kNever = SimTime::max();

  void plan_shift(std::uint32_t a, SimTime midnight);
  void go_off(std::uint32_t a) {
    Agent& ag = agents_[a];
    TRACESIM_ASSERT(ag.state != AgentState::Off, "an agent went off shift twice");
    ag.state = AgentState::Off;
    ++shifts_ended_;
    ++ag.gen;  // pending break/last-call events of this shift become stale
    free_agents_.push_back(a);
  }

  const Plan& plan_;
  kernel::Simulator& sim_;
  ShiftMarks marks_;
  // Break ends: pauses of one length end in the order they start, so most of
  // them need no heap operation (Simulator::add_lane).
  kernel::Simulator::LaneId breaks_lane_;
  std::vector<Agent> agents_;
  std::vector<std::uint32_t> free_agents_;
  std::vector<std::vector<std::uint32_t>> idle_;  // per pool
  std::vector<std::vector<double>> shift_carry_;  // per pool and shift: fractional agents carried over
  std::vector<std::vector<int>> shift_pending_;   // per pool and shift: agents due at its next start
  std::vector<std::vector<SimTime>> shift_start_at_;
  std::vector<SimTime> pool_active_from_;  // reinforcement pools: staffed from this time
  std::uint32_t next_shift_serial_ = 0;
  std::uint64_t shifts_started_ = 0;
  std::uint64_t shifts_ended_ = 0;
};

}  // namespace tracesim::model::detail
