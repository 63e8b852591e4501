// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "conservation.hpp"
#include "detail/entities.hpp"
#include "tracesim/model/observer.hpp"
#include "tracesim/model/plan.hpp"
#include "tracesim/model/results.hpp"

// The tally (private to the model): the one place where a fact of the run is
// counted, for its day and in the run's totals, and reported to the observer.
namespace tracesim::model::detail {

class Tally {
 public:
  /// Empty counts for every day and pool of `plan`; `observer` may be null.
  Tally(const Plan& plan, Observer* observer);

  /// Facts from now on belong to day `day` (0-based). Called at each day's start.
  void start_day(std::size_t day) noexcept { today_ = &result_.days[day]; }
  [[nodiscard]] DayStats& day(std::size_t day) noexcept { return result_.days[day]; }

  /// A task arrived; an index case brings `names` contacts it would name if interviewed.
  void task_arrived(TaskType type, std::uint32_t names) noexcept {
    ++result_.tasks[index_of(type)].arrived;
    ++today_->arrived[index_of(type)];
    result_.tasks[index_of(TaskType::ContactCall)].named += names;
  }
  /// A task open at the start, from an initial state: on the books, not an arrival.
  void task_initial(TaskType type) noexcept {
    ++result_.tasks[index_of(type)].initial;
    result_.initial_state = true;
  }
  /// The states saved at midnights, handed over with the results.
  void add_snapshot(Snapshot s) { result_.snapshots.push_back(std::move(s)); }
  void sms_sent(TaskType type) noexcept {
    ++today_->sms_sent[index_of(type)];
    ++result_.tasks[index_of(type)].sms_sent;
  }
  /// Attempt number `t.attempts` (already counted) of `t` started at `now`, keeping an
  /// agent of `pool` busy for `busy`.
  void attempt_started(const Task& t, std::uint32_t pool, bool answered, Duration busy, SimTime now) noexcept {
    const std::size_t ty = index_of(t.type);
    if (t.attempts == 1) result_.tasks[ty].first_call_times.add(now - t.created);
    ++today_->attempts[ty];
    if (answered) ++today_->connected[ty];
    today_->busy_ms += busy.count();
    ++result_.tasks[ty].attempts;
    if (answered) ++result_.tasks[ty].connected;
    ++result_.pools[pool].attempts;
    result_.pools[pool].busy_ms += busy.count();
  }
  /// An attempt or answered call ended: `make()` builds its AttemptRecord, only if observed.
  template <class MakeRecord>
  void attempt_ended(MakeRecord&& make) {
    if (observer_ != nullptr) observer_->on_attempt(make());
  }
  /// An agent of `pool` worked `over` past the end of its shift.
  void overtime(std::uint32_t pool, Duration over) noexcept {
    today_->overtime_ms += over.count();
    result_.pools[pool].overtime_ms += over.count();
  }
  /// A task reached its final state at `at`.
  void task_final(const Task& t, FinalState state, SimTime at);

  void call_offered() noexcept {
    ++result_.inbound.offered;
    ++today_->inbound_offered;
  }
  void call_refused() noexcept {
    ++result_.inbound.refused_closed;
    ++today_->inbound_refused_closed;
  }
  void call_abandoned(Duration waited) noexcept {
    result_.inbound.wait_all_ms += waited.count();
    ++result_.inbound.abandoned;
    ++today_->inbound_abandoned;
  }
  /// A caller was answered after `waited`; `within`: within the service-level threshold.
  void call_answered(Duration waited, bool within) {
    InboundTotals& in = result_.inbound;
    ++in.answered;
    ++today_->inbound_answered;
    in.wait_all_ms += waited.count();
    in.wait_answered_ms += waited.count();
    today_->inbound_wait_answered_ms += waited.count();
    in.answered_waits.add(waited);
    if (waited.count() > 0) ++in.waited;
    if (within) {
      ++in.answered_within_threshold;
      ++today_->inbound_answered_within_threshold;
    }
  }
  /// An agent of `pool` took an inbound call that keeps it busy for `busy`.
  void call_handled(std::uint32_t pool, Duration busy) noexcept {
    today_->busy_ms += busy.count();
    result_.pools[pool].busy_ms += busy.count();
    ++result_.pools[pool].inbound_answered;
  }

  /// `agents` agents of `pool` came on a shift of `working` paid time today.
  void shift_started(std::uint32_t pool, Duration working, int agents) noexcept {
    today_->staffed_ms += working.count() * agents;
    result_.pools[pool].staffed_ms += working.count() * agents;
    ++result_.pools[pool].active_days;
  }
  /// An agent of `pool` carried on into a new shift of `working` paid time.
  void shift_continued(std::uint32_t pool, Duration working) noexcept {
    today_->staffed_ms += working.count();
    result_.pools[pool].staffed_ms += working.count();
  }
  /// An agent went off shift: `make()` builds its AgentShiftRecord, only if observed.
  template <class MakeRecord>
  void agent_off(MakeRecord&& make) {
    if (observer_ != nullptr) observer_->on_agent_shift(make());
  }

  /// Overload: a stale task is sent an SMS instead (counted here, then as reached by SMS).
  void stale_to_sms(TaskType type) noexcept {
    ++result_.tasks[index_of(type)].stale_to_sms;
    ++today_->stale_to_sms[index_of(type)];
  }

  /// A task reached by call: `appointment` if its call ended with one.
  void call_outcome(TaskType type, bool appointment) noexcept {
    if (!appointment) return;
    ++result_.tasks[index_of(type)].appointments;
    ++today_->appointments[index_of(type)];
  }
  /// Back-office work: `n` items born; an agent of `pool` took one of `work`;
  /// one was done (`late`: after its deadline); `n` still pending at the horizon.
  /// A back-office item waiting at the start, from a snapshot: on the books, not born in the run.
  void back_office_initial() noexcept {
    ++result_.back_office.initial;
    result_.initial_state = true;
  }
  void back_office_created(std::uint32_t n) noexcept {
    result_.back_office.created += n;
    today_->back_office_created += n;
  }
  void back_office_started(std::uint32_t pool, Duration work) noexcept {
    today_->busy_ms += work.count();
    result_.pools[pool].busy_ms += work.count();
    result_.back_office.work_ms += work.count();
  }
  void back_office_done(bool late) noexcept {
    ++result_.back_office.done;
    ++today_->back_office_done;
    if (late) {
      ++result_.back_office.done_late;
      ++today_->back_office_done_late;
    }
  }
  void back_office_pending(std::uint64_t n) noexcept { result_.back_office.pending += n; }

  /// A task still unresolved at the horizon.
  void task_pending(TaskType type) noexcept { ++result_.tasks[index_of(type)].pending; }
  /// The inbound line at the end of the run: callers still waiting and their time in
  /// queue so far (Little's law over [0, T]), the queue's time integral, the horizon.
  void close_line(std::uint64_t waiting, std::int64_t wait_ms, double queue_area_ms, SimTime end) noexcept {
    result_.inbound.waiting_at_horizon += waiting;
    result_.inbound.wait_all_ms += wait_ms;
    result_.inbound.queue_area_ms += queue_area_ms;
    result_.inbound.horizon_ms = kernel::ms_of(end);
  }
  /// The warm-up ends at `now`, a day's start, with the inbound queue's time integral
  /// so far: the totals up to here are kept aside and taken off at the end, so every
  /// total covers only the days after the warm-up (the days keep their own counts).
  void end_warm_up(double queue_area_ms, SimTime now);
  /// Checks the books (InternalError if they do not balance) and hands the results over.
  RunResult close(const Ledger& books, std::uint64_t events, bool stopped);

 private:
  struct WarmUp {
    std::array<TaskTotals, kTaskTypes> tasks;
    std::vector<PoolTotals> pools;
    InboundTotals inbound;
    BackOfficeTotals back_office;
  };
  RunResult result_;
  std::optional<WarmUp> warm_up_;
  DayStats* today_ = nullptr;
  Observer* observer_;
  std::size_t first_day_ = 0;  // a run from a snapshot starts on a later day: the days before are not kept
};

}  // namespace tracesim::model::detail
