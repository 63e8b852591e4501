// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/model/results.hpp"

namespace tracesim::output {

/// A working day: Monday to Friday and not one of `closed_dates` (the scenario's
/// `calendar.closed_dates`, where its public holidays are listed).
bool is_working_day(kernel::Date d, const std::vector<kernel::Date>& closed_dates);

/// monthly.csv: one row per calendar month of the run, each count the mean over
/// the replications (all replications cover the same days), in the reports' terms.
std::string monthly_csv(const std::vector<model::RunResult>& results, const std::vector<kernel::Date>& closed_dates);

}  // namespace tracesim::output
