// SPDX-License-Identifier: Apache-2.0
#include "tracesim/scenario/diagnostics.hpp"

#include <algorithm>

namespace tracesim::scenario {

std::string format(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  return out;
}

void sort_by_position(Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {
std::string summary(const Diagnostics& diags) {
  if (diags.empty()) return "invalid scenario";
  std::string s = format(diags.front());
  if (diags.size() > 1) s += " (and " + std::to_string(diags.size() - 1) + " more)";
  return s;
}
}  // namespace

ScenarioError::ScenarioError(Diagnostics diags) : std::runtime_error(summary(diags)), diags_{std::move(diags)} {}

}  // namespace tracesim::scenario
