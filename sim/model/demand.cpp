// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/demand.hpp"

#include <cmath>

namespace tracesim::model {
namespace {

int days_in_month(int year, unsigned month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

std::optional<double> expected_positives(const CaseCurve& curve, kernel::Date d) {
  switch (curve.kind) {
    case CurveKind::Constant:
      return curve.per_day;
    case CurveKind::MonthlyTotals: {
      int y = 0;
      unsigned m = 0;
      unsigned day = 0;
      kernel::ymd_of(d, y, m, day);
      for (const MonthTotal& mt : curve.monthly) {
        if (mt.year != y || mt.month != m) continue;
        const kernel::Date first = kernel::date_from_ymd(y, m, 1);
        double weight_sum = 0;
        for (int i = 0; i < days_in_month(y, m); ++i)
          weight_sum += curve.weekday_profile[static_cast<std::size_t>(
              kernel::weekday_of(kernel::Date{first.days + i}))];
        if (weight_sum <= 0) return 0.0;
        return mt.positives *
               curve.weekday_profile[static_cast<std::size_t>(kernel::weekday_of(d))] / weight_sum;
      }
      return 0.0;  // months without a total have no cases (validation warns of gaps)
    }
    case CurveKind::DailySeries: {
      if (curve.series.empty()) return std::nullopt;
      const std::int64_t i = d.days - curve.series.front().date.days;
      if (i < 0 || i >= static_cast<std::int64_t>(curve.series.size())) return std::nullopt;
      return static_cast<double>(curve.series[static_cast<std::size_t>(i)].positives);
    }
    case CurveKind::Piecewise: {
      double value = 0;
      for (const CurveStep& s : curve.steps)
        if (s.from <= d) value = s.per_day;
      return value;
    }
    case CurveKind::Waves: {
      double value = curve.baseline_per_day;
      for (const Wave& w : curve.waves) {
        const double z = static_cast<double>(d.days - w.peak.days) / w.width_days;
        value += w.peak_per_day * std::exp(-0.5 * z * z);
      }
      return value;
    }
  }
  return 0.0;
}

}  // namespace tracesim::model
