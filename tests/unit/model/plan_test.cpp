// SPDX-License-Identifier: Apache-2.0
// The compiled plan: the tables the event loop reads instead of the configuration.
#include <catch2/catch.hpp>

#include "../../support/builders.hpp"
#include "tracesim/model/plan.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;

TEST_CASE("model: the plan resolves SMS shares by day, segment and task type", "[model][plan]") {
  auto pc = test::micro_platform({0, 0, 0, 0});
  pc.index_cases.segments = {{"young", 0.3}, {"old", 0.7}};
  // From day 1 every segment sends 10 % of contacts by SMS; from day 2 "old" sends 50 %
  // of index cases too, and a step for all segments on the same day loses to it.
  pc.sms.policy = {{test::date("2021-03-02"), "", {0.0, 0.1}},
                   {test::date("2021-03-03"), "old", {0.5, 0.2}},
                   {test::date("2021-03-03"), "", {0.0, 0.3}}};
  const model::Plan plan = model::compile(pc);
  using model::TaskType;
  CHECK(plan.sms_share(0, 1, TaskType::ContactCall) == 0.0);
  CHECK(plan.sms_share(1, 0, TaskType::ContactCall) == 0.1);
  CHECK(plan.sms_share(2, 0, TaskType::ContactCall) == 0.3);
  CHECK(plan.sms_share(2, 1, TaskType::ContactCall) == 0.2);
  CHECK(plan.sms_share(3, 1, TaskType::IndexInterview) == 0.5);
  CHECK(plan.sms_share(3, 0, TaskType::IndexInterview) == 0.0);
}

TEST_CASE("model: the plan flattens pool rules and staffing steps by day", "[model][plan]") {
  auto pc = test::micro_platform({0, 0, 0});
  auto& pool = pc.pools[0];
  pool.skills = {false, true};
  pool.blend = model::BlendConfig{model::BlendMode::Reserve, 2, 0};
  pool.shifts[0].break_length = kernel::kHour;  // centred: 08:00-19:00 less 1 h -> 13:00
  pool.steps = {{test::date("2021-03-02"), 0, {4}}};
  const model::Plan plan = model::compile(pc);
  const model::PoolRule& rule = plan.pools[0];
  CHECK_FALSE(rule.has_skill(model::TaskType::IndexInterview));
  CHECK(rule.has_skill(model::TaskType::ContactCall));
  CHECK(rule.reserve_agents == 2);
  CHECK(rule.shifts[0].break_at == test::clock("13:00"));
  CHECK(rule.shifts[0].working == 10 * kernel::kHour);
  CHECK(rule.step_of_day == std::vector<std::int32_t>{-1, 0, 0});
  CHECK(rule.steps[0].agents_per_shift == std::vector<int>{4});
}

TEST_CASE("model: the plan finds the next opening across closed days", "[model][plan]") {
  auto pc = test::micro_platform({0, 0, 0});
  pc.calendar.closed_dates = {test::date("2021-03-02")};
  const model::Plan plan = model::compile(pc);
  CHECK_FALSE(plan.days[1].is_open());
  CHECK(plan.next_opening(kernel::at_ms(test::at(0, "07:00"))) == kernel::at_ms(test::at(0, "08:00")));
  CHECK(plan.next_opening(kernel::at_ms(test::at(0, "12:00"))) == kernel::at_ms(test::at(0, "12:00")));
  // Closed after 19:00 on day 0 and all of day 1: next open on day 2 at 08:00.
  CHECK(plan.next_opening(kernel::at_ms(test::at(0, "20:00"))) == kernel::at_ms(test::at(2, "08:00")));
  CHECK(plan.next_opening(kernel::at_ms(test::at(2, "20:00"))) == plan.horizon());
}

TEST_CASE("model: one compiled plan gives the same run as its configuration", "[model][plan]") {
  const auto pc = test::micro_platform({3, 5, 2}, 2, 1);
  const model::Plan plan = model::compile(pc);
  model::RunOptions o;
  o.seed = 9;
  const auto a = model::simulate(plan, o);
  const auto b = model::simulate(pc, o);
  CHECK(a.events == b.events);
  CHECK(a.tasks[1].reached_call == b.tasks[1].reached_call);
  CHECK(a.days[2].busy_ms == b.days[2].busy_ms);
}

TEST_CASE("model: compiling rejects what validation should have caught", "[model][plan]") {
  auto pc = test::micro_platform({1});
  pc.pools.clear();
  CHECK_THROWS_AS(model::compile(pc), std::invalid_argument);
  auto bad_sms = test::micro_platform({1});
  bad_sms.sms.policy = {{test::date("2021-03-01"), "nobody", {0.1, 0.1}}};
  CHECK_THROWS_WITH(model::compile(bad_sms), "sms.policy: unknown segment nobody");
}
