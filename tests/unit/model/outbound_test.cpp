// SPDX-License-Identifier: Apache-2.0
// The outbound rule alone: an attempt's outcome decides reached, retry, SMS or give up.
#include <catch2/catch.hpp>

#include "../../../sim/model/outbound.hpp"
#include "../../support/builders.hpp"

using namespace tracesim;
using model::detail::next_step;
using model::detail::NextStep;

namespace {
const kernel::SimTime kNoon = kernel::at_ms(12 * kernel::kHour.count());
const kernel::SimTime kLater = kernel::at_ms(40 * kernel::kHour.count());

model::TaskRule rule(int max_attempts, model::OnExhausted on_exhausted, bool sms_at_deadline = false) {
  model::TaskRule r;
  r.max_attempts = max_attempts;
  r.min_spacing = {90 * kernel::kMinute};
  r.on_exhausted = on_exhausted;
  r.sms_at_deadline = sms_at_deadline;
  return r;
}
}  // namespace

TEST_CASE("model: an answered attempt reaches the task whatever the limits", "[model][outbound]") {
  const auto r = rule(1, model::OnExhausted::GiveUp, true);
  CHECK(next_step(r, 9, true, kNoon, kLater).step == NextStep::Reached);
}

TEST_CASE("model: an unanswered attempt is retried after the minimum spacing", "[model][outbound]") {
  const auto out = next_step(rule(3, model::OnExhausted::Sms), 2, false, kLater, kNoon);
  CHECK(out.step == NextStep::RetryLater);
  CHECK(out.at == kNoon + 90 * kernel::kMinute);
}

TEST_CASE("model: the last attempt falls back to SMS or gives up as the rule says", "[model][outbound]") {
  CHECK(next_step(rule(3, model::OnExhausted::Sms), 3, false, kLater, kNoon).step == NextStep::Sms);
  CHECK(next_step(rule(3, model::OnExhausted::GiveUp), 3, false, kLater, kNoon).step == NextStep::GiveUp);
}

TEST_CASE("model: a deadline passed during an attempt sends the SMS before any retry", "[model][outbound]") {
  // Deadline at noon, attempt 1 of 3 ends at 40 h: the deadline rule wins over the retry.
  CHECK(next_step(rule(3, model::OnExhausted::GiveUp, true), 1, false, kNoon, kLater).step == NextStep::Sms);
  CHECK(next_step(rule(3, model::OnExhausted::GiveUp, false), 1, false, kNoon, kLater).step == NextStep::RetryLater);
}

TEST_CASE("model: an attempt's draws follow the plan's laws and the pool's efficiency", "[model][outbound]") {
  // Always answered, 30 s ring, a 10 min talk and no wrap-up at efficiency 2: 5 min of handling.
  auto pc = test::micro_platform({0});
  pc.pools[0].efficiency = 2.0;
  const model::Plan plan = model::compile(pc);
  model::detail::Task t;
  t.type = model::TaskType::ContactCall;
  t.attempts = 1;
  const auto d = model::detail::draw_attempt(plan, plan.samplers, plan.pools[0], t, kNoon);
  CHECK(d.answered);
  CHECK(d.ring == 30 * kernel::kSecond);
  CHECK(d.handling == 5 * kernel::kMinute);
}

TEST_CASE("model: a spacing list gives the spacing after each attempt number, the last repeating", "[model][outbound]") {
  model::TaskRule r = rule(5, model::OnExhausted::GiveUp);
  r.min_spacing = {56 * kernel::kDay, 2 * kernel::kDay};
  const kernel::SimTime far = kernel::at_ms(200 * kernel::kDay.count());
  auto after = [&](std::uint16_t attempt) {
    const auto s = model::detail::next_step(r, attempt, false, far, kNoon);
    REQUIRE(s.step == model::detail::NextStep::RetryLater);
    return s.at - kNoon;
  };
  CHECK(after(1) == 56 * kernel::kDay);
  CHECK(after(2) == 2 * kernel::kDay);
  CHECK(after(4) == 2 * kernel::kDay);
  CHECK(model::detail::next_step(r, 5, false, far, kNoon).step == model::detail::NextStep::GiveUp);
}
