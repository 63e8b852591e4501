// SPDX-License-Identifier: Apache-2.0
// The work a run starts with: a user's file of open tasks, or a snapshot.
#include "initial_state.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detail/events.hpp"

namespace tracesim::model::detail {
namespace {

using kernel::Phase;

TaskState state_of(OpenState s) noexcept {
  switch (s) {
    case OpenState::Scheduled:
      return TaskState::Scheduled;
    case OpenState::Queued:
      return TaskState::Queued;
    case OpenState::Waiting:
      return TaskState::Waiting;
    case OpenState::Inbound:
      return TaskState::Inbound;
  }
  return TaskState::Queued;
}

CallKind kind_of(CallOrigin o) noexcept {
  switch (o) {
    case CallOrigin::IndexFirst:
      return CallKind::IndexFirst;
    case CallOrigin::MissedCallBack:
      return CallKind::MissedCallBack;
    case CallOrigin::SmsCallBack:
      return CallKind::SmsCallBack;
    case CallOrigin::Independent:
      return CallKind::Independent;
  }
  return CallKind::Independent;
}

void check_run(const RunState& run, const Plan& plan, const RunOptions& options) {
  const std::string day = kernel::iso_date(plan.days[static_cast<std::size_t>(plan.first_day)].date);
  if (run.seed != options.seed)
    throw SnapshotError("the snapshot of " + day + " was taken with seed " + std::to_string(run.seed) +
                        "; continue it with the same seed (--seed " + std::to_string(run.seed) + ")");
  if (run.replication != options.replication)
    throw SnapshotError("the snapshot of " + day + " given to replication " + std::to_string(options.replication) +
                        " is replication " + std::to_string(run.replication) + "'s");
  if (run.day != plan.first_day) throw SnapshotError("the snapshot's day does not match the run's first day " + day);
  if (run.shift_carry.size() != plan.pools.size() || run.pool_active_from.size() != plan.pools.size())
    throw SnapshotError("the snapshot of " + day + " has " + std::to_string(run.shift_carry.size()) +
                        " pools; the scenario has " + std::to_string(plan.pools.size()));
  for (std::size_t p = 0; p < plan.pools.size(); ++p)
    if (run.shift_carry[p].size() != plan.pools[p].shifts.size())
      throw SnapshotError("the snapshot of " + day + " has " + std::to_string(run.shift_carry[p].size()) +
                          " shifts for pool " + plan.pool_names[p] + "; the scenario has " +
                          std::to_string(plan.pools[p].shifts.size()));
}

// A row of a user's file: open since `identified`, its next step from the rules.
void place_from_rules(const OpenTask& o, std::uint32_t ti, SimTime start, const Plan& plan, PlatformParts& p,
                      std::vector<std::pair<std::pair<SimTime, std::uint64_t>, std::uint32_t>>& queued) {
  const std::size_t ty = index_of(o.type);
  const TaskRule& rule = plan.tasks[ty];
  Task& t = p.tasks[ti];
  const SimTime ready = o.next_attempt   ? *o.next_attempt  // booked: it overrides the spacing
                        : o.last_attempt ? *o.last_attempt + rule.spacing_after(o.attempts)
                                         : start;
  if (ready > start) {
    t.state = TaskState::Waiting;
    p.sim.schedule_at(ready, Phase::Arrival, kTaskReady, ti, t.gen);
  } else {
    t.state = TaskState::Queued;
    queued.push_back({{o.identified, o.id}, ti});
  }
  if (rule.sms_at_deadline)
    p.sim.schedule_in_lane(p.lanes[ty], std::max(start, t.deadline), Phase::Arrival, kTaskDeadline, ti, t.gen);
  if (rule.stale != StaleAction::Keep)
    t.stale_check = p.sim.schedule_in_lane(p.lanes[kStaleLanes + ty], std::max(start, t.deadline + rule.stale_after),
                                           Phase::Arrival, kTaskStale, ti, t.gen);
}

using SlotOfId = std::unordered_map<std::uint64_t, std::uint32_t>;

// The tasks in their states; the queued ones enter the work list in their order:
// a snapshot's insertion order, or (a user's file) the order they were identified in.
SlotOfId restore_tasks(const InitialState& state, const Plan& plan, PlatformParts& p) {
  const SimTime start{kernel::kDay * plan.first_day};
  SlotOfId slot_of_id;
  slot_of_id.reserve(state.tasks.size());
  std::vector<std::pair<std::pair<SimTime, std::uint64_t>, std::uint32_t>> queued;
  for (std::size_t row = 0; row < state.tasks.size(); ++row) {
    const OpenTask& o = state.tasks[row];
    const std::size_t ty = index_of(o.type);
    if (o.segment >= plan.segment_shares.size()) throw SnapshotError("initial state: a task's segment is out of range");
    const std::uint64_t key = o.exact ? o.exact->key : p.arrivals.initial_task_key(row);
    const std::uint32_t ti = p.tasks.new_task(key, o.exact ? o.exact->engine : key, o.type);
    slot_of_id.emplace(o.id, ti);
    Task& t = p.tasks[ti];
    t.created = o.identified;
    t.deadline = o.deadline.value_or(o.identified + plan.tasks[ty].deadline);
    t.attempts = o.attempts;
    t.segment = o.segment;
    t.contacts_created = o.contacts_listed;
    t.contacts_total = o.contacts_listed + o.contacts_to_list;
    if (!o.exact) {
      p.tally.task_initial(o.type);
      place_from_rules(o, ti, start, plan, p, queued);
      continue;
    }
    t.inbound_first = o.exact->inbound_first;
    t.state = state_of(o.exact->state);
    if (t.state != TaskState::Scheduled) p.tally.task_initial(o.type);
    if (t.state == TaskState::Queued) queued.push_back({{SimTime{}, o.exact->queue_position.value_or(row)}, ti});
  }
  std::sort(queued.begin(), queued.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, ti] : queued) {
    const Task& t = p.tasks[ti];
    p.work.push(plan.segment_rank[t.segment], t.type, kernel::ms_of(t.deadline), ti, t.gen);
  }
  return slot_of_id;
}

std::uint32_t slot_of(const SlotOfId& slots, std::uint64_t id) {
  const auto it = slots.find(id);
  if (it == slots.end()) throw SnapshotError("initial state: task " + std::to_string(id) + " is named but not listed");
  return it->second;
}

// The callers due to call again, linked to their task if it is still open: their slots.
std::vector<std::uint32_t> restore_calls(const InitialState& state, const SlotOfId& slots, PlatformParts& p) {
  std::vector<std::uint32_t> calls;
  calls.reserve(state.calls.size());
  std::optional<std::uint32_t> tombstone;
  for (const PendingCall& c : state.calls) {
    std::uint32_t task = 0;
    std::uint32_t task_gen = 0;
    if (c.task) {
      task = slot_of(slots, *c.task);
      task_gen = p.tasks[task].gen;
    } else if (c.origin == CallOrigin::IndexFirst || c.origin == CallOrigin::MissedCallBack) {
      if (!tombstone) tombstone = p.tasks.tombstone();
      task = *tombstone;
      task_gen = p.tasks[task].gen - 1;  // never matches: the task has left
    }
    const std::uint32_t ci = p.line.open_call(c.engine, kind_of(c.origin), task, task_gen);
    p.line.call(ci).retrials = c.retrials;
    calls.push_back(ci);
  }
  return calls;
}

// The pending events, in their order: scheduled one after the other, they keep it.
void restore_events(const InitialState& state, const SlotOfId& slots, const std::vector<std::uint32_t>& calls,
                    PlatformParts& p) {
  for (const PendingEvent& e : state.events) {
    switch (e.kind) {
      case PendingKind::TaskArrival:
      case PendingKind::TaskReady: {
        const std::uint32_t ti = slot_of(slots, e.task);
        p.sim.schedule_at(e.at, e.phase, e.kind == PendingKind::TaskArrival ? kTaskArrival : kTaskReady, ti,
                          p.tasks[ti].gen);
        break;
      }
      case PendingKind::TaskDeadline:
      case PendingKind::TaskStale: {
        const std::uint32_t ti = slot_of(slots, e.task);
        const std::size_t ty = index_of(p.tasks[ti].type);
        const bool deadline = e.kind == PendingKind::TaskDeadline;
        const kernel::EventId id = p.sim.schedule_in_lane(p.lanes[deadline ? ty : kStaleLanes + ty], e.at, e.phase,
                                                          deadline ? kTaskDeadline : kTaskStale, ti, p.tasks[ti].gen);
        if (!deadline) p.tasks[ti].stale_check = id;  // cancelled when the task is final, as in the run it came from
        break;
      }
      case PendingKind::Call: {
        if (e.call >= calls.size()) throw SnapshotError("initial state: an event names a call not in the file");
        const std::uint32_t ci = calls[e.call];
        p.sim.schedule_at(e.at, e.phase, kInboundArrival, ci, p.line.call(ci).gen);
        break;
      }
      case PendingKind::IndependentCall:
        p.sim.schedule_in_lane(p.lanes[kIndependentCallsLane], e.at, e.phase, kIndependentCall, 0);
        break;
      case PendingKind::PlatformOpens:
        p.sim.schedule_at(e.at, e.phase, kPlatformOpens, 0);
        break;
      case PendingKind::DayClose:
        p.sim.schedule_at(e.at, e.phase, kDayClose, e.day);
        break;
    }
  }
}

}  // namespace

const InitialState* initial_state_for(const Plan& plan, const RunOptions& options) {
  if (!plan.initial) return nullptr;
  const InitialState* s = plan.initial->for_replication(options.replication);
  if (s == nullptr && plan.initial->per_replication)
    throw SnapshotError("the snapshot folder " + plan.initial->source + " holds " +
                        std::to_string(plan.initial->replications.size()) + " replications; replication " +
                        std::to_string(options.replication) + " has none (run at most " +
                        std::to_string(plan.initial->replications.size()) + ")");
  return s;
}

void restore_state(const InitialState& state, const Plan& plan, const RunOptions& options, PlatformParts p) {
  if (state.run) {
    check_run(*state.run, plan, options);
    p.arrivals.restore(*state.run);
    p.sms.set_free_at(state.run->sms_free_at);
    p.roster.restore(state.run->shift_carry, state.run->pool_active_from);
  }
  const SlotOfId slots = restore_tasks(state, plan, p);
  for (const PendingBackOffice& b : state.back_office) {  // waiting, in the order they were born
    if (b.kind >= plan.back_office.size()) throw SnapshotError("initial state: a back-office kind is out of range");
    p.office.restore(b.created, b.deadline, b.work, b.kind);
    p.tally.back_office_initial();
  }
  restore_events(state, slots, restore_calls(state, slots, p), p);
}

}  // namespace tracesim::model::detail
