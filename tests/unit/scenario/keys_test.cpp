// SPDX-License-Identifier: Apache-2.0
// Every declared key with a default is written by to_yaml and read back by the
// loader: a key declared for one direction only fails here.
#include <catch2/catch.hpp>
#include <optional>
#include <set>

#include "tracesim/scenario/scenario.hpp"

using namespace tracesim;

namespace {

// Every optional mapping present, with one item in each list, so that each
// declared key has a place to be set (--set does not create a missing parent).
const std::string kBase = R"(schema_version: 1
name: keys
calendar: {start: 2021-03-01, end: 2021-03-07}
demand:
  index_cases:
    curve: {waves: {baseline: 5, peaks: [{date: 2021-03-03, per_day: 50, width: 2d}]}}
tasks:
  index_interview: {retry: {}}
  contact_call: {retry: {}}
attempt: {}
sms:
  policy: [{from: 2021-03-01}]
  gateway: {}
inbound: {retrial: {}, call_back: {}}
staffing:
  discipline: {}
  pools:
    tracers:
      fte: [{from: 2021-03-01, fte: 10}]
      shifts: [{start: "08:00", end: "16:00"}]
      blend: {}
      reinforcement: {backlog_above: 100}
    office:
      skills: [back_office]
      fte: [{from: 2021-03-01, fte: 2}]
      shifts: [{start: "08:00", end: "16:00"}]
back_office: {tracers: {}}
run: {}
sweep: {vary: {run.seed: "1,2"}}
calibration:
  parameters: [{key: run.seed, min: 1, max: 2}]
  targets: [{kpi: x, value: 1}]
)";

// Keys that no single value can set on kBase, and why.
const std::set<std::string> kNotAlone{
    "demand.index_cases.curve.weekday_profile",  // only beside monthly_totals, a form kBase does not use
    // Overload keys written only with their sibling: a stale rule's `after` with an
    // action other than keep, a holiday level with dates.
    "tasks.index_interview.stale.after",
    "tasks.contact_call.stale.after",
    "staffing.holidays.level",
    "staffing.pools.<name>.shifts[].blocks[].name",  // only in a block, whose start and length are required
};

std::string concrete(std::string path) {
  for (std::size_t at; (at = path.find("<name>")) != std::string::npos;) path.replace(at, 6, "tracers");
  for (std::size_t at; (at = path.find("[]")) != std::string::npos;) path.replace(at, 2, "[0]");
  return path;
}

std::optional<scenario::Scenario> try_load(const std::vector<scenario::Override>& o) {
  try {
    return scenario::load_scenario_text(kBase, "keys.yaml", o);
  } catch (const scenario::ScenarioError&) {
    return std::nullopt;
  }
}

// The key set to `value`; if its mapping cannot hold it beside what kBase has
// there (one form of the curve), the mapping replaced by that key alone.
std::optional<scenario::Scenario> with(const std::string& path, const std::string& value) {
  if (auto sc = try_load({{path, value}})) return sc;
  const auto dot = path.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  return try_load({{path.substr(0, dot), "{" + path.substr(dot + 1) + ": " + value + "}"}});
}

}  // namespace

TEST_CASE("scenario: every declared key with a default round-trips through to_yaml", "[scenario][keys]") {
  const std::string base = scenario::to_yaml(scenario::load_scenario_text(kBase, "keys.yaml"));
  CHECK(scenario::to_yaml(scenario::load_scenario_text(base, "resolved.yaml")) == base);
  int tested = 0;
  for (const auto& key : scenario::declared_keys()) {
    if (key.required || key.samples.empty()) continue;  // no default, or a mapping whose keys are tested
    CAPTURE(key.path);
    bool changed = false;
    for (const auto& value : key.samples) {
      CAPTURE(value);
      const auto sc = with(concrete(key.path), value);
      if (!sc) continue;  // a value other rules refuse here (a break longer than the shift ...)
      const std::string once = scenario::to_yaml(*sc);
      CHECK(scenario::to_yaml(scenario::load_scenario_text(once, "resolved.yaml")) == once);
      changed = changed || once != base;
    }
    if (kNotAlone.count(key.path)) continue;
    CHECK(changed);  // some value loads and shows in the resolved file
    ++tested;
  }
  CHECK(tested > 80);
}

TEST_CASE("scenario: every declared key's path is a known path", "[scenario][keys]") {
  const auto known = scenario::known_key_paths();
  for (const auto& key : scenario::declared_keys()) {
    CAPTURE(key.path);
    CHECK(known.count(key.path) == 1);
  }
}
