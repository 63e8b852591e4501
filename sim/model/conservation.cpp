// SPDX-License-Identifier: Apache-2.0
#include "conservation.hpp"

#include <string>

#include "tracesim/model/internal_error.hpp"

namespace tracesim::model::detail {
namespace {

[[noreturn]] void broken(const std::string& identity) {
  throw InternalError("conservation check failed at the end of the run: " + identity);
}

std::string n(std::uint64_t v) { return std::to_string(v); }

}  // namespace

void check_conservation(const RunResult& r, const Ledger& l) {
  for (std::size_t ty = 0; ty < kTaskTypes; ++ty) {
    const TaskTotals& t = r.tasks[ty];
    const std::uint64_t out =
        t.reached_call + t.reached_sms + t.not_reached + t.stale_dropped + t.to_national + t.pending;
    if (t.initial + t.arrived != out) {
      broken(std::string{name_of(static_cast<TaskType>(ty))} + ": " +
             (t.initial > 0 ? "open at the start (" + n(t.initial) + ") + " : std::string{}) + "arrived (" +
             n(t.arrived) + ") != reached by call (" +
             n(t.reached_call) + ") + reached by SMS (" + n(t.reached_sms) + ") + not reached (" + n(t.not_reached) +
             (t.stale_dropped + t.to_national > 0 ? ") + dropped as stale (" + n(t.stale_dropped) +
                                                        ") + handed to the national level (" + n(t.to_national)
                                                  : std::string{}) +
             ") + pending (" + n(t.pending) + ")");
    }
    if (t.stale_to_sms > t.reached_sms)
      broken(std::string{name_of(static_cast<TaskType>(ty))} + ": stale tasks sent to SMS (" + n(t.stale_to_sms) +
             ") > reached by SMS (" + n(t.reached_sms) + ")");
    if (t.appointments > t.reached_call)
      broken(std::string{name_of(static_cast<TaskType>(ty))} + ": appointments (" + n(t.appointments) +
             ") > reached by call (" + n(t.reached_call) + ")");
    if (t.connected > t.attempts)
      broken(std::string{name_of(static_cast<TaskType>(ty))} + ": connected (" + n(t.connected) + ") > attempts (" +
             n(t.attempts) + ")");
  }
  const std::uint64_t pending = r.tasks[0].pending + r.tasks[1].pending;
  if (l.task_slots != l.free_task_slots + pending + l.not_yet_arrived) {
    broken("task slots (" + n(l.task_slots) + ") != free (" + n(l.free_task_slots) + ") + pending (" + n(pending) +
           ") + not yet arrived (" + n(l.not_yet_arrived) + ")");
  }
  const InboundTotals& in = r.inbound;
  const std::uint64_t settled = in.answered + in.abandoned + in.refused_closed + in.waiting_at_horizon;
  if (in.offered != settled) {
    broken("inbound: offered (" + n(in.offered) + ") != answered (" + n(in.answered) + ") + abandoned (" +
           n(in.abandoned) + ") + refused (" + n(in.refused_closed) + ") + waiting (" + n(in.waiting_at_horizon) + ")");
  }
  if (l.call_slots != l.free_call_slots + l.live_calls) {
    broken("inbound call slots (" + n(l.call_slots) + ") != free (" + n(l.free_call_slots) + ") + live (" +
           n(l.live_calls) + ")");
  }
  const BackOfficeTotals& bo = r.back_office;
  if (bo.initial + bo.created != bo.done + bo.pending || bo.done_late > bo.done) {
    broken("back office: " + (bo.initial > 0 ? "waiting at the start (" + n(bo.initial) + ") + " : std::string{}) +
           "created (" + n(bo.created) + ") != done (" + n(bo.done) + ", of which late " +
           n(bo.done_late) + ") + pending (" + n(bo.pending) + ")");
  }
  if (l.back_office_slots != l.free_back_office_slots + bo.pending) {
    broken("back-office item slots (" + n(l.back_office_slots) + ") != free (" + n(l.free_back_office_slots) +
           ") + pending (" + n(bo.pending) + ")");
  }
  if (l.shifts_ended > l.shifts_started || l.agent_slots != l.free_agent_slots + (l.shifts_started - l.shifts_ended)) {
    broken("agent slots (" + n(l.agent_slots) + ") != free (" + n(l.free_agent_slots) + ") + on shift (" +
           n(l.shifts_started) + " came on - " + n(l.shifts_ended) + " went off)");
  }
}

}  // namespace tracesim::model::detail
