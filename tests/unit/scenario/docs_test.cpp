// SPDX-License-Identifier: Apache-2.0
// Keeps docs/scenario-format.md in step with the reader (rule C3).
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "tracesim/scenario/scenario.hpp"

TEST_CASE("scenario: every key the reader knows is documented, and the doc names no other", "[scenario][docs]") {
  std::ifstream in(TRACESIM_SOURCE_DIR "/docs/scenario-format.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
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
