// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The CSV files tracesim writes, read back: a header and rows of cells.
namespace tracesim::report::detail {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  /// Position of column `name`, if there is one.
  [[nodiscard]] std::optional<std::size_t> column(const std::string& name) const;
};

/// Reads `file`; throws scenario::InputError if it cannot be read or a row has
/// the wrong number of cells.
Table read_csv(const std::filesystem::path& file);

/// The cell as a number; NaN if empty or not a number.
double number(const std::string& cell);

/// The whole of `file`; throws scenario::InputError if it cannot be read.
std::string read_text(const std::filesystem::path& file);

}  // namespace tracesim::report::detail
