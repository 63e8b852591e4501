// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::scenario {

/// The largest scenario or case series file read (16 MiB): a century of daily
/// counts is under 2 MiB, so a larger file is a mistake (a device, a wrong path).
inline constexpr std::uintmax_t kMaxInputFileBytes = std::uintmax_t{16} << 20;

/// Reads a daily positives series: header `date,positives`, then one row per
/// consecutive day (ISO date, integer >= 0). Problems are appended to `diags`
/// with the file, line and column; the rows read so far are returned.
std::vector<model::DailyCount> read_cases_csv(std::istream& in, const std::string& name,
                                              Diagnostics& diags);

/// Same, from a file; a file that cannot be opened, is not a regular file or is
/// larger than kMaxInputFileBytes is one diagnostic without a line.
std::vector<model::DailyCount> read_cases_csv(const std::filesystem::path& file, Diagnostics& diags);

}  // namespace tracesim::scenario
