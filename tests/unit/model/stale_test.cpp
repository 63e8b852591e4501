// SPDX-License-Identifier: Apache-2.0
// Stale work (overload rules): the rule alone, the national level's daily
// capacity, the backlog count, and micro-platforms worked by hand (one index
// case released at 09:00 on Monday 2021-03-01, 24 h deadline, no agent on shift).
#include <catch2/catch.hpp>

#include "../../../sim/model/backlog.hpp"
#include "../../../sim/model/stale.hpp"
#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using model::detail::NationalLevel;
using model::detail::StaleStep;
using test::at;

TEST_CASE("model: a task is stale `after` past its deadline, and only with a rule", "[model][stale]") {
  model::TaskRule rule;
  const kernel::SimTime deadline = kernel::at_ms(10 * kernel::kHour.count());
  CHECK_FALSE(model::detail::is_stale(rule, deadline, deadline + 100 * kernel::kHour));  // keep
  rule.stale = model::StaleAction::Drop;
  rule.stale_after = 2 * kernel::kHour;
  CHECK_FALSE(model::detail::is_stale(rule, deadline, deadline + 2 * kernel::kHour - kernel::kMillisecond));
  CHECK(model::detail::is_stale(rule, deadline, deadline + 2 * kernel::kHour));
}

TEST_CASE("model: the national level takes its capacity a day, then refuses until the next day", "[model][stale]") {
  NationalLevel national{2};
  model::TaskRule rule;
  rule.stale = model::StaleAction::National;
  CHECK(model::detail::stale_step(rule, national, 0) == StaleStep::National);
  CHECK(model::detail::stale_step(rule, national, 0) == StaleStep::National);
  CHECK(model::detail::stale_step(rule, national, 0) == StaleStep::Stays);
  CHECK(model::detail::stale_step(rule, national, 1) == StaleStep::National);
  rule.stale = model::StaleAction::Sms;
  CHECK(model::detail::stale_step(rule, national, 1) == StaleStep::Sms);
  rule.stale = model::StaleAction::Drop;
  CHECK(model::detail::stale_step(rule, national, 1) == StaleStep::Drop);
}

TEST_CASE("model: the backlog counts unresolved tasks and contacts due before the reopening", "[model][stale]") {
  std::vector<model::detail::Task> tasks(5);
  const kernel::SimTime reopen = kernel::at_ms(100);
  tasks[0].state = model::detail::TaskState::Queued;  // an index case
  tasks[1].state = model::detail::TaskState::Waiting;
  tasks[1].type = model::TaskType::ContactCall;
  tasks[1].deadline = kernel::at_ms(50);  // due before the reopening
  tasks[2].state = model::detail::TaskState::InCall;
  tasks[2].type = model::TaskType::ContactCall;
  tasks[2].deadline = kernel::at_ms(200);
  tasks[3].state = model::detail::TaskState::Scheduled;  // not arrived yet
  const model::detail::Backlog b = model::detail::count_backlog(tasks, reopen);
  CHECK(b.by_type[0] == 1);
  CHECK(b.by_type[1] == 2);
  CHECK(b.at_risk_share == 0.5);
}

namespace {
// One case, no agents, no contacts: it can only go stale.
model::PlatformConfig unstaffed(std::vector<std::int64_t> per_day) {
  auto pc = test::micro_platform(std::move(per_day), 0, 0);
  pc.index_cases.inbound_first_share = 0.0;
  return pc;
}
}  // namespace

TEST_CASE("model: a stale task is sent an SMS", "[model][stale][golden]") {
  // Released 09:00 Monday, due 09:00 Tuesday, stale 2 h later: SMS at 11:00 Tuesday,
  // delivered 2 min later (reach time 26 h 02 min).
  auto pc = unstaffed({1, 0, 0});
  pc.tasks[0].stale = {model::StaleAction::Sms, 2 * kernel::kHour};
  test::Recorder rec;
  model::RunOptions o;
  o.observer = &rec;
  const auto r = model::simulate(pc, o);
  CHECK(r.stale_rules);
  CHECK(r.tasks[0].reached_sms == 1);
  CHECK(r.tasks[0].stale_to_sms == 1);
  CHECK(r.tasks[0].sms_sent == 1);
  CHECK(r.tasks[0].reach_times.sum_ms == (26 * 60 + 2) * 60'000LL);
  CHECK(r.days[1].stale_to_sms[0] == 1);
  CHECK(r.days[0].backlog_at_close[0] == 1);
  CHECK(r.days[1].backlog_at_close[0] == 0);
  REQUIRE(rec.tasks.size() == 1);
  CHECK(kernel::ms_of(rec.tasks[0].resolved) == at(1, "11:02"));
}

TEST_CASE("model: a stale task is dropped and counted", "[model][stale][golden]") {
  auto pc = unstaffed({1, 0, 0});
  pc.tasks[0].stale = {model::StaleAction::Drop, 0 * kernel::kHour};
  test::Recorder rec;
  model::RunOptions o;
  o.observer = &rec;
  const auto r = model::simulate(pc, o);
  CHECK(r.tasks[0].stale_dropped == 1);
  CHECK(r.tasks[0].reached_sms + r.tasks[0].reached_call + r.tasks[0].not_reached + r.tasks[0].pending == 0);
  CHECK(r.days[1].stale_dropped[0] == 1);
  REQUIRE(rec.tasks.size() == 1);
  CHECK(rec.tasks[0].state == model::FinalState::DroppedStale);
  CHECK(kernel::ms_of(rec.tasks[0].resolved) == at(1, "09:00"));
}

TEST_CASE("model: the national level takes stale tasks up to its capacity a day", "[model][stale][golden]") {
  // Three cases due 09:00 Tuesday and stale then; the national level takes one a day:
  // the first at 09:00 Tuesday, the others stay in the local list and are offered
  // again at the next midnight: one at 00:00 Wednesday, one at 00:00 Thursday.
  auto pc = unstaffed({3, 0, 0, 0});
  pc.tasks[0].stale = {model::StaleAction::National, kernel::Duration{0}};
  pc.national_level.capacity_per_day = 1;
  test::Recorder rec;
  model::RunOptions o;
  o.observer = &rec;
  const auto r = model::simulate(pc, o);
  CHECK(r.tasks[0].to_national == 3);
  CHECK(r.days[1].to_national[0] == 1);
  CHECK(r.days[2].to_national[0] == 1);
  CHECK(r.days[3].to_national[0] == 1);
  CHECK(r.days[1].backlog_at_close[0] == 2);
  CHECK(r.days[2].backlog_at_close[0] == 1);
  CHECK(r.days[3].backlog_at_close[0] == 0);
  REQUIRE(rec.tasks.size() == 3);
  CHECK(rec.tasks[0].state == model::FinalState::HandedToNational);
  CHECK(kernel::ms_of(rec.tasks[0].resolved) == at(1, "09:00"));
  CHECK(kernel::ms_of(rec.tasks[1].resolved) == at(2, "00:00"));
  CHECK(kernel::ms_of(rec.tasks[2].resolved) == at(3, "00:00"));
}

TEST_CASE("model: a stale task the national level has no room for stays workable locally", "[model][stale][golden]") {
  // Two cases stale at 09:00 Tuesday; the national level takes one. The other stays in
  // the local list, and the agent who comes on at 10:00 Tuesday calls it (reached 10:00:30).
  auto pc = unstaffed({2, 0, 0});
  pc.tasks[0].stale = {model::StaleAction::National, kernel::Duration{0}};
  pc.national_level.capacity_per_day = 1;
  pc.pools[0].shifts[0].start = test::clock("10:00");
  pc.pools[0].steps.push_back(model::StaffingStep{test::date("2021-03-02"), 0, {1}});
  test::Recorder rec;
  model::RunOptions o;
  o.observer = &rec;
  const auto r = model::simulate(pc, o);
  CHECK(r.tasks[0].to_national == 1);
  CHECK(r.tasks[0].reached_call == 1);
  REQUIRE(rec.attempts.size() == 1);
  CHECK(kernel::ms_of(rec.attempts[0].start) == at(1, "10:00"));
}
