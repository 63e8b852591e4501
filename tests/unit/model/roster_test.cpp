// SPDX-License-Identifier: Apache-2.0
// The roster alone: shift starts, breaks, last calls, hand-overs and reinforcement,
// driven through a bare kernel without the coordinator.
#include <catch2/catch.hpp>

#include "../../../sim/model/roster.hpp"
#include "../../support/builders.hpp"

using namespace tracesim;
using model::detail::AgentState;
using model::detail::Freed;
using model::detail::Roster;
using model::detail::ShiftEnd;

namespace {
kernel::SimTime at(int day, const char* hhmm) { return kernel::at_ms(test::at(day, hhmm)); }

// Pops every event due by `until`, returning their kinds in order.
std::vector<std::uint16_t> kinds_until(kernel::Simulator& sim, kernel::SimTime until) {
  std::vector<std::uint16_t> kinds;
  sim.run_until(until, [&](const kernel::Event& e) { kinds.push_back(e.kind); });
  return kinds;
}
}  // namespace

TEST_CASE("model: the roster schedules each day's shifts and brings their agents on", "[model][roster]") {
  // Two agents on 08:00-19:00 with a one-hour break, centred at 13:00.
  auto pc = test::micro_platform({0, 0}, 1, 2);
  pc.pools[0].shifts[0].break_length = kernel::kHour;
  const model::Plan plan = model::compile(pc);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  roster.schedule_day(0, at(0, "00:00"));
  REQUIRE(roster.shift_size(0, 0) == 2);
  CHECK(kinds_until(sim, at(0, "08:00")) == std::vector<std::uint16_t>{model::detail::kShiftStart});
  const auto a = roster.come_on(0, 0, at(0, "08:00"), at(0, "00:00"));
  CHECK(roster.free_agent(a, at(0, "08:00")) == Freed::Available);
  roster.make_idle(a);
  CHECK(roster.idle(0) == std::vector<std::uint32_t>{a});
  CHECK(roster.agent(a).shift_end == at(0, "19:00"));
  CHECK(roster.shifts_started() == 1);
  // The break starts at 13:00 for an idle agent: off the idle list until it ends.
  roster.start_break(a, at(0, "13:00"));
  CHECK(roster.is_on_break(a));
  CHECK(roster.idle(0).empty());
}

TEST_CASE("model: a busy agent takes its break, last call and end of shift when its call ends", "[model][roster]") {
  auto pc = test::micro_platform({0}, 1, 1);
  pc.pools[0].shifts[0].break_length = kernel::kHour;
  const model::Plan plan = model::compile(pc);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  roster.schedule_day(0, at(0, "00:00"));
  const auto a = roster.come_on(0, 0, at(0, "08:00"), at(0, "00:00"));
  REQUIRE(roster.free_agent(a, at(0, "08:00")) == Freed::Available);
  roster.start_work(a, 7, at(0, "12:50"), at(0, "12:51"), true, false);
  roster.start_break(a, at(0, "13:00"));  // busy: the break waits for the call's end
  CHECK_FALSE(roster.is_on_break(a));
  CHECK_FALSE(roster.end_work(a));  // an outbound attempt
  CHECK(roster.free_agent(a, at(0, "13:10")) == Freed::OnBreak);
  // Back at work, past the last call: it winds down instead of taking new work.
  roster.start_work(a, 8, at(0, "18:55"), at(0, "18:56"), true, false);
  roster.pass_last_call(a);
  CHECK(roster.free_agent(a, at(0, "18:58")) == Freed::Winding);
  // Busy when the shift ends: it finishes the call, then goes off.
  roster.start_work(a, 9, at(0, "18:59"), at(0, "19:00"), true, false);
  CHECK(roster.end_shift(a, at(0, "19:00")) == ShiftEnd::FinishesCall);
  CHECK(roster.free_agent(a, at(0, "19:05")) == Freed::Off);
  CHECK(roster.shifts_ended() == 1);
  CHECK(roster.free_agent_slots() == 1);
}

TEST_CASE("model: a round-the-clock agent carries on into the next day's shift", "[model][roster]") {
  auto pc = test::micro_platform({0, 0}, 1, 1);
  pc.pools[0].shifts[0].start = kernel::Duration{0};
  pc.pools[0].shifts[0].end = kernel::kDay;
  const model::Plan plan = model::compile(pc);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  roster.schedule_day(0, at(0, "00:00"));
  const auto a = roster.come_on(0, 0, at(0, "00:00"), at(0, "00:00"));
  REQUIRE(roster.free_agent(a, at(0, "00:00")) == Freed::Available);
  roster.make_idle(a);
  roster.schedule_day(1, at(1, "00:00"));
  CHECK(roster.end_shift(a, at(1, "00:00")) == ShiftEnd::CarriesOn);
  CHECK(roster.shift_size(0, 0) == 0);  // the agent took the new shift's place
  CHECK(roster.agent(a).shift_end == at(2, "00:00"));
  CHECK(roster.agent(a).state == AgentState::Idle);
}

TEST_CASE("model: FTE staffing rounds agents day by day, carrying the fraction", "[model][roster]") {
  // 2.5 agents per shift-day: 2, 3, 2, 3.
  auto pc = test::micro_platform({0, 0, 0, 0}, 0, 0);
  pc.pools[0].size_mode = model::SizeMode::Fte;
  pc.pools[0].contracted_hours_per_week = 38.5;
  pc.pools[0].steps[0].fte = 5;
  const model::Plan plan = model::compile(pc);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  std::vector<int> sizes;
  for (std::size_t d = 0; d < 4; ++d) {
    roster.schedule_day(d, plan.days[d].start);
    sizes.push_back(roster.shift_size(0, 0));
  }
  CHECK(sizes == std::vector<int>{2, 3, 2, 3});
}

TEST_CASE("model: a reinforcement pool opens after its trigger and closes when the backlog recovers",
          "[model][roster]") {
  auto pc = test::micro_platform({0, 0, 0, 0, 0}, 1, 1);
  auto extra = pc.pools[0];
  extra.name = "renfort";
  extra.reinforcement = model::ReinforcementConfig{true, 100, 1.0, kernel::kDay, 10};
  pc.pools.push_back(extra);
  const model::Plan plan = model::compile(pc);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  roster.schedule_day(0, plan.days[0].start);
  CHECK(roster.shift_size(1, 0) == 0);                     // inactive at first
  roster.update_reinforcements(150, 0.0, at(0, "19:00"));  // backlog above 100: active a day later
  roster.schedule_day(1, plan.days[1].start);
  CHECK(roster.shift_size(1, 0) == 0);  // not yet (19:00 + 24 h)
  roster.schedule_day(2, plan.days[2].start);
  CHECK(roster.shift_size(1, 0) == 1);
  roster.update_reinforcements(5, 0.0, at(2, "19:00"));  // recovered below 10: released
  roster.schedule_day(3, plan.days[3].start);
  std::vector<std::uint32_t> pools_starting;
  sim.run_until(at(3, "12:00"), [&](const kernel::Event& e) {
    if (e.kind == model::detail::kShiftStart && e.time >= at(3, "00:00")) pools_starting.push_back(e.entity);
  });
  CHECK(pools_starting == std::vector<std::uint32_t>{0});  // only the main pool on day 3
}

TEST_CASE("model: a shift's break and blocks fall due in order; one due during another adds up", "[model][roster]") {
  // Briefing 08:00 (20 min), break 12:00-13:00, training 13:00 (15 min). A call
  // from 11:50 to 13:05 holds back the break and the training: the agent then
  // owes both, 1 h 15 min.
  auto pc = test::micro_platform({0}, 1, 1);
  auto& shift = pc.pools[0].shifts[0];
  shift.break_length = kernel::kHour;
  shift.break_start = test::clock("12:00");
  shift.blocks = {{"training", test::clock("13:00"), 15 * kernel::kMinute},
                  {"briefing", test::clock("08:00"), 20 * kernel::kMinute}};
  const model::Plan plan = model::compile(pc);
  REQUIRE(plan.pools[0].shifts[0].pauses.size() == 3);
  CHECK(plan.pools[0].shifts[0].pauses[0].start == test::clock("08:00"));
  CHECK(plan.pools[0].shifts[0].available == plan.pools[0].shifts[0].working - 35 * kernel::kMinute);
  kernel::Simulator sim;
  Roster roster{plan, sim};
  roster.schedule_day(0, at(0, "00:00"));
  const auto a = roster.come_on(0, 0, at(0, "08:00"), at(0, "00:00"));
  REQUIRE(roster.free_agent(a, at(0, "08:00")) == Freed::Available);
  roster.make_idle(a);
  roster.start_break(a, at(0, "08:00"));  // the briefing: idle, so at once
  CHECK(roster.is_on_break(a));
  CHECK(roster.free_agent(a, at(0, "08:20")) == Freed::Available);
  roster.start_work(a, 7, at(0, "11:50"), at(0, "11:51"), true, false);
  roster.start_break(a, at(0, "12:00"));
  roster.start_break(a, at(0, "13:00"));
  CHECK(roster.agent(a).break_length == 75 * kernel::kMinute);
  CHECK(roster.free_agent(a, at(0, "13:05")) == Freed::OnBreak);
}
