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

}  // namespace tracesim::sweep
