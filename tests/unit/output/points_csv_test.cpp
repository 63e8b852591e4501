// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/points_csv.hpp"
#include "tracesim/output/statistics.hpp"

using namespace tracesim;
namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

output::PointRows rows_of(std::size_t point, std::string value, std::vector<double> share) {
  output::PointRows rows{point, {"staffing.pools.tracers.fte[2].fte", "sms.policy"}, {std::move(value), "a,\"b\""}, {}};
  for (std::size_t r = 0; r < share.size(); ++r)
    rows.replications.push_back({{"contacts.reached_within_12h", share[r]}, {"calls.attempts", 100.0 + double(r)}});
  return rows;
}

fs::path fresh_dir(const char* name) {
  const fs::path dir = fs::temp_directory_path() / (std::string{name} + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("output: a CSV field with commas and quotes splits back to itself", "[output]") {
  for (const std::string s : {"plain", "a,b", "say \"hi\"", "\"", ",", ""}) {
    CAPTURE(s);
    const auto cells = output::split_csv_line("x," + output::csv_field(s) + ",y");
    REQUIRE(cells.size() == 3);
    CHECK(cells[1] == s);
  }
  CHECK(output::point_file_name(42) == "point-000042.csv");
}

TEST_CASE("output: point files round-trip into points.csv and replications.csv", "[output]") {
  const fs::path dir = fresh_dir("tracesim-points-test");
  const std::vector<std::vector<double>> shares{{0.5, 0.7, 0.6}, {0.9, kNaN, 0.8}};
  std::string expected_replications;
  for (std::size_t p = 0; p < shares.size(); ++p) {
    const std::string text = output::point_csv(rows_of(p, p == 0 ? "40" : "81.5", shares[p]));
    output::write_file_atomic(dir / output::point_file_name(p), text);
    expected_replications += p == 0 ? text : text.substr(text.find('\n') + 1);
  }
  const auto tables = output::point_tables(dir, 2, 2);
  CHECK(tables.replications == expected_replications);
  CHECK(tables.replications.rfind(
            "point,staffing.pools.tracers.fte[2].fte,sms.policy,replication,contacts.reached_within_12h,calls.attempts\n"
            "0,40,\"a,\"\"b\"\"\",0,0.5,100\n", 0) == 0);

  const auto lines = [&] {
    std::vector<std::string> out;
    std::string::size_type at = 0;
    while (at < tables.points.size()) {
      const auto nl = tables.points.find('\n', at);
      out.push_back(tables.points.substr(at, nl - at));
      at = nl + 1;
    }
    return out;
  }();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "point,staffing.pools.tracers.fte[2].fte,sms.policy,replications,"
                    "contacts.reached_within_12h_mean,contacts.reached_within_12h_sd,"
                    "contacts.reached_within_12h_ci95_half_width,calls.attempts_mean,calls.attempts_sd,"
                    "calls.attempts_ci95_half_width");
  for (std::size_t p = 0; p < 2; ++p) {
    const auto cells = output::split_csv_line(lines[p + 1]);
    REQUIRE(cells.size() == 10);
    CHECK(cells[0] == std::to_string(p));
    CHECK(cells[1] == (p == 0 ? "40" : "81.5"));
    CHECK(cells[2] == "a,\"b\"");
    CHECK(cells[3] == "3");
    const auto e = output::estimate(shares[p]);  // the NaN replication is skipped, as before
    CHECK(cells[4] == output::csv_number(e.mean));
    CHECK(cells[5] == output::csv_number(e.sd));
    CHECK(cells[6] == output::csv_number(e.half_width));
    CHECK(cells[7] == "101");
  }

  CHECK_THROWS_WITH(output::point_tables(dir, 3, 2), "cannot read '" + (dir / "point-000002.csv").string() + "'");
  output::write_file_atomic(dir / output::point_file_name(1), "point,x,replication,k\n1,2,0,oops\n");
  CHECK_THROWS_WITH(output::point_tables(dir, 2, 1), "point file point-000001.csv has other columns than point 0");
  fs::remove_all(dir);
}
