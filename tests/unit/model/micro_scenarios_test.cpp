// SPDX-License-Identifier: Apache-2.0
// Platforms small enough to work out by hand (rule X2). Times in the comments
// are wall-clock times of day 0 (Monday 2021-03-01) unless stated.
#include <catch2/catch.hpp>

#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using test::at;
using test::run;


TEST_CASE("model: one agent, two index cases and their contacts, earliest deadline first", "[model][golden]") {
  // Cases A and B are released at 09:00 and called (30 s ring, always answered);
  // index deadline 24 h, contacts 12 h.
  // 09:00 A reached 09:00:30, 20 min interview -> 09:20:30, contact A1 identified.
  // EDF: A1 (due 21:20:30) before B (due tomorrow 09:00): reached 09:21:00, ends 09:31:00.
  // 09:31:00 B reached 09:31:30 -> 09:51:30, B1 identified; B1 reached 09:52:00, ends 10:02:00.
  auto pc = test::micro_platform({2});
  pc.index_cases.inbound_first_share = 0.0;
  pc.discipline.order = model::Discipline::EarliestDeadlineFirst;
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 4);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "09:00"));
  CHECK(rec.attempts[1].type == model::TaskType::ContactCall);
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:20", 30));
  CHECK(ms_of(rec.attempts[2].start) == at(0, "09:31"));
  CHECK(ms_of(rec.attempts[3].end) == at(0, "10:02"));
  const auto& idx = r.tasks[0];
  const auto& con = r.tasks[1];
  CHECK(idx.arrived == 2);
  CHECK(idx.reached_call == 2);
  CHECK(con.arrived == 2);
  CHECK(con.reached_call == 2);
  CHECK(con.reached_within_12h == 2);
  // Index cases wait 30 s and 31 min 30 s.
  CHECK(idx.reach_times.sum_ms == 32 * 60'000);
  // Both contacts wait for the 30 s ring only.
  CHECK(con.reach_times.sum_ms == 2 * 30'000);
  // Busy: 2 x 20 min 30 s + 2 x 10 min 30 s = 62 min of an 11 h shift.
  CHECK(r.pools[0].busy_ms == 62 * 60'000);
  CHECK(r.pools[0].staffed_ms == 11 * 3'600'000);
}

TEST_CASE("model: FIFO serves the second index case before the first contact", "[model][golden]") {
  // As above, but oldest first: B (queued 09:00) before A1 (09:20:30).
  // 09:20:30 B reached 09:21:00 -> 09:41:00, B1 identified; 09:41:00 A1 reached 09:41:30
  // (waited 21 min) -> 09:51:30; B1 reached 09:52:00 (waited 11 min).
  auto pc = test::micro_platform({2});
  pc.index_cases.inbound_first_share = 0.0;
  pc.discipline.order = model::Discipline::Fifo;
  const auto r = run(pc);
  CHECK(r.tasks[0].reach_times.sum_ms == (21 * 60 + 30) * 1000);
  CHECK(r.tasks[1].reach_times.sum_ms == 32 * 60'000);
}

TEST_CASE("model: a case that calls in is served before waiting outbound work", "[model][golden]") {
  // Both cases call in at 09:00 and are on the line: B is served right after A
  // (09:20), before A's contact, whatever its deadline.
  auto pc = test::micro_platform({2});
  test::Recorder rec;
  run(pc, &rec);
  REQUIRE(rec.attempts.size() == 4);
  CHECK(rec.attempts[1].type == model::TaskType::IndexInterview);
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:20"));
}

TEST_CASE("model: a call running past the end of shift is finished and counted as overtime", "[model][golden]") {
  // Shift and opening 08:00-12:00. The case is released at 11:00 and reaches the
  // platform 55 min later (11:55); its 20 min interview ends at 12:15: 15 min overtime.
  auto pc = test::micro_platform({1}, /*contacts=*/0, /*agents=*/1, /*release_hour=*/11);
  pc.index_cases.delay_to_platform = model::fixed(55 * kernel::kMinute);
  pc.pools[0].shifts[0].end = test::clock("12:00");
  for (auto& d : pc.calendar.weekly) d.closes_at = test::clock("12:00");
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 1);
  CHECK(ms_of(rec.attempts[0].end) == at(0, "12:15"));
  CHECK(r.pools[0].overtime_ms == 15 * 60'000);
  CHECK(r.days[0].overtime_ms == 15 * 60'000);
  REQUIRE(rec.shifts.size() == 1);
  CHECK(ms_of(rec.shifts[0].off) == at(0, "12:15"));
}

TEST_CASE("model: no attempt starts in the last minutes of a shift: the case waits for the next day", "[model][golden]") {
  // Same as above with no new attempt in the last 10 min: at 11:55 the agent may not
  // start. The next shift starts on day 1 at 08:00: reached 20 h 05 min after arrival.
  auto pc = test::micro_platform({1, 0}, 0, 1, 11);
  pc.index_cases.delay_to_platform = model::fixed(55 * kernel::kMinute);
  pc.pools[0].shifts[0].end = test::clock("12:00");
  pc.pools[0].no_new_attempt_before_end = 10 * kernel::kMinute;
  for (auto& d : pc.calendar.weekly) d.closes_at = test::clock("12:00");
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 1);
  CHECK(ms_of(rec.attempts[0].start) == at(1, "08:00"));
  CHECK(r.tasks[0].reach_times.sum_ms == (20 * 60 + 5) * 60'000);
  CHECK(r.pools[0].overtime_ms == 0);
  CHECK(r.days[0].backlog_at_close[0] == 1);  // still waiting when day 0 closed
}

TEST_CASE("model: a contact's deadline runs through the night and can trigger an SMS before opening", "[model][golden]") {
  // The case calls in at 18:00, interview 30 min -> contact identified 18:30, due
  // 06:30 next day. The agent's shift ends 18:40 with no new attempt in the last
  // 10 min, so nobody calls it tonight. At 06:30 the deadline sends an SMS,
  // delivered 2 min later: reached by SMS 12 h 02 min after identification, late.
  auto pc = test::micro_platform({1, 0}, 1, 1, 18);
  pc.tasks[0].talk = model::fixed(30 * kernel::kMinute);
  pc.pools[0].shifts[0].end = test::clock("18:40");
  pc.pools[0].no_new_attempt_before_end = 10 * kernel::kMinute;
  pc.tasks[1].sms_at_deadline = true;
  pc.sms.delivery_delay = 2 * kernel::kMinute;
  test::Recorder rec;
  const auto r = run(pc, &rec);
  const auto& con = r.tasks[1];
  CHECK(con.arrived == 1);
  CHECK(con.reached_sms == 1);
  CHECK(con.reached_call == 0);
  CHECK(con.reached_within_12h == 0);
  CHECK(con.reached_within_deadline == 0);
  CHECK(con.reach_times.sum_ms == (12 * 60 + 2) * 60'000);
  CHECK(r.days[1].sms_sent[1] == 1);
  REQUIRE(rec.tasks.size() == 2);
  CHECK(ms_of(rec.tasks[1].deadline) == at(1, "06:30"));
}

TEST_CASE("model: without the SMS rule the late contact is called at opening", "[model][golden]") {
  // As above without sms_at_deadline: called day 1 at 08:00, reached 08:00:30,
  // 13 h 30 min 30 s after identification.
  auto pc = test::micro_platform({1, 0}, 1, 1, 18);
  pc.tasks[0].talk = model::fixed(30 * kernel::kMinute);
  pc.pools[0].shifts[0].end = test::clock("18:40");
  pc.pools[0].no_new_attempt_before_end = 10 * kernel::kMinute;
  const auto r = run(pc);
  CHECK(r.tasks[1].reached_call == 1);
  CHECK(r.tasks[1].reach_times.sum_ms == ((13 * 60 + 30) * 60 + 30) * 1000LL);
}

TEST_CASE("model: an SMS policy switches contacts to SMS from its date on", "[model][golden]") {
  // One case a day on 2021-03-01 and 03-02; from 03-02 every contact gets an SMS.
  auto pc = test::micro_platform({1, 1});
  model::SmsPolicyStep step;
  step.from = test::date("2021-03-02");
  step.share = {0.0, 1.0};
  pc.sms.policy.push_back(step);
  const auto r = run(pc);
  CHECK(r.days[0].reached_call[1] == 1);
  CHECK(r.days[0].sms_sent[1] == 0);
  CHECK(r.days[1].reached_call[1] == 0);
  CHECK(r.days[1].sms_sent[1] == 1);
  CHECK(r.days[1].reached_sms[1] == 1);
  CHECK(r.tasks[1].attempts == 1);
}

TEST_CASE("model: unanswered contacts are retried with spacing and then sent an SMS", "[model][golden]") {
  // The contact never answers (p = 0 after the index interview). Attempts at
  // 09:20, then 1 min 30 s spacing + 2 min per failed attempt (30 s ring + 90 s
  // handling): 09:20, 09:23:30, 09:27 -> exhausted at 09:29 -> SMS.
  auto pc = test::micro_platform({1});
  pc.attempt.answer_probability = {0.0};
  pc.tasks[1].retry.min_spacing = {90 * kernel::kSecond};
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 4);
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:20"));
  CHECK(ms_of(rec.attempts[2].start) == at(0, "09:23", 30));
  CHECK(ms_of(rec.attempts[3].start) == at(0, "09:27"));
  CHECK(r.tasks[1].attempts == 3);
  CHECK(r.tasks[1].connected == 0);
  CHECK(r.tasks[1].reached_sms == 1);
  CHECK(r.tasks[0].reached_call == 1);  // the case itself was on the line
}

TEST_CASE("model: giving up after the last attempt counts the contact as not reached", "[model][golden]") {
  auto pc = test::micro_platform({1});
  pc.attempt.answer_probability = {0.0};
  pc.tasks[1].retry.on_exhausted = model::OnExhausted::GiveUp;
  const auto r = run(pc);
  CHECK(r.tasks[1].not_reached == 1);
  CHECK(r.tasks[1].reached_sms == 0);
  CHECK(r.tasks[1].sms_sent == 0);
}

TEST_CASE("model: work left at the horizon is reported as pending", "[model][golden]") {
  // Nobody is on shift: the case waits until the end of the run.
  auto pc = test::micro_platform({1});
  pc.pools[0].steps[0].agents_per_shift = {0};
  const auto r = run(pc);
  CHECK(r.tasks[0].arrived == 1);
  CHECK(r.tasks[0].pending == 1);
  CHECK(r.tasks[1].arrived == 0);
}

TEST_CASE("model: a reinforcement pool opens after its delay when the backlog is high and closes when it recovers",
          "[model][golden]") {
  // Days 0-2: 40 cases a day, nobody in the main pool on days 0-1, so the backlog at the
  // day-0 close (19:00) is 40 > 30: the overflow pool activates 1 day later (day 1 19:00)
  // and is staffed from day 2 (the first day starting after that). On day 2 it clears the
  // backlog; at the day-2 close the backlog is below 5, so from day 3 on it is closed again.
  auto pc = test::micro_platform({40, 40, 40, 0, 0}, 0, 0);
  pc.index_cases.inbound_first_share = 0.0;
  pc.tasks[0].deadline = 10 * 24 * kernel::kHour;
  pc.tasks[0].retry.on_exhausted = model::OnExhausted::GiveUp;
  model::PoolConfig renfort = pc.pools[0];
  renfort.name = "renfort";
  renfort.steps[0].agents_per_shift = {20};
  renfort.reinforcement.enabled = true;
  renfort.reinforcement.backlog_above = 30;
  renfort.reinforcement.activation_delay = 24 * kernel::kHour;
  renfort.reinforcement.release_backlog_below = 5;
  pc.pools.push_back(renfort);
  const auto r = run(pc);
  CHECK(r.pools[1].active_days == 1);
  CHECK(r.days[0].backlog_at_close[0] == 40);
  CHECK(r.days[1].backlog_at_close[0] == 80);
  CHECK(r.days[2].backlog_at_close[0] == 0);
  CHECK(r.days[2].attempts[0] == 120);
  CHECK(r.days[3].staffed_ms == 0);
  CHECK(r.pools[1].staffed_ms == 20 * 11 * 3'600'000LL);
}

TEST_CASE("model: a list worked in passes: per-attempt spacing, and the appointment of the call that reached",
          "[model][golden]") {
  // One person on the list, called out on day 0 (no contacts); attempts 1 and 2 are never
  // answered, attempt 3 always is. Spacing [3d, 2h]: each failed attempt keeps the agent
  // 2 min (30 s ring + 90 s no-answer handling).
  // Day 0 09:00 attempt 1 -> 09:02; + 3 d: day 3 09:02 attempt 2 -> 09:04; + 2 h: day 3
  // 11:04 attempt 3, answered after the ring at 11:04:30. Appointment shares by attempt:
  // [0, 0, 1] gives the appointment (reached at attempt 3); [1, 1, 0] does not.
  auto pc = test::micro_platform({1, 0, 0, 0, 0, 0}, 0);
  pc.index_cases.inbound_first_share = 0.0;
  pc.tasks[0].deadline = 10 * kernel::kDay;
  pc.tasks[0].retry.max_attempts = 3;
  pc.tasks[0].retry.min_spacing = {3 * kernel::kDay, 2 * kernel::kHour};
  pc.attempt.answer_probability = {0.0, 0.0, 1.0};
  const bool converted_at_third = GENERATE(true, false);
  pc.tasks[0].outcomes.appointment = converted_at_third ? std::vector<double>{0, 0, 1} : std::vector<double>{1, 1, 0};
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 3);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "09:00"));
  CHECK(ms_of(rec.attempts[1].start) == at(3, "09:02"));
  CHECK(ms_of(rec.attempts[2].start) == at(3, "11:04"));
  CHECK(r.tasks[0].reached_call == 1);
  CHECK(r.tasks[0].reach_times.sum_ms == at(3, "11:04", 30) - at(0, "09:00"));
  CHECK(r.outcomes);
  CHECK(r.tasks[0].appointments == (converted_at_third ? 1u : 0u));
  CHECK(r.days[3].appointments[0] == (converted_at_third ? 1u : 0u));
}

TEST_CASE("model: an outcome share counts appointments without changing any other draw", "[model][golden]") {
  // 200 people a day for 5 days, half answering each attempt; the appointment share is
  // drawn on its own stream, so the run with it makes the same attempts and reaches the
  // same people, and a share of 1 gives one appointment per reached call.
  auto pc = test::micro_platform({200, 200, 200, 200, 200}, 0, 20);
  pc.index_cases.inbound_first_share = 0.0;
  pc.attempt.answer_probability = {0.5};
  const auto without = run(pc);
  pc.tasks[0].outcomes.appointment = {0.25};
  const auto with = run(pc);
  pc.tasks[0].outcomes.appointment = {1.0};
  const auto all = run(pc);
  CHECK_FALSE(without.outcomes);
  CHECK(without.tasks[0].appointments == 0);
  CHECK(with.tasks[0].attempts == without.tasks[0].attempts);
  CHECK(with.tasks[0].reached_call == without.tasks[0].reached_call);
  CHECK(with.tasks[0].reach_times.sum_ms == without.tasks[0].reach_times.sum_ms);
  CHECK(all.tasks[0].appointments == all.tasks[0].reached_call);
  // About a quarter of the reached calls (binomial, sd ~ 14 for ~800 reached).
  const double share = static_cast<double>(with.tasks[0].appointments) / static_cast<double>(with.tasks[0].reached_call);
  CHECK(share > 0.18);
  CHECK(share < 0.32);
}
