// SPDX-License-Identifier: Apache-2.0
// A run that starts from open work: a user's file of open tasks handled by the
// rules at once (worked out by hand), the strict reading of that file, and a
// snapshot continued in memory giving the uninterrupted run's days.
#include <catch2/catch.hpp>
#include <memory>
#include <sstream>

#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/scenario/initial_state_csv.hpp"

using namespace tracesim;
using test::at;

namespace {

model::InitialState read(const std::string& text, const model::PlatformConfig& pc, scenario::Diagnostics& diags) {
  std::istringstream in(text);
  return scenario::read_open_tasks_csv(in, "open.csv", pc, diags);
}

std::shared_ptr<const model::InitialStates> shared(model::InitialState s) {
  auto all = std::make_shared<model::InitialStates>();
  all->replications.push_back(std::move(s));
  return all;
}

// No new case; contacts get an SMS at their deadline, index cases one when stale
// 12 h past it; index attempts 1-4 are answered with 1, 1, 0, 1, spaced 1 h then 3 h.
model::PlatformConfig micro() {
  auto pc = test::micro_platform({0, 0});
  pc.tasks[1].sms_at_deadline = true;
  pc.tasks[0].stale = model::StaleConfig{model::StaleAction::Sms, 12 * kernel::kHour};
  pc.tasks[0].retry.max_attempts = 4;
  pc.tasks[0].retry.min_spacing = {kernel::kHour, 3 * kernel::kHour};
  pc.attempt.answer_probability = {1.0, 1.0, 0.0, 1.0};
  pc.sms.gateway_per_hour = 60;  // one SMS a minute
  pc.sms.delivery_delay = 2 * kernel::kMinute;
  return pc;
}

}  // namespace

TEST_CASE("model: open work from a file is handled in the order and at the times the rules say",
          "[model][golden][initial_state]") {
  // The run starts Monday 2021-03-01 00:00 (day 0) with three open tasks:
  //  1. contact C, identified Sun 10:00: deadline (12 h) Sun 22:00, passed. SMS at the
  //     deadline: sent at 00:00:00, the gateway free -> delivered 00:02:00.
  //  2. index I, identified Sat 08:00: deadline Sun 08:00, stale 12 h later (Sun 20:00),
  //     passed: an SMS instead, asked at 00:00:00 after C's (file order), so it leaves
  //     when the gateway is free again at 00:01:00 -> delivered 00:03:00.
  //  3. index J, identified Sun 09:00, tried twice, the last attempt ended Sun 23:00:
  //     the spacing after attempt 2 is 3 h -> ready 02:00, dialled when the agent comes
  //     at 08:00 (attempt 3: no answer, 30 s ring + 90 s -> ends 08:02:00), then 3 h
  //     later: attempt 4 at 11:02:00, answered 11:02:30 (reached, past its deadline
  //     Mon 09:00), 20 min interview -> ends 11:22:30.
  auto pc = micro();
  scenario::Diagnostics diags;
  auto state = read(
      "id,type,identified,attempts,last_attempt,deadline\n"
      "1,contact,2021-02-28T10:00,0,,\n"
      "2,index,2021-02-27T08:00,0,,\n"
      "3,index,2021-02-28T09:00,2,2021-02-28T23:00,\n",
      pc, diags);
  REQUIRE(diags.empty());
  REQUIRE(state.tasks.size() == 3);
  pc.initial_state = shared(std::move(state));
  test::Recorder rec;
  const auto r = test::run(pc, &rec);

  REQUIRE(rec.tasks.size() == 3);
  CHECK(rec.tasks[0].type == model::TaskType::ContactCall);
  CHECK(rec.tasks[0].state == model::FinalState::ReachedBySms);
  CHECK(ms_of(rec.tasks[0].resolved) == at(0, "00:02"));
  CHECK(ms_of(rec.tasks[0].deadline) == at(0, "22:00") - kernel::kDay.count());
  CHECK(rec.tasks[1].type == model::TaskType::IndexInterview);
  CHECK(rec.tasks[1].state == model::FinalState::ReachedBySms);
  CHECK(ms_of(rec.tasks[1].resolved) == at(0, "00:03"));
  CHECK(rec.tasks[2].state == model::FinalState::ReachedByCall);
  CHECK(ms_of(rec.tasks[2].resolved) == at(0, "11:02", 30));
  CHECK(rec.tasks[2].attempts == 4);

  REQUIRE(rec.attempts.size() == 2);
  CHECK(rec.attempts[0].attempt == 3);
  CHECK_FALSE(rec.attempts[0].answered);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "08:00"));
  CHECK(ms_of(rec.attempts[0].end) == at(0, "08:02"));
  CHECK(rec.attempts[1].attempt == 4);
  CHECK(rec.attempts[1].answered);
  CHECK(ms_of(rec.attempts[1].start) == at(0, "11:02"));
  CHECK(ms_of(rec.attempts[1].end) == at(0, "11:22", 30));

  // On the books as open at the start, not as arrivals.
  CHECK(r.tasks[0].initial == 2);
  CHECK(r.tasks[1].initial == 1);
  CHECK(r.tasks[0].arrived == 0);
  CHECK(r.tasks[1].arrived == 0);
  CHECK(r.tasks[0].stale_to_sms == 1);
  CHECK(r.tasks[0].reached_sms == 1);
  CHECK(r.tasks[1].reached_sms == 1);
  CHECK(r.tasks[0].reached_call == 1);
  CHECK(r.tasks[0].reached_within_deadline == 0);
  CHECK(r.days[0].sms_sent[0] == 1);
  CHECK(r.days[0].sms_sent[1] == 1);
  CHECK(r.initial_state);
}

TEST_CASE("model: a booked next attempt overrides the retry spacing", "[model][initial_state]") {
  // Contact K, identified at midnight, tried once, its call-back booked for 09:30: no
  // last_attempt needed; dialled at 09:30 (attempt 2), not when the agent comes at 08:00.
  // Contact L's booking (Sunday 23:00) is already past: it is dialled at 08:00.
  auto pc = micro();
  scenario::Diagnostics diags;
  auto state = read(
      "type,identified,attempts,next_attempt\n"
      "contact,2021-03-01T00:00,1,2021-03-01T09:30\n"
      "contact,2021-02-28T22:00,1,2021-02-28T23:00\n",
      pc, diags);
  REQUIRE(diags.empty());
  pc.initial_state = shared(std::move(state));
  test::Recorder rec;
  test::run(pc, &rec);
  REQUIRE(rec.attempts.size() == 2);
  CHECK(rec.attempts[0].attempt == 2);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "08:00"));
  CHECK(rec.attempts[1].attempt == 2);
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:30"));
}

TEST_CASE("model: a file of open tasks is read strictly, every problem located", "[model][initial_state]") {
  auto pc = micro();
  const auto problems = [&](const std::string& text) {
    scenario::Diagnostics diags;
    read(text, pc, diags);
    return diags;
  };
  SECTION("an unknown column, at its column") {
    const auto d = problems("type,identified,priority\nindex,2021-02-28T10:00,1\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 1);
    CHECK(d[0].column == 17);
    CHECK_THAT(d[0].message, Catch::Contains("unknown column 'priority'"));
  }
  SECTION("a next attempt before the last one") {
    const auto d = problems("type,identified,attempts,last_attempt,next_attempt\n"
                            "contact,2021-02-28T10:00,1,2021-02-28T12:00,2021-02-28T11:00\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 2);
    CHECK_THAT(d[0].message, Catch::Contains("next_attempt: before the task was identified or last tried"));
  }
  SECTION("a time after the run's start") {
    const auto d = problems("type,identified\ncontact,2021-03-01T00:00:01\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 2);
    CHECK(d[0].column == 9);
    CHECK_THAT(d[0].message, Catch::Contains("after the run's start"));
  }
  SECTION("attempts reaching max_attempts, and no last attempt") {
    const auto d = problems("type,identified,attempts,last_attempt\nindex,2021-02-28T10:00,4,\ncontact,2021-02-28T10:00,1,\n");
    REQUIRE(d.size() == 2);  // 4 reaches the index max of 4; the contact's 1 needs its last attempt
    CHECK(d[0].line == 2);
    CHECK(d[0].column == 24);
    CHECK_THAT(d[0].message, Catch::Contains("from 0 to 3"));
    CHECK(d[1].line == 3);
    CHECK_THAT(d[1].message, Catch::Contains("last_attempt: required when attempts > 0"));
  }
  SECTION("a duplicate id, an unknown type, a segment the scenario lacks, contacts of a contact") {
    const auto d = problems(
        "id,type,identified,segment,contacts_to_list\n"
        "7,index,2021-02-28T10:00,,2\n"
        "7,index,2021-02-28T11:00,,0\n"
        "8,case,2021-02-28T11:00,,0\n"
        "9,contact,2021-02-28T11:00,older,1\n");
    REQUIRE(d.size() == 4);
    CHECK_THAT(d[0].message, Catch::Contains("task 7 appears twice"));
    CHECK_THAT(d[1].message, Catch::Contains("expected index or contact"));
    CHECK_THAT(d[2].message, Catch::Contains("no segment named 'older'"));
    CHECK_THAT(d[3].message, Catch::Contains("only index cases list contacts"));
  }
  SECTION("a row with a field too many, and a malformed date-time") {
    const auto d = problems("type,identified\ncontact,2021-02-28T10:00,3\nindex,2021-02-28 10:00\n");
    REQUIRE(d.size() == 2);
    CHECK_THAT(d[0].message, Catch::Contains("expected 2 fields"));
    CHECK_THAT(d[1].message, Catch::Contains("expected a date-time"));
  }
}

TEST_CASE("model: a run continued from its snapshot gives the same days from the snapshot on",
          "[model][initial_state]") {
  // Ten days of cases that are missed, retried and sent SMS; snapshots at days 3 and 6.
  auto pc = test::micro_platform({30, 30, 30, 30, 30, 30, 30, 30, 30, 30}, 2, 2);
  pc.index_cases.inbound_first_share = 0.2;
  pc.index_cases.release_profile.fill(1);
  pc.index_cases.release_spread_within_hour = true;
  pc.attempt.answer_probability = {0.5, 0.4, 0.3};
  pc.tasks[0].retry.min_spacing = {5 * kernel::kHour};
  pc.tasks[1].sms_at_deadline = true;
  pc.sms.gateway_per_hour = 20;
  model::RunOptions o;
  o.seed = 3;
  o.replication = 1;
  o.snapshot_days = {3, 6};
  const auto whole = model::simulate(pc, o);
  REQUIRE(whole.snapshots.size() == 2);
  for (const auto& snap : whole.snapshots) {
    CAPTURE(kernel::iso_date(snap.date));
    auto states = std::make_shared<model::InitialStates>();
    states->per_replication = true;
    states->replications.resize(2);
    states->replications[1] = snap.state;
    states->first_day = snap.state.run->day;
    auto from = pc;
    from.initial_state = states;
    model::RunOptions again;
    again.seed = 3;
    again.replication = 1;
    const auto rest = model::simulate(from, again);
    const auto first = static_cast<std::size_t>(snap.state.run->day);
    REQUIRE(rest.days.size() == whole.days.size() - first);
    for (std::size_t d = 0; d < rest.days.size(); ++d) {
      CAPTURE(d);
      const auto& a = whole.days[first + d];
      const auto& b = rest.days[d];
      CHECK(a.arrived == b.arrived);
      CHECK(a.attempts == b.attempts);
      CHECK(a.reached_call == b.reached_call);
      CHECK(a.reached_sms == b.reached_sms);
      CHECK(a.sms_sent == b.sms_sent);
      CHECK(a.backlog_at_close == b.backlog_at_close);
      CHECK(a.busy_ms == b.busy_ms);
      CHECK(a.inbound_answered == b.inbound_answered);
    }
    std::uint64_t open = 0;
    for (const auto& t : snap.state.tasks) open += t.exact->state != model::OpenState::Scheduled ? 1u : 0u;
    CHECK(rest.tasks[0].initial + rest.tasks[1].initial == open);
  }
  // Another seed is refused, naming the day.
  auto states = std::make_shared<model::InitialStates>();
  states->replications.push_back(whole.snapshots[0].state);
  states->first_day = 3;
  auto from = pc;
  from.initial_state = states;
  model::RunOptions other;
  other.seed = 4;
  CHECK_THROWS_WITH(model::simulate(from, other), Catch::Contains("2021-03-04") && Catch::Contains("seed 3"));
}

TEST_CASE("model: every snapshot value has one word, written and read by the same table", "[model][snapshot]") {
  const auto round_trip = [](const auto& words, std::size_t values) {
    CHECK(words.size() == values);  // a value added to the enum needs its word
    for (std::size_t i = 0; i < words.size(); ++i) {
      CHECK(static_cast<std::size_t>(words[i].value) == i);
      CHECK(model::value_of(words, words[i].word) == words[i].value);
      CHECK(model::word_of(words, words[i].value) == words[i].word);
    }
    CHECK_FALSE(model::value_of(words, "no_such_word"));
  };
  round_trip(model::kOpenStateWords, static_cast<std::size_t>(model::OpenState::Inbound) + 1);
  round_trip(model::kPhaseWords, static_cast<std::size_t>(kernel::Phase::Sample) + 1);
  round_trip(model::kPendingKindWords, static_cast<std::size_t>(model::PendingKind::DayClose) + 1);
  round_trip(model::kCallOriginWords, static_cast<std::size_t>(model::CallOrigin::Independent) + 1);
  CHECK(model::one_of(model::kOpenStateWords) == "scheduled, queued, waiting or inbound");
}
