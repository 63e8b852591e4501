// SPDX-License-Identifier: Apache-2.0
// Fuzzes the reader of open work (initial_state, --from FILE): any text gives tasks
// and diagnostics, never a crash; every diagnostic names the file, and a file read
// without a problem holds only tasks the rules accept (identified by the start, the
// deadline not before identification, attempts below the type's maximum, a segment
// of the scenario).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tracesim/scenario/initial_state_csv.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace {
// Two segments, so that the segment column is required and checked by name.
const char* kScenario = R"(schema_version: 1
name: fuzz
calendar: { start: 2021-03-01, end: 2021-03-07 }
demand:
  index_cases: { curve: { constant: 10 }, segments: { old: 0.2, other: 0.8 } }
tasks:
  contact_call: { retry: { max_attempts: 3, min_spacing: 1h } }
staffing:
  pools:
    tracers:
      skills: [index_interview, contact_call]
      roster: [{ from: 2021-03-01, agents: [2] }]
      shifts: [{ start: "08:00", end: "18:00" }]
)";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tracesim::model::PlatformConfig config =
      tracesim::scenario::load_scenario_text(kScenario, "fuzz.yaml").platform;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  tracesim::scenario::Diagnostics diags;
  const auto state = tracesim::scenario::read_open_tasks_csv(in, "fuzz.csv", config, diags);
  for (const auto& d : diags)
    if (d.file != "fuzz.csv") std::abort();
  if (!diags.empty()) return 0;
  for (const auto& t : state.tasks) {
    if (t.identified > tracesim::kernel::SimTime{}) std::abort();
    if (t.deadline && *t.deadline < t.identified) std::abort();
    if (t.attempts >= config.tasks[tracesim::model::index_of(t.type)].retry.max_attempts) std::abort();
    if (t.segment >= config.index_cases.segments.size()) std::abort();
    if (t.next_attempt && *t.next_attempt < t.identified) std::abort();
  }
  return 0;
}
