// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/calibration_table.hpp"

#include <nlohmann/json.hpp>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/output/points_csv.hpp"
#include "tracesim/output/summary.hpp"

namespace tracesim::sweep {

std::string target_label(const scenario::CalibrationTarget& t) {
  if (!t.from && !t.to) return t.name;
  return t.name + " (" + (t.from ? kernel::iso_date(*t.from) : std::string{"start"}) + " to " +
         (t.to ? kernel::iso_date(*t.to) : std::string{"end"}) + ")";
}

std::string calibration_csv(const CalibrationResult& result) {
  using output::csv_number;
  std::string csv =
      "target,from,to,report_value,simulated_mean,ci95_low,ci95_high,relative_error,tolerance,relative,role,"
      "within_tolerance\n";
  for (const auto& o : result.targets) {
    const auto& t = o.target;
    csv += output::csv_field(t.name) + "," + (t.from ? kernel::iso_date(*t.from) : "") + "," +
           (t.to ? kernel::iso_date(*t.to) : "") + "," + csv_number(t.value) + "," + csv_number(o.mean) + "," +
           csv_number(o.ci_low) + "," + csv_number(o.ci_high) + "," + csv_number(o.relative_error) + "," +
           csv_number(t.tolerance) + "," + (t.relative ? "true" : "false") + "," + (t.fit ? "fitted" : "held out") +
           "," + (o.within ? "yes" : "no") + "\n";
  }
  return csv;
}

std::string calibration_json(const scenario::CalibrationSection& calibration, const CalibrationResult& result) {
  nlohmann::ordered_json j;
  j["evaluations"] = result.evaluations;
  j["evaluations_to_tolerance"] = result.evaluations_to_tolerance;
  j["interrupted"] = result.interrupted;
  j["objective"] = result.objective;
  j["parameters"] = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < result.value_texts.size() && k < calibration.parameters.size(); ++k)
    j["parameters"].push_back({{"key", calibration.parameters[k].key}, {"value", result.value_texts[k]}});
  j["targets"] = nlohmann::ordered_json::array();
  for (const auto& o : result.targets) {
    const auto& t = o.target;
    nlohmann::ordered_json row;
    row["target"] = t.name;
    row["from"] = t.from ? nlohmann::ordered_json(kernel::iso_date(*t.from)) : nlohmann::ordered_json();
    row["to"] = t.to ? nlohmann::ordered_json(kernel::iso_date(*t.to)) : nlohmann::ordered_json();
    row["report_value"] = t.value;
    row["simulated_mean"] = o.mean;
    row["ci95"] = {o.ci_low, o.ci_high};
    row["relative_error"] = o.relative_error;
    row["tolerance"] = t.tolerance;
    row["relative"] = t.relative;
    row["role"] = t.fit ? "fitted" : "held out";
    row["within_tolerance"] = o.within;
    j["targets"].push_back(row);
  }
  return j.dump(2) + "\n";
}

}  // namespace tracesim::sweep
