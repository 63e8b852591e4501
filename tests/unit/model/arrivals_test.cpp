// SPDX-License-Identifier: Apache-2.0
// Demand alone: daily counts, the draws of a new case, the independent inbound stream.
#include <catch2/catch.hpp>

#include "../../../sim/model/arrivals.hpp"
#include "../../support/builders.hpp"

using namespace tracesim;
using model::detail::Arrivals;

TEST_CASE("model: a recorded series gives its count on each day when all cases are handled", "[model][arrivals]") {
  const model::Plan plan = model::compile(test::micro_platform({3, 0, 7}));
  Arrivals arrivals{plan, 1, 0};
  CHECK(arrivals.cases_on(plan.days[0]) == 3);
  CHECK(arrivals.cases_on(plan.days[1]) == 0);
  CHECK(arrivals.cases_on(plan.days[2]) == 7);
}

TEST_CASE("model: a day the series does not cover stops the run with its date", "[model][arrivals]") {
  model::Plan plan = model::compile(test::micro_platform({3}));
  plan.days[0].expected_positives.reset();
  Arrivals arrivals{plan, 1, 0};
  CHECK_THROWS_WITH(arrivals.cases_on(plan.days[0]), "demand: the daily series has no value for 2021-03-01");
}

TEST_CASE("model: a handled share thins the recorded positives", "[model][arrivals]") {
  // 1,000 positives a day, 40 % handled, 50 days: binomial counts average 400.
  auto pc = test::micro_platform(std::vector<std::int64_t>(50, 1000));
  pc.index_cases.share_handled = 0.4;
  const model::Plan plan = model::compile(pc);
  Arrivals arrivals{plan, 5, 0};
  double sum = 0;
  for (const auto& day : plan.days) sum += static_cast<double>(arrivals.cases_on(day));
  CHECK(sum / 50 == Approx(400).margin(10));
}

TEST_CASE("model: a new case is released in its profile's hour, then delayed", "[model][arrivals]") {
  // micro_platform releases every case on the hour at 09:00; a fixed 30 min delay to the platform.
  auto pc = test::micro_platform({1}, 4);
  pc.index_cases.delay_to_platform = model::fixed(30 * kernel::kMinute);
  const model::Plan plan = model::compile(pc);
  Arrivals arrivals{plan, 1, 0};
  kernel::KeyedEngine rng{arrivals.next_case_key()};
  const model::detail::NewCase c = arrivals.draw_case(rng);
  CHECK(c.release == 9 * kernel::kHour + 30 * kernel::kMinute);
  CHECK(c.contacts == 4);
  CHECK(c.inbound_first);  // inbound_first_share = 1
  CHECK(c.segment == 0);
}

TEST_CASE("model: case and call keys come from their own streams, one per entity", "[model][arrivals]") {
  const model::Plan plan = model::compile(test::micro_platform({1}));
  Arrivals a{plan, 1, 0};
  Arrivals b{plan, 1, 0};
  const std::uint64_t first_case = a.next_case_key();
  CHECK(a.next_case_key() != first_case);
  CHECK(b.next_call_key() != first_case);
  CHECK(b.next_case_key() == first_case);  // the same seed and replication give the same keys
}

TEST_CASE("model: the independent inbound stream has its daily rate and stays in the horizon", "[model][arrivals]") {
  // 240 calls a day, flat over 24 h, for 20 days: about 4,800 arrivals, increasing in time.
  auto pc = test::micro_platform(std::vector<std::int64_t>(20, 0));
  pc.inbound.per_day = 240;
  const model::Plan plan = model::compile(pc);
  Arrivals arrivals{plan, 3, 0};
  std::int64_t n = 0;
  kernel::SimTime last{};
  bool increasing = true;
  for (auto at = arrivals.next_independent(); at; at = arrivals.next_independent()) {
    increasing = increasing && *at >= last;
    last = *at;
    ++n;
  }
  CHECK(increasing);
  CHECK(last < plan.horizon());
  CHECK(static_cast<double>(n) == Approx(4800).margin(4 * std::sqrt(4800.0)));
}

TEST_CASE("model: an inbound stream with no calls scheduled draws no arrival", "[model][arrivals]") {
  const model::Plan plan = model::compile(test::micro_platform({0, 0}));
  Arrivals arrivals{plan, 3, 0};
  CHECK_FALSE(arrivals.next_independent().has_value());
}

TEST_CASE("model: at high load the inbound stream's count matches its Poisson mean", "[model][arrivals]") {
  // 480 calls a minute, flat, for 30 days: 20,736,000 expected, sd 4,554. A
  // stream that restarted each gap (125 ms on average) from the arrival rounded
  // up to the millisecond would lose half a millisecond per gap, 0.4 % of the
  // calls: about 82,700 short, 18 sd. The exact stream lands within 4 sd.
  auto pc = test::micro_platform(std::vector<std::int64_t>(30, 0));
  pc.inbound.per_day = 480.0 * 60 * 24;
  const model::Plan plan = model::compile(pc);
  Arrivals arrivals{plan, 11, 0};
  std::int64_t n = 0;
  while (arrivals.next_independent()) ++n;
  const double mean = 480.0 * 60 * 24 * 30;
  CHECK(static_cast<double>(n) == Approx(mean).margin(4 * std::sqrt(mean)));
}
