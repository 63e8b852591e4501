// SPDX-License-Identifier: Apache-2.0
// The tally alone: each fact counts once for its day and once in the totals, and
// reaches the observer if one is attached.
#include <catch2/catch.hpp>

#include "../../../sim/model/tally.hpp"
#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/internal_error.hpp"

using namespace tracesim;
using model::TaskType;
using model::detail::Tally;

namespace {
const model::Plan& two_days() {
  static const model::Plan plan = model::compile(test::micro_platform({0, 0}));
  return plan;
}
}  // namespace

TEST_CASE("model: a fact counts for the day it happens on and in the totals", "[model][tally]") {
  Tally tally{two_days(), nullptr};
  tally.start_day(0);
  tally.task_arrived(TaskType::ContactCall, 0);
  tally.start_day(1);
  tally.task_arrived(TaskType::ContactCall, 0);
  model::detail::Task contact;
  contact.type = TaskType::ContactCall;
  contact.created = kernel::at_ms(24 * kernel::kHour.count());
  contact.attempts = 1;
  tally.attempt_started(contact, 0, true, 5 * kernel::kMinute, kernel::at_ms(27 * kernel::kHour.count()));
  contact.attempts = 2;  // a second attempt is not a first call
  tally.attempt_started(contact, 0, false, kernel::kMinute, kernel::at_ms(30 * kernel::kHour.count()));
  tally.overtime(0, kernel::kMinute);
  tally.task_pending(TaskType::ContactCall);  // both still pending: the books balance
  tally.task_pending(TaskType::ContactCall);
  model::detail::Ledger books;
  books.task_slots = 2;  // held by the two pending contacts
  const auto r = tally.close(books, 0, false);
  CHECK(r.days[0].arrived[1] == 1);
  CHECK(r.days[1].arrived[1] == 1);
  CHECK(r.tasks[1].arrived == 2);
  CHECK(r.tasks[1].attempts == 2);
  CHECK(r.tasks[1].connected == 1);
  CHECK(r.tasks[1].first_call_times.count == 1);
  CHECK(r.tasks[1].first_call_times.sum_ms == 3 * kernel::kHour.count());
  CHECK(r.days[1].busy_ms == 360'000);
  CHECK(r.pools[0].busy_ms == 360'000);
  CHECK(r.pools[0].overtime_ms == 60'000);
  CHECK(r.pools[0].name == "tracers");
}

TEST_CASE("model: an index case counts the contacts it would name when it arrives", "[model][tally]") {
  Tally tally{two_days(), nullptr};
  tally.start_day(0);
  tally.task_arrived(TaskType::IndexInterview, 3);  // never interviewed: its contacts are still named
  tally.task_pending(TaskType::IndexInterview);
  model::detail::Ledger books;
  books.task_slots = 1;
  const auto r = tally.close(books, 0, false);
  CHECK(r.tasks[1].named == 3);
  CHECK(r.tasks[1].arrived == 0);
  CHECK(r.tasks[0].named == 0);
}

TEST_CASE("model: a task's final state counts its delay and reaches the observer", "[model][tally]") {
  test::Recorder recorder;
  Tally tally{two_days(), &recorder};
  model::detail::Task t;
  t.type = TaskType::IndexInterview;
  t.key = 42;
  t.created = kernel::at_ms(0);
  t.deadline = kernel::at_ms(20 * kernel::kHour.count());
  tally.task_arrived(t.type, 0);
  // Reached by call after 13 h: within 24 h and the deadline, not within 12 h.
  tally.task_final(t, model::FinalState::ReachedByCall, kernel::at_ms(13 * kernel::kHour.count()));
  REQUIRE(recorder.tasks.size() == 1);
  CHECK(recorder.tasks[0].task_key == 42);
  CHECK(recorder.tasks[0].resolved == kernel::at_ms(13 * kernel::kHour.count()));
  const auto r = tally.close(model::detail::Ledger{}, 0, false);
  CHECK(r.tasks[0].reached_call == 1);
  CHECK(r.tasks[0].reached_within_12h == 0);
  CHECK(r.tasks[0].reached_within_24h == 1);
  CHECK(r.tasks[0].reached_within_deadline == 1);
  CHECK(r.tasks[0].reach_times.count == 1);
}

TEST_CASE("model: records are built only when an observer is attached", "[model][tally]") {
  Tally quiet{two_days(), nullptr};
  int built = 0;
  quiet.attempt_ended([&] {
    ++built;
    return model::AttemptRecord{};
  });
  quiet.agent_off([&] {
    ++built;
    return model::AgentShiftRecord{};
  });
  CHECK(built == 0);
  test::Recorder recorder;
  Tally observed{two_days(), &recorder};
  observed.attempt_ended([] { return model::AttemptRecord{}; });
  observed.agent_off([] { return model::AgentShiftRecord{}; });
  CHECK(recorder.attempts.size() == 1);
  CHECK(recorder.shifts.size() == 1);
}

TEST_CASE("model: the inbound line's counts balance when closed", "[model][tally]") {
  Tally tally{two_days(), nullptr};
  for (int i = 0; i < 4; ++i) tally.call_offered();
  tally.call_refused();
  tally.call_abandoned(kernel::Duration{1000});
  tally.call_answered(kernel::Duration{0}, true);
  tally.call_answered(kernel::Duration{30'000}, false);
  tally.call_handled(0, 6 * kernel::kMinute);
  tally.close_line(0, 0, 1.5, kernel::at_ms(2 * kernel::kDay.count()));
  const auto r = tally.close(model::detail::Ledger{}, 7, false);
  CHECK(r.inbound.answered_within_threshold == 1);
  CHECK(r.inbound.waited == 1);
  CHECK(r.inbound.wait_all_ms == 31'000);
  CHECK(r.inbound.wait_answered_ms == 30'000);
  CHECK(r.inbound.queue_area_ms == 1.5);
  CHECK(r.pools[0].inbound_answered == 1);
  CHECK(r.events == 7);
}

TEST_CASE("model: closing unbalanced books throws instead of handing over the results", "[model][tally]") {
  Tally tally{two_days(), nullptr};
  tally.task_arrived(TaskType::ContactCall, 0);  // arrived, never resolved nor pending
  CHECK_THROWS_AS(tally.close(model::detail::Ledger{}, 0, false), model::InternalError);
}
