// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cmath>
#include <cstdint>

#include "after_call.hpp"
#include "detail/entities.hpp"
#include "detail/rounding.hpp"
#include "tracesim/model/plan.hpp"

// The outbound rule (private to the model): what one call attempt draws, and
// what happens to the task when it ends. Pure functions of the plan, the task
// and the time; the coordinator applies the outcome.
namespace tracesim::model::detail {

/// What a task does after an attempt.
enum class NextStep : std::uint8_t {
  Reached,     // the attempt was answered
  RetryLater,  // back to the work list at `at`
  Sms,         // the deadline passed, or attempts ran out with an SMS fallback
  GiveUp,      // attempts ran out with no fallback: not reached
};

struct StepOutcome {
  NextStep step = NextStep::GiveUp;
  SimTime at{};  // RetryLater: when the task may be dialled again
};

/// The task's next step after attempt number `attempts` ended at `now`. The
/// deadline rule (sms_at_deadline) comes before the attempt limit.
inline StepOutcome next_step(const TaskRule& rule, std::uint16_t attempts, bool answered, SimTime deadline,
                             SimTime now) noexcept {
  if (answered) return {NextStep::Reached, now};
  if (rule.sms_at_deadline && now >= deadline) return {NextStep::Sms, now};
  if (attempts >= rule.max_attempts)
    return {rule.on_exhausted == OnExhausted::Sms ? NextStep::Sms : NextStep::GiveUp, now};
  return {NextStep::RetryLater, now + rule.spacing_after(attempts)};
}

/// The draws of one outbound attempt.
struct AttemptDraw {
  bool answered = false;
  Duration ring{0};      // until the person answers or the agent gives up ringing
  Duration handling{0};  // answered: talk, wrap-up and contact entry over the efficiency; else no-answer handling
};

/// Draws attempt number `t.attempts` (already counted) started at `now` by an
/// agent of `pool`, from the task's own engine: answered or not, then the ring,
/// then the handling time. The order of the draws is part of the results.
/// `samplers`: the plan's, or a run's copy of them.
inline AttemptDraw draw_attempt(const Plan& plan, const Samplers& samplers, const PoolRule& pool, Task& t,
                                SimTime now) {
  AttemptDraw d;
  const auto hour = static_cast<std::size_t>((kernel::ms_of(now) % kernel::kDay.count()) / kernel::kHour.count());
  d.answered = t.rng.uniform01() < plan.answer_p(t.attempts, hour);
  d.ring = samplers.ring(t.rng);
  if (d.answered) {
    const std::size_t ty = index_of(t.type);
    double talk = static_cast<double>(samplers.talk[ty](t.rng).count()) +
                  static_cast<double>(samplers.wrap_up[ty](t.rng).count());
    talk += contact_entry_ms(samplers, ty, t.contacts_total, t.rng);
    d.handling = Duration{round_over_efficiency(talk, pool.efficiency)};
  } else {
    d.handling = samplers.no_answer(t.rng);
  }
  return d;
}

/// Whether task `t`'s call, which reached the person at attempt number `t.attempts`
/// (0: the person called in), ends with an appointment: one draw from `rng`, an
/// engine of the outcome stream keyed by the task, so that the task's own draws,
/// and every run without outcomes, are unchanged.
inline bool draws_appointment(const Plan& plan, const Task& t, kernel::KeyedEngine rng) noexcept {
  const double share = plan.tasks[index_of(t.type)].appointment_share(t.attempts);
  return share > 0 && rng.uniform01() < share;
}

}  // namespace tracesim::model::detail
