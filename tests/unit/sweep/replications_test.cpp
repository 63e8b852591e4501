// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <memory>
#include <stop_token>

#include "../../support/builders.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/scenario/document.hpp"
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

namespace {

// A week of the Erlang C validation centre: every replication differs from the others.
sweep::RunSpec random_spec() {
  const auto doc = scenario::Document::from_file(TRACESIM_SOURCE_DIR "/tests/validation/erlang-c-rho085.yaml");
  sweep::RunSpec spec;
  spec.plan = std::make_shared<const model::Plan>(model::compile(doc.resolve({{"calendar.end", "2021-01-07"}}).platform));
  spec.seed = 7;
  spec.replications = 5;
  return spec;
}

}  // namespace

TEST_CASE("sweep: replications first..first+n-1 are those of a run from 0, whatever ran before", "[sweep]") {
  auto spec = random_spec();
  spec.replications = 7;
  spec.threads = 2;
  const auto whole = sweep::run_replications(spec);
  REQUIRE(whole.results.size() == 7);
  spec.replications = 3;
  const auto head = sweep::run_replications(spec);
  spec.first = 3;
  spec.replications = 4;
  const auto tail = sweep::run_replications(spec);
  REQUIRE(tail.results.size() == 4);
  auto joined = head.results;
  for (const auto& r : tail.results) joined.push_back(r);
  CHECK(output::replications_csv(joined) == output::replications_csv(whole.results));
  CHECK(output::daily_csv(joined) == output::daily_csv(whole.results));
  // And a tail alone differs from a head of the same size: the index, not the count, picks the streams.
  CHECK(output::replications_csv({tail.results[0]}) != output::replications_csv({whole.results[0]}));
}

TEST_CASE("sweep: a batch of specs gives what each spec gives alone, and counts each spec's progress", "[sweep]") {
  auto a = random_spec();
  auto b = small_spec();
  b.first = 2;
  b.replications = 3;
  std::vector<int> totals;
  int a_done = 0;
  a.progress = [&](int done, int total) {
    a_done = done;
    totals.push_back(total);
  };
  const auto batch = sweep::run_batch({a, b}, 2);
  a.progress = nullptr;
  REQUIRE(batch.size() == 2);
  CHECK(a_done == 5);
  CHECK(totals == std::vector<int>(5, 5));
  CHECK_FALSE(batch[0].stopped);
  CHECK_FALSE(batch[1].stopped);
  a.threads = 1;
  b.threads = 1;
  CHECK(output::replications_csv(batch[0].results) == output::replications_csv(sweep::run_replications(a).results));
  CHECK(output::replications_csv(batch[1].results) == output::replications_csv(sweep::run_replications(b).results));
  CHECK(output::replications_csv(batch[0].results) != output::replications_csv(batch[1].results));
}
