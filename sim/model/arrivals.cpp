// SPDX-License-Identifier: Apache-2.0
#include "arrivals.hpp"

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <stdexcept>
#include <string>

namespace tracesim::model::detail {

Arrivals::Arrivals(const Plan& plan, std::uint64_t seed, std::uint64_t replication)
    : plan_{&plan},
      rng_{seed, replication},
      day_counts_{rng_.engine(stream(Stream::DailyCaseCounts))},
      inbound_counts_{rng_.engine(stream(Stream::InboundCounts))} {}

std::int64_t Arrivals::cases_on(const DayPlan& day) {
  const std::optional<double>& expected = day.expected_positives;
  if (!expected) throw std::invalid_argument("demand: the daily series has no value for " + kernel::iso_date(day.date));
  if (plan_->recorded_series) {
    // Recorded positives: each is handled by this platform with probability share_handled.
    const auto count = static_cast<std::int64_t>(*expected);
    if (plan_->share_handled >= 1.0) return count;
    if (count <= 0) return 0;
    return boost::random::binomial_distribution<std::int64_t>{count, plan_->share_handled}(day_counts_);
  }
  const double mean = *expected * plan_->share_handled;
  return mean > 0 ? boost::random::poisson_distribution<std::int64_t>{mean}(day_counts_) : 0;
}

}  // namespace tracesim::model::detail
