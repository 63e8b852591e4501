// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/trace.hpp"

namespace tracesim::output {

CsvTrace::CsvTrace(const std::filesystem::path& folder)
    : attempts_{folder / "attempts.csv"}, tasks_{folder / "tasks.csv"} {
  attempts_.stream() << "agent,pool,channel,task_key,task_type,attempt,answered,start_ms,end_ms,shift_end_ms\n";
  tasks_.stream() << "task_key,task_type,segment,final_state,attempts,created_ms,deadline_ms,resolved_ms\n";
}

void CsvTrace::on_attempt(const model::AttemptRecord& r) {
  attempts_.stream() << r.agent << ',' << r.pool << ',' << (r.inbound ? "inbound" : "outbound") << ',' << r.task_key << ',' << model::name_of(r.type) << ','
                     << r.attempt << ',' << (r.answered ? 1 : 0) << ',' << kernel::ms_of(r.start) << ','
                     << kernel::ms_of(r.end) << ',' << kernel::ms_of(r.shift_end) << '\n';
}

void CsvTrace::on_task_final(const model::TaskRecord& r) {
  static const char* const kStates[] = {"reached_by_call", "reached_by_sms", "not_reached", "dropped_stale",
                                        "handed_to_national"};
  tasks_.stream() << r.task_key << ',' << model::name_of(r.type) << ',' << static_cast<int>(r.segment) << ','
                  << kStates[static_cast<int>(r.state)] << ',' << r.attempts << ',' << kernel::ms_of(r.created)
                  << ',' << kernel::ms_of(r.deadline) << ',' << kernel::ms_of(r.resolved) << '\n';
}

void CsvTrace::on_agent_shift(const model::AgentShiftRecord&) {}

void CsvTrace::commit() {
  attempts_.commit();
  tasks_.commit();
}

}  // namespace tracesim::output
