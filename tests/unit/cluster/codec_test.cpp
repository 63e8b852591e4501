// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <memory>
#include <stdexcept>

#include "../../support/builders.hpp"
#include "tracesim/cluster/cluster.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/sweep/replications.hpp"

using namespace tracesim;

namespace {

model::RunResult one_replication() {
  sweep::RunSpec spec;
  // With the optional sections on (stale rules, outcomes, a warm-up), so their flags and
  // counts cross too.
  auto pc = test::micro_platform({6, 9, 4}, 2, 2);
  pc.tasks[1].stale.action = model::StaleAction::Sms;
  pc.tasks[0].outcomes.appointment = {0.5};
  pc.calendar.warm_up_days = 1;
  spec.plan = std::make_shared<const model::Plan>(model::compile(pc));
  spec.seed = 11;
  return sweep::run_replication(spec, 3);
}

}  // namespace

TEST_CASE("cluster: a replication's results cross between ranks unchanged", "[cluster]") {
  const auto original = one_replication();
  REQUIRE(original.tasks[0].arrived > 0);
  const auto copy = cluster::decode(cluster::encode(original));
  // Every output of a run is drawn from these: identical text means nothing was lost.
  CHECK(output::summary_json({}, {copy}) == output::summary_json({}, {original}));
  CHECK(output::daily_csv({copy}) == output::daily_csv({original}));
  CHECK(output::replications_csv({copy}) == output::replications_csv({original}));
  CHECK(copy.tasks[1].reach_times.minutes == original.tasks[1].reach_times.minutes);
  CHECK(copy.inbound.answered_waits.seconds == original.inbound.answered_waits.seconds);
  CHECK(copy.pools.size() == original.pools.size());
  CHECK(copy.pools[0].name == original.pools[0].name);
  CHECK(copy.events == original.events);
  CHECK(copy.stale_rules);
  CHECK(copy.outcomes);
  CHECK(copy.warm_up_days == 1);
  CHECK(copy.tasks[0].appointments == original.tasks[0].appointments);
  // Encoding is deterministic: the same result gives the same bytes.
  CHECK(cluster::encode(copy) == cluster::encode(original));
}

TEST_CASE("cluster: damaged bytes are refused, never read past their end", "[cluster]") {
  const std::string bytes = cluster::encode(one_replication());
  CHECK_THROWS_AS(cluster::decode(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  CHECK_THROWS_AS(cluster::decode(bytes + "x"), std::runtime_error);
  CHECK_THROWS_AS(cluster::decode(""), std::runtime_error);
  std::string wrong = bytes;
  wrong[0] = static_cast<char>(wrong[0] ^ 1);
  CHECK_THROWS_AS(cluster::decode(wrong), std::runtime_error);
  std::string huge = bytes;  // a day count far beyond the bytes that follow
  huge[4] = '\xff';
  huge[11] = '\x7f';
  CHECK_THROWS_AS(cluster::decode(huge), std::runtime_error);
}

TEST_CASE("cluster: a process not started by an MPI launcher is a job of one rank", "[cluster]") {
  CHECK(cluster::rank() == 0);
  CHECK(cluster::ranks() == 1);
}
