// SPDX-License-Identifier: Apache-2.0
// The inbound queue reduced to one always-open pool with Poisson arrivals and
// exponential handling (and patience) must agree with Erlang C / Erlang A: the
// analytic value lies inside the simulation's 99 % confidence interval over 20
// replications (rule X6). Scenarios: tests/validation/*.yaml.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "tracesim/analytic/erlang.hpp"
#include "tracesim/output/statistics.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/replications.hpp"

using namespace tracesim;

namespace {

struct Measured {
  std::vector<double> wait_probability, mean_wait_min, service_level, abandon, occupancy, queue_length, little;
};

Measured simulate(const scenario::Scenario& sc) {
  sweep::RunSpec spec;
  spec.plan = std::make_shared<const model::Plan>(model::compile(sc.platform));
  spec.seed = sc.run.seed;
  spec.replications = sc.run.replications;
  spec.threads = 2;
  const auto results = sweep::run_replications(spec).results;
  Measured m;
  for (const auto& r : results) {
    const auto& in = r.inbound;
    const double entered = static_cast<double>(in.offered - in.refused_closed);
    const double horizon_min = static_cast<double>(in.horizon_ms) / 60000.0;
    m.wait_probability.push_back(static_cast<double>(in.waited + in.abandoned + in.waiting_at_horizon) / entered);
    m.mean_wait_min.push_back(static_cast<double>(in.wait_all_ms) / 60000.0 / entered);
    m.service_level.push_back(static_cast<double>(in.answered_within_threshold) / entered);
    m.abandon.push_back(static_cast<double>(in.abandoned) / entered);
    m.occupancy.push_back(static_cast<double>(r.pools[0].busy_ms) / static_cast<double>(r.pools[0].staffed_ms));
    m.queue_length.push_back(in.queue_area_ms / static_cast<double>(in.horizon_ms));
    // Little: L = lambda W, with lambda and W measured on the same replication.
    m.little.push_back(entered / horizon_min * m.mean_wait_min.back());
  }
  return m;
}

void check_inside(const char* what, const std::vector<double>& values, double expected) {
  const output::Estimate e = output::estimate(values, 0.99);
  INFO(what << ": simulated " << e.mean << " +/- " << e.half_width << " (99 % CI), analytic " << expected);
  CHECK(expected >= e.mean - e.half_width);
  CHECK(expected <= e.mean + e.half_width);
}

}  // namespace

TEST_CASE("validation: the inbound queue agrees with Erlang C and Erlang A", "[validation]") {
  const std::string name = GENERATE(as<std::string>{}, "erlang-c-rho070", "erlang-c-rho085", "erlang-c-rho095",
                                    "erlang-a-rho090", "erlang-a-rho110", "erlang-a-c110",
                                    "erlang-a-rho110-warm");
  CAPTURE(name);
  const auto sc = scenario::load_scenario(TRACESIM_SOURCE_DIR "/tests/validation/" + name + ".yaml");
  const auto& in = sc.platform.inbound;
  analytic::ErlangInput input;
  input.arrival_rate = in.per_day / 1440.0;  // per minute
  input.mean_handle = static_cast<double>(in.talk.mean.count()) / 60000.0;
  input.mean_patience = in.patience_limited ? static_cast<double>(in.patience.mean.count()) / 60000.0 : 0.0;
  input.agents = sc.platform.pools[0].steps[0].agents_per_shift[0];
  input.service_level_threshold = static_cast<double>(in.service_level_threshold.count()) / 60000.0;
  const auto expected = analytic::erlang(input);
  REQUIRE(expected.stable);
  const Measured m = simulate(sc);
  REQUIRE(m.wait_probability.size() == 20);
  check_inside("P(wait > 0)", m.wait_probability, expected.wait_probability);
  check_inside("mean wait (min)", m.mean_wait_min, expected.mean_wait);
  check_inside("service level (20 s)", m.service_level, expected.service_level);
  check_inside("occupancy", m.occupancy, expected.occupancy);
  if (input.mean_patience > 0) check_inside("abandonment", m.abandon, expected.abandon_probability);
  // Little's law on the outputs: the time-average queue length against lambda W.
  const output::Estimate little = output::estimate(m.little, 0.99);
  check_inside("L = lambda W", m.queue_length, little.mean);
}

TEST_CASE("validation: the high-load cases are really above 0.9 occupancy", "[validation]") {
  analytic::ErlangInput c{19.0 * 2 / 12, 6, 20, 0, 1.0 / 3};
  CHECK(analytic::erlang(c).occupancy > 0.9);
  analytic::ErlangInput a{11.0 / 6, 6, 10, 10, 1.0 / 3};
  CHECK(analytic::erlang(a).occupancy > 0.9);
}
