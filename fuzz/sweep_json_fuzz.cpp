// SPDX-License-Identifier: Apache-2.0
// Fuzzes the check of a sweep.json read back by --resume and merge: any text
// is accepted with a bounded point count or refused with a ScenarioError.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/sweep/sweep.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::size_t points = tracesim::sweep::sweep_metadata_points(text, "sweep.json");
    if (points < 1 || points > tracesim::sweep::kMaxGridPoints) std::abort();
  } catch (const tracesim::scenario::ScenarioError&) {
  }
  return 0;
}
