// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>

#include "tracesim/output/statistics.hpp"
#include "tracesim/output/summary.hpp"

using namespace tracesim::output;

TEST_CASE("output: the confidence interval uses Student's t", "[output]") {
  // Values 1..5: mean 3, sd sqrt(2.5) = 1.5811; t(4, 0.975) = 2.7764;
  // half-width = 2.7764 * 1.5811 / sqrt(5) = 1.9632.
  const Estimate e = estimate({1, 2, 3, 4, 5});
  CHECK(e.mean == Approx(3.0));
  CHECK(e.sd == Approx(1.58114).epsilon(1e-5));
  CHECK(e.half_width == Approx(1.96324).epsilon(1e-5));
  CHECK(e.n == 5);
}

TEST_CASE("output: undefined values are skipped and one value has no interval", "[output]") {
  const Estimate e = estimate({std::nan(""), 4.0});
  CHECK(e.n == 1);
  CHECK(e.mean == 4.0);
  CHECK(e.half_width == 0.0);
  CHECK(std::isnan(estimate({}).mean));
}

TEST_CASE("output: CSV numbers read back exactly and NaN is an empty cell", "[output]") {
  CHECK(csv_number(0.1) == "0.1");
  CHECK(csv_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(csv_number(std::nan("")).empty());
  CHECK(fnv1a_hex("") == "cbf29ce484222325");
}
