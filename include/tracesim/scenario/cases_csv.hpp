// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::scenario {

/// Reads a daily positives series: header `date,positives`, then one row per
/// consecutive day (ISO date, integer >= 0). Problems are appended to `diags`
/// with the file, line and column; the rows read so far are returned.
std::vector<model::DailyCount> read_cases_csv(std::istream& in, const std::string& name,
                                              Diagnostics& diags);

/// Same, from a file; a file that cannot be opened is one diagnostic.
std::vector<model::DailyCount> read_cases_csv(const std::filesystem::path& file, Diagnostics& diags);

}  // namespace tracesim::scenario
