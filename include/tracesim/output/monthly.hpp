// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "tracesim/model/results.hpp"

namespace tracesim::output {

/// monthly.csv: one row per calendar month of the run, each count the mean over
/// the replications (all replications cover the same days), in the reports' terms.
/// Working days are the days' `working_day` flags.
std::string monthly_csv(const std::vector<model::RunResult>& results);

}  // namespace tracesim::output
