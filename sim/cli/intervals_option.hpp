// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>

#include "tracesim/output/intervals.hpp"
#include "tracesim/scenario/scenario.hpp"

// run --intervals [FROM:TO]: the half-hour view of replication 0.
namespace tracesim::cli {

/// The days --intervals asks for: "all" (the whole run) or FROM:TO (ISO dates,
/// inclusive, within the run). Throws boost::program_options::error otherwise.
std::pair<kernel::Date, kernel::Date> interval_period(const boost::program_options::variables_map& vm,
                                                      const scenario::Scenario& sc);

/// Writes intervals.csv (the period's rows) and reach_by_arrival_day.csv into `dir`.
void write_interval_files(const std::filesystem::path& dir, const output::IntervalRecorder& recorder,
                          std::pair<kernel::Date, kernel::Date> period);

}  // namespace tracesim::cli
