// SPDX-License-Identifier: Apache-2.0
#include "table.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>

#include "tracesim/output/points_csv.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::report::detail {
namespace {

std::vector<std::string> split(const std::string& line) { return output::split_csv_line(line); }

}  // namespace

std::optional<std::size_t> Table::column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw scenario::InputError("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Table read_csv(const std::filesystem::path& file) {
  std::istringstream in(read_text(file));
  Table t;
  std::string line;
  if (!std::getline(in, line)) throw scenario::InputError(file.string() + ": empty file, expected a CSV header");
  t.header = split(line);
  std::size_t number_of_line = 1;
  while (std::getline(in, line)) {
    ++number_of_line;
    if (line.empty()) continue;
    t.rows.push_back(split(line));
    if (t.rows.back().size() != t.header.size())
      throw scenario::InputError(file.string() + ":" + std::to_string(number_of_line) + ": " +
                                 std::to_string(t.rows.back().size()) + " cells, the header has " +
                                 std::to_string(t.header.size()));
  }
  return t;
}

double number(const std::string& cell) {
  double v = std::numeric_limits<double>::quiet_NaN();
  if (cell.empty()) return v;
  const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (r.ec != std::errc{} || r.ptr != cell.data() + cell.size()) return std::numeric_limits<double>::quiet_NaN();
  return v;
}

}  // namespace tracesim::report::detail
