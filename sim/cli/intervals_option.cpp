// SPDX-License-Identifier: Apache-2.0
#include "intervals_option.hpp"

#include "tracesim/output/atomic_file.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {

std::pair<kernel::Date, kernel::Date> interval_period(const po::variables_map& vm, const scenario::Scenario& sc) {
  const auto& cal = sc.platform.calendar;
  const std::string text = vm.count("intervals") ? vm["intervals"].as<std::string>() : "all";
  if (text == "all") return {cal.start, cal.end};
  const auto colon = text.find(':');
  kernel::Date from{};
  kernel::Date to{};
  if (colon == std::string::npos || !kernel::parse_iso_date(text.substr(0, colon), from) ||
      !kernel::parse_iso_date(text.substr(colon + 1), to) || to < from)
    throw po::error("--intervals expects FROM:TO, two ISO dates in order (e.g. 2021-08-01:2021-08-31), got '" + text + "'");
  if (from < cal.start || to > cal.end)
    throw po::error("--intervals " + text + " is outside the run (" + kernel::iso_date(cal.start) + " to " +
                    kernel::iso_date(cal.end) + ")");
  return {from, to};
}

void write_interval_files(const std::filesystem::path& dir, const output::IntervalRecorder& recorder,
                          std::pair<kernel::Date, kernel::Date> period) {
  output::write_file_atomic(dir / "intervals.csv", recorder.intervals_csv(period.first, period.second));
  output::write_file_atomic(dir / "reach_by_arrival_day.csv", recorder.reach_by_arrival_day_csv());
}

}  // namespace tracesim::cli
