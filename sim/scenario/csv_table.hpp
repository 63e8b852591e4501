// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/model/initial_state.hpp"
#include "tracesim/scenario/cases_csv.hpp"
#include "tracesim/scenario/diagnostics.hpp"

// Reading the initial state's CSV files (private to the scenario module): a
// strict table reader with located diagnostics, and the parts shared by a
// file of open tasks (initial_state_csv.cpp) and a snapshot folder
// (snapshot_folder.cpp).
namespace tracesim::scenario::detail {

using model::SimTime;

constexpr std::size_t kMaxErrors = 20;

// One CSV file read line by line: its header's columns, each row's fields and
// their columns, and a diagnostic located at a field.
class Table {
 public:
  Table(std::istream& in, std::string name, Diagnostics& diags) : in_{in}, name_{std::move(name)}, diags_{diags} {}

  bool header(const std::vector<std::string>& required, const std::vector<std::string>& optional) {
    std::string line;
    if (!next_line(line)) {
      diags_.push_back(Diagnostic{name_, 0, 0, "", "empty file; expected a header and rows"});
      return false;
    }
    split(line);
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const std::string& c = fields_[i];
      const bool known = std::find(required.begin(), required.end(), c) != required.end() ||
                         std::find(optional.begin(), optional.end(), c) != optional.end();
      if (!known) {
        std::string all;
        for (const auto* list : {&required, &optional})
          for (const auto& k : *list) all += (all.empty() ? "" : ", ") + k;
        fail_at(i, "unknown column '" + c + "'; expected some of " + all);
      } else if (columns_.count(c)) {
        fail_at(i, "column '" + c + "' appears twice");
      }
      columns_.emplace(c, i);
    }
    for (const auto& r : required)
      if (!columns_.count(r)) fail(1, "missing the column '" + r + "'");
    header_size_ = fields_.size();
    return ok();
  }
  [[nodiscard]] bool has(const std::string& c) const { return columns_.count(c) > 0; }

  // The next row; false at the end, or after too many errors.
  bool row() {
    std::string line;
    while (next_line(line)) {
      if (too_many()) return false;
      if (line.empty()) {
        fail(1, "empty line");
        continue;
      }
      split(line);
      if (fields_.size() != header_size_) {
        fail(1, "expected " + std::to_string(header_size_) + " fields as in the header, got " +
                    std::to_string(fields_.size()));
        continue;
      }
      return true;
    }
    return false;
  }
  // The field of column `c` in the current row ("" if the column is absent).
  [[nodiscard]] std::string get(const std::string& c) const {
    const auto it = columns_.find(c);
    return it == columns_.end() ? std::string{} : fields_[it->second];
  }
  void fail(int column, const std::string& message) {
    diags_.push_back(Diagnostic{name_, line_no_, column, "", message});
  }
  void fail_in(const std::string& c, const std::string& message) {
    const auto it = columns_.find(c);
    fail(it == columns_.end() ? 1 : starts_[it->second], c + ": " + message);
  }
  [[nodiscard]] bool ok() const { return diags_.size() == errors_before_; }
  [[nodiscard]] bool too_many() {
    if (diags_.size() - errors_before_ < kMaxErrors) return false;
    if (!stopped_) fail(1, "too many errors; stopping here");
    stopped_ = true;
    return true;
  }
  [[nodiscard]] int line() const { return line_no_; }
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  bool next_line(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();                  // CRLF
    if (line_no_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a UTF-8 BOM
    return true;
  }
  void split(const std::string& line) {
    fields_.clear();
    starts_.clear();
    std::size_t from = 0;
    for (;;) {
      const std::size_t comma = line.find(',', from);
      starts_.push_back(static_cast<int>(from) + 1);
      fields_.push_back(line.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  void fail_at(std::size_t field, const std::string& message) { fail(starts_[field], message); }

  std::istream& in_;
  std::string name_;
  Diagnostics& diags_;
  std::size_t errors_before_ = diags_.size();
  std::map<std::string, std::size_t> columns_;
  std::vector<std::string> fields_;
  std::vector<int> starts_;
  std::size_t header_size_ = 0;
  int line_no_ = 0;
  bool stopped_ = false;
};

inline std::optional<std::uint64_t> whole(const std::string& s, std::uint64_t max) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v > max) return std::nullopt;
  return v;
}

inline std::optional<int> digits(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// YYYY-MM-DDTHH:MM[:SS[.mmm]] as milliseconds from 00:00 of `start`.
inline std::optional<SimTime> date_time(const std::string& s, kernel::Date start) {
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  kernel::Date d;
  if (!kernel::parse_iso_date(s.substr(0, 10), d)) return std::nullopt;
  const auto h = digits(s, 11, 2);
  const auto m = digits(s, 14, 2);
  std::optional<int> sec = 0;
  std::optional<int> ms = 0;
  if (s.size() > 16) {
    if (s[16] != ':' || s.size() < 19) return std::nullopt;
    sec = digits(s, 17, 2);
    if (s.size() > 19 && (s[19] != '.' || s.size() != 23)) return std::nullopt;
    if (s.size() == 23) ms = digits(s, 20, 3);
  }
  if (!h || !m || !sec || !ms || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  const std::int64_t day_ms = kernel::kDay.count() * (static_cast<std::int64_t>(d.days) - start.days);
  return kernel::at_ms(day_ms + ((*h * 60 + *m) * 60 + *sec) * std::int64_t{1000} + *ms);
}

inline const std::string kDateTime = "a date-time YYYY-MM-DDTHH:MM[:SS[.mmm]]";

/// What rows are checked against: the scenario, and a snapshot's midnight (none: a user's file).
struct Context {
  const model::PlatformConfig& config;
  std::optional<SimTime> midnight;
};

/// Opens `file` for reading if it is a regular file of a sane size; else a diagnostic.
bool open_file(const std::filesystem::path& file, std::ifstream& in, Diagnostics& diags);

/// A file of open tasks; `snapshot`: a snapshot's, with the columns exact continuation needs.
model::InitialState read_tasks(std::istream& in, const std::string& name, const Context& ctx, bool snapshot,
                               Diagnostics& diags);

/// A snapshot folder: one state per replication, the run starting on its day.
void read_snapshot_folder(const std::filesystem::path& dir, const model::PlatformConfig& config,
                          model::InitialStates& out, Diagnostics& diags);

}  // namespace tracesim::scenario::detail
