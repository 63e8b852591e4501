// SPDX-License-Identifier: Apache-2.0
// One replication of a contact-tracing platform: the coordinator. It owns the
// kernel, the tasks and the work list, dispatches each event, and runs the
// handlers that span components; the components (arrivals, inbound line,
// roster, tally, and the pure outbound and blend rules) return outcomes and
// never call back into it. It reads only the compiled plan and the run state.
#include "tracesim/model/platform.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "arrivals.hpp"
#include "back_office.hpp"
#include "blend.hpp"
#include "books.hpp"
#include "detail/entities.hpp"
#include "detail/events.hpp"
#include "epochs.hpp"
#include "inbound_line.hpp"
#include "initial_state.hpp"
#include "outbound.hpp"
#include "roster.hpp"
#include "sms.hpp"
#include "stale.hpp"
#include "tally.hpp"
#include "task_store.hpp"
#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/plan.hpp"
#include "work_list.hpp"

namespace tracesim::model {
namespace {

using namespace detail;
using kernel::kDay;
using kernel::Phase;
using kernel::SimTime;

class Platform {
 public:
  Platform(const Plan& plan, const RunOptions& options)
      : plan_{&plan},
        epochs_{plan},
        opt_{options},
        samplers_{plan.samplers},
        arrivals_{plan, options.seed, options.replication},
        tally_{plan, options.observer},
        line_{plan},
        roster_{plan, sim_},
        sms_{plan},
        national_{plan.national_capacity_per_day},
        days_{plan.day_count()} {
    work_.configure(plan_->ranks, plan_->order, plan_->index_before_contacts);
    for (auto& lane : lanes_) lane = sim_.add_lane();
  }

  RunResult run() {  // from the first day and initial state; saves the state at each snapshot day
    for (std::int32_t d = plan_->first_day; d < days_; ++d)
      sim_.schedule_in_lane(lanes_[kDaysLane], day_start(d), Phase::Release, kDayStart,
                            static_cast<std::uint32_t>(d));
    const InitialState* initial = initial_state_for(*plan_, opt_);
    if (plan_->independent_calls && !(initial && initial->run)) schedule_next_independent();
    if (initial) restore_state(*initial, *plan_, opt_, parts());
    sim_.set_event_budget(opt_.event_budget);
    sim_.set_stop_token(opt_.stop);
    const auto on = [this](const kernel::Event& e) { handle(e); };
    for (const std::int32_t day : opt_.snapshot_days) {
      if (sim_.run_until(day_start(day) - kernel::kMillisecond, on) == kernel::RunOutcome::Stopped)
        return close_books(true);
      tally_.add_snapshot(capture_state(*plan_, opt_, day, parts()));
    }
    return close_books(sim_.run_until(day_start(days_), on) == kernel::RunOutcome::Stopped);
  }
  PlatformParts parts() {
    return {sim_, lanes_, tasks_, work_, line_, roster_, arrivals_, sms_, office_, tally_};
  }

 private:
  // The end of the run: what is still pending or waiting is counted, then the
  // books are checked and the results handed over.
  RunResult close_books(bool stopped) {
    const Ledger books = close_run(sim_.now(), tasks_, line_, roster_, office_, tally_);
    return tally_.close(books, sim_.events_processed(), stopped);
  }

  SimTime day_start(std::int32_t d) const { return SimTime{kDay * d}; }
  std::int32_t day_index(SimTime t) const {
    const auto d = static_cast<std::int32_t>(kernel::ms_of(t) / kDay.count());
    return std::clamp(d, 0, days_ - 1);
  }
  // Today's opening hours are copied at each day's start (the first event of the
  // day), so the hot path needs neither a division nor a table look-up.
  bool is_open_now() const {
    const SimTime t = sim_.now();
    return t >= open_from_ && t < open_until_;
  }

  // ---- dispatch ----------------------------------------------------------
  void handle(const kernel::Event& e) {
    switch (e.kind) {
      case kDayStart: on_day_start(static_cast<std::int32_t>(e.entity)); break;
      case kTaskArrival: if (tasks_.is_live(e.entity, e.data, TaskState::Scheduled)) arrive(e.entity); break;
      case kPlatformOpens: wake_idle(/*back_office=*/false); break;
      case kShiftStart: on_shift_start(e.entity, e.data); break;
      case kBreakEnd: if (shift_event_live(e) && roster_.is_on_break(e.entity)) become_available(e.entity); break;
      case kShiftMarks: roster_.run_marks(e.entity, e.data, [this](std::uint32_t a, Mark m) { on_mark(a, m); }); break;
      case kAttemptEnd: if (roster_.is_work_event_live(e.entity, e.data)) on_attempt_end(e.entity); break;
      case kInboundArrival: if (line_.is_live(e.entity, e.data)) offer_call(e.entity); break;
      case kInboundAbandon: on_inbound_abandon(e.entity, e.data); break;
      case kIndependentCall: on_independent_call(); break;
      case kTaskReady: if (tasks_.is_live(e.entity, e.data, TaskState::Waiting)) enqueue(e.entity); break;
      case kTaskDeadline: on_task_deadline(e.entity, e.data); break;
      case kTaskStale: if (is_stale_check_live(tasks_[e.entity], e.data)) drop_stale(e.entity); break;
      case kDayClose: close_day(e.entity, sim_.now(), *plan_, tasks_, tally_, roster_); break;
      case kBackOfficeEnd: if (roster_.is_work_event_live(e.entity, e.data)) on_back_office_end(e.entity); break;
      default: throw std::logic_error("unknown event kind " + std::to_string(e.kind));
    }
  }
  bool shift_event_live(const kernel::Event& e) const { return roster_.is_shift_event_live(e.entity, e.data); }

  // ---- days and demand ---------------------------------------------------
  void on_day_start(std::int32_t d) {
    current_day_ = d;
    if (epochs_.enter_day(static_cast<std::size_t>(d))) {  // a dated change: new laws from 00:00
      plan_ = &epochs_.current();
      samplers_ = plan_->samplers;
      arrivals_.use(*plan_);
    }
    tally_.start_day(static_cast<std::size_t>(d));
    const DayPlan& day = plan_->days[static_cast<std::size_t>(d)];
    open_from_ = day.open_from;
    open_until_ = day.open_until;
    const SimTime start = day.start;
    if (d > plan_->first_day && static_cast<std::size_t>(d) == plan_->warm_up_days)
      tally_.end_warm_up(line_.queue_area_until(start), start);
    generate_cases(day);
    if (day.is_open()) {
      sim_.schedule_at(day.open_from, Phase::Dispatch, kPlatformOpens, 0);
      sim_.schedule_at(day.open_until, Phase::Sample, kDayClose, static_cast<std::uint32_t>(d));
      roster_.schedule_day(static_cast<std::size_t>(d), start);
    } else {
      sim_.schedule_at(start + kDay - kernel::kMillisecond, Phase::Sample, kDayClose,
                       static_cast<std::uint32_t>(d));
    }
  }

  void generate_cases(const DayPlan& day) {
    const std::int64_t n = arrivals_.cases_on(day);
    for (std::int64_t i = 0; i < n; ++i) {
      const std::uint32_t ti = tasks_.new_case(arrivals_.next_case_key());
      Task& t = tasks_[ti];
      const NewCase c = arrivals_.draw_case(t.rng);
      t.segment = c.segment;
      t.inbound_first = c.inbound_first;
      t.contacts_total = c.contacts;
      sim_.schedule_at(day.start + c.release, Phase::Arrival, kTaskArrival, ti, t.gen);
    }
  }

  void schedule_next_independent() {
    if (const auto at = arrivals_.next_independent())
      sim_.schedule_in_lane(lanes_[kIndependentCallsLane], *at, Phase::Arrival, kIndependentCall, 0);
  }

  void on_independent_call() {
    offer_call(line_.open_call(arrivals_.next_call_key(), CallKind::Independent));
    schedule_next_independent();
  }

  // A case or contact enters the platform now: counted, then routed to SMS or the work list.
  void arrive(std::uint32_t ti) {
    Task& t = tasks_[ti];
    const std::size_t ty = index_of(t.type);
    const SimTime now = sim_.now();
    tally_.task_arrived(t.type, t.type == TaskType::IndexInterview ? t.contacts_total : 0);
    t.created = now;
    t.deadline = now + plan_->tasks[ty].deadline;
    const bool by_sms =
        !t.inbound_first &&
        t.rng.uniform01() < plan_->sms_share(static_cast<std::size_t>(current_day_), t.segment, t.type);
    if (t.type == TaskType::IndexInterview && plan_->prelisted_contact_share > 0)
      spawn_contacts(ti, count_successes(t.rng, t.contacts_total, plan_->prelisted_contact_share), now);
    if (by_sms) {
      send_sms(ti);
      return;
    }
    if (plan_->tasks[ty].sms_at_deadline)
      sim_.schedule_in_lane(lanes_[ty], tasks_[ti].deadline, Phase::Arrival, kTaskDeadline, ti, tasks_[ti].gen);
    if (plan_->tasks[ty].stale != StaleAction::Keep)
      tasks_[ti].stale_check = sim_.schedule_in_lane(lanes_[kStaleLanes + ty],
                                                     tasks_[ti].deadline + plan_->tasks[ty].stale_after,
                                                     Phase::Arrival, kTaskStale, ti, tasks_[ti].gen);
    if (tasks_[ti].inbound_first) {
      // The case calls the platform: it waits on the inbound line.
      tasks_[ti].state = TaskState::Inbound;
      offer_call(line_.open_call(tasks_[ti].rng(), CallKind::IndexFirst, ti, tasks_[ti].gen));
      return;
    }
    enqueue(ti);
  }

  // Creates `count` more contacts of index task `index`, arriving at `at`.
  void spawn_contacts(std::uint32_t index, std::uint32_t count, SimTime at) {
    for (std::uint32_t j = 0; j < count; ++j) {
      const std::uint32_t ci = tasks_.new_contact(index);
      if (at == sim_.now()) {
        arrive(ci);
      } else {
        sim_.schedule_at(at, Phase::Arrival, kTaskArrival, ci, tasks_[ci].gen);
      }
    }
  }

  // ---- SMS ---------------------------------------------------------------
  void send_sms(std::uint32_t ti) {
    const SimTime delivered = sms_.send(sim_.now());
    tally_.sms_sent(tasks_[ti].type);
    if (tasks_[ti].type == TaskType::IndexInterview) {
      Task& t = tasks_[ti];
      spawn_contacts(ti, sms_.declared_contacts(t.rng, t.contacts_total - t.contacts_created), delivered);
    }
    if (sms_.calls_back(tasks_[ti].rng)) schedule_call_back(ti, CallKind::SmsCallBack, delivered);
    finalize(ti, FinalState::ReachedBySms, delivered);
  }

  // A person calls the platform `call_back_delay` after `from`.
  void schedule_call_back(std::uint32_t ti, CallKind kind, SimTime from) {
    const std::uint32_t ci = line_.open_call(tasks_[ti].rng(), kind, ti, tasks_[ti].gen);
    InboundCall& c = line_.call(ci);
    sim_.schedule_at(from + samplers_.call_back_delay(c.rng), Phase::Arrival, kInboundArrival, ci, c.gen);
  }

  // ---- inbound line ------------------------------------------------------
  // A call reaches the line now: refused while closed, answered at once by an idle
  // agent, or queued with a patience timer.
  void offer_call(std::uint32_t ci) {
    const SimTime now = sim_.now();
    tally_.call_offered();
    const bool open = is_open_now();
    const std::uint32_t agent = open ? roster_.idle_for_inbound() : kNoAgent;
    const OfferOutcome offer = line_.offer(ci, now, open, agent != kNoAgent);
    switch (offer.result) {
      case Offer::Refused:
        tally_.call_refused();
        give_up_call(ci, /*retry=*/false);
        break;
      case Offer::ServeNow:
        roster_.leave_idle(agent);
        start_inbound(agent, ci);
        break;
      case Offer::Queued:
        if (plan_->patience_limited) {
          InboundCall& c = line_.call(ci);
          sim_.schedule_at(offer.patience_from + samplers_.patience(c.rng), Phase::Arrival, kInboundAbandon, ci,
                           c.gen);
        }
        break;
    }
  }

  void on_inbound_abandon(std::uint32_t ci, std::uint32_t gen) {
    if (const std::optional<Duration> waited = line_.abandon(ci, gen, sim_.now())) {
      tally_.call_abandoned(*waited);
      give_up_call(ci, /*retry=*/true);
    }
  }

  // The caller leaves without being answered: calls again later, or the case
  // that called in first goes back to the outbound list.
  void give_up_call(std::uint32_t ci, bool retry) {
    if (retry) {
      if (const std::optional<SimTime> at = line_.retry_at(ci, sim_.now())) {
        sim_.schedule_at(*at, Phase::Arrival, kInboundArrival, ci, line_.call(ci).gen);
        return;
      }
    }
    const InboundCall& c = line_.call(ci);
    if (c.kind == CallKind::IndexFirst) {
      tasks_[c.task].inbound_first = false;  // the platform will call them
      enqueue(c.task);
    }
    line_.close_call(ci);
  }

  void start_inbound(std::uint32_t a, std::uint32_t ci) {
    const Agent& ag = roster_.agent(a);
    InboundCall& c = line_.call(ci);
    const SimTime now = sim_.now();
    const Duration waited = line_.answer(ci, now);
    tally_.call_answered(waited, waited <= plan_->service_level_threshold);
    const bool interview = c.kind == CallKind::IndexFirst;
    const Duration total = inbound_handling(samplers_, plan_->pools[ag.pool], interview ? tasks_[c.task].rng : c.rng,
                                            interview, interview ? tasks_[c.task].contacts_total : 0);
    roster_.start_work(a, ci, now, now, true, /*inbound=*/true);
    tally_.call_handled(ag.pool, total);
    sim_.schedule_in(total, Phase::Arrival, kAttemptEnd, a, ag.gen);
  }

  // The end of an answered inbound call: a case that called in is interviewed,
  // a person calling back after a missed call is reached.
  void end_inbound(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    const std::uint32_t ci = ag.task;
    const InboundCall c = line_.call(ci);
    line_.close_call(ci);
    tally_.attempt_ended([&] {
      const bool linked = c.kind == CallKind::IndexFirst || c.kind == CallKind::MissedCallBack;
      return AttemptRecord{a, ag.pool, linked ? tasks_[c.task].key : 0,
                           linked ? tasks_[c.task].type : TaskType::IndexInterview, 0, true, true,
                           ag.busy_since, sim_.now(), ag.shift_end};
    });
    if (c.kind != CallKind::IndexFirst && c.kind != CallKind::MissedCallBack) return;
    Task& t = tasks_[c.task];
    if (t.gen != c.task_gen) return;  // resolved meanwhile
    if (c.kind == CallKind::MissedCallBack && t.state != TaskState::Queued && t.state != TaskState::Waiting) return;
    if (c.kind == CallKind::IndexFirst && t.state != TaskState::Inbound) return;
    if (t.type == TaskType::IndexInterview)
      spawn_contacts(c.task, tasks_[c.task].contacts_total - tasks_[c.task].contacts_created, sim_.now());
    finalize(c.task, FinalState::ReachedByCall, ag.reach_time);
  }

  // ---- work list and agents ----------------------------------------------
  void enqueue(std::uint32_t ti) {
    Task& t = tasks_[ti];
    if (is_stale(plan_->tasks[index_of(t.type)], t.deadline, sim_.now()) && drop_stale(ti)) return;
    // Fast path: an idle agent who may take this task now takes it directly. An
    // agent idle while it may work means the queues of its skills hold nothing it
    // could take (it would have taken it), so this task is the best for it.
    // Pools that keep agents idle on purpose (reserve, pause) go through the list.
    if (may_work_on(t.type)) {
      for (std::size_t p = 0; p < plan_->pools.size(); ++p) {
        const PoolRule& pool = plan_->pools[p];
        if (!pool.has_skill(t.type) || roster_.idle(p).empty()) continue;
        if (!takes_new_work_at_once(pool)) break;
        const std::uint32_t a = roster_.idle(p).back();
        roster_.leave_idle(a);
        start_attempt(a, ti);
        return;
      }
    }
    t.state = TaskState::Queued;
    const std::size_t rank = plan_->segment_rank[t.segment];
    const std::int64_t primary = kernel::ms_of(t.deadline);
    work_.push(rank, t.type, primary, ti, t.gen);
    // Wake one idle agent able to take this type, if any.
    for (std::size_t p = 0; p < plan_->pools.size(); ++p) {
      if (!plan_->pools[p].has_skill(t.type) || roster_.idle(p).empty()) continue;
      const std::uint32_t a = roster_.idle(p).back();
      if (try_start(a)) return;
    }
  }

  bool may_work_on(TaskType type) const {
    return !plan_->tasks[index_of(type)].only_while_open || is_open_now();
  }

  bool take_caller(std::uint32_t a) {
    if (const auto ci = line_.next_caller()) {
      if (roster_.agent(a).state == AgentState::Idle) roster_.leave_idle(a);
      start_inbound(a, *ci);
      return true;
    }
    return false;
  }

  // Starts the best work agent `a` may take now, as the pool's blend rule orders
  // inbound callers and outbound work; false if there is none.
  bool try_start(std::uint32_t a) {
    const std::uint32_t pool = roster_.agent(a).pool;
    const PoolRule& pc = plan_->pools[pool];
    const bool callers = pc.inbound && line_.waiting() > 0 && is_open_now();
    if (callers && callers_first(pc, line_.waiting()) && take_caller(a)) return true;
    if (try_outbound(a)) return true;
    return (callers && take_caller(a)) || try_back_office(a);
  }

  // The pool's blend rule lets agent `a` take work other than a caller now.
  bool may_leave_line(std::uint32_t a) const {
    const Agent& ag = roster_.agent(a);
    const auto others = [&] { return roster_.idle(ag.pool).size() - (ag.state == AgentState::Idle ? 1u : 0u); };
    return may_dial(plan_->pools[ag.pool], others, line_.waiting());
  }

  bool try_outbound(std::uint32_t a) {
    const std::uint32_t pool = roster_.agent(a).pool;
    if (!may_leave_line(a)) return false;
    std::array<bool, kTaskTypes> allowed{};
    for (std::size_t ty = 0; ty < kTaskTypes; ++ty)
      allowed[ty] = plan_->pools[pool].has_skill(static_cast<TaskType>(ty)) && may_work_on(static_cast<TaskType>(ty));
    const std::uint32_t ti = work_.pop_best(allowed, [this](std::uint32_t i, std::uint32_t gen) {
      return tasks_[i].gen == gen && tasks_[i].state == TaskState::Queued;
    });
    if (ti == WorkList::kNoTask) return false;
    if (roster_.agent(a).state == AgentState::Idle) roster_.leave_idle(a);
    start_attempt(a, ti);
    return true;
  }

  // Agent `a` has finished its work, or just came on: work if there is any.
  void become_available(std::uint32_t a) {
    switch (roster_.free_agent(a, sim_.now())) {
      case Freed::Available: break;
      case Freed::OnBreak:
      case Freed::Winding: return;
      case Freed::Off: return agent_went_off(a);
    }
    if (!try_start(a)) roster_.make_idle(a);
  }

  void agent_went_off(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    tally_.agent_off([&] { return AgentShiftRecord{a, ag.pool, ag.on, sim_.now(), ag.shift_end}; });
  }

  void start_attempt(std::uint32_t a, std::uint32_t ti) {
    const Agent& ag = roster_.agent(a);
    Task& t = tasks_[ti];
    const PoolRule& pool = plan_->pools[ag.pool];
    const SimTime now = sim_.now();
    t.state = TaskState::InCall;
    ++t.attempts;
    const AttemptDraw draw = draw_attempt(*plan_, samplers_, pool, t, now);
    roster_.start_work(a, ti, now, now + draw.ring, draw.answered, /*inbound=*/false);
    const Duration total = draw.ring + draw.handling;
    tally_.attempt_started(t, ag.pool, draw.answered, total, now);
    if (draw.answered)
      sim_.schedule_in(total, Phase::Arrival, kAttemptEnd, a, ag.gen);
    else  // a fixed ring and no-answer handling: these end in the order they start
      sim_.schedule_in_lane(lanes_[kNoAnswerLane], now + total, Phase::Arrival, kAttemptEnd, a, ag.gen);
  }

  void on_attempt_end(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    const SimTime now = sim_.now();
    const std::uint32_t ti = ag.task;
    if (now > ag.shift_end) {
      const Duration over = now - std::max(ag.busy_since, ag.shift_end);
      tally_.overtime(ag.pool, over);
    }
    if (roster_.end_work(a)) {
      end_inbound(a);
      return become_available(a);
    }
    tally_.attempt_ended([&] {
      const Task& t = tasks_[ti];
      return AttemptRecord{a, ag.pool, t.key, t.type, t.attempts, ag.answered, false, ag.busy_since, now, ag.shift_end};
    });
    Task& t = tasks_[ti];
    const StepOutcome next = next_step(plan_->tasks[index_of(t.type)], t.attempts, ag.answered, t.deadline, now);
    switch (next.step) {
      case NextStep::Reached:
        if (t.type == TaskType::IndexInterview)
          spawn_contacts(ti, tasks_[ti].contacts_total - tasks_[ti].contacts_created, now);
        finalize(ti, FinalState::ReachedByCall, ag.reach_time);
        break;
      case NextStep::Sms: send_sms(ti); break;
      case NextStep::GiveUp: finalize(ti, FinalState::NotReached, now); break;
      case NextStep::RetryLater:
        t.state = TaskState::Waiting;
        sim_.schedule_in_lane(lanes_[kRetryLanes + index_of(t.type)], next.at, Phase::Arrival, kTaskReady, ti,
                              t.gen);
        if (plan_->missed_call_back_share > 0 && t.rng.uniform01() < plan_->missed_call_back_share)
          schedule_call_back(ti, CallKind::MissedCallBack, now);
        break;
    }
    become_available(a);
  }

  void on_task_deadline(std::uint32_t ti, std::uint32_t gen) {
    Task& t = tasks_[ti];
    if (t.gen != gen || (t.state != TaskState::Queued && t.state != TaskState::Waiting)) return;
    ++t.gen;  // its work-list entry and retry event are now stale
    send_sms(ti);
  }

  // Overload: a task still waiting `stale_after` past its deadline (one in a call or on
  // the inbound line is caught when it next enters the work list). True if it left;
  // false if the national level is full today: it stays, offered again at the next midnight.
  bool drop_stale(std::uint32_t ti) {
    const TaskType type = tasks_[ti].type;
    switch (stale_step(plan_->tasks[index_of(type)], national_, current_day_)) {
      case StaleStep::Drop: finalize(ti, FinalState::DroppedStale, sim_.now()); return true;
      case StaleStep::National: finalize(ti, FinalState::HandedToNational, sim_.now()); return true;
      case StaleStep::Sms: tally_.stale_to_sms(type); ++tasks_[ti].gen; send_sms(ti); return true;
      case StaleStep::Stays: break;
    }
    if (current_day_ + 1 < days_)
      sim_.schedule_at(day_start(current_day_ + 1), Phase::Arrival, kTaskStale, ti, tasks_[ti].gen);
    return false;
  }

  void finalize(std::uint32_t ti, FinalState state, SimTime at) {
    if (state == FinalState::ReachedByCall && plan_->outcomes) {
      const Task& t = tasks_[ti];
      tally_.call_outcome(t.type, draws_appointment(*plan_, t, arrivals_.outcome_engine(t.key)));
    }
    if (state == FinalState::ReachedByCall && !plan_->back_office.empty()) back_office_born(ti);
    sim_.cancel(tasks_[ti].stale_check);  // no heap work for a check that would find nothing
    tasks_.finalize(ti, state, at, tally_);
  }

  // ---- back-office work --------------------------------------------------
  // Person `ti` was interviewed by phone: the items it brings are born now.
  void back_office_born(std::uint32_t ti) {
    tally_.back_office_created(office_.born(plan_->back_office, tasks_[ti].key, tasks_[ti].type, sim_.now()));
    if (office_.waiting()) wake_idle(/*back_office=*/true);
  }

  // Only when nothing else is ready (try_start), within the blend rule; never interrupted.
  bool try_back_office(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    if (!plan_->pools[ag.pool].back_office || !office_.waiting() || !may_leave_line(a)) return false;
    const std::uint32_t i = office_.take();
    if (ag.state == AgentState::Idle) roster_.leave_idle(a);
    roster_.start_work(a, i, sim_.now(), sim_.now(), false, /*inbound=*/false);
    tally_.back_office_started(ag.pool, office_.item(i).work);
    sim_.schedule_in(office_.item(i).work, Phase::Arrival, kBackOfficeEnd, a, ag.gen);
    return true;
  }

  void on_back_office_end(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    const SimTime now = sim_.now();
    if (now > ag.shift_end) tally_.overtime(ag.pool, now - std::max(ag.busy_since, ag.shift_end));
    tally_.back_office_done(office_.finish(ag.task, now));
    become_available(a);
  }

  // ---- shifts ------------------------------------------------------------
  void on_shift_start(std::uint32_t p, std::uint32_t s) {
    const SimTime now = sim_.now();
    const SimTime midnight = day_start(day_index(now));
    const int n = roster_.shift_size(p, s);
    tally_.shift_started(p, plan_->pools[p].shifts[s].available, n);
    for (int i = 0; i < n; ++i) become_available(roster_.come_on(p, s, now, midnight));
  }

  void on_mark(std::uint32_t a, Mark m) {
    if (m == Mark::Pause) return roster_.start_break(a, sim_.now());
    if (m == Mark::LastCall) return roster_.pass_last_call(a);
    on_shift_end(a);
  }

  void on_shift_end(std::uint32_t a) {
    const Agent& ag = roster_.agent(a);
    const ShiftEnd end = roster_.end_shift(a, sim_.now());
    if (end == ShiftEnd::Off) return agent_went_off(a);
    if (end == ShiftEnd::FinishesCall) return;  // overtime is counted at the call's end
    tally_.shift_continued(ag.pool, plan_->pools[ag.pool].shifts[ag.shift].available);
    if (end == ShiftEnd::Resumes) become_available(a);
  }

  // The platform opens, or back-office work is born: idle agents (of pools that
  // do back-office work, if `back_office`) take work while there is some for them.
  void wake_idle(bool back_office) {
    for (std::size_t p = 0; p < plan_->pools.size(); ++p)
      while ((!back_office || plan_->pools[p].back_office) && !roster_.idle(p).empty())
        if (!try_start(roster_.idle(p).back())) break;  // no work for this pool's skills
  }

  static constexpr std::uint32_t kNoAgent = Roster::kNoAgent;

  const Plan* plan_;  // the plan in force today (epochs_)
  Epochs epochs_;
  const RunOptions& opt_;
  Samplers samplers_;  // a copy: one indirection less per draw
  Arrivals arrivals_;
  kernel::Simulator sim_;
  Lanes lanes_{};  // the kernel's lanes (events.hpp)
  Tally tally_;
  InboundLine line_;
  Roster roster_;
  WorkList work_;
  SmsGateway sms_;
  NationalLevel national_;
  std::int32_t days_;
  std::int32_t current_day_ = 0;
  SimTime open_from_{};  // today's opening hours
  SimTime open_until_{};
  TaskStore tasks_;
  BackOffice office_;
};

}  // namespace

RunResult simulate(const Plan& plan, const RunOptions& options) {
  Platform platform{plan, options};
  return platform.run();
}

RunResult simulate(const PlatformConfig& config, const RunOptions& options) {
  return simulate(compile(config), options);
}

}  // namespace tracesim::model
