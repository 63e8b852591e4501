// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/results.hpp"

#include <cmath>

namespace tracesim::model {
namespace {

// Upper edge of the bin holding quantile q of the counts in `bins` (total `count`).
double bin_quantile(const std::vector<std::uint32_t>& bins, std::uint64_t count, double q) {
  if (count == 0) return 0.0;
  const auto need = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bins.size(); ++i) {
    seen += bins[i];
    if (seen >= need && seen > 0) return static_cast<double>(i);
  }
  return static_cast<double>(bins.size() - 1);
}

}  // namespace

void ReachTimes::add(kernel::Duration d) {
  const std::int64_t ms = d.count() < 0 ? 0 : d.count();
  // Bin i holds times in (i-1, i] minutes: the quantile is an upper bound at minute resolution.
  const std::int64_t minute = (ms + kernel::kMinute.count() - 1) / kernel::kMinute.count();
  const auto bin = static_cast<std::size_t>(std::min<std::int64_t>(minute, kBins));
  ++minutes[bin];
  ++count;
  sum_ms += ms;
}

double ReachTimes::quantile_minutes(double q) const { return bin_quantile(minutes, count, q); }

void WaitTimes::add(kernel::Duration d) {
  const std::int64_t ms = d.count() < 0 ? 0 : d.count();
  const std::int64_t second = (ms + 999) / 1000;
  ++seconds[static_cast<std::size_t>(std::min<std::int64_t>(second, kBins))];
  ++count;
}

double WaitTimes::quantile_seconds(double q) const { return bin_quantile(seconds, count, q); }

}  // namespace tracesim::model
