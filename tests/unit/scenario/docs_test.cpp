// SPDX-License-Identifier: Apache-2.0
// Keeps docs/scenario-format.md in step with the keys the sections declare (rule C3).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "tracesim/scenario/scenario.hpp"

namespace {

std::string read_doc() {
  std::ifstream in(TRACESIM_SOURCE_DIR "/docs/scenario-format.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Key path -> the cells of its table row (key, type, unit, default, range, meaning).
std::map<std::string, std::vector<std::string>> table_rows(const std::string& doc) {
  std::map<std::string, std::vector<std::string>> rows;
  const std::regex row(R"(^\|\s*`([^`]+)`\s*\|)");
  std::istringstream lines(doc);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream parts(line.substr(1));
    while (std::getline(parts, cell, '|')) {
      const auto first = cell.find_first_not_of(' ');
      const auto last = cell.find_last_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    rows.emplace(m[1].str(), cells);  // a key's own row comes first; later tables may mention it
  }
  return rows;
}

}  // namespace

TEST_CASE("scenario: every key the reader knows is documented, and the doc names no other", "[scenario][docs]") {
  const std::string doc = read_doc();
  REQUIRE_FALSE(doc.empty());
  const auto known = tracesim::scenario::known_key_paths();
  REQUIRE(known.size() > 100);
  for (const auto& path : known) {
    CAPTURE(path);
    CHECK(doc.find("`" + path + "`") != std::string::npos);
  }
  // The first cell of every table row that holds a backticked key must be a known key.
  const std::regex row(R"(^\|\s*`([^`]+)`\s*\|)");
  std::istringstream lines(doc);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    ++rows;
    CAPTURE(line);
    CHECK(known.count(m[1].str()) == 1);
  }
  CHECK(rows >= static_cast<int>(known.size()));
}

TEST_CASE("scenario: every declared key has a row of its own, with its declared unit", "[scenario][docs]") {
  const auto rows = table_rows(read_doc());
  const auto declared = tracesim::scenario::declared_keys();
  REQUIRE(declared.size() > 100);
  for (const auto& key : declared) {
    CAPTURE(key.path);
    CHECK_FALSE(key.doc.empty());
    const auto row = rows.find(key.path);
    REQUIRE(row != rows.end());
    REQUIRE(row->second.size() >= 4);
    CHECK(row->second[2] == key.unit);
    if (key.required) CHECK(row->second[3].find("required") != std::string::npos);
  }
}
