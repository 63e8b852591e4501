// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace tracesim::kernel {

/// A civil date as days since 1970-01-01 (proleptic Gregorian). Plain integer
/// arithmetic: the simulation uses local wall-clock time without DST jumps.
struct Date {
  std::int32_t days = 0;
  friend auto operator<=>(Date, Date) = default;
};

/// Days since 1970-01-01 of year/month/day (H. Hinnant's algorithm). No range check.
Date date_from_ymd(int year, unsigned month, unsigned day) noexcept;

/// Year, month (1-12) and day (1-31) of a date.
void ymd_of(Date d, int& year, unsigned& month, unsigned& day) noexcept;

/// 0 = Monday ... 6 = Sunday.
int weekday_of(Date d) noexcept;

/// Parses "YYYY-MM-DD"; returns false (and leaves `out` alone) if malformed or not a real date.
bool parse_iso_date(const std::string& text, Date& out) noexcept;

/// "YYYY-MM-DD".
std::string iso_date(Date d);

}  // namespace tracesim::kernel
