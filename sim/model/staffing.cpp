// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/staffing.hpp"

#include <algorithm>

namespace tracesim::model {

Duration working_time(const ShiftConfig& shift) {
  return shift.end - shift.start - shift.break_length;
}

const StaffingStep* step_on(const PoolConfig& pool, kernel::Date d) {
  const StaffingStep* current = nullptr;
  for (const StaffingStep& s : pool.steps)
    if (s.from <= d) current = &s;
  return current;
}

double agents_per_shift_from_fte(const PoolConfig& pool, double fte) {
  double weekly_shift_hours = 0;
  for (const ShiftConfig& shift : pool.shifts) {
    // Days a week the shift runs, each weighted by its level: the week's hours
    // are spread in the profile's proportions (with a flat profile, the count).
    double days = 0;
    for (std::size_t d = 0; d < 7; ++d) days += shift.weekdays[d] ? pool.weekday_profile[d] : 0.0;
    weekly_shift_hours += days * kernel::hours_of(working_time(shift));
  }
  if (weekly_shift_hours <= 0) return 0;
  return fte * pool.contracted_hours_per_week * (1.0 - pool.shrinkage) / weekly_shift_hours;
}

std::vector<double> staffing_levels(const PoolConfig& pool, const HolidayStaffing& holidays,
                                    const std::vector<DayPlan>& days) {
  const bool flat =
      std::all_of(pool.weekday_profile.begin(), pool.weekday_profile.end(), [](double w) { return w == 1.0; });
  if (flat && (holidays.dates.empty() || holidays.level == 1.0)) return {};
  std::vector<double> levels(days.size(), 1.0);
  for (std::size_t i = 0; i < days.size(); ++i) {
    levels[i] = pool.weekday_profile[days[i].weekday];
    if (std::find(holidays.dates.begin(), holidays.dates.end(), days[i].date) != holidays.dates.end())
      levels[i] *= holidays.level;
  }
  return levels;
}

}  // namespace tracesim::model
