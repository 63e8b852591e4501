// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "tracesim/output/summary.hpp"

// The files of a sweep: one point file per grid point (written when the point
// completes, so an interrupted sweep resumes), and the two tables assembled
// from them (docs/sweeps.md).
namespace tracesim::output {

/// The name of grid point `point`'s file in a sweep's points/ folder: "point-000042.csv".
std::string point_file_name(std::size_t point);

/// One grid point's replications.
struct PointRows {
  std::size_t point = 0;
  std::vector<std::string> axis_keys;          // the varied scenario keys
  std::vector<std::string> axis_values;        // this point's value of each
  std::vector<std::vector<Kpi>> replications;  // the KPIs of replication 0, 1, ...
};

/// A point file: "point,KEY...,replication,KPI..." then one row per replication.
std::string point_csv(const PointRows& rows);

/// The tables of a whole grid.
struct PointTables {
  std::string points;        // points.csv: per point, each KPI's mean, sd and 95 % CI half-width
  std::string replications;  // replications.csv: every point file's rows, in point order
};

/// Reads the point files of points 0..count-1 from `points_dir` (each with
/// `axes` varied keys) and builds the tables. Throws std::runtime_error naming a
/// point file that cannot be read, is empty, has other columns than point 0 or
/// holds a bad number.
PointTables point_tables(const std::filesystem::path& points_dir, std::size_t count, std::size_t axes);

/// One CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);

/// Splits one CSV line as point_csv writes it (quoted fields, doubled quotes).
std::vector<std::string> split_csv_line(const std::string& line);

}  // namespace tracesim::output
