// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

// One self-contained HTML page (data, script, styles and the chart library
// inlined; no network) drawn from the files a command wrote into its folder.
namespace tracesim::report {

/// The kinds of results folder a report is drawn from, told apart by their files.
enum class Kind { Run, Sweep, Staff, Calibrate };

/// The kind of folder `dir` holds: summary.json and daily.csv (run),
/// points.csv and sweep.json (sweep), staff.json (staff) or calibration.json
/// (calibrate). Throws scenario::InputError if none.
Kind kind_of(const std::filesystem::path& dir);

/// The page for folder `dir`. Throws scenario::InputError if a file it needs is
/// missing or unreadable, std::runtime_error if this build has no chart library.
std::string report_html(const std::filesystem::path& dir);

/// Writes `dir`/report.html (atomically) and returns its path. Throws as
/// report_html, and std::system_error if it cannot be written.
std::filesystem::path write_report(const std::filesystem::path& dir);

}  // namespace tracesim::report
