// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracesim/model/config.hpp"

namespace tracesim::model {

/// Paid working time of one shift (end - start - break).
Duration working_time(const ShiftConfig& shift);

/// The staffing step in force on day `d` (the last one whose `from` <= d), or
/// nullptr before the first step.
const StaffingStep* step_on(const PoolConfig& pool, kernel::Date d);

/// Agents per shift-day that an FTE figure buys: FTE × contracted hours per
/// week × (1 − shrinkage), spread evenly over the weekly shift-hours of the
/// pool. Real-valued; the platform rounds it day by day so that the average
/// over days is exact.
double agents_per_shift_from_fte(const PoolConfig& pool, double fte);

}  // namespace tracesim::model
