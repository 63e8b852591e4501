// SPDX-License-Identifier: Apache-2.0
// changes: dated parameters, read and validated like the file, located in it.
#include <catch2/catch.hpp>

#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"

using namespace tracesim;

namespace {
const std::string kBase = R"(schema_version: 1
name: dated
calendar: {start: 2021-03-01, end: 2021-03-31}
demand:
  index_cases:
    curve: {constant: 50}
    segments: {young: 0.5, old: 0.5}
staffing:
  pools:
    tracers:
      fte: [{from: 2021-03-01, fte: 10}]
      shifts: [{start: "08:00", end: "16:00"}]
)";

std::string with_changes(const std::string& changes) { return kBase + "changes:\n" + changes; }

std::vector<std::string> messages(const std::string& text, const std::vector<scenario::Override>& o = {}) {
  std::vector<std::string> out;
  try {
    scenario::load_scenario_text(text, "t.yaml", o);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(format(d));
  }
  return out;
}
}  // namespace

TEST_CASE("changes: each epoch is the base with the changes up to its date", "[scenario][changes]") {
  const auto sc = scenario::load_scenario_text(with_changes(R"(  - from: 2021-03-10
    set: {tasks.index_interview.talk: 40m, attempt.answer_probability: [0.5]}
  - from: 2021-03-20
    set:
      demand.index_cases.share_handled: 0.5
      demand.contacts_per_case: {dist: poisson, mean: 1}
      staffing.discipline.priority_segments: [old]
      sms.policy: [{from: 2021-03-01, index_interview: 0.5, contact_call: 0.8}]
      staffing.pools.tracers.efficiency: 2
)"),
                                               "t.yaml");
  REQUIRE(sc.changes.size() == 2);
  REQUIRE(sc.platform.epochs.size() == 2);
  CHECK(sc.platform.tasks[0].talk.mean != 40 * kernel::kMinute);
  const auto& first = *sc.platform.epochs[0].config;
  const auto& second = *sc.platform.epochs[1].config;
  CHECK(kernel::iso_date(sc.platform.epochs[1].from) == "2021-03-20");
  CHECK(first.tasks[0].talk.mean == 40 * kernel::kMinute);
  CHECK(first.attempt.answer_probability == std::vector<double>{0.5});
  CHECK(first.index_cases.share_handled == sc.platform.index_cases.share_handled);
  CHECK(second.tasks[0].talk.mean == 40 * kernel::kMinute);  // cumulative
  CHECK(second.index_cases.share_handled == 0.5);
  CHECK(second.contacts_per_case.mean == 1);
  CHECK(second.discipline.priority_segments == std::vector<std::string>{"old"});
  CHECK(second.sms.policy.size() == 1);
  CHECK(second.pools[0].efficiency == 2);
  CHECK(second.epochs.empty());
}

TEST_CASE("changes: a bad value is located inside its change", "[scenario][changes]") {
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set: {attempt.answer_probability: [1.5]}
)"));
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("t.yaml:15:40: changes[0].set.attempt.answer_probability[0]: ", 0) == 0);
}

TEST_CASE("changes: an unknown key is located at the key, with a suggestion", "[scenario][changes]") {
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set: {tasks.index_interview.tlak: 40m}
)"));
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "t.yaml:15:11: changes[0].set.tasks.index_interview.tlak: unknown key 'tlak' in "
        "tasks.index_interview; did you mean 'talk'?");
}

TEST_CASE("changes: a structural key is refused, located at the key", "[scenario][changes]") {
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set:
      calendar.end: 2021-04-30
      staffing.pools.tracers.shifts: []
      staffing.holidays.level: 0.5
      tasks.contact_call.stale.action: drop
)"));
  REQUIRE(m.size() == 4);
  CHECK(m[0].rfind("t.yaml:16:7: changes[0].set.calendar.end: 'calendar.end' is structural", 0) == 0);
  CHECK(m[1].rfind("t.yaml:17:7: changes[0].set.staffing.pools.tracers.shifts: ", 0) == 0);
  // Rules the epochs do not switch: a change to them would be silently ignored.
  CHECK(m[2].rfind("t.yaml:18:7: changes[0].set.staffing.holidays.level: ", 0) == 0);
  CHECK(m[3].rfind("t.yaml:19:7: changes[0].set.tasks.contact_call.stale.action: ", 0) == 0);
}

TEST_CASE("changes: dates in order and inside the calendar", "[scenario][changes]") {
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set: {tasks.index_interview.talk: 40m}
  - from: 2021-03-05
    set: {tasks.index_interview.talk: 30m}
  - from: 2021-05-01
    set: {tasks.index_interview.talk: 30m}
)"));
  REQUIRE(m.size() == 2);
  CHECK(m[0] ==
        "t.yaml:16:11: changes[1].from: changes must be in date order, one per date: 2021-03-05 is "
        "not after 2021-03-10");
  CHECK(m[1] ==
        "t.yaml:18:11: changes[2].from: date 2021-05-01 is outside the calendar (2021-03-01 .. "
        "2021-03-31)");
}

TEST_CASE("changes: a cross-key rule broken by a change is located in it", "[scenario][changes]") {
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set: {staffing.discipline.priority_segments: [middle]}
)"));
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("changes[0].set.staffing.discipline.priority_segments") != std::string::npos);
  CHECK(m[0].rfind("t.yaml:15:", 0) == 0);
}

TEST_CASE("changes: the resolved scenario writes them back and reads back to itself", "[scenario][changes]") {
  const auto sc = scenario::load_scenario_text(with_changes(R"(  - from: 2021-03-10
    set: {tasks.index_interview.talk: {dist: gamma, mean: 30m, cv: 0.5}, demand.index_cases.share_handled: 0.7}
)"),
                                               "t.yaml");
  const std::string once = scenario::to_yaml(sc);
  CHECK(once.find("changes:") != std::string::npos);
  const auto again = scenario::load_scenario_text(once, "resolved.yaml");
  REQUIRE(again.platform.epochs.size() == 1);
  CHECK(again.platform.epochs[0].config->index_cases.share_handled == 0.7);
  CHECK(scenario::to_yaml(again) == once);
}

TEST_CASE("changes: --set and --vary reach a change's value", "[scenario][changes]") {
  const auto doc = scenario::Document::from_text(with_changes(R"(  - from: 2021-03-10
    set: {demand.index_cases.share_handled: 0.7}
)"),
                                                 "t.yaml");
  for (const char* v : {"0.2", "0.4", "0.6"}) {
    const auto sc = doc.resolve({{"changes[0].set.demand.index_cases.share_handled", v, "--vary"}});
    CHECK(sc.platform.epochs.at(0).config->index_cases.share_handled == std::stod(v));
    CHECK(sc.platform.index_cases.share_handled == 1.0);
  }
  const auto added = doc.resolve({{"changes[0].set.attempt.answer_probability", "[0.3]"}});
  CHECK(added.platform.epochs.at(0).config->attempt.answer_probability == std::vector<double>{0.3});
  const auto m = messages(with_changes(R"(  - from: 2021-03-10
    set: {demand.index_cases.share_handled: 0.7}
)"),
                          {{"changes[0].set.demand.index_cases.share_handled", "2"}});
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("--set changes[0].set.demand.index_cases.share_handled=2: ", 0) == 0);
}

TEST_CASE("changes: a back-office kind's numbers and work may change, not its deadline or the kinds",
          "[scenario][changes][back_office]") {
  const std::string base = kBase + R"(    office: {skills: [back_office], roster: [{from: 2021-03-01, agents: [1]}], shifts: [{start: "08:00", end: "16:00"}]}
back_office:
  sick_leave: {per_index_case: 0.3, work: 6m}
)";
  const auto sc = scenario::load_scenario_text(base + R"(changes:
  - from: 2021-03-10
    set: {back_office.sick_leave.per_index_case: 0.6, back_office.sick_leave.per_contact: 0.1, back_office.sick_leave.work: {dist: exponential, mean: 8m}}
)",
                                               "t.yaml");
  REQUIRE(sc.platform.epochs.size() == 1);
  const auto& kind = sc.platform.epochs[0].config->back_office.at(0);
  CHECK(kind.per_index_case == 0.6);
  CHECK(kind.per_contact == 0.1);
  CHECK(kind.work.mean == 8 * kernel::kMinute);
  CHECK(sc.platform.back_office.at(0).per_index_case == 0.3);
  const auto refused = messages(base + R"(changes:
  - from: 2021-03-10
    set: {back_office.sick_leave.deadline: 24h, back_office.sick_leev.work: 5m}
)");
  REQUIRE(refused.size() == 2);
  CHECK_THAT(refused[0], Catch::Matchers::StartsWith("t.yaml:18:11: changes[0].set.back_office.sick_leave.deadline:"));
  CHECK_THAT(refused[0], Catch::Matchers::Contains("is structural"));
  CHECK_THAT(refused[1], Catch::Matchers::Contains("unknown back-office kind 'sick_leev'"));
  CHECK_THAT(refused[1], Catch::Matchers::Contains("did you mean 'sick_leave'?"));
}

TEST_CASE("scenario: back-office work needs a pool with the skill", "[scenario][back_office]") {
  const auto problems = messages(kBase + R"(back_office:
  files: {per_contact: 1}
)");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Matchers::Contains("back_office: back-office work is declared but no pool has the "
                                                    "skill back_office"));
  // Listed, the skill is read and written back; left out, a pool does no back-office work.
  const auto sc = scenario::load_scenario_text(
      R"(schema_version: 1
name: t
calendar: {start: 2021-03-01, end: 2021-03-31}
demand: {index_cases: {curve: {constant: 5}}}
back_office: {files: {per_contact: 1, work: {dist: gamma, mean: 4m, cv: 0.5}, deadline: 3d}}
staffing:
  pools:
    tracers: {fte: [{from: 2021-03-01, fte: 2}], shifts: [{start: "08:00", end: "16:00"}]}
    office: {skills: [back_office], fte: [{from: 2021-03-01, fte: 1}], shifts: [{start: "08:00", end: "16:00"}]}
)",
      "t.yaml");
  CHECK_FALSE(sc.platform.pools[0].back_office_skill);
  CHECK(sc.platform.pools[1].back_office_skill);
  CHECK(sc.platform.back_office.at(0).deadline == 72 * kernel::kHour);
  const std::string resolved = scenario::to_yaml(sc);
  CHECK_THAT(resolved, Catch::Matchers::Contains("skills: [back_office]"));
  CHECK_THAT(resolved, Catch::Matchers::Contains("files: {per_index_case: 0, per_contact: 1"));
}
