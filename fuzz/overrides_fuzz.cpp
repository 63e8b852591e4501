// SPDX-License-Identifier: Apache-2.0
// Fuzzes --set and --vary: the first line is a --set KEY=VALUE, the second a
// --vary KEY=VALUES; both are applied to a small valid scenario. Every outcome
// is a scenario or a usage/scenario error, never a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/sweep.hpp"

namespace {
const char* kBase = R"(schema_version: 1
name: base
calendar: { start: 2021-03-01, end: 2021-03-07 }
demand:
  index_cases:
    curve: { constant: 50 }
    segments: { old: 0.2, other: 0.8 }
  contacts_per_case: { dist: poisson, mean: 2.0 }
attempt:
  answer_probability: [0.7, 0.5]
staffing:
  pools:
    tracers:
      fte: [{ from: 2021-03-01, fte: 10 }]
      shifts:
        - { start: "08:00", end: "16:00", break: 30m }
)";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sc = tracesim::scenario;
  static const sc::Document base = sc::Document::from_text(kBase, "base.yaml", ".");
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = text.find('\n');
  const std::string set = text.substr(0, nl);
  const std::string vary = nl == std::string::npos ? std::string{} : text.substr(nl + 1);
  try {
    std::vector<sc::Override> overrides{sc::parse_override(set)};
    if (!vary.empty()) {
      const auto axis = tracesim::sweep::parse_axis(vary);
      for (std::size_t i = 0; i < axis.values.size() && i < 4; ++i) {
        auto point = overrides;
        point.push_back({axis.key, axis.values[i], "--vary"});
        (void)base.resolve(point);
      }
    }
    (void)base.resolve(overrides);
  } catch (const sc::ScenarioError&) {
  } catch (const sc::InputError&) {
  } catch (const std::invalid_argument&) {  // parse_axis: a usage error
  }
  return 0;
}
