// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

#include "tracesim/scenario/document.hpp"
#include "tracesim/sweep/staff.hpp"

using namespace tracesim;

namespace {

// The staff lever as it was applied before it went through the scenario reader:
// an edit of the typed configuration, without validation. The reference.
model::PlatformConfig edited_config(const model::PlatformConfig& config, const sweep::StaffLever& lever,
                                    double level) {
  model::PlatformConfig pc = config;
  for (auto& pool : pc.pools) {
    if (!lever.pool.empty() && pool.name != lever.pool) continue;
    for (auto& step : pool.steps) {
      if (lever.pool.empty()) {
        step.fte *= level;
        for (int& n : step.agents_per_shift) n = static_cast<int>(std::lround(n * level));
      } else {
        step.fte = level;
        for (int& n : step.agents_per_shift) n = static_cast<int>(std::lround(level));
      }
    }
  }
  return pc;
}

scenario::Document shipped(const char* name) {
  return scenario::Document::from_file(std::string{TRACESIM_SOURCE_DIR "/scenarios/"} + name + ".yaml");
}

// The lever through overrides gives exactly the configuration the edit gave.
void check_same(const scenario::Document& doc, const sweep::StaffLever& lever, double level) {
  CAPTURE(doc.name(), lever.pool, level);
  auto expected = doc.resolve();
  expected.platform = edited_config(expected.platform, lever, level);
  const auto got = doc.resolve(sweep::staff_overrides(doc.resolve().platform, lever, level));
  REQUIRE(got.platform.pools.size() == expected.platform.pools.size());
  for (std::size_t p = 0; p < got.platform.pools.size(); ++p) {
    const auto& a = got.platform.pools[p];
    const auto& b = expected.platform.pools[p];
    REQUIRE(a.steps.size() == b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
      // Exactly: the text reads back to the same double. (The edit also set the fte of
      // roster steps, which nothing reads; the scenario format has no key for it.)
      if (a.size_mode == model::SizeMode::Fte) CHECK(a.steps[i].fte == b.steps[i].fte);
      CHECK(a.steps[i].agents_per_shift == b.steps[i].agents_per_shift);
      CHECK(a.steps[i].from.days == b.steps[i].from.days);
    }
  }
  CHECK(scenario::to_yaml(got) == scenario::to_yaml(expected));
}

}  // namespace

TEST_CASE("sweep: the staff lever on one FTE pool gives the configuration the direct edit gave", "[sweep][staff]") {
  const auto doc = shipped("occitanie-2021");
  for (double level : {0.0, 1.0, 37.0, 81.5, 0.1 + 3 * 0.05, 500.0}) check_same(doc, {"tracers", 0, 500, 1}, level);
}

TEST_CASE("sweep: the staff lever on one roster pool gives the configuration the direct edit gave", "[sweep][staff]") {
  const auto doc = shipped("loiret-2020");
  for (double level : {0.0, 2.5, 3.49, 25.0, 499.0}) check_same(doc, {"brigade", 0, 500, 1}, level);
}

TEST_CASE("sweep: a staff factor scales every pool as the direct edit did", "[sweep][staff]") {
  for (const char* name : {"occitanie-2021", "loiret-2020", "herault-2021", "aller-vers-2021", "isere-2020",
                           "inbound-tradeoff"}) {
    const auto doc = shipped(name);
    for (int i : {0, 1, 5, 13, 18, 37, 58}) check_same(doc, {"", 0.1, 3, 0.05}, 0.1 + i * 0.05);
  }
}

TEST_CASE("sweep: the staff overrides name every step of the pool", "[sweep][staff]") {
  const auto pc = shipped("occitanie-2021").resolve().platform;
  const auto o = sweep::staff_overrides(pc, {"tracers", 0, 500, 1}, 40);
  REQUIRE(o.size() == 3);
  CHECK(o[2].path == "staffing.pools.tracers.fte[2].fte");
  CHECK(o[2].value == "40");
  CHECK(o[2].origin == "staff level");
  const auto roster = sweep::staff_overrides(shipped("loiret-2020").resolve().platform, {"", 0.1, 3, 0.05}, 1.5);
  REQUIRE(roster.size() == 1);
  CHECK(roster[0].path == "staffing.pools.brigade.roster[0].agents");
  CHECK(roster[0].value == "[38, 38]");
  CHECK_THROWS_AS(sweep::staff_overrides(pc, {"nobody", 0, 500, 1}, 40), std::invalid_argument);
}

TEST_CASE("sweep: a staff level that breaks a rule is reported like the same value in a --set", "[sweep][staff]") {
  const auto doc = shipped("loiret-2020");
  const auto base = doc.resolve().platform;
  const auto lever = sweep::StaffLever{"brigade", 0, 1e6, 1};
  const auto overrides = sweep::staff_overrides(base, lever, 200000);  // above the agents-per-shift bound
  REQUIRE(overrides.size() == 1);
  scenario::Diagnostics by_lever;
  scenario::Diagnostics by_set;
  try {
    (void)doc.resolve(overrides);
  } catch (const scenario::ScenarioError& e) {
    by_lever = e.diagnostics();
  }
  try {
    (void)doc.resolve({{overrides[0].path, overrides[0].value, "--set"}});
  } catch (const scenario::ScenarioError& e) {
    by_set = e.diagnostics();
  }
  REQUIRE(by_lever.size() == 2);  // one per shift
  REQUIRE(by_set.size() == by_lever.size());
  for (std::size_t i = 0; i < by_lever.size(); ++i) {
    CHECK(by_lever[i].file == "staff level staffing.pools.brigade.roster[0].agents=[200000, 200000]");
    CHECK(by_lever[i].path == by_set[i].path);
    CHECK(by_lever[i].message == by_set[i].message);
    CHECK(by_lever[i].line == by_set[i].line);
    CHECK(by_lever[i].column == by_set[i].column);
  }
  CHECK(by_lever[0].path == "staffing.pools.brigade.roster[0].agents[0]");

  // The search itself stops at such a level with that error.
  sweep::StaffSearch search;
  search.target = sweep::parse_target("contacts.reached_within_12h >= 0.5");
  search.lever = {"brigade", 0, 300000, 100000};
  search.replications = 2;
  search.threads = 1;
  CHECK_THROWS_AS(sweep::find_least_staff(doc, {}, search, {}, {}), scenario::ScenarioError);
}

TEST_CASE("sweep: the staff search reports the levels where the KPI is not monotone", "[sweep][staff]") {
  auto level = [](double l, double mean, bool holds) {
    sweep::LevelResult r;
    r.level = l;
    r.mean = mean;
    r.low = mean - 0.01;
    r.high = mean + 0.01;
    r.holds = holds;
    return r;
  };
  sweep::Target target{"contacts.reached_within_12h", true, 0.8};
  sweep::StaffAnswer answer;
  answer.found = true;
  answer.level = 40;
  answer.tried = {level(100, 0.79, false), level(0, 0.71, false), level(50, 0.85, true), level(40, 0.82, true),
                  level(60, 0.86, true)};
  sweep::check_monotone(target, answer);
  CHECK_FALSE(answer.monotone());
  REQUIRE(answer.fails_above.size() == 1);
  CHECK(answer.fails_above[0].level == 100);
  // 100 lies below 40, 50 and 60 beyond the bounds; 0 lies below 100 too, but in the right order.
  REQUIRE(answer.against_staff.size() == 3);
  CHECK(answer.against_staff[0].first.level == 40);
  CHECK(answer.against_staff[0].second.level == 100);

  sweep::StaffAnswer fine;
  fine.found = true;
  fine.level = 40;
  fine.tried = {level(0, 0.5, false), level(40, 0.82, true), level(60, 0.825, true)};
  sweep::check_monotone(target, fine);
  CHECK(fine.monotone());
  // A target "at most": the KPI should fall as staff rises.
  sweep::Target at_most{"backlog.max_at_close", false, 100};
  sweep::StaffAnswer rising;
  rising.tried = {level(10, 50, true), level(20, 80, false)};
  sweep::check_monotone(at_most, rising);
  REQUIRE(rising.against_staff.size() == 1);
  CHECK(rising.fails_above.empty());  // no answer: nothing is above it
}
