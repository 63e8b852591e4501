// SPDX-License-Identifier: Apache-2.0
// Fuzzes the daily case series reader: any text gives rows and diagnostics,
// never a crash, and the rows it keeps are consecutive days with counts >= 0.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tracesim/scenario/cases_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  tracesim::scenario::Diagnostics diags;
  const auto rows = tracesim::scenario::read_cases_csv(in, "fuzz.csv", diags);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].positives < 0) std::abort();
    if (i > 0 && rows[i].date.days != rows[i - 1].date.days + 1) std::abort();
  }
  for (const auto& d : diags)
    if (d.file != "fuzz.csv") std::abort();
  return 0;
}
