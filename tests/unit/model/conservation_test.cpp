// SPDX-License-Identifier: Apache-2.0
// The end-of-run books: the check accepts a consistent tally and names the
// identity and the numbers of a broken one.
#include <catch2/catch.hpp>

#include "../../../sim/model/conservation.hpp"
#include "../../support/builders.hpp"
#include "tracesim/model/internal_error.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using Catch::Matchers::Contains;

namespace {

// 10 contacts arrived: 4 reached by call, 2 by SMS, 1 not reached, 3 pending; 5 inbound calls
// offered: 2 answered, 1 abandoned, 1 refused, 1 waiting. Storage: 20 task slots, 15 free, 3
// pending, 2 not yet arrived; 4 call slots, 3 free, 1 live; 6 agent slots, 2 free, 4 on shift.
std::pair<model::RunResult, model::detail::Ledger> consistent_books() {
  model::RunResult r;
  auto& c = r.tasks[1];
  c.arrived = 10;
  c.reached_call = 4;
  c.reached_sms = 2;
  c.not_reached = 1;
  c.pending = 3;
  c.attempts = 9;
  c.connected = 4;
  r.inbound.offered = 5;
  r.inbound.answered = 2;
  r.inbound.abandoned = 1;
  r.inbound.refused_closed = 1;
  r.inbound.waiting_at_horizon = 1;
  model::detail::Ledger l;
  l.task_slots = 20;
  l.free_task_slots = 15;
  l.not_yet_arrived = 2;
  l.call_slots = 4;
  l.free_call_slots = 3;
  l.live_calls = 1;
  l.shifts_started = 10;
  l.shifts_ended = 6;
  l.agent_slots = 6;
  l.free_agent_slots = 2;
  return {std::move(r), l};
}

}  // namespace

TEST_CASE("model: the conservation check accepts books that balance", "[model][conservation]") {
  const auto [r, l] = consistent_books();
  CHECK_NOTHROW(model::detail::check_conservation(r, l));
}

TEST_CASE("model: the conservation check names a task lost from the tally", "[model][conservation]") {
  auto [r, l] = consistent_books();
  r.tasks[1].reached_sms = 1;  // one SMS delivery not counted: 4 + 1 + 1 + 3 = 9 != 10
  CHECK_THROWS_MATCHES(
      model::detail::check_conservation(r, l), model::InternalError,
      Catch::Matchers::Message("conservation check failed at the end of the run: contact_call: arrived (10) != reached "
                               "by call (4) + reached by SMS (1) + not reached (1) + pending (3)"));
}

TEST_CASE("model: the conservation check counts stale tasks dropped or handed over", "[model][conservation]") {
  auto [r, l] = consistent_books();
  r.tasks[1].not_reached = 0;
  r.tasks[1].stale_dropped = 1;  // 4 + 2 + 0 + 1 dropped + 0 handed + 3 = 10: balanced
  CHECK_NOTHROW(model::detail::check_conservation(r, l));
  r.tasks[1].to_national = 1;  // one task counted twice
  CHECK_THROWS_WITH(model::detail::check_conservation(r, l),
                    Contains("dropped as stale (1) + handed to the national level (1) + pending (3)"));
  r.tasks[1].to_national = 0;
  r.tasks[1].stale_to_sms = 3;  // more stale SMS than SMS reaches
  CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("stale tasks sent to SMS (3)"));
}

TEST_CASE("model: the conservation check catches an unbalanced inbound line", "[model][conservation]") {
  auto [r, l] = consistent_books();
  r.inbound.abandoned = 2;
  CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("inbound: offered (5)"));
}

TEST_CASE("model: the conservation check catches leaked storage slots", "[model][conservation]") {
  SECTION("a task slot neither free nor live") {
    auto [r, l] = consistent_books();
    l.free_task_slots = 14;
    CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("task slots (20)"));
  }
  SECTION("an inbound call slot freed twice") {
    auto [r, l] = consistent_books();
    l.free_call_slots = 4;
    CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("inbound call slots (4)"));
  }
  SECTION("an agent that went off without its slot being freed") {
    auto [r, l] = consistent_books();
    l.shifts_ended = 7;
    CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("agent slots (6)"));
  }
}

TEST_CASE("model: a real run passes its own conservation check", "[model][conservation]") {
  // Three days of 4 cases with 2 contacts each: the run closes its books without throwing.
  const auto pc = test::micro_platform({4, 4, 4}, 2, 1);
  model::RunResult r;
  CHECK_NOTHROW(r = model::simulate(pc, model::RunOptions{}));
  CHECK(r.tasks[0].arrived == 12);
}

TEST_CASE("model: the conservation check accounts for every back-office item", "[model][conservation][back_office]") {
  auto [r, l] = consistent_books();
  r.back_office.created = 5;
  r.back_office.done = 3;
  r.back_office.done_late = 1;
  r.back_office.pending = 2;
  l.back_office_slots = 4;
  l.free_back_office_slots = 2;
  CHECK_NOTHROW(model::detail::check_conservation(r, l));
  r.back_office.pending = 1;
  CHECK_THROWS_WITH(model::detail::check_conservation(r, l),
                    Contains("back office: created (5) != done (3, of which late 1) + pending (1)"));
  r.back_office.pending = 2;
  r.back_office.done_late = 4;
  CHECK_THROWS_AS(model::detail::check_conservation(r, l), model::InternalError);
  r.back_office.done_late = 1;
  l.free_back_office_slots = 1;
  CHECK_THROWS_WITH(model::detail::check_conservation(r, l), Contains("back-office item slots (4)"));
}
