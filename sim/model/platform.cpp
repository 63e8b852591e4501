// SPDX-License-Identifier: Apache-2.0
// One replication of a contact-tracing platform: the Platform class and its event
// handlers. Longer than the house limit on purpose: every handler reads and writes
// the same per-replication state (entities, queues, counters), and splitting the
// class across files would expose that state in a header to the whole module. The
// file is in sections: set-up, dispatch, days and demand, SMS, inbound line, work
// list and agents, shifts.
#include "tracesim/model/platform.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "arrivals.hpp"
#include "conservation.hpp"
#include "inbound_line.hpp"
#include "detail/entities.hpp"
#include "blend.hpp"
#include "detail/events.hpp"
#include "outbound.hpp"
#include "tally.hpp"
#include "work_list.hpp"
#include "tracesim/kernel/assert.hpp"
#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/plan.hpp"

namespace tracesim::model {

std::string_view name_of(TaskType t) {
  return t == TaskType::IndexInterview ? "index_interview" : "contact_call";
}

namespace {

using namespace detail;
using kernel::kDay;
using kernel::Phase;
using kernel::SimTime;

class Platform {
 public:
  Platform(const Plan& plan, const RunOptions& options)
      : plan_{plan},
        opt_{options},
        samplers_{plan.samplers},
        arrivals_{plan, options.seed, options.replication},
        tally_{plan, options.observer},
        line_{plan} {
    prepare();
  }

  RunResult run() {
    for (std::int32_t d = 0; d < days_; ++d)
      sim_.schedule_at(day_start(d), Phase::Release, kDayStart, static_cast<std::uint32_t>(d));
    if (plan_.independent_calls) schedule_next_independent(SimTime{});
    sim_.set_event_budget(opt_.event_budget);
    sim_.set_stop_token(opt_.stop);
    const auto outcome =
        sim_.run_until(day_start(days_), [this](const kernel::Event& e) { handle(e); });
    detail::Ledger books;
    for (const Task& t : tasks_) {
      if (is_pending(t.state)) {
        tally_.task_pending(t.type);
      } else if (t.state == TaskState::Scheduled) {
        ++books.not_yet_arrived;
      }
    }
    // Callers still waiting: their time in queue so far counts (Little's law over [0, T]).
    const SimTime end = sim_.now();
    const LineAtHorizon line = line_.close(end);
    tally_.close_line(line.waiting, line.wait_ms, line.queue_area_ms, end);
    books.live_calls = line.live_calls;
    books.task_slots = tasks_.size();
    books.free_task_slots = free_tasks_.size();
    books.call_slots = line.call_slots;
    books.free_call_slots = line.free_call_slots;
    books.shifts_started = shifts_started_;
    books.shifts_ended = shifts_ended_;
    books.agent_slots = agents_.size();
    books.free_agent_slots = free_agents_.size();
    return tally_.close(books, sim_.events_processed(), outcome == kernel::RunOutcome::Stopped);
  }

 private:
  // ---- set-up ------------------------------------------------------------
  void prepare() {
    days_ = plan_.day_count();
    work_.configure(plan_.ranks, plan_.order, plan_.index_before_contacts);
    const std::size_t pools = plan_.pools.size();
    pool_active_from_.assign(pools, SimTime{});
    for (std::size_t p = 0; p < pools; ++p)
      if (plan_.pools[p].reinforcement) pool_active_from_[p] = kNever;
    idle_.resize(pools);
    shift_carry_.resize(pools);
    shift_pending_.resize(pools);
    shift_start_at_.resize(pools);
    for (std::size_t p = 0; p < pools; ++p) {
      shift_carry_[p].assign(plan_.pools[p].shifts.size(), 0.0);
      shift_pending_[p].assign(plan_.pools[p].shifts.size(), 0);
      shift_start_at_[p].assign(plan_.pools[p].shifts.size(), SimTime{});
    }
    tasks_.reserve(4096);
    free_tasks_.reserve(4096);
  }

  SimTime day_start(std::int32_t d) const { return SimTime{kDay * d}; }
  std::int32_t day_index(SimTime t) const {
    const auto d = static_cast<std::int32_t>(kernel::ms_of(t) / kDay.count());
    return std::clamp(d, 0, days_ - 1);
  }
  static bool is_pending(TaskState s) {
    return s == TaskState::Queued || s == TaskState::Waiting || s == TaskState::InCall ||
           s == TaskState::Inbound;
  }
  // The day of now(): kept by the day-start events (the first event of each day),
  // so the hot path needs no division.
  bool is_open_now() const {
    const SimTime t = sim_.now();
    return t >= open_from_ && t < open_until_;
  }

  // ---- dispatch ----------------------------------------------------------
  void handle(const kernel::Event& e) {
    switch (e.kind) {
      case kDayStart: on_day_start(static_cast<std::int32_t>(e.entity)); break;
      case kTaskArrival: on_task_arrival(e.entity, e.data); break;
      case kPlatformOpens: on_platform_opens(); break;
      case kShiftStart: on_shift_start(e.entity, e.data); break;
      case kBreakStart: if (shift_event_live(e)) on_break_start(e.entity); break;
      case kBreakEnd: if (shift_event_live(e)) on_break_end(e.entity); break;
      case kLastCall: if (shift_event_live(e)) on_last_call(e.entity); break;
      case kShiftEnd: if (shift_event_live(e)) on_shift_end(e.entity); break;
      case kAttemptEnd: if (agent_event_live(e)) on_attempt_end(e.entity); break;
      case kInboundArrival: on_inbound_arrival(e.entity, e.data); break;
      case kInboundAbandon: on_inbound_abandon(e.entity, e.data); break;
      case kIndependentCall: on_independent_call(); break;
      case kTaskReady: on_task_ready(e.entity, e.data); break;
      case kTaskDeadline: on_task_deadline(e.entity, e.data); break;
      case kDayClose: on_day_close(e.entity); break;
      default: throw std::logic_error("unknown event kind " + std::to_string(e.kind));
    }
  }
  bool agent_event_live(const kernel::Event& e) const { return agents_[e.entity].gen == e.data; }
  bool shift_event_live(const kernel::Event& e) const {
    return agents_[e.entity].state != AgentState::Off && agents_[e.entity].shift_serial == e.data;
  }

  // ---- days and demand ---------------------------------------------------
  void on_day_start(std::int32_t d) {
    current_day_ = d;
    tally_.start_day(static_cast<std::size_t>(d));
    const DayPlan& day = plan_.days[static_cast<std::size_t>(d)];
    open_from_ = day.open_from;
    open_until_ = day.open_until;
    const SimTime start = day.start;
    generate_cases(day);
    if (day.is_open()) {
      sim_.schedule_at(day.open_from, Phase::Dispatch, kPlatformOpens, 0);
      sim_.schedule_at(day.open_until, Phase::Sample, kDayClose, static_cast<std::uint32_t>(d));
      schedule_shifts(static_cast<std::size_t>(d), start);
    } else {
      sim_.schedule_at(start + kDay - kernel::kMillisecond, Phase::Sample, kDayClose,
                       static_cast<std::uint32_t>(d));
    }
  }

  void generate_cases(const DayPlan& day) {
    const std::int64_t n = arrivals_.cases_on(day);
    for (std::int64_t i = 0; i < n; ++i) {
      const std::uint32_t ti = alloc_task();
      Task& t = tasks_[ti];
      t.key = arrivals_.next_case_key();
      t.rng = kernel::KeyedEngine{t.key};
      t.type = TaskType::IndexInterview;
      t.state = TaskState::Scheduled;
      const NewCase c = arrivals_.draw_case(t.rng);
      t.segment = c.segment;
      t.inbound_first = c.inbound_first;
      t.contacts_total = c.contacts;
      sim_.schedule_at(day.start + c.release, Phase::Arrival, kTaskArrival, ti, t.gen);
    }
  }

  void schedule_next_independent(SimTime from) {
    if (const std::optional<SimTime> at = arrivals_.next_independent(from))
      sim_.schedule_at(*at, Phase::Arrival, kIndependentCall, 0);
  }

  void on_independent_call() {
    offer_call(line_.open_call(arrivals_.next_call_key(), CallKind::Independent));
    schedule_next_independent(sim_.now());
  }

  void on_task_arrival(std::uint32_t ti, std::uint32_t gen) {
    if (tasks_[ti].gen != gen || tasks_[ti].state != TaskState::Scheduled) return;
    arrive(ti);
  }

  // A case or contact enters the platform now: counted, then routed to SMS or the work list.
  void arrive(std::uint32_t ti) {
    Task& t = tasks_[ti];
    const std::size_t ty = index_of(t.type);
    const SimTime now = sim_.now();
    tally_.task_arrived(t.type);
    t.created = now;
    t.deadline = now + plan_.tasks[ty].deadline;
    const bool by_sms =
        !t.inbound_first &&
        t.rng.uniform01() < plan_.sms_share(static_cast<std::size_t>(current_day_), t.segment, t.type);
    if (t.type == TaskType::IndexInterview && plan_.prelisted_contact_share > 0) {
      std::uint32_t pre = 0;
      for (std::uint32_t j = 0; j < t.contacts_total; ++j)
        pre += t.rng.uniform01() < plan_.prelisted_contact_share ? 1u : 0u;
      spawn_contacts(ti, pre, now);
    }
    if (by_sms) {
      send_sms(ti);
      return;
    }
    if (plan_.tasks[ty].sms_at_deadline)
      sim_.schedule_at(tasks_[ti].deadline, Phase::Arrival, kTaskDeadline, ti, tasks_[ti].gen);
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
      const std::uint32_t ci = alloc_task();  // may reallocate tasks_: index by number only
      Task& parent = tasks_[index];
      Task& c = tasks_[ci];
      c.key = kernel::combine(parent.key, parent.contacts_created++);
      c.rng = kernel::KeyedEngine{c.key};
      c.type = TaskType::ContactCall;
      c.segment = parent.segment;
      c.state = TaskState::Scheduled;
      if (at == sim_.now()) {
        arrive(ci);
      } else {
        sim_.schedule_at(at, Phase::Arrival, kTaskArrival, ci, c.gen);
      }
    }
  }

  // ---- SMS ---------------------------------------------------------------
  void send_sms(std::uint32_t ti) {
    const SimTime now = sim_.now();
    const SimTime send = std::max(now, gateway_free_);
    gateway_free_ = send + plan_.sms_interval;
    const SimTime delivered = send + plan_.sms_delivery_delay;
    tally_.sms_sent(tasks_[ti].type);
    if (tasks_[ti].type == TaskType::IndexInterview) {
      Task& t = tasks_[ti];
      // Contacts the case declares online after the SMS; the others stay unknown.
      std::uint32_t declared = 0;
      const std::uint32_t remaining = t.contacts_total - t.contacts_created;
      for (std::uint32_t j = 0; j < remaining; ++j)
        declared += t.rng.uniform01() < plan_.index_declares_contacts_share ? 1u : 0u;
      spawn_contacts(ti, declared, delivered);
    }
    if (plan_.sms_call_back_share > 0 && tasks_[ti].rng.uniform01() < plan_.sms_call_back_share)
      schedule_call_back(ti, CallKind::SmsCallBack, delivered);
    finalize(ti, FinalState::ReachedBySms, delivered);
  }

  // A person calls the platform `call_back_delay` after `from`.
  void schedule_call_back(std::uint32_t ti, CallKind kind, SimTime from) {
    const std::uint32_t ci = line_.open_call(tasks_[ti].rng(), kind, ti, tasks_[ti].gen);
    InboundCall& c = line_.call(ci);
    sim_.schedule_at(from + samplers_.call_back_delay(c.rng), Phase::Arrival, kInboundArrival, ci, c.gen);
  }

  // ---- inbound line ------------------------------------------------------
  void on_inbound_arrival(std::uint32_t ci, std::uint32_t gen) {
    if (line_.is_live(ci, gen)) offer_call(ci);
  }

  // A call reaches the line now: refused while closed, answered at once by an idle
  // agent, or queued with a patience timer.
  void offer_call(std::uint32_t ci) {
    const SimTime now = sim_.now();
    tally_.call_offered();
    const bool open = is_open_now();
    std::uint32_t agent = kNoAgent;
    if (open) {
      for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
        if (!plan_.pools[p].inbound || idle_[p].empty()) continue;
        agent = idle_[p].back();
        break;
      }
    }
    const OfferOutcome offer = line_.offer(ci, now, open, agent != kNoAgent);
    switch (offer.result) {
      case Offer::Refused:
        tally_.call_refused();
        give_up_call(ci, /*retry=*/false);
        break;
      case Offer::ServeNow:
        remove_idle(agent);
        start_inbound(agent, ci);
        break;
      case Offer::Queued:
        if (plan_.patience_limited) {
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
    Agent& ag = agents_[a];
    InboundCall& c = line_.call(ci);
    const SimTime now = sim_.now();
    const Duration waited = line_.answer(ci, now);
    tally_.call_answered(waited, waited <= plan_.service_level_threshold);
    const PoolRule& pool = plan_.pools[ag.pool];
    double handling = 0;
    if (c.kind == CallKind::IndexFirst) {
      Task& t = tasks_[c.task];
      handling = static_cast<double>(samplers_.talk[0](t.rng).count()) +
                 static_cast<double>(samplers_.wrap_up[0](t.rng).count());
    } else {
      handling = static_cast<double>(samplers_.inbound_talk(c.rng).count()) +
                 static_cast<double>(samplers_.inbound_wrap_up(c.rng).count());
    }
    const Duration total{static_cast<std::int64_t>(std::llround(handling / pool.efficiency))};
    ag.state = AgentState::Busy;
    ag.serving_inbound = true;
    ag.task = ci;
    ag.busy_since = now;
    ag.reach_time = now;
    tally_.call_handled(ag.pool, total);
    sim_.schedule_in(total, Phase::Arrival, kAttemptEnd, a, ag.gen);
  }

  // The end of an answered inbound call: a case that called in is interviewed,
  // a person calling back after a missed call is reached.
  void end_inbound(std::uint32_t a) {
    Agent& ag = agents_[a];
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
    // Fast path: an idle agent who may take this task now takes it directly. An
    // agent idle while it may work means the queues of its skills hold nothing it
    // could take (it would have taken it), so this task is the best for it.
    // Pools that keep agents idle on purpose (reserve, pause) go through the list.
    if (may_work_on(t.type)) {
      for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
        const PoolRule& pool = plan_.pools[p];
        if (!pool.has_skill(t.type) || idle_[p].empty()) continue;
        if (!takes_new_work_at_once(pool)) break;
        const std::uint32_t a = idle_[p].back();
        remove_idle(a);
        start_attempt(a, ti);
        return;
      }
    }
    t.state = TaskState::Queued;
    const std::size_t rank = plan_.segment_rank[t.segment];
    const std::int64_t primary = kernel::ms_of(t.deadline);
    work_.push(rank, t.type, primary, ti, t.gen);
    // Wake one idle agent able to take this type, if any.
    for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
      if (!plan_.pools[p].has_skill(t.type) || idle_[p].empty()) continue;
      const std::uint32_t a = idle_[p].back();
      if (try_start(a)) return;
    }
  }

  bool may_work_on(TaskType type) const {
    return !plan_.tasks[index_of(type)].only_while_open || is_open_now();
  }

  bool take_caller(std::uint32_t a) {
    if (const auto ci = line_.next_caller()) {
      if (agents_[a].state == AgentState::Idle) remove_idle(a);
      start_inbound(a, *ci);
      return true;
    }
    return false;
  }

  // Starts the best work agent `a` may take now, as the pool's blend rule orders
  // inbound callers and outbound work; false if there is none.
  bool try_start(std::uint32_t a) {
    const std::uint32_t pool = agents_[a].pool;
    const PoolRule& pc = plan_.pools[pool];
    const bool callers = pc.inbound && line_.waiting() > 0 && is_open_now();
    if (callers && callers_first(pc, line_.waiting()) && take_caller(a)) return true;
    if (try_outbound(a)) return true;
    return callers && take_caller(a);
  }

  bool try_outbound(std::uint32_t a) {
    const std::uint32_t pool = agents_[a].pool;
    const auto idle_others = [&] {
      const std::size_t idle = idle_[pool].size();
      return agents_[a].state == AgentState::Idle ? idle - 1 : idle;
    };
    if (!may_dial(plan_.pools[pool], idle_others, line_.waiting())) return false;
    std::array<bool, kTaskTypes> allowed{};
    for (std::size_t ty = 0; ty < kTaskTypes; ++ty)
      allowed[ty] = plan_.pools[pool].has_skill(static_cast<TaskType>(ty)) && may_work_on(static_cast<TaskType>(ty));
    const std::optional<std::uint32_t> ti = work_.pop_best(allowed, [this](std::uint32_t i, std::uint32_t gen) {
      return tasks_[i].gen == gen && tasks_[i].state == TaskState::Queued;
    });
    if (!ti) return false;
    if (agents_[a].state == AgentState::Idle) remove_idle(a);
    start_attempt(a, *ti);
    return true;
  }

  void become_available(std::uint32_t a) {
    Agent& ag = agents_[a];
    if (ag.leaving) return go_off(a);
    if (ag.break_due) {
      ag.break_due = false;
      ag.state = AgentState::Break;
      sim_.schedule_in(ag.break_length, Phase::Arrival, kBreakEnd, a, ag.shift_serial);
      return;
    }
    if (ag.last_call_passed) {
      ag.state = AgentState::Winding;
      return;
    }
    ag.state = AgentState::Busy;  // placeholder until we know whether work is waiting
    if (try_start(a)) return;
    ag.state = AgentState::Idle;
    ag.idle_pos = static_cast<std::uint32_t>(idle_[ag.pool].size());
    idle_[ag.pool].push_back(a);
  }

  void remove_idle(std::uint32_t a) {
    auto& list = idle_[agents_[a].pool];
    const std::uint32_t pos = agents_[a].idle_pos;
    TRACESIM_ASSERT(agents_[a].state == AgentState::Idle && list[pos] == a, "an agent left an idle list it was not on");
    list[pos] = list.back();
    agents_[list[pos]].idle_pos = pos;
    list.pop_back();
    agents_[a].state = AgentState::Busy;
  }

  void start_attempt(std::uint32_t a, std::uint32_t ti) {
    Agent& ag = agents_[a];
    Task& t = tasks_[ti];
    const PoolRule& pool = plan_.pools[ag.pool];
    const SimTime now = sim_.now();
    t.state = TaskState::InCall;
    ++t.attempts;
    const AttemptDraw draw = draw_attempt(plan_, samplers_, pool, t, now);
    const bool answered = draw.answered;
    const Duration ring = draw.ring;
    const Duration handling = draw.handling;
    ag.state = AgentState::Busy;
    ag.task = ti;
    ag.answered = answered;
    ag.busy_since = now;
    ag.reach_time = now + ring;
    const Duration total = ring + handling;
    tally_.attempt_started(t.type, ag.pool, answered, total);
    sim_.schedule_in(total, Phase::Arrival, kAttemptEnd, a, ag.gen);
  }

  void on_attempt_end(std::uint32_t a) {
    Agent& ag = agents_[a];
    const SimTime now = sim_.now();
    const std::uint32_t ti = ag.task;
    if (now > ag.shift_end) {
      const Duration over = now - std::max(ag.busy_since, ag.shift_end);
      tally_.overtime(ag.pool, over);
    }
    if (ag.serving_inbound) {
      ag.serving_inbound = false;
      end_inbound(a);
      return become_available(a);
    }
    tally_.attempt_ended([&] {
      const Task& t = tasks_[ti];
      return AttemptRecord{a, ag.pool, t.key, t.type, t.attempts, ag.answered, false, ag.busy_since, now, ag.shift_end};
    });
    Task& t = tasks_[ti];
    const StepOutcome next = next_step(plan_.tasks[index_of(t.type)], t.attempts, ag.answered, t.deadline, now);
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
        sim_.schedule_at(next.at, Phase::Arrival, kTaskReady, ti, t.gen);
        if (plan_.missed_call_back_share > 0 && t.rng.uniform01() < plan_.missed_call_back_share)
          schedule_call_back(ti, CallKind::MissedCallBack, now);
        break;
    }
    become_available(a);
  }

  void on_task_ready(std::uint32_t ti, std::uint32_t gen) {
    if (tasks_[ti].gen != gen || tasks_[ti].state != TaskState::Waiting) return;
    enqueue(ti);
  }

  void on_task_deadline(std::uint32_t ti, std::uint32_t gen) {
    Task& t = tasks_[ti];
    if (t.gen != gen || (t.state != TaskState::Queued && t.state != TaskState::Waiting)) return;
    ++t.gen;  // its work-list entry and retry event are now stale
    send_sms(ti);
  }

  void finalize(std::uint32_t ti, FinalState state, SimTime at) {
    Task& t = tasks_[ti];
    TRACESIM_ASSERT(t.state != TaskState::Free, "a task reached a final state twice");
    tally_.task_final(t, state, at);
    t.state = TaskState::Free;
    ++t.gen;
    free_tasks_.push_back(ti);
  }

  std::uint32_t alloc_task() { return take_slot(tasks_, free_tasks_); }

  // ---- shifts ------------------------------------------------------------
  void schedule_shifts(std::size_t day, SimTime start) {
    const std::size_t wd = plan_.days[day].weekday;
    for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
      const PoolRule& pool = plan_.pools[p];
      const std::int32_t step_index = pool.step_of_day[day];
      if (step_index < 0 || start < pool_active_from_[p]) continue;  // inactive reinforcement
      const StaffingRule& step = pool.steps[static_cast<std::size_t>(step_index)];
      const double per_shift = step.per_shift;
      for (std::size_t s = 0; s < pool.shifts.size(); ++s) {
        if (!pool.shifts[s].weekdays[wd]) continue;
        int n = 0;
        if (pool.roster) {
          n = step.agents_per_shift[s];
        } else {
          // Carry the fractional part from day to day so the average is exact.
          shift_carry_[p][s] += per_shift;
          n = static_cast<int>(shift_carry_[p][s] + 1e-9);
          shift_carry_[p][s] -= n;
        }
        if (n <= 0) continue;
        shift_pending_[p][s] = n;
        shift_start_at_[p][s] = start + pool.shifts[s].start;
        sim_.schedule_at(start + pool.shifts[s].start, Phase::Release, kShiftStart,
                         static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(s));
      }
    }
  }

  void on_shift_start(std::uint32_t p, std::uint32_t s) {
    const ShiftRule& shift = plan_.pools[p].shifts[s];
    const SimTime midnight = day_start(day_index(sim_.now()));
    const int n = shift_pending_[p][s];
    const Duration work = shift.working;
    tally_.shift_started(p, work, n);
    for (int i = 0; i < n; ++i) {
      const std::uint32_t a = alloc_agent();
      Agent& ag = agents_[a];
      ag.pool = p;
      ag.shift = s;
      ag.on = sim_.now();
      plan_shift(a, midnight);
      become_available(a);
    }
  }

  // Schedules the shift events of agent `a` for its shift starting on the day at `midnight`.
  void plan_shift(std::uint32_t a, SimTime midnight) {
    Agent& ag = agents_[a];
    const PoolRule& pool = plan_.pools[ag.pool];
    const ShiftRule& shift = pool.shifts[ag.shift];
    ag.shift_serial = ++next_shift_serial_;
    ag.shift_end = midnight + shift.end;
    ag.break_length = shift.break_length;
    ag.last_call_passed = false;
    ag.break_due = false;
    sim_.schedule_at(ag.shift_end, Phase::Release, kShiftEnd, a, ag.shift_serial);
    sim_.schedule_at(ag.shift_end - pool.no_new_attempt_before_end, Phase::Release, kLastCall, a, ag.shift_serial);
    if (shift.break_length.count() > 0)
      sim_.schedule_at(midnight + shift.break_at, Phase::Release, kBreakStart, a, ag.shift_serial);
  }

  void on_break_start(std::uint32_t a) {
    Agent& ag = agents_[a];
    if (ag.state == AgentState::Busy) {
      ag.break_due = true;
    } else if (ag.state == AgentState::Idle) {
      remove_idle(a);
      ag.state = AgentState::Break;
      sim_.schedule_in(ag.break_length, Phase::Arrival, kBreakEnd, a, ag.shift_serial);
    }
  }

  void on_break_end(std::uint32_t a) {
    if (agents_[a].state == AgentState::Break) become_available(a);
  }

  void on_last_call(std::uint32_t a) {
    Agent& ag = agents_[a];
    ag.last_call_passed = true;
    if (ag.state == AgentState::Idle) {
      remove_idle(a);
      ag.state = AgentState::Winding;
    }
  }

  void on_shift_end(std::uint32_t a) {
    Agent& ag = agents_[a];
    // A shift ending at midnight that starts again at midnight (round-the-clock
    // cover): the agent carries on instead of leaving, so capacity has no gap.
    const ShiftRule& shift = plan_.pools[ag.pool].shifts[ag.shift];
    // (An agent on a break at midnight leaves instead: its break's end belongs to the old shift.)
    if (shift.end == kDay && shift.start.count() == 0 && shift_pending_[ag.pool][ag.shift] > 0 &&
        shift_start_at_[ag.pool][ag.shift] == sim_.now() && ag.state != AgentState::Break) {
      --shift_pending_[ag.pool][ag.shift];
      const Duration work = shift.working;
      tally_.shift_continued(ag.pool, work);
      plan_shift(a, sim_.now());
      if (ag.state == AgentState::Winding) become_available(a);
      return;
    }
    if (ag.state == AgentState::Busy) {
      ag.leaving = true;  // finishes the call in hand; overtime is counted at its end
      return;
    }
    if (ag.state == AgentState::Idle) remove_idle(a);
    go_off(a);
  }

  void go_off(std::uint32_t a) {
    Agent& ag = agents_[a];
    tally_.agent_off([&] { return AgentShiftRecord{a, ag.pool, ag.on, sim_.now(), ag.shift_end}; });
    TRACESIM_ASSERT(ag.state != AgentState::Off, "an agent went off shift twice");
    ag.state = AgentState::Off;
    ++shifts_ended_;
    ++ag.gen;  // pending break/last-call events of this shift become stale
    free_agents_.push_back(a);
  }

  std::uint32_t alloc_agent() {
    ++shifts_started_;
    return take_slot(agents_, free_agents_);
  }

  void on_platform_opens() {
    for (std::size_t p = 0; p < idle_.size(); ++p) {
      while (!idle_[p].empty()) {
        if (!try_start(idle_[p].back())) break;  // no work for this pool's skills
      }
    }
  }

  void on_day_close(std::uint32_t d) {
    DayStats& day = tally_.day(d);
    const SimTime reopen = plan_.next_opening(day_start(static_cast<std::int32_t>(d) + 1));
    std::uint64_t waiting_contacts = 0;
    std::uint64_t at_risk = 0;
    for (const Task& t : tasks_) {
      if (!is_pending(t.state)) continue;
      ++day.backlog_at_close[index_of(t.type)];
      if (t.type == TaskType::ContactCall) {
        ++waiting_contacts;
        if (t.deadline <= reopen) ++at_risk;
      }
    }
    update_reinforcements(day.backlog_at_close[0] + day.backlog_at_close[1],
                          waiting_contacts ? static_cast<double>(at_risk) / static_cast<double>(waiting_contacts) : 0.0);
  }

  // Opens an overflow pool `activation_delay` after a trigger; closes it from
  // the next day when the backlog has recovered.
  void update_reinforcements(std::uint64_t backlog, double at_risk_share) {
    for (std::size_t p = 0; p < plan_.pools.size(); ++p) {
      const PoolRule& r = plan_.pools[p];
      if (!r.reinforcement) continue;
      const bool active = pool_active_from_[p] != kNever;
      if (!active && (backlog > r.reinforce_backlog_above || at_risk_share > r.reinforce_at_risk_share_above)) {
        pool_active_from_[p] = sim_.now() + r.activation_delay;
      } else if (active && pool_active_from_[p] <= sim_.now() && backlog < r.release_backlog_below) {
        pool_active_from_[p] = kNever;
      }
    }
  }

  const Plan& plan_;
  const RunOptions& opt_;
  Samplers samplers_;  // a copy: one indirection less per draw
  Arrivals arrivals_;
  kernel::Simulator sim_;
  Tally tally_;
  std::int32_t days_ = 0;
  std::int32_t current_day_ = 0;
  SimTime open_from_{};   // today's opening hours, copied from the plan at each day's start
  SimTime open_until_{};
  SimTime gateway_free_{};
  std::vector<Task> tasks_;
  std::vector<std::uint32_t> free_tasks_;
  std::vector<Agent> agents_;
  std::vector<std::uint32_t> free_agents_;
  std::vector<std::vector<std::uint32_t>> idle_;  // per pool
  std::vector<std::vector<double>> shift_carry_;
  std::vector<std::vector<int>> shift_pending_;
  std::vector<std::vector<SimTime>> shift_start_at_;
  static constexpr SimTime kNever = SimTime::max();
  static constexpr std::uint32_t kNoAgent = UINT32_MAX;
  std::vector<SimTime> pool_active_from_;      // reinforcement pools: staffed from this time
  std::uint32_t next_shift_serial_ = 0;
  std::uint64_t shifts_started_ = 0;
  std::uint64_t shifts_ended_ = 0;
  InboundLine line_;
  WorkList work_;
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
