// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "tracesim/output/statistics.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/sweep/kpi.hpp"
#include "tracesim/sweep/replications.hpp"
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

namespace {

// The search before it had a first pass: bisection over the grid from its two
// ends, each level evaluated from scratch with the verdict rule (replications
// doubled while the interval straddles the target), replications 0..n-1 rerun
// at each doubling. The reference for the answers and their evidence.
struct Reference {
  sweep::StaffAnswer answer;
  int replications_run = 0;
};

Reference bisection_reference(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                              const sweep::StaffSearch& search) {
  const auto config = document.resolve(overrides).platform;
  const auto& lever = search.lever;
  const auto steps = static_cast<long long>(std::floor((lever.max - lever.min) / lever.step + 1e-9));
  auto level_of = [&](long long i) { return lever.min + static_cast<double>(i) * lever.step; };
  const auto kpi = sweep::resolve_kpi(sweep::kpi_names(config), search.target.kpi);
  std::map<long long, sweep::LevelResult> cache;
  Reference ref;
  auto evaluate = [&](long long i) {
    if (const auto it = cache.find(i); it != cache.end()) return it->second;
    auto at_level = overrides;
    for (auto& o : sweep::staff_overrides(config, lever, level_of(i))) at_level.push_back(o);
    sweep::RunSpec run;
    run.plan = std::make_shared<const model::Plan>(model::compile(document.resolve(at_level).platform));
    run.seed = search.seed;
    run.threads = search.threads;
    sweep::LevelResult r;
    r.level = level_of(i);
    for (int reps = search.replications;; reps = std::min(2 * reps, search.max_replications)) {
      run.replications = reps;
      const auto results = sweep::run_replications(run).results;
      ref.replications_run += reps;
      std::vector<double> values;
      for (const auto& res : results) values.push_back(sweep::kpi_value(res, kpi));
      const auto e = output::estimate(values, 2 * search.confidence - 1);
      r.replications = reps;
      r.mean = e.mean;
      r.low = e.mean - e.half_width;
      r.high = e.mean + e.half_width;
      r.holds = search.target.at_least ? r.low >= search.target.value : r.high <= search.target.value;
      const bool clearly_fails = search.target.at_least ? r.high < search.target.value : r.low > search.target.value;
      if (r.holds || clearly_fails || reps >= search.max_replications) break;
    }
    cache[i] = r;
    ref.answer.tried.push_back(r);
    return r;
  };
  if (!evaluate(steps).holds) return ref;
  long long hi = steps;
  long long lo = -1;
  if (evaluate(0).holds) hi = 0;
  else lo = 0;
  while (hi - lo > 1) {
    const long long mid = lo + (hi - lo) / 2;
    (evaluate(mid).holds ? hi : lo) = mid;
  }
  ref.answer.found = true;
  ref.answer.level = level_of(hi);
  ref.answer.at_answer = cache[hi];
  if (hi > 0) {
    ref.answer.has_below = true;
    ref.answer.below = evaluate(hi - 1);
  }
  return ref;
}

void check_same_evidence(const sweep::LevelResult& a, const sweep::LevelResult& b) {
  CHECK(a.level == b.level);
  CHECK(a.replications == b.replications);
  CHECK(a.mean == b.mean);  // exactly: the same replications in the same order
  CHECK(a.low == b.low);
  CHECK(a.high == b.high);
  CHECK(a.holds == b.holds);
  CHECK_FALSE(a.screened);
}

}  // namespace

TEST_CASE("sweep: the staff search gives the bisection's answer and evidence, running each replication once",
          "[sweep][staff]") {
  // A week of the Erlang C validation centre (8.5 Erlangs): quick, and noisy enough
  // that levels near the target need more replications.
  const auto doc = scenario::Document::from_file(TRACESIM_SOURCE_DIR "/tests/validation/erlang-c-rho085.yaml");
  const std::vector<scenario::Override> week{{"calendar.end", "2021-01-10"}};
  struct Case {
    const char* target;
    double min, max, step;
  };
  for (const Case& c : {Case{"inbound.service_level >= 0.8", 5, 40, 1}, Case{"inbound.service_level >= 0.95", 5, 40, 1},
                        Case{"inbound.service_level >= 0.5", 9, 60, 1}, Case{"inbound.mean_wait_s <= 30", 0, 100, 1},
                        Case{"inbound.service_level >= 0.8", 12, 30, 1}, Case{"inbound.service_level >= 0.999", 5, 12, 1},
                        Case{"inbound.service_level >= 0.8", 8, 16, 0.5}}) {
    CAPTURE(c.target, c.min, c.max, c.step);
    sweep::StaffSearch search;
    search.target = sweep::parse_target(c.target);
    search.lever = {"agents", c.min, c.max, c.step};
    search.max_replications = 40;
    search.seed = 3;
    search.threads = 2;
    const auto ref = bisection_reference(doc, week, search);
    std::vector<sweep::LevelResult> logged;
    const auto got = sweep::find_least_staff(doc, week, search, {}, [&](const auto& r) { logged.push_back(r); });
    REQUIRE(got.found == ref.answer.found);
    int in_tried = 0;
    for (const auto& r : got.tried) in_tried += r.replications;
    CHECK(got.replications_run == in_tried);  // no replication of a level run twice
    CHECK(got.replications_run <= ref.replications_run);
    CHECK(got.tried.size() <= logged.size());
    if (!got.found) continue;
    CHECK(got.replications_run < ref.replications_run);
    CHECK(got.level == ref.answer.level);
    check_same_evidence(got.at_answer, ref.answer.at_answer);
    REQUIRE(got.has_below == ref.answer.has_below);
    if (got.has_below) check_same_evidence(got.below, ref.answer.below);
  }
}

TEST_CASE("sweep: a level's first pass reuses its replications for the verdict", "[sweep][staff]") {
  const auto doc = scenario::Document::from_file(TRACESIM_SOURCE_DIR "/tests/validation/erlang-c-rho085.yaml");
  sweep::StaffSearch search;
  search.target = sweep::parse_target("inbound.service_level >= 0.8");
  search.lever = {"agents", 5, 40, 1};
  search.seed = 3;
  search.threads = 1;
  std::vector<sweep::LevelResult> logged;
  const auto got = sweep::find_least_staff(doc, {{"calendar.end", "2021-01-10"}}, search, {},
                                           [&](const auto& r) { logged.push_back(r); });
  REQUIRE(got.found);
  // Far levels are settled by a first pass of 2 or 4 replications; the answer and
  // the level below it by the verdict, from 10 replications.
  CHECK(logged.front().level == 40);
  CHECK(logged.front().screened);
  CHECK(logged.front().replications == 2);
  CHECK(logged.front().holds);
  CHECK(got.at_answer.replications >= 10);
  CHECK(got.below.replications >= 10);
  for (const auto& r : got.tried)
    if (r.level != got.level && r.level != got.level - 1) CHECK(r.screened);
  // Every level that got a verdict after a first pass shows up twice in the log, and its
  // first pass's replications were the first of its verdict's (not counted twice).
  int logged_reps = 0;
  for (const auto& r : logged) logged_reps += r.replications;
  CHECK(got.replications_run < logged_reps);
}

TEST_CASE("sweep: a first pass still straddling the target is no evidence that it fails", "[sweep][staff]") {
  const sweep::Target target{"contacts.reached_within_12h", true, 0.8};
  sweep::LevelResult r;
  r.low = 0.79;
  r.high = 0.81;
  r.mean = 0.80;
  r.screened = true;
  CHECK_FALSE(sweep::shown_not_to_hold(target, r));
  r.high = 0.795;
  CHECK(sweep::shown_not_to_hold(target, r));
  r.screened = false;  // a verdict that did not hold
  r.high = 0.81;
  CHECK(sweep::shown_not_to_hold(target, r));
  // An undecided first pass above the answer is not reported as failing there.
  sweep::StaffAnswer answer;
  answer.found = true;
  answer.level = 40;
  sweep::LevelResult at;
  at.level = 40;
  at.mean = 0.802;
  at.low = 0.8001;
  at.high = 0.804;
  at.holds = true;
  sweep::LevelResult above = at;
  above.level = 41;
  above.low = 0.798;
  above.holds = false;
  above.screened = true;
  answer.tried = {at, above};
  sweep::check_monotone(target, answer);
  CHECK(answer.monotone());
}
