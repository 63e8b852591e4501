// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace tracesim::output {

Estimate estimate(const std::vector<double>& values, double confidence) {
  Estimate e;
  double sum = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    sum += v;
    ++e.n;
  }
  if (e.n == 0) {
    e.mean = e.sd = e.half_width = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  e.mean = sum / e.n;
  if (e.n < 2) return e;
  double ss = 0;
  for (double v : values)
    if (!std::isnan(v)) ss += (v - e.mean) * (v - e.mean);
  e.sd = std::sqrt(ss / (e.n - 1));
  const boost::math::students_t t(e.n - 1);
  e.half_width = boost::math::quantile(t, 0.5 + confidence / 2) * e.sd / std::sqrt(static_cast<double>(e.n));
  return e;
}

}  // namespace tracesim::output
