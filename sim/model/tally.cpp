// SPDX-License-Identifier: Apache-2.0
#include "tally.hpp"

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
  result_.pools.resize(plan.pools.size());
  for (std::size_t p = 0; p < plan.pools.size(); ++p) result_.pools[p].name = plan.pool_names[p];
  today_ = &result_.days.front();
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

RunResult Tally::close(const Ledger& books, std::uint64_t events, bool stopped) {
  result_.events = events;
  result_.stopped = stopped;
  check_conservation(result_, books);
  return std::move(result_);
}

}  // namespace tracesim::model::detail
