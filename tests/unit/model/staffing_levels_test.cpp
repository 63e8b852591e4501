// SPDX-License-Identifier: Apache-2.0
// Weekend and holiday staffing (overload rules), worked by hand on the micro
// platform: one 08:00-19:00 shift (11 h paid), from Monday 2021-03-01.
#include <catch2/catch.hpp>

#include "../../support/builders.hpp"
#include "tracesim/model/plan.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/model/staffing.hpp"

using namespace tracesim;

namespace {
constexpr std::int64_t kShiftMs = 11 * 3'600'000LL;

model::RunResult run(const model::PlatformConfig& pc) { return model::simulate(pc, model::RunOptions{}); }
}  // namespace

TEST_CASE("model: a roster pool staffs its weekday profile's share of the roster", "[model][staffing][overload]") {
  // 4 agents on the roster; levels Monday..Sunday 1, 1, 1, 1, 1, 0.5, 0.25:
  // 4 agents on Monday, 2 on Saturday, 1 on Sunday.
  auto pc = test::micro_platform(std::vector<std::int64_t>(7, 0), 0, 4);
  pc.pools[0].weekday_profile = {1, 1, 1, 1, 1, 0.5, 0.25};
  const auto r = run(pc);
  CHECK(r.days[0].staffed_ms == 4 * kShiftMs);  // Monday
  CHECK(r.days[4].staffed_ms == 4 * kShiftMs);  // Friday
  CHECK(r.days[5].staffed_ms == 2 * kShiftMs);  // Saturday
  CHECK(r.days[6].staffed_ms == 1 * kShiftMs);  // Sunday
}

TEST_CASE("model: an FTE pool spreads the same weekly hours in its weekday profile", "[model][staffing][overload]") {
  // 12 FTE x 33 h = 396 agent-hours a week. Flat: 396 / (7 x 11 h) = 5.14 agents a day.
  // Weekend at half level: weighted shift-hours (5 + 2 x 0.5) x 11 h = 66, so 6
  // agents on weekdays and 3 on Saturday and Sunday: 5 x 66 h + 2 x 33 h = 396 h.
  auto pc = test::micro_platform(std::vector<std::int64_t>(7, 0), 0, 0);
  auto& pool = pc.pools[0];
  pool.size_mode = model::SizeMode::Fte;
  pool.contracted_hours_per_week = 33;
  pool.steps[0].fte = 12;
  pool.weekday_profile = {1, 1, 1, 1, 1, 0.5, 0.5};
  CHECK(model::agents_per_shift_from_fte(pool, 12) == Approx(6));
  const auto r = run(pc);
  CHECK(r.days[0].staffed_ms == 6 * kShiftMs);  // Monday
  CHECK(r.days[5].staffed_ms == 3 * kShiftMs);  // Saturday
  CHECK(r.days[6].staffed_ms == 3 * kShiftMs);  // Sunday
  CHECK(r.pools[0].staffed_ms == 396 * 3'600'000LL);
}

TEST_CASE("model: a public holiday staffs its level of the day's agents", "[model][staffing][overload]") {
  // 4 agents a day; Tuesday 2021-03-02 is a holiday at level 0.5: 2 agents, and
  // the platform stays open (unlike a closed date). Wednesday is back to 4.
  auto pc = test::micro_platform({0, 0, 0}, 0, 4);
  pc.holidays.dates = {test::date("2021-03-02")};
  pc.holidays.level = 0.5;
  const auto r = run(pc);
  CHECK(r.days[0].staffed_ms == 4 * kShiftMs);
  CHECK(r.days[1].staffed_ms == 2 * kShiftMs);
  CHECK(r.days[2].staffed_ms == 4 * kShiftMs);
  // Open, but not a working day: the reports' "jour ouvré" excludes public holidays.
  CHECK(r.days[0].working_day);
  CHECK_FALSE(r.days[1].working_day);
  CHECK(r.days[2].working_day);
}

TEST_CASE("model: a holiday on a weekend multiplies the weekend's level", "[model][staffing][overload]") {
  // Saturday 2021-03-06 at 0.5 (profile) and a holiday at 0.5: 1 of 4 agents.
  auto pc = test::micro_platform(std::vector<std::int64_t>(7, 0), 0, 4);
  pc.pools[0].weekday_profile = {1, 1, 1, 1, 1, 0.5, 1};
  pc.holidays.dates = {test::date("2021-03-06")};
  pc.holidays.level = 0.5;
  const model::Plan plan = model::compile(pc);
  REQUIRE(plan.pools[0].level_of_day.size() == 7);
  CHECK(plan.pools[0].level_of_day[5] == 0.25);
  CHECK(run(pc).days[5].staffed_ms == 1 * kShiftMs);
}

TEST_CASE("model: a flat profile and no holiday compile to no per-day levels", "[model][staffing][overload]") {
  const model::Plan plan = model::compile(test::micro_platform({0, 0}));
  CHECK(plan.pools[0].level_of_day.empty());
}
