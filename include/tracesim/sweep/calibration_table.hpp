// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "tracesim/sweep/calibrate.hpp"

namespace tracesim::sweep {

/// A target's name with its period, e.g. "calls in March (2021-03-01 to 2021-03-31)".
std::string target_label(const scenario::CalibrationTarget& t);

/// The table of every target, one row each (docs/calibration.md, "The table"):
/// target,from,to,report_value,simulated_mean,ci95_low,ci95_high,relative_error,
/// tolerance,relative,role,within_tolerance. Dates are empty when the target has
/// no period; role is "fitted" or "held out"; within_tolerance is "yes" or "no".
std::string calibration_csv(const CalibrationResult& result);

}  // namespace tracesim::sweep
