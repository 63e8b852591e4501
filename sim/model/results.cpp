// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/results.hpp"

#include <cmath>

namespace tracesim::model {

void ReachTimes::add(kernel::Duration d) {
  const std::int64_t ms = d.count() < 0 ? 0 : d.count();
  // Bin i holds times in (i-1, i] minutes: the quantile is an upper bound at minute resolution.
  const std::int64_t minute = (ms + kernel::kMinute.count() - 1) / kernel::kMinute.count();
  const auto bin = static_cast<std::size_t>(std::min<std::int64_t>(minute, kBins));
  ++minutes[bin];
  ++count;
  sum_ms += ms;
}

double ReachTimes::quantile_minutes(double q) const {
  if (count == 0) return 0.0;
  const auto need = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    seen += minutes[i];
    if (seen >= need && seen > 0) return static_cast<double>(i);
  }
  return static_cast<double>(kBins);
}

void WaitTimes::add(kernel::Duration d) {
  const std::int64_t ms = d.count() < 0 ? 0 : d.count();
  const std::int64_t second = (ms + 999) / 1000;
  ++seconds[static_cast<std::size_t>(std::min<std::int64_t>(second, kBins))];
  ++count;
}

double WaitTimes::quantile_seconds(double q) const {
  if (count == 0) return 0.0;
  const auto need = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < seconds.size(); ++i) {
    seen += seconds[i];
    if (seen >= need && seen > 0) return static_cast<double>(i);
  }
  return static_cast<double>(kBins);
}

}  // namespace tracesim::model
