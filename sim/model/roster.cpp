// SPDX-License-Identifier: Apache-2.0
#include "roster.hpp"

namespace tracesim::model::detail {

using kernel::Phase;

Roster::Roster(const Plan& plan, kernel::Simulator& sim)
    : plan_{plan}, sim_{sim}, marks_{plan, sim}, breaks_lane_{sim.add_lane()} {
  const std::size_t pools = plan.pools.size();
  pool_active_from_.assign(pools, SimTime{});
  for (std::size_t p = 0; p < pools; ++p)
    if (plan.pools[p].reinforcement) pool_active_from_[p] = kNever;
  idle_.resize(pools);
  shift_carry_.resize(pools);
  shift_pending_.resize(pools);
  shift_start_at_.resize(pools);
  for (std::size_t p = 0; p < pools; ++p) {
    shift_carry_[p].assign(plan.pools[p].shifts.size(), 0.0);
    shift_pending_[p].assign(plan.pools[p].shifts.size(), 0);
    shift_start_at_[p].assign(plan.pools[p].shifts.size(), SimTime{});
  }
}

void Roster::schedule_day(std::size_t day, SimTime start) {
  const std::size_t wd = plan_.days[day].weekday;
  for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
    const PoolRule& pool = plan_.pools[p];
    const std::int32_t step_index = pool.step_of_day[day];
    if (step_index < 0 || start < pool_active_from_[p]) continue;  // inactive reinforcement
    const StaffingRule& step = pool.steps[static_cast<std::size_t>(step_index)];
    const double level = pool.level_of_day.empty() ? 1.0 : pool.level_of_day[day];
    for (std::size_t s = 0; s < pool.shifts.size(); ++s) {
      if (!pool.shifts[s].weekdays[wd]) continue;
      int n = 0;
      if (pool.roster && level == 1.0) {
        n = step.agents_per_shift[s];
      } else {
        // Carry the fractional part from day to day so the average is exact.
        shift_carry_[p][s] += pool.roster ? step.agents_per_shift[s] * level
                                          : (pool.level_of_day.empty() ? step.per_shift : step.per_shift * level);
        n = static_cast<int>(shift_carry_[p][s] + 1e-9);
        shift_carry_[p][s] -= n;
      }
      if (n <= 0) continue;
      shift_pending_[p][s] = n;
      shift_start_at_[p][s] = start + pool.shifts[s].start;
      sim_.schedule_at(start + pool.shifts[s].start, Phase::Release, kShiftStart, static_cast<std::uint32_t>(p),
                       static_cast<std::uint32_t>(s));
    }
  }
}

std::uint32_t Roster::come_on(std::uint32_t p, std::uint32_t s, SimTime now, SimTime midnight) {
  ++shifts_started_;
  const std::uint32_t a = take_slot(agents_, free_agents_);
  Agent& ag = agents_[a];
  ag.pool = p;
  ag.shift = s;
  ag.on = now;
  plan_shift(a, midnight);
  return a;
}

// Schedules the shift events of agent `a` for its shift starting on the day at `midnight`.
void Roster::plan_shift(std::uint32_t a, SimTime midnight) {
  Agent& ag = agents_[a];
  const PoolRule& pool = plan_.pools[ag.pool];
  const ShiftRule& shift = pool.shifts[ag.shift];
  ag.shift_serial = ++next_shift_serial_;
  ag.shift_end = midnight + shift.end;
  ag.break_length = shift.break_length;
  ag.last_call_passed = false;
  ag.break_due = false;
  ag.next_pause = 0;
  marks_.join(a, ag.shift_serial, ag.pool, ag.shift, midnight);
}

// The shift's pauses start in order, so the agent's counter names this one. A
// pause falling due while another is due or under way follows it: the agent
// owes the sum.
void Roster::start_break(std::uint32_t a, SimTime now) {
  Agent& ag = agents_[a];
  const auto& pauses = plan_.pools[ag.pool].shifts[ag.shift].pauses;
  TRACESIM_ASSERT(ag.next_pause < pauses.size(), "a pause started that the shift does not have");
  const Duration length = pauses[ag.next_pause++].length;
  if (ag.state == AgentState::Busy || ag.state == AgentState::Break) {
    ag.break_length = ag.break_due ? ag.break_length + length : length;
    ag.break_due = true;
  } else if (ag.state == AgentState::Idle) {
    leave_idle(a);
    ag.state = AgentState::Break;
    ag.break_length = length;
    sim_.schedule_in_lane(breaks_lane_, now + length, Phase::Arrival, kBreakEnd, a, ag.shift_serial);
  }
}

void Roster::pass_last_call(std::uint32_t a) {
  Agent& ag = agents_[a];
  ag.last_call_passed = true;
  if (ag.state == AgentState::Idle) {
    leave_idle(a);
    ag.state = AgentState::Winding;
  }
}

ShiftEnd Roster::end_shift(std::uint32_t a, SimTime now) {
  Agent& ag = agents_[a];
  // A shift ending at midnight that starts again at midnight (round-the-clock
  // cover): the agent carries on instead of leaving, so capacity has no gap.
  // (An agent on a break at midnight leaves instead: its break's end belongs to the old shift.)
  const ShiftRule& shift = plan_.pools[ag.pool].shifts[ag.shift];
  if (shift.end == kernel::kDay && shift.start.count() == 0 && shift_pending_[ag.pool][ag.shift] > 0 &&
      shift_start_at_[ag.pool][ag.shift] == now && ag.state != AgentState::Break) {
    --shift_pending_[ag.pool][ag.shift];
    plan_shift(a, now);
    return ag.state == AgentState::Winding ? ShiftEnd::Resumes : ShiftEnd::CarriesOn;
  }
  if (ag.state == AgentState::Busy) {
    ag.leaving = true;  // finishes the call in hand; overtime is counted at its end
    return ShiftEnd::FinishesCall;
  }
  if (ag.state == AgentState::Idle) leave_idle(a);
  go_off(a);
  return ShiftEnd::Off;
}

void Roster::update_reinforcements(std::uint64_t backlog, double at_risk_share, SimTime now) {
  for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
    const PoolRule& r = plan_.pools[p];
    if (!r.reinforcement) continue;
    const bool active = pool_active_from_[p] != kNever;
    if (!active && (backlog > r.reinforce_backlog_above || at_risk_share > r.reinforce_at_risk_share_above)) {
      pool_active_from_[p] = now + r.activation_delay;
    } else if (active && pool_active_from_[p] <= now && backlog < r.release_backlog_below) {
      pool_active_from_[p] = kNever;
    }
  }
}

}  // namespace tracesim::model::detail
