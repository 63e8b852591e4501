// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/long_form.hpp"

#include <sstream>

#include "tracesim/output/points_csv.hpp"
#include "tracesim/output/statistics.hpp"
#include "tracesim/output/summary.hpp"

namespace tracesim::output {

std::string kpis_long_csv(const std::vector<model::RunResult>& results) {
  std::string out = "kpi,stat,value\n";
  if (results.empty()) return out;
  std::vector<std::vector<Kpi>> per;
  for (const auto& r : results) per.push_back(kpis(r));
  for (std::size_t i = 0; i < per.front().size(); ++i) {
    std::vector<double> values;
    for (const auto& p : per) values.push_back(p[i].value);
    const Estimate e = estimate(values);
    const std::string& name = per.front()[i].name;
    out += name + ",mean," + csv_number(e.mean) + "\n";
    out += name + ",sd," + csv_number(e.sd) + "\n";
    out += name + ",ci95_low," + csv_number(e.mean - e.half_width) + "\n";
    out += name + ",ci95_high," + csv_number(e.mean + e.half_width) + "\n";
    out += name + ",n," + std::to_string(e.n) + "\n";
  }
  return out;
}

std::string wide_to_long_csv(const std::string& wide, std::size_t keys) {
  std::istringstream in(wide);
  std::string line;
  if (!std::getline(in, line)) return "";
  const auto header = split_csv_line(line);
  std::string out;
  for (std::size_t k = 0; k < keys && k < header.size(); ++k) out += header[k] + ",";
  out += "measure,value\n";
  while (std::getline(in, line)) {
    const auto cells = split_csv_line(line);
    std::string prefix;
    for (std::size_t k = 0; k < keys && k < cells.size(); ++k) prefix += cells[k] + ",";
    for (std::size_t c = keys; c < cells.size() && c < header.size(); ++c)
      out += prefix + header[c] + "," + cells[c] + "\n";
  }
  return out;
}

}  // namespace tracesim::output
