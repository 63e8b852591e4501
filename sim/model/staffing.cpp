// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/staffing.hpp"

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
    int days = 0;
    for (bool on : shift.weekdays) days += on ? 1 : 0;
    weekly_shift_hours += days * kernel::hours_of(working_time(shift));
  }
  if (weekly_shift_hours <= 0) return 0;
  return fte * pool.contracted_hours_per_week * (1.0 - pool.shrinkage) / weekly_shift_hours;
}

}  // namespace tracesim::model
