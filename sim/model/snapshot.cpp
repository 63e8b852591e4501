// SPDX-License-Identifier: Apache-2.0
// A replication's state at a midnight, saved so that a run can continue from it
// exactly: every open task with its own engine, the work list's order, the
// pending events in their order, the callers due to call again, and the
// sequential streams. See docs/outputs.md, "Snapshots".
#include <bit>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "detail/events.hpp"
#include "initial_state.hpp"

namespace tracesim::model::detail {
namespace {

// A keyed engine is its one word of state: saved as such, it restarts where it was.
static_assert(sizeof(kernel::KeyedEngine) == sizeof(std::uint64_t) &&
              std::is_trivially_copyable_v<kernel::KeyedEngine>);
std::uint64_t engine_state(const kernel::KeyedEngine& e) noexcept { return std::bit_cast<std::uint64_t>(e); }

constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();

OpenState open_state_of(TaskState s) noexcept {
  switch (s) {
    case TaskState::Scheduled:
      return OpenState::Scheduled;
    case TaskState::Waiting:
      return OpenState::Waiting;
    case TaskState::Inbound:
      return OpenState::Inbound;
    default:
      return OpenState::Queued;
  }
}

CallOrigin origin_of(CallKind k) noexcept {
  switch (k) {
    case CallKind::IndexFirst:
      return CallOrigin::IndexFirst;
    case CallKind::MissedCallBack:
      return CallOrigin::MissedCallBack;
    case CallKind::SmsCallBack:
      return CallOrigin::SmsCallBack;
    case CallKind::Independent:
      return CallOrigin::Independent;
  }
  return CallOrigin::Independent;
}

// Why a midnight cannot be continued: thrown, naming the day and the replication.
struct Refusal {
  std::string date;
  std::uint64_t replication;
  [[noreturn]] void operator()(const std::string& why) const {
    throw SnapshotError("cannot save the state at " + date + " 00:00 (replication " + std::to_string(replication) +
                        "): " + why +
                        "; a snapshot is only taken when no agent is on shift and nobody waits on the line "
                        "(docs/outputs.md, Snapshots)");
  }
};

// Every task not free, numbered in slot order (row_of: slot -> row), and the
// queued ones' places in the work list's insertion order.
std::vector<std::uint64_t> capture_tasks(const PlatformParts& p, const Refusal& refuse, InitialState& s) {
  const std::vector<Task>& all = p.tasks.all();
  std::vector<std::uint64_t> row_of(all.size(), kNone);
  for (std::uint32_t ti = 0; ti < all.size(); ++ti) {
    const Task& t = all[ti];
    if (t.state == TaskState::Free) continue;
    if (t.state == TaskState::InCall) refuse("a task is in a call");
    row_of[ti] = s.tasks.size();
    OpenTask o;
    o.id = s.tasks.size();
    o.type = t.type;
    o.identified = t.created;
    o.attempts = t.attempts;
    if (t.state != TaskState::Scheduled) o.deadline = t.deadline;
    o.segment = t.segment;
    o.contacts_listed = t.contacts_created;
    o.contacts_to_list = t.contacts_total - t.contacts_created;
    o.exact = TaskExact{t.key, engine_state(t.rng), open_state_of(t.state), t.inbound_first, std::nullopt};
    s.tasks.push_back(o);
  }
  const std::vector<std::uint32_t> order = p.work.live_in_order(
      [&](std::uint32_t ti, std::uint32_t gen) { return all[ti].gen == gen && all[ti].state == TaskState::Queued; });
  for (std::size_t k = 0; k < order.size(); ++k) s.tasks[row_of[order[k]]].exact->queue_position = k;
  return row_of;
}

// The pending events in run order, each naming its task or caller; stale ones
// (they would do nothing) are left out, and day starts are scheduled again.
void capture_events(const PlatformParts& p, const Refusal& refuse, const std::vector<std::uint64_t>& row_of,
                    InitialState& s) {
  const std::vector<Task>& all = p.tasks.all();
  const auto task_live = [&](const kernel::Event& e) {
    return e.entity < all.size() && all[e.entity].state != TaskState::Free && all[e.entity].gen == e.data;
  };
  std::vector<std::uint64_t> call_row(p.line.slots(), kNone);
  for (const kernel::Event& e : p.sim.pending_events()) {
    PendingEvent pe{e.time, e.phase, PendingKind::TaskArrival, 0, 0, 0};
    switch (e.kind) {
      case kTaskArrival:
      case kTaskReady:
      case kTaskDeadline:
      case kTaskStale:
        if (!task_live(e)) continue;
        pe.kind = e.kind == kTaskArrival    ? PendingKind::TaskArrival
                  : e.kind == kTaskReady    ? PendingKind::TaskReady
                  : e.kind == kTaskDeadline ? PendingKind::TaskDeadline
                                            : PendingKind::TaskStale;
        pe.task = row_of[e.entity];
        if (e.kind == kTaskArrival) s.tasks[pe.task].identified = e.time;
        break;
      case kInboundArrival: {
        if (!p.line.is_live(e.entity, e.data)) continue;
        if (call_row[e.entity] != kNone) refuse("a caller is due twice");
        const InboundCall& c = p.line.call(e.entity);
        PendingCall pc{origin_of(c.kind), engine_state(c.rng), c.retrials, std::nullopt};
        const bool linked = c.kind == CallKind::IndexFirst || c.kind == CallKind::MissedCallBack;
        if (linked && all[c.task].state != TaskState::Free && all[c.task].gen == c.task_gen) pc.task = row_of[c.task];
        call_row[e.entity] = s.calls.size();
        pe.kind = PendingKind::Call;
        pe.call = static_cast<std::uint32_t>(s.calls.size());
        s.calls.push_back(pc);
        break;
      }
      case kIndependentCall:
        pe.kind = PendingKind::IndependentCall;
        break;
      case kPlatformOpens:
        pe.kind = PendingKind::PlatformOpens;
        break;
      case kDayClose:
        pe.kind = PendingKind::DayClose;
        pe.day = e.entity;
        break;
      case kShiftStart:
        refuse("a shift starts later from an earlier day's roster");
      default:
        continue;  // kDayStart (scheduled again), and events of agents, all off shift: stale
    }
    s.events.push_back(pe);
  }
  // Every live caller is due to call again (none waits, none is in a call).
  for (std::uint32_t ci = 0; ci < p.line.slots(); ++ci)
    if (p.line.call(ci).live && call_row[ci] == kNone) refuse("a caller is neither waiting nor due");
}

RunState capture_run(const Plan& plan, const RunOptions& options, std::int32_t day, const PlatformParts& p) {
  RunState run;
  run.seed = options.seed;
  run.replication = options.replication;
  run.day = day;
  p.arrivals.save(run);
  run.sms_free_at = p.sms.free_at();
  run.shift_carry = p.roster.shift_carry();
  for (std::size_t pool = 0; pool < plan.pools.size(); ++pool) {
    std::optional<SimTime> from;
    if (plan.pools[pool].reinforcement && p.roster.is_reinforcement_active(pool))
      from = p.roster.pool_active_from()[pool];
    run.pool_active_from.push_back(from);
  }
  return run;
}

}  // namespace

Snapshot capture_state(const Plan& plan, const RunOptions& options, std::int32_t day, PlatformParts p) {
  Snapshot snap;
  snap.date = plan.days[static_cast<std::size_t>(day)].date;
  const Refusal refuse{kernel::iso_date(snap.date), options.replication};
  if (p.roster.shifts_started() != p.roster.shifts_ended())
    refuse(std::to_string(p.roster.shifts_started() - p.roster.shifts_ended()) +
           " agents are on shift (a round-the-clock roster, or a call running past midnight)");
  if (p.line.waiting() > 0) refuse(std::to_string(p.line.waiting()) + " callers wait on the inbound line");
  const std::vector<std::uint32_t> office = p.office.waiting_in_order();
  if (p.office.pending() != office.size()) refuse("a back-office item is in hand");

  InitialState& s = snap.state;
  const std::vector<std::uint64_t> row_of = capture_tasks(p, refuse, s);
  capture_events(p, refuse, row_of, s);
  for (const std::uint32_t i : office) {
    const BackOfficeItem& it = p.office.item(i);
    s.back_office.push_back(PendingBackOffice{it.created, it.deadline, it.work, it.kind});
  }
  s.run = capture_run(plan, options, day, p);
  return snap;
}

}  // namespace tracesim::model::detail
