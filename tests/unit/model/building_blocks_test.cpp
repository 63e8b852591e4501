// SPDX-License-Identifier: Apache-2.0
// The model's building blocks: demand curves, FTE conversion, distributions.
#include <catch2/catch.hpp>
#include <cmath>

#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/demand.hpp"
#include "tracesim/model/distribution.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/model/staffing.hpp"

using namespace tracesim;

TEST_CASE("model: monthly totals are spread over the days by the weekday profile and keep their sum",
          "[model][demand]") {
  model::CaseCurve curve;
  curve.kind = model::CurveKind::MonthlyTotals;
  curve.monthly = {{2021, 3, 3100.0}};
  curve.weekday_profile = {2, 1, 1, 1, 1, 1, 0};  // Mondays twice, Sundays nothing
  double sum = 0;
  for (int d = 0; d < 31; ++d) sum += *model::expected_positives(curve, kernel::Date{test::date("2021-03-01").days + d});
  CHECK(sum == Approx(3100.0));
  // March 2021: 5 Mondays (weight 2), 4 Sundays (0), 22 other days: total weight 32.
  CHECK(*model::expected_positives(curve, test::date("2021-03-01")) == Approx(3100.0 * 2 / 32));
  CHECK(*model::expected_positives(curve, test::date("2021-03-07")) == 0.0);
  CHECK(*model::expected_positives(curve, test::date("2021-04-01")) == 0.0);  // no total for April
}

TEST_CASE("model: series, steps and waves give the documented daily values", "[model][demand]") {
  model::CaseCurve series;
  series.kind = model::CurveKind::DailySeries;
  series.series = {{test::date("2021-01-01"), 5}, {test::date("2021-01-02"), 7}};
  CHECK(*model::expected_positives(series, test::date("2021-01-02")) == 7.0);
  CHECK_FALSE(model::expected_positives(series, test::date("2021-01-03")).has_value());
  model::CaseCurve steps;
  steps.kind = model::CurveKind::Piecewise;
  steps.steps = {{test::date("2021-01-01"), 10}, {test::date("2021-02-01"), 30}};
  CHECK(*model::expected_positives(steps, test::date("2021-01-31")) == 10.0);
  CHECK(*model::expected_positives(steps, test::date("2021-02-01")) == 30.0);
  model::CaseCurve waves;
  waves.kind = model::CurveKind::Waves;
  waves.baseline_per_day = 5;
  waves.waves = {{test::date("2021-01-10"), 100, 4}};
  CHECK(*model::expected_positives(waves, test::date("2021-01-10")) == Approx(105.0));
  // One standard deviation away: 5 + 100 e^{-1/2}.
  CHECK(*model::expected_positives(waves, test::date("2021-01-14")) == Approx(5 + 100 * std::exp(-0.5)));
}

TEST_CASE("model: FTE become agents per shift through contracted hours, shrinkage and shift-hours",
          "[model][staffing]") {
  // 81 FTE x 35 h x (1 - 0.25) = 2,126.25 agent-hours a week. Two shifts of 6 h 15 min
  // (7 h less a 45 min break), 7 days: 87.5 shift-hours a week. 2,126.25 / 87.5 = 24.3.
  model::PoolConfig pool;
  pool.contracted_hours_per_week = 35;
  pool.shrinkage = 0.25;
  for (const char* start : {"08:30", "10:30"}) {
    model::ShiftConfig s;
    s.start = test::clock(start);
    s.end = s.start + 7 * kernel::kHour;
    s.break_length = 45 * kernel::kMinute;
    pool.shifts.push_back(s);
  }
  CHECK(model::agents_per_shift_from_fte(pool, 81) == Approx(24.3));
  CHECK(model::working_time(pool.shifts[0]) == 6 * kernel::kHour + 15 * kernel::kMinute);
}

TEST_CASE("model: fractional agents are rounded day by day so that the average is exact", "[model][staffing]") {
  // 2.5 agents per shift-day: 2, 3, 2, 3 ... ; over 10 days, 25 agent-shifts of 11 h.
  auto pc = test::micro_platform(std::vector<std::int64_t>(10, 0), 0, 0);
  auto& pool = pc.pools[0];
  pool.size_mode = model::SizeMode::Fte;
  pool.contracted_hours_per_week = 38.5;  // 1 FTE = 38.5 h = 3.5 shift-days of 11 h
  pool.steps[0].fte = 5;                  // 5 x 38.5 / 77 = 2.5 agents per day
  const auto r = model::simulate(pc, model::RunOptions{});
  CHECK(r.pools[0].staffed_ms == 25 * 11 * 3'600'000LL);
  CHECK(r.days[0].staffed_ms == 2 * 11 * 3'600'000LL);
  CHECK(r.days[1].staffed_ms == 3 * 11 * 3'600'000LL);
}

TEST_CASE("model: sampled durations have the mean and spread they are given", "[model][distribution]") {
  kernel::KeyedEngine rng{2024};
  for (const auto law : {model::DurationLaw::Lognormal, model::DurationLaw::Gamma}) {
    model::DurationDist d{law, 10 * kernel::kMinute, 0.5, {}, {}};
    const model::DurationSampler sampler{d};
    double sum = 0;
    double sq = 0;
    const int n = 200'000;
    for (int i = 0; i < n; ++i) {
      const double x = static_cast<double>(sampler(rng).count());
      sum += x;
      sq += x * x;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sq / n - mean * mean);
    // Standard error of the mean: 0.5 x 600,000 ms / sqrt(200,000) = 671 ms; allow 5 of them.
    CHECK(mean == Approx(600'000).margin(3'400));
    CHECK(sd / mean == Approx(0.5).epsilon(0.02));
  }
  model::DurationDist e{model::DurationLaw::Empirical, {}, 0, {kernel::kMinute, 3 * kernel::kMinute}, {3, 1}};
  double sum = 0;
  for (int i = 0; i < 100'000; ++i) sum += static_cast<double>(model::sample(e, rng).count());
  CHECK(sum / 100'000 == Approx(90'000).epsilon(0.01));  // (3 x 1 min + 1 x 3 min) / 4 = 1.5 min
}

TEST_CASE("model: negative binomial contacts have mean m and variance m + m^2/k", "[model][distribution]") {
  kernel::KeyedEngine rng{7};
  const model::CountDist d{model::CountLaw::NegativeBinomial, 2.0, 1.5, {}};
  double sum = 0;
  double sq = 0;
  const int n = 200'000;
  for (int i = 0; i < n; ++i) {
    const double x = model::sample(d, rng);
    sum += x;
    sq += x * x;
  }
  const double mean = sum / n;
  CHECK(mean == Approx(2.0).margin(0.02));
  CHECK(sq / n - mean * mean == Approx(2.0 + 4.0 / 1.5).epsilon(0.03));  // 4.667
}

TEST_CASE("model: contacts listed by the tester arrive with their case, even if the case is never reached",
          "[model][golden]") {
  // Nobody works: the 3 cases are never interviewed, but each lists its 2 contacts on arrival.
  auto pc = test::micro_platform({3}, 2, 0);
  pc.index_cases.inbound_first_share = 0.0;
  pc.index_cases.prelisted_contact_share = 1.0;
  const auto r = model::simulate(pc, model::RunOptions{});
  CHECK(r.tasks[0].arrived == 3);
  CHECK(r.tasks[1].arrived == 6);
  CHECK(r.tasks[1].pending == 6);
}

TEST_CASE("model: the SMS gateway sends at its throughput and delivers after its delay", "[model][golden]") {
  // Three contacts identified at 09:20 all go to SMS by policy; the gateway sends one a
  // minute: delivered 09:22, 09:23, 09:24 (2 min delay).
  auto pc = test::micro_platform({1}, 3, 1);
  model::SmsPolicyStep all;
  all.from = pc.calendar.start;
  all.share = {0.0, 1.0};
  pc.sms.policy.push_back(all);
  pc.sms.gateway_per_hour = 60;
  pc.sms.delivery_delay = 2 * kernel::kMinute;
  test::Recorder rec;
  model::RunOptions o;
  o.observer = &rec;
  model::simulate(pc, o);
  std::vector<std::int64_t> delivered;
  for (const auto& t : rec.tasks)
    if (t.type == model::TaskType::ContactCall) delivered.push_back(kernel::ms_of(t.resolved));
  REQUIRE(delivered.size() == 3);
  CHECK(delivered[0] == test::at(0, "09:22"));
  CHECK(delivered[1] == test::at(0, "09:23"));
  CHECK(delivered[2] == test::at(0, "09:24"));
}
