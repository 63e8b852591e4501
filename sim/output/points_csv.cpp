// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/points_csv.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/statistics.hpp"

namespace tracesim::output {
namespace {

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

}  // namespace

std::string point_file_name(std::size_t point) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "point-%06zu.csv", point);
  return buf;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string{"\"\""} : std::string{c};
  return out + "\"";
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string point_csv(const PointRows& rows) {
  std::string text = "point";
  for (const auto& key : rows.axis_keys) text += "," + csv_field(key);
  text += ",replication";
  for (const auto& k : rows.replications.at(0)) text += "," + k.name;
  text += "\n";
  for (std::size_t r = 0; r < rows.replications.size(); ++r) {
    text += std::to_string(rows.point);
    for (const auto& v : rows.axis_values) text += "," + csv_field(v);
    text += "," + std::to_string(r);
    for (const auto& k : rows.replications[r]) text += "," + csv_number(k.value);
    text += "\n";
  }
  return text;
}

PointTables point_tables(const std::filesystem::path& points_dir, std::size_t count, std::size_t axes) {
  PointTables out;
  std::string& replications = out.replications;
  std::string& summary = out.points;
  for (std::size_t p = 0; p < count; ++p) {
    const auto lines = split_lines(read_file(points_dir / point_file_name(p)));
    if (lines.size() < 2) throw std::runtime_error("point file " + point_file_name(p) + " is empty");
    const auto header = split_csv_line(lines[0]);
    const std::size_t first_kpi = axes + 2;  // point, axes..., replication
    if (p == 0) {
      replications = lines[0] + "\n";
      summary = "point";
      for (std::size_t a = 0; a < axes; ++a) summary += "," + csv_field(header[1 + a]);
      summary += ",replications";
      for (std::size_t k = first_kpi; k < header.size(); ++k)
        summary += "," + header[k] + "_mean," + header[k] + "_sd," + header[k] + "_ci95_half_width";
      summary += "\n";
    } else if (lines[0] + "\n" != replications.substr(0, replications.find('\n') + 1)) {
      throw std::runtime_error("point file " + point_file_name(p) + " has other columns than point 0");
    }
    std::vector<std::vector<double>> values(header.size());
    std::vector<std::string> first_row;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      replications += lines[i] + "\n";
      const auto cells = split_csv_line(lines[i]);
      if (i == 1) first_row = cells;
      for (std::size_t k = first_kpi; k < cells.size() && k < header.size(); ++k) {
        double v = std::numeric_limits<double>::quiet_NaN();
        if (!cells[k].empty() && !parse_number(cells[k], v))
          throw std::runtime_error("point file " + point_file_name(p) + ": bad number '" + cells[k] + "'");
        values[k].push_back(v);
      }
    }
    summary += std::to_string(p);
    for (std::size_t a = 0; a < axes; ++a) summary += "," + csv_field(first_row[1 + a]);
    summary += "," + std::to_string(lines.size() - 1);
    for (std::size_t k = first_kpi; k < header.size(); ++k) {
      const Estimate e = estimate(values[k]);
      summary += "," + csv_number(e.mean) + "," + csv_number(e.sd) + "," + csv_number(e.half_width);
    }
    summary += "\n";
  }
  return out;
}

}  // namespace tracesim::output
