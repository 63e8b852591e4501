// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/model/plan.hpp"

namespace tracesim::model {

/// Paid working time of one shift (end - start - break).
Duration working_time(const ShiftConfig& shift);

/// The staffing step in force on day `d` (the last one whose `from` <= d), or
/// nullptr before the first step.
const StaffingStep* step_on(const PoolConfig& pool, kernel::Date d);

/// Agents per shift-day at level 1 that an FTE figure buys: FTE × contracted
/// hours per week × (1 − shrinkage), spread over the weekly shift-hours of the
/// pool weighted by its weekday profile (so that the week's hours are the same
/// whatever the profile). A day's agents are this times the day's level.
/// Real-valued; the platform rounds it day by day so that the average over
/// days is exact.
double agents_per_shift_from_fte(const PoolConfig& pool, double fte);

/// The staffing level of `pool` on each of `days` (weekday profile × the
/// holiday level on a holiday). Empty when every day is at level 1, so that
/// the common case costs nothing.
std::vector<double> staffing_levels(const PoolConfig& pool, const HolidayStaffing& holidays,
                                    const std::vector<DayPlan>& days);

}  // namespace tracesim::model
