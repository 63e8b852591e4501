// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "back_office.hpp"
#include "backlog.hpp"
#include "conservation.hpp"
#include "inbound_line.hpp"
#include "roster.hpp"
#include "tally.hpp"
#include "task_store.hpp"
#include "tracesim/model/plan.hpp"

// The books at a day's close and at the end of the run (private to the
// model): what is still unresolved is counted in the tally, and the storage
// counts the conservation check reads are gathered.
namespace tracesim::model::detail {

/// Day `day` closes at `now`: the backlog at the close is recorded, and the
/// reinforcement pools read it (with the share of waiting contacts due before
/// the next opening).
inline void close_day(std::uint32_t day, SimTime now, const Plan& plan, const TaskStore& tasks, Tally& tally,
                      Roster& roster) {
  const Backlog b = count_backlog(tasks.all(), plan.next_opening(SimTime{kernel::kDay * (day + 1)}));
  tally.day(day).backlog_at_close = b.by_type;
  roster.update_reinforcements(b.by_type[0] + b.by_type[1], b.at_risk_share, now);
}

/// The run ends at `end`: unresolved tasks and back-office items are counted
/// as pending, callers still waiting with their time in queue so far (Little's
/// law over [0, T]). Returns the storage counts for the books.
inline Ledger close_run(SimTime end, const TaskStore& tasks, InboundLine& line, const Roster& roster,
                        const BackOffice& office, Tally& tally) {
  const TasksAtHorizon t = tasks.close(tally);
  const LineAtHorizon l = line.close(end);
  tally.close_line(l.waiting, l.wait_ms, l.queue_area_ms, end);
  tally.back_office_pending(office.pending());
  Ledger books;
  books.not_yet_arrived = t.not_yet_arrived;
  books.task_slots = t.slots;
  books.free_task_slots = t.free_slots;
  books.live_calls = l.live_calls;
  books.call_slots = l.call_slots;
  books.free_call_slots = l.free_call_slots;
  books.shifts_started = roster.shifts_started();
  books.shifts_ended = roster.shifts_ended();
  books.agent_slots = roster.agent_slots();
  books.free_agent_slots = roster.free_agent_slots();
  books.back_office_slots = office.slots();
  books.free_back_office_slots = office.free_slots();
  return books;
}

}  // namespace tracesim::model::detail
