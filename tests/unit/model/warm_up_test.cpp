// SPDX-License-Identifier: Apache-2.0
// A warm-up (calendar.warm_up_days): the first days are simulated exactly as
// without one, kept in the days, and left out of every total.
#include <catch2/catch.hpp>
#include <numeric>

#include "../../support/builders.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/output/summary.hpp"

using namespace tracesim;

namespace {

model::PlatformConfig busy_week() {
  // Seven days of index cases with contacts and an inbound line, 2 agents: work
  // carries over midnight, so tasks of the warm-up end after it.
  auto pc = test::micro_platform({30, 25, 40, 20, 35, 30, 25}, 2, 2);
  pc.inbound.per_day = 40;
  return pc;
}

template <class F>
std::uint64_t sum_from(const model::RunResult& r, std::size_t first, F field) {
  std::uint64_t s = 0;
  for (std::size_t d = first; d < r.days.size(); ++d) s += static_cast<std::uint64_t>(field(r.days[d]));
  return s;
}

}  // namespace

TEST_CASE("model: a warm-up leaves the days as they were and the totals without them", "[model][warm_up]") {
  auto pc = busy_week();
  model::RunOptions o;
  o.seed = 17;
  const auto plain = model::simulate(pc, o);
  pc.calendar.warm_up_days = 2;
  const auto warm = model::simulate(pc, o);

  CHECK(warm.warm_up_days == 2);
  REQUIRE(warm.days.size() == plain.days.size());
  CHECK(warm.events == plain.events);  // the same run: only the books differ
  for (std::size_t d = 0; d < plain.days.size(); ++d) {
    CAPTURE(d);
    CHECK(warm.days[d].attempts == plain.days[d].attempts);
    CHECK(warm.days[d].reached_call == plain.days[d].reached_call);
    CHECK(warm.days[d].busy_ms == plain.days[d].busy_ms);
  }
  for (std::size_t ty = 0; ty < model::kTaskTypes; ++ty) {
    CAPTURE(ty);
    const auto& t = warm.tasks[ty];
    CHECK(t.arrived == sum_from(warm, 2, [&](const auto& d) { return d.arrived[ty]; }));
    CHECK(t.attempts == sum_from(warm, 2, [&](const auto& d) { return d.attempts[ty]; }));
    CHECK(t.connected == sum_from(warm, 2, [&](const auto& d) { return d.connected[ty]; }));
    CHECK(t.reached_call == sum_from(warm, 2, [&](const auto& d) { return d.reached_call[ty]; }));
    CHECK(t.reached_sms == sum_from(warm, 2, [&](const auto& d) { return d.reached_sms[ty]; }));
    CHECK(t.sms_sent == sum_from(warm, 2, [&](const auto& d) { return d.sms_sent[ty]; }));
    CHECK(t.pending == plain.tasks[ty].pending);  // the state at the horizon
    CHECK(t.reach_times.count == t.reached_call + t.reached_sms);
    CHECK(t.reached_call < plain.tasks[ty].reached_call);
  }
  CHECK(warm.inbound.offered == sum_from(warm, 2, [](const auto& d) { return d.inbound_offered; }));
  CHECK(warm.inbound.answered == sum_from(warm, 2, [](const auto& d) { return d.inbound_answered; }));
  CHECK(warm.inbound.horizon_ms == plain.inbound.horizon_ms - 2 * 86'400'000LL);
  CHECK(warm.inbound.answered_waits.count == warm.inbound.answered);
  CHECK(warm.pools[0].staffed_ms == static_cast<std::int64_t>(sum_from(warm, 2, [](const auto& d) { return d.staffed_ms; })));
  CHECK(warm.pools[0].busy_ms == static_cast<std::int64_t>(sum_from(warm, 2, [](const auto& d) { return d.busy_ms; })));
  CHECK(warm.pools[0].active_days == 5);
}

TEST_CASE("output: KPIs over the days after the warm-up; daily rows marked", "[output][warm_up]") {
  auto pc = busy_week();
  pc.calendar.warm_up_days = 3;
  const auto r = model::simulate(pc, model::RunOptions{});
  double attempts = 0;
  double per_day = 0;
  for (const auto& k : output::kpis(r)) {
    if (k.name == "calls.attempts") attempts = k.value;
    if (k.name == "calls.attempts_per_day") per_day = k.value;
  }
  CHECK(attempts > 0);
  CHECK(per_day == Approx(attempts / 4));  // 7 days, 3 of warm-up
  const std::string daily = output::daily_csv({r});
  CHECK(daily.find(",run.warm_up\n") != std::string::npos);
  CHECK(daily.find("0,2021-03-03,") != std::string::npos);
  const auto row = [&](const std::string& date) {
    const auto at = daily.find("0," + date + ",");
    return daily.substr(at, daily.find('\n', at) - at);
  };
  CHECK(row("2021-03-03").back() == '1');  // the third day: warm-up
  CHECK(row("2021-03-04").back() == '0');
}
