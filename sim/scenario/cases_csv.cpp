// SPDX-License-Identifier: Apache-2.0
#include "tracesim/scenario/cases_csv.hpp"

#include <fstream>

namespace tracesim::scenario {

std::vector<model::DailyCount> read_cases_csv(std::istream& in, const std::string& name,
                                              Diagnostics& diags) {
  std::vector<model::DailyCount> rows;
  std::string line;
  int line_no = 0;
  const std::size_t errors_before = diags.size();
  auto fail = [&](int column, const std::string& message) {
    diags.push_back(Diagnostic{name, line_no, column, "", message});
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF, as spreadsheets save it
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a UTF-8 BOM (Excel)
    if (diags.size() - errors_before >= 20) {
      fail(1, "too many errors; stopping here");
      break;
    }
    if (line_no == 1) {
      if (line != "date,positives") fail(1, "expected the header 'date,positives', got '" + line + "'");
      continue;
    }
    if (line.empty()) {
      fail(1, "empty line; expected 'YYYY-MM-DD,count'");
      continue;
    }
    const std::size_t comma = line.find(',');
    if (comma == std::string::npos || line.find(',', comma + 1) != std::string::npos) {
      fail(1, "expected two fields 'YYYY-MM-DD,count', got '" + line + "'");
      continue;
    }
    model::DailyCount row;
    if (!kernel::parse_iso_date(line.substr(0, comma), row.date)) {
      fail(1, "expected an ISO date YYYY-MM-DD, got '" + line.substr(0, comma) + "'");
      continue;
    }
    const std::string count = line.substr(comma + 1);
    const int count_col = static_cast<int>(comma) + 2;
    bool digits = !count.empty() && count.size() <= 12;
    for (char c : count) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      fail(count_col, "expected a whole number of positives >= 0, got '" + count + "'");
      continue;
    }
    row.positives = std::stoll(count);
    if (!rows.empty() && row.date.days != rows.back().date.days + 1) {
      fail(1, "expected the day after " + kernel::iso_date(rows.back().date) +
                  " (days must be consecutive), got " + kernel::iso_date(row.date));
      continue;
    }
    rows.push_back(row);
  }
  if (line_no == 0) diags.push_back(Diagnostic{name, 0, 0, "", "empty file; expected 'date,positives' and rows"});
  return rows;
}

std::vector<model::DailyCount> read_cases_csv(const std::filesystem::path& file, Diagnostics& diags) {
  // Checked before reading: a device (/dev/zero) or a FIFO would read forever or block.
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "", "not a regular file (a folder, device or pipe)"});
    return {};
  }
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxInputFileBytes) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "",
                               "larger than " + std::to_string(kMaxInputFileBytes >> 20) + " MiB; a daily series is far smaller"});
    return {};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "", "cannot open the case series file"});
    return {};
  }
  return read_cases_csv(in, file.string(), diags);
}

}  // namespace tracesim::scenario
