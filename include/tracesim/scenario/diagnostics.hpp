// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tracesim::scenario {

/// One problem in a scenario, located for humans.
struct Diagnostic {
  std::string file;   // the scenario file, or "--set KEY=VALUE" for a command-line override
  int line = 0;       // 1-based; 0 when not tied to a position
  int column = 0;     // 1-based
  std::string path;   // dotted path, e.g. "staffing.pools.tracers.shifts[1].end"
  std::string message;  // what is wrong and what was expected
};
using Diagnostics = std::vector<Diagnostic>;

/// "file:line:column: path: message" (GCC style, so editors and CI annotate it).
std::string format(const Diagnostic& d);

/// Sorts by file, line and column, keeping the order of equal positions.
void sort_by_position(Diagnostics& diags);

/// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The scenario is invalid: carries every problem found, sorted by position.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(Diagnostics diags);
  [[nodiscard]] const Diagnostics& diagnostics() const noexcept { return diags_; }

 private:
  Diagnostics diags_;
};

/// The scenario (or a file it names) cannot be read at all.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tracesim::scenario
