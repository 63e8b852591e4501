// SPDX-License-Identifier: Apache-2.0
#include "tracesim/kernel/calendar.hpp"

#include <cstdio>

namespace tracesim::kernel {

Date date_from_ymd(int year, unsigned month, unsigned day) noexcept {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3u : 9u)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

void ymd_of(Date d, int& year, unsigned& month, unsigned& day) noexcept {
  const int z = d.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

int weekday_of(Date d) noexcept {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int w = (d.days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

bool parse_iso_date(const std::string& text, Date& out) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[static_cast<std::size_t>(starts[p]) + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int year = parts[0];
  const auto month = static_cast<unsigned>(parts[1]);
  const auto day = static_cast<unsigned>(parts[2]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const unsigned max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > max_day) return false;
  out = date_from_ymd(year, month, day);
  return true;
}

std::string iso_date(Date d) {
  int y = 0;
  unsigned m = 0;
  unsigned dd = 0;
  ymd_of(d, y, m, dd);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
  return buf;
}

}  // namespace tracesim::kernel
