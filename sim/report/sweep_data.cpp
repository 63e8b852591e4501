// SPDX-License-Identifier: Apache-2.0
// The data of a sweep's report: for every point, its varied values and each
// KPI's mean and confidence interval, read from points.csv. The page draws each
// KPI against the first varied key, one line per value of the others.
#include "sweep_data.hpp"

#include <cmath>

#include "table.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::report::detail {
namespace {

using json = nlohmann::ordered_json;

json number_or_null(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

json sweep_data(const std::filesystem::path& dir) {
  const json id = json::parse(read_text(dir / "sweep.json"));
  const Table t = read_csv(dir / "points.csv");
  json axes = json::array();
  for (const auto& a : id["axes"]) axes.push_back(a["key"]);
  for (const auto& key : axes)
    if (!t.column(key.get<std::string>()))
      throw scenario::InputError((dir / "points.csv").string() + ": no column for the varied key " +
                                 key.get<std::string>());
  // KPIs are the columns ending in _mean that have a _ci95_half_width beside them.
  json kpis = json::array();
  for (const auto& name : t.header) {
    if (!ends_with(name, "_mean")) continue;
    const std::string kpi = name.substr(0, name.size() - 5);
    const auto mean = t.column(name);
    const auto half = t.column(kpi + "_ci95_half_width");
    if (!half) continue;
    json mean_values = json::array(), half_values = json::array();
    for (const auto& row : t.rows) {
      mean_values.push_back(number_or_null(number(row[*mean])));
      half_values.push_back(number_or_null(number(row[*half])));
    }
    kpis.push_back(json{{"name", kpi}, {"mean", mean_values}, {"half_width", half_values}});
  }
  json points = json::array();
  for (const auto& row : t.rows) {
    json values = json::array();
    for (const auto& key : axes) values.push_back(row[*t.column(key.get<std::string>())]);
    points.push_back(values);
  }
  json data;
  data["kind"] = "sweep";
  data["metadata"] = json{{"scenario", id.value("scenario", std::string())},
                          {"seed", id.value("seed", 0ULL)},
                          {"replications", id.value("replications", 0)},
                          {"points", t.rows.size()}};
  data["axes"] = axes;
  data["points"] = points;
  data["kpis"] = kpis;
  return data;
}

}  // namespace tracesim::report::detail
