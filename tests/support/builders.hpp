// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracesim/model/config.hpp"
#include "tracesim/scenario/units.hpp"

// Small platforms built in C++ (rule M3): no YAML, every number visible in the test.
namespace tracesim::test {

inline kernel::Date date(const char* iso) {
  kernel::Date d;
  kernel::parse_iso_date(iso, d);
  return d;
}

inline kernel::Duration clock(const char* hhmm) { return *scenario::parse_clock(hhmm); }

/// Midnight of day `day` (0-based) plus a clock time, in ms since the run start.
inline std::int64_t at(int day, const char* hhmm, int seconds = 0) {
  return day * kernel::kDay.count() + clock(hhmm).count() + seconds * 1000LL;
}

/// One pool of `agents` on one shift, open 08:00-19:00 every day, starting on
/// Monday 2021-03-01 for `days` days; cases arrive exactly as `per_day` says,
/// all on the hour `release_hour`, call in first (and wait on the line without hanging up),
/// each naming `contacts` contacts who always answer after a 30 s ring.
inline model::PlatformConfig micro_platform(std::vector<std::int64_t> per_day, int contacts = 1, int agents = 1,
                                            int release_hour = 9) {
  model::PlatformConfig pc;
  pc.calendar.start = date("2021-03-01");
  pc.calendar.end = kernel::Date{pc.calendar.start.days + static_cast<int>(per_day.size()) - 1};
  for (auto& d : pc.calendar.weekly) d = model::DayHours{true, clock("08:00"), clock("19:00")};
  auto& curve = pc.index_cases.curve;
  curve.kind = model::CurveKind::DailySeries;
  for (std::size_t i = 0; i < per_day.size(); ++i)
    curve.series.push_back({kernel::Date{pc.calendar.start.days + static_cast<int>(i)}, per_day[i]});
  pc.index_cases.release_profile.fill(0);
  pc.index_cases.release_profile[static_cast<std::size_t>(release_hour)] = 1;
  pc.index_cases.release_spread_within_hour = false;
  pc.index_cases.inbound_first_share = 1.0;
  pc.inbound.patience_limited = false;  // callers wait as long as it takes
  pc.contacts_per_case = model::CountDist{model::CountLaw::Fixed, static_cast<double>(contacts), 1, {}};
  pc.tasks[0].talk = model::fixed(20 * kernel::kMinute);
  pc.tasks[0].wrap_up = model::fixed(kernel::Duration{0});
  pc.tasks[1].talk = model::fixed(10 * kernel::kMinute);
  pc.tasks[1].wrap_up = model::fixed(kernel::Duration{0});
  pc.attempt.ring = model::fixed(30 * kernel::kSecond);
  pc.attempt.answer_probability = {1.0};
  model::PoolConfig pool;
  pool.name = "tracers";
  pool.size_mode = model::SizeMode::Roster;
  model::ShiftConfig shift;
  shift.name = "day";
  shift.start = clock("08:00");
  shift.end = clock("19:00");
  pool.shifts.push_back(shift);
  pool.steps.push_back(model::StaffingStep{pc.calendar.start, 0, {agents}});
  pool.no_new_attempt_before_end = kernel::Duration{0};
  pc.pools.push_back(pool);
  return pc;
}

}  // namespace tracesim::test
