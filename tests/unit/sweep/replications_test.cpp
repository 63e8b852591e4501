// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <memory>
#include <stop_token>

#include "../../support/builders.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/sweep/replications.hpp"

using namespace tracesim;

namespace {

sweep::RunSpec small_spec() {
  sweep::RunSpec spec;
  spec.plan = std::make_shared<const model::Plan>(model::compile(test::micro_platform({6, 9, 4}, 2, 2)));
  spec.seed = 7;
  spec.replications = 5;
  return spec;
}

}  // namespace

TEST_CASE("sweep: a RunSpec gives the same replications on 1 and on 2 threads", "[sweep]") {
  auto spec = small_spec();
  int calls = 0;
  int last_done = 0;
  spec.progress = [&](int done, int total) {
    ++calls;
    last_done = done;
    CHECK(total == 5);
  };
  spec.threads = 1;
  const auto one = sweep::run_replications(spec);
  spec.threads = 2;
  const auto two = sweep::run_replications(spec);
  CHECK_FALSE(one.stopped);
  CHECK_FALSE(two.stopped);
  REQUIRE(one.results.size() == 5);
  CHECK(output::replications_csv(one.results) == output::replications_csv(two.results));
  CHECK(output::daily_csv(one.results) == output::daily_csv(two.results));
  CHECK(calls == 10);
  CHECK(last_done == 5);
}

TEST_CASE("sweep: a stop requested before the start runs nothing and says so", "[sweep]") {
  auto spec = small_spec();
  std::stop_source source;
  source.request_stop();
  spec.stop = source.get_token();
  const auto out = sweep::run_replications(spec);
  CHECK(out.stopped);
  CHECK(out.results.empty());
}
