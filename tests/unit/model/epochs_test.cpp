// SPDX-License-Identifier: Apache-2.0
// Dated changes: the plan in force switches at 00:00 of the change's day.
#include <catch2/catch.hpp>
#include <memory>

#include "../../support/builders.hpp"
#include "tracesim/model/plan.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;

namespace {

model::RunResult run(const model::PlatformConfig& pc) {
  model::RunOptions o;
  o.seed = 1;
  return model::simulate(pc, o);
}

// `base` with `edit` applied from day `day` on.
template <class Edit>
model::PlatformConfig with_change(model::PlatformConfig base, int day, Edit edit) {
  auto epoch = std::make_shared<model::PlatformConfig>(base);
  edit(*epoch);
  base.epochs.push_back(model::DatedConfig{kernel::Date{base.calendar.start.days + day}, epoch});
  return base;
}

}  // namespace

TEST_CASE("epochs: talk time doubles at 00:00 of the change's day", "[model][golden][changes]") {
  // One index case a day, released 09:00, one contact; ring 30 s, always answered.
  // Days 0-1: interview 20 min + contact 10 min -> 20:30 + 10:30 = 31 min busy.
  // From day 2 (2021-03-03) the interview takes 40 min -> 40:30 + 10:30 = 51 min.
  auto base = test::micro_platform({1, 1, 1, 1});
  base.index_cases.inbound_first_share = 0.0;
  const auto pc =
      with_change(base, 2, [](model::PlatformConfig& c) { c.tasks[0].talk = model::fixed(40 * kernel::kMinute); });
  const auto r = run(pc);
  REQUIRE(r.days.size() == 4);
  CHECK(r.days[0].busy_ms == 31 * 60'000);
  CHECK(r.days[1].busy_ms == 31 * 60'000);
  CHECK(r.days[2].busy_ms == 51 * 60'000);
  CHECK(r.days[3].busy_ms == 51 * 60'000);
}

TEST_CASE("epochs: a task that arrived before the change keeps its deadline", "[model][changes]") {
  // Day 0: the case is released 18:00, reached 18:00:30; the interview ends 18:20:30
  // after the 18:10 end of shift, so contact A1 (due 12 h later, 06:20:30 on day 1)
  // waits for 08:00 on day 1 and is reached late. From day 1 contacts are due in
  // 24 h; A1 keeps its 06:20:30 deadline, so it still counts as late.
  auto base = test::micro_platform({1, 0}, 1, 1, 18);
  base.index_cases.inbound_first_share = 0.0;
  base.pools[0].shifts[0].end = test::clock("18:10");
  const auto pc = with_change(base, 1, [](model::PlatformConfig& c) { c.tasks[1].deadline = 24 * kernel::kHour; });
  const auto r = run(pc);
  CHECK(r.tasks[1].reached_call == 1);
  CHECK(r.tasks[1].reached_within_deadline == 0);
  // Had the change been in force from day 0, A1 would have been on time.
  const auto all = with_change(base, 0, [](model::PlatformConfig& c) { c.tasks[1].deadline = 24 * kernel::kHour; });
  CHECK(run(all).tasks[1].reached_within_deadline == 1);
}

TEST_CASE("epochs: the plan records the epoch of each day; no change, no epochs", "[model][changes]") {
  auto base = test::micro_platform({1, 1, 1});
  CHECK(model::compile(base).epoch_of_day.empty());
  const auto pc = with_change(base, 1, [](model::PlatformConfig& c) { c.discipline.priority_segments = {}; });
  const auto plan = model::compile(pc);
  CHECK(plan.epoch_of_day == std::vector<std::int32_t>{-1, 0, 0});
  REQUIRE(plan.epochs.size() == 1);
  CHECK(plan.epochs[0]->ranks == plan.ranks);
}
