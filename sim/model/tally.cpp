// SPDX-License-Identifier: Apache-2.0
#include "tally.hpp"

#include <algorithm>

namespace tracesim::model::detail {

Tally::Tally(const Plan& plan, Observer* observer) : observer_{observer} {
  result_.days.resize(plan.days.size());
  for (std::size_t d = 0; d < plan.days.size(); ++d) {
    result_.days[d].date = plan.days[d].date;
    result_.days[d].working_day = plan.days[d].weekday < 5 && plan.days[d].is_open() && !plan.days[d].holiday;
  }
  result_.stale_rules = plan.stale_rules;
  result_.outcomes = plan.outcomes;
  result_.back_office_kinds = !plan.back_office.empty();
  result_.warm_up_days = static_cast<std::uint32_t>(plan.warm_up_days);
  result_.pools.resize(plan.pools.size());
  for (std::size_t p = 0; p < plan.pools.size(); ++p) result_.pools[p].name = plan.pool_names[p];
  first_day_ = static_cast<std::size_t>(std::clamp<std::int32_t>(plan.first_day, 0, plan.day_count() - 1));
  today_ = &result_.days[first_day_];
}

void Tally::task_final(const Task& t, FinalState state, SimTime at) {
  const std::size_t ty = index_of(t.type);
  TaskTotals& tot = result_.tasks[ty];
  DayStats& day = *today_;
  if (state == FinalState::NotReached) {
    ++tot.not_reached;
    ++day.not_reached[ty];
  } else if (state == FinalState::DroppedStale) {
    ++tot.stale_dropped;
    ++day.stale_dropped[ty];
  } else if (state == FinalState::HandedToNational) {
    ++tot.to_national;
    ++day.to_national[ty];
  } else {
    if (state == FinalState::ReachedByCall) {
      ++tot.reached_call;
      ++day.reached_call[ty];
    } else {
      ++tot.reached_sms;
      ++day.reached_sms[ty];
    }
    const Duration delay = at - t.created;
    if (delay <= 12 * kernel::kHour) ++tot.reached_within_12h;
    if (delay <= 24 * kernel::kHour) ++tot.reached_within_24h;
    if (at <= t.deadline) ++tot.reached_within_deadline;
    tot.reach_times.add(delay);
  }
  if (observer_ != nullptr)
    observer_->on_task_final(TaskRecord{t.key, t.type, t.segment, state, t.attempts, t.created, t.deadline, at});
}

namespace {

// Totals minus the warm-up's: every additive field of each kind of total. A field
// added to a total must be added here too (tests/unit/model/warm_up_test.cpp checks
// the totals against the days after the warm-up).
void take_off(ReachTimes& t, const ReachTimes& w) {
  for (std::size_t i = 0; i < t.minutes.size(); ++i) t.minutes[i] -= w.minutes[i];
  t.count -= w.count;
  t.sum_ms -= w.sum_ms;
}
void take_off(WaitTimes& t, const WaitTimes& w) {
  for (std::size_t i = 0; i < t.seconds.size(); ++i) t.seconds[i] -= w.seconds[i];
  t.count -= w.count;
}
void take_off(TaskTotals& t, const TaskTotals& w) {
  for (auto [field, warm] : {std::pair{&t.arrived, w.arrived}, {&t.initial, w.initial},
                             {&t.reached_call, w.reached_call},
                             {&t.reached_sms, w.reached_sms}, {&t.not_reached, w.not_reached},
                             {&t.pending, w.pending}, {&t.reached_within_12h, w.reached_within_12h},
                             {&t.reached_within_24h, w.reached_within_24h},
                             {&t.reached_within_deadline, w.reached_within_deadline}, {&t.attempts, w.attempts},
                             {&t.connected, w.connected}, {&t.sms_sent, w.sms_sent}, {&t.named, w.named},
                             {&t.stale_dropped, w.stale_dropped}, {&t.stale_to_sms, w.stale_to_sms},
                             {&t.to_national, w.to_national}, {&t.appointments, w.appointments}})
    *field -= warm;
  take_off(t.reach_times, w.reach_times);
  take_off(t.first_call_times, w.first_call_times);
}
void take_off(InboundTotals& t, const InboundTotals& w) {
  for (auto [field, warm] : {std::pair{&t.offered, w.offered}, {&t.answered, w.answered}, {&t.abandoned, w.abandoned},
                             {&t.refused_closed, w.refused_closed}, {&t.waiting_at_horizon, w.waiting_at_horizon},
                             {&t.answered_within_threshold, w.answered_within_threshold}, {&t.waited, w.waited}})
    *field -= warm;
  t.wait_answered_ms -= w.wait_answered_ms;
  t.wait_all_ms -= w.wait_all_ms;
  t.queue_area_ms -= w.queue_area_ms;
  t.horizon_ms -= w.horizon_ms;
  take_off(t.answered_waits, w.answered_waits);
}
void take_off(PoolTotals& t, const PoolTotals& w) {
  t.staffed_ms -= w.staffed_ms;
  t.busy_ms -= w.busy_ms;
  t.overtime_ms -= w.overtime_ms;
  t.attempts -= w.attempts;
  t.inbound_answered -= w.inbound_answered;
  t.active_days -= w.active_days;
}
void take_off(BackOfficeTotals& t, const BackOfficeTotals& w) {
  t.initial -= w.initial;
  t.created -= w.created;
  t.done -= w.done;
  t.done_late -= w.done_late;
  t.pending -= w.pending;
  t.work_ms -= w.work_ms;
}

}  // namespace

void Tally::end_warm_up(double queue_area_ms, SimTime now) {
  warm_up_ = WarmUp{result_.tasks, result_.pools, result_.inbound, result_.back_office};
  warm_up_->inbound.queue_area_ms = queue_area_ms;  // the line adds its whole integral at the end
  warm_up_->inbound.horizon_ms = kernel::ms_of(now);
}

RunResult Tally::close(const Ledger& books, std::uint64_t events, bool stopped) {
  result_.events = events;
  result_.stopped = stopped;
  check_conservation(result_, books);  // over the whole run, warm-up included
  if (warm_up_) {
    for (std::size_t ty = 0; ty < kTaskTypes; ++ty) take_off(result_.tasks[ty], warm_up_->tasks[ty]);
    for (std::size_t p = 0; p < result_.pools.size(); ++p) take_off(result_.pools[p], warm_up_->pools[p]);
    take_off(result_.inbound, warm_up_->inbound);
    take_off(result_.back_office, warm_up_->back_office);
  }
  if (first_day_ > 0) {  // a run from a snapshot: its days start on the snapshot's day
    result_.days.erase(result_.days.begin(), result_.days.begin() + static_cast<std::ptrdiff_t>(first_day_));
    const auto first = static_cast<std::uint32_t>(first_day_);
    result_.warm_up_days = result_.warm_up_days > first ? result_.warm_up_days - first : 0;
  }
  return std::move(result_);
}

}  // namespace tracesim::model::detail
