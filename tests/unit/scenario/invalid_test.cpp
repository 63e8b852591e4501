// SPDX-License-Identifier: Apache-2.0
// Loads every tests/invalid/*.yaml; each declares the first diagnostic it must
// produce in its header ("# expect: ..." and "# expect-line: N", rule X5).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tracesim/scenario/scenario.hpp"

using namespace tracesim;

namespace {
std::string header_value(const std::filesystem::path& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  const std::string prefix = "# " + key + ": ";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "";
}
}  // namespace

TEST_CASE("scenario: every invalid fixture fails with its declared first diagnostic", "[scenario][invalid]") {
  const std::filesystem::path folder = TRACESIM_SOURCE_DIR "/tests/invalid";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const std::string expect = header_value(file, "expect");
    const std::string expect_line = header_value(file, "expect-line");
    REQUIRE_FALSE(expect.empty());
    try {
      scenario::load_scenario(file);
      FAIL("loaded without error");
    } catch (const scenario::ScenarioError& e) {
      const auto& first = e.diagnostics().front();
      CHECK_THAT(format(first), Catch::Contains(expect));
      if (!expect_line.empty()) CHECK(first.line == std::stoi(expect_line));
    }
  }
}
