// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tracesim/scenario/cases_csv.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"

using namespace tracesim;

namespace {
const std::string kMinimal = R"(schema_version: 1
name: minimal
calendar: {start: 2021-03-01, end: 2021-03-07}
demand:
  index_cases:
    curve: {constant: 50}
staffing:
  pools:
    tracers:
      fte: [{from: 2021-03-01, fte: 10}]
      shifts: [{start: "08:00", end: "16:00"}]
)";

std::string first_message(const std::string& text, const std::vector<scenario::Override>& o = {}) {
  try {
    scenario::load_scenario_text(text, "t.yaml", o);
  } catch (const scenario::ScenarioError& e) {
    return format(e.diagnostics().front());
  }
  return "";
}
}  // namespace

TEST_CASE("scenario: a minimal file loads with documented defaults", "[scenario]") {
  const auto sc = scenario::load_scenario_text(kMinimal, "t.yaml");
  CHECK(sc.name == "minimal");
  CHECK(sc.run.replications == 10);
  CHECK(sc.platform.tasks[1].deadline == 12 * kernel::kHour);
  CHECK(sc.platform.tasks[0].deadline == 24 * kernel::kHour);
  CHECK(sc.platform.pools.at(0).skills == std::array<bool, 2>{true, true});
  CHECK(sc.platform.calendar.weekly[6].open);
}

TEST_CASE("scenario: the resolved scenario reads back to itself", "[scenario]") {
  const auto sc = scenario::load_scenario(TRACESIM_SOURCE_DIR "/scenarios/occitanie-2021.yaml");
  const std::string once = scenario::to_yaml(sc);
  const auto again = scenario::load_scenario_text(once, "resolved.yaml");
  CHECK(scenario::to_yaml(again) == once);
}

TEST_CASE("scenario: a scenario's identity does not depend on the folder it is read from", "[scenario]") {
  // The same scenario and case series, copied under another folder: the resolved file
  // names the series by its absolute path (so it loads from anywhere), but the text
  // that identifies the run (scenario_hash, a sweep's identity) names it as written.
  namespace fs = std::filesystem;
  const fs::path copy = fs::temp_directory_path() / "tracesim-identity-test";
  fs::remove_all(copy);
  fs::create_directories(copy / "scenarios");
  fs::create_directories(copy / "data/cases");
  fs::copy_file(TRACESIM_SOURCE_DIR "/scenarios/occitanie-2021.yaml", copy / "scenarios/occitanie-2021.yaml");
  fs::copy_file(TRACESIM_SOURCE_DIR "/data/cases/occitanie-76.csv", copy / "data/cases/occitanie-76.csv");
  const auto here = scenario::load_scenario(TRACESIM_SOURCE_DIR "/scenarios/occitanie-2021.yaml");
  const auto there = scenario::load_scenario(copy / "scenarios/occitanie-2021.yaml");
  CHECK(scenario::to_yaml(here) != scenario::to_yaml(there));
  CHECK(scenario::identity_yaml(here) == scenario::identity_yaml(there));
  CHECK(scenario::identity_yaml(here).find("daily_csv: ../data/cases/occitanie-76.csv") != std::string::npos);
  fs::remove_all(copy);
}

TEST_CASE("scenario: overrides go through the same checks as the file", "[scenario]") {
  const auto sc = scenario::load_scenario_text(kMinimal, "t.yaml",
                                               {{"staffing.pools.tracers.fte[0].fte", "25"}, {"calendar.end", "2021-03-31"}});
  CHECK(sc.platform.pools[0].steps[0].fte == 25);
  CHECK(sc.platform.calendar.end.days - sc.platform.calendar.start.days == 30);
  CHECK(first_message(kMinimal, {{"staffing.pools.tracers.fte[0].fte", "-3"}}) ==
        "--set staffing.pools.tracers.fte[0].fte=-3: staffing.pools.tracers.fte[0].fte: expected a number in [0, "
        "100000], got -3");
  CHECK(first_message(kMinimal, {{"calendar.ends", "2021-03-31"}}).find("did you mean 'end'") != std::string::npos);
  CHECK_THROWS_AS(scenario::parse_override("novalue"), scenario::InputError);
}

TEST_CASE("scenario: every problem is reported, sorted by line", "[scenario]") {
  const std::string bad = R"(schema_version: 1
name: bad
calendar: {start: 2021-03-01, end: 2021-03-07}
demand:
  index_cases:
    curve: {constant: 50}
    share_handled: 1.5
stafing: {}
run: {replications: 0}
)";
  try {
    scenario::load_scenario_text(bad, "bad.yaml");
    FAIL("expected ScenarioError");
  } catch (const scenario::ScenarioError& e) {
    const auto& d = e.diagnostics();
    // "staffing" is not also reported missing: the unknown "stafing" already suggests it.
    REQUIRE(d.size() == 3);
    CHECK(format(d[0]) == "bad.yaml:7:20: demand.index_cases.share_handled: expected a number in [0, 1], got 1.5");
    CHECK(format(d[1]) == "bad.yaml:8:1: stafing: unknown key; did you mean 'staffing'?");
    CHECK(format(d[2]).find("bad.yaml:9:") == 0);
    CHECK(format(d[2]).find("run.replications: expected an integer in [1, 100000], got 0") != std::string::npos);
  }
}

TEST_CASE("scenario: a missing scenario file is an input error, not a scenario error", "[scenario]") {
  CHECK_THROWS_AS(scenario::load_scenario("/nonexistent/scenario.yaml"), scenario::InputError);
}

TEST_CASE("scenario: the case series reader locates each problem", "[scenario][csv]") {
  std::istringstream good("date,positives\n2021-01-01,5\n2021-01-02,0\n");
  scenario::Diagnostics d;
  const auto rows = scenario::read_cases_csv(good, "c.csv", d);
  CHECK(d.empty());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].positives == 5);
  std::istringstream bad("date,positives\n2021-01-01,5\n2021-13-02,1\n2021-01-02,-4\n2021-01-04,3\n");
  scenario::Diagnostics e;
  scenario::read_cases_csv(bad, "c.csv", e);
  REQUIRE(e.size() == 3);
  CHECK(format(e[0]) == "c.csv:3:1: expected an ISO date YYYY-MM-DD, got '2021-13-02'");
  CHECK(format(e[1]) == "c.csv:4:12: expected a whole number of positives >= 0, got '-4'");
  CHECK(format(e[2]).find("consecutive") != std::string::npos);
}

TEST_CASE("scenario: a document parsed once resolves each variation on its own copy", "[scenario]") {
  const auto doc = scenario::Document::from_text(kMinimal, "t.yaml");
  const auto varied = doc.resolve({{"staffing.pools.tracers.fte[0].fte", "25", "--vary"}});
  const auto base = doc.resolve();
  CHECK(varied.platform.pools[0].steps[0].fte == 25);
  CHECK(base.platform.pools[0].steps[0].fte == 10);
  try {
    (void)doc.resolve({{"staffing.pools.tracers.fte[0].fte", "-1", "--vary"}});
    FAIL("a negative FTE was accepted");
  } catch (const scenario::ScenarioError& e) {
    CHECK(format(e.diagnostics().front()).rfind("--vary staffing.pools.tracers.fte[0].fte=-1: ", 0) == 0);
  }
  // Positions survive: a mistake in the text is located on its line.
  const auto bad = scenario::Document::from_text(kMinimal + "run: {replications: 0}\n", "t.yaml");
  try {
    (void)bad.resolve();
    FAIL("replications 0 was accepted");
  } catch (const scenario::ScenarioError& e) {
    CHECK(e.diagnostics().front().line == 12);
  }
  CHECK_THROWS_AS(scenario::Document::from_text("a: [", "broken.yaml"), scenario::ScenarioError);
}

TEST_CASE("scenario: a rule broken inside a --set list is reported against the --set", "[scenario]") {
  const std::string message =
      first_message(kMinimal + "sms: {index_declares_contacts_share: 1}\n",
                    {{"sms.policy", "[{from: 2021-03-01, segment: zz, index_interview: 0.5}]"}});
  CHECK(message.rfind("--set sms.policy=", 0) == 0);
  CHECK(message.find("unknown segment 'zz'") != std::string::npos);
}

TEST_CASE("scenario: a wave's width survives the resolved file to the millisecond", "[scenario]") {
  const std::string waves = R"(schema_version: 1
name: waves
calendar: {start: 2021-03-01, end: 2021-03-07}
demand:
  index_cases:
    curve: {waves: {peaks: [{date: 2021-03-03, per_day: 50, width: 1d5ms}]}}
staffing:
  pools:
    tracers:
      fte: [{from: 2021-03-01, fte: 10}]
      shifts: [{start: "08:00", end: "16:00"}]
)";
  const std::string resolved = scenario::to_yaml(scenario::load_scenario_text(waves, "w.yaml"));
  CHECK(resolved.find("width: 1d5ms") != std::string::npos);
}
