// SPDX-License-Identifier: Apache-2.0
// Fuzzes the scenario loader and validator: any text is either a scenario or
// a ScenarioError / InputError; anything else (a crash, another exception, a
// sanitizer report) is a bug. A scenario that loads must also be written back
// (to_yaml) and read again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sc = tracesim::scenario;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string resolved;
  try {
    resolved = sc::to_yaml(sc::load_scenario_text(text, "fuzz.yaml", {}, TRACESIM_SOURCE_DIR "/scenarios"));
  } catch (const sc::ScenarioError&) {
    return 0;
  } catch (const sc::InputError&) {
    return 0;
  }
  // The resolved text is what run writes beside its results; check reads it back.
  const std::string again = sc::to_yaml(sc::load_scenario_text(resolved, "resolved.yaml", {}, TRACESIM_SOURCE_DIR "/scenarios"));
  if (again != resolved) std::abort();
  return 0;
}
