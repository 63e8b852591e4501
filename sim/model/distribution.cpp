// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/distribution.hpp"

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/negative_binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "detail/rounding.hpp"

namespace tracesim::model {
namespace {

Duration to_duration(double ms) {
  if (!(ms > 0.0)) return Duration{0};
  return Duration{detail::round_half_away(ms)};
}

// Linear scan: empirical tables are short, and a scan needs no allocation.
std::size_t pick_weighted(const std::vector<double>& weights, kernel::KeyedEngine& engine) {
  double total = 0.0;
  for (double w : weights) total += w;
  double u = engine.uniform01() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace

DurationSampler::DurationSampler(const DurationDist& dist) : dist_{dist} {
  const double mean = static_cast<double>(dist.mean.count());
  if (mean <= 0.0) return;
  switch (dist.law) {
    case DurationLaw::Exponential:
      first_ = 1.0 / mean;
      break;
    case DurationLaw::Lognormal: {
      // For a lognormal with mean m and coefficient of variation cv:
      // sigma² = ln(1 + cv²), mu = ln m - sigma²/2.
      const double s2 = std::log1p(dist.cv * dist.cv);
      first_ = std::log(mean) - s2 / 2.0;
      second_ = std::sqrt(s2);
      break;
    }
    case DurationLaw::Gamma:
      // Gamma with shape k = 1/cv² and scale theta = m·cv² has mean m and cv as given.
      first_ = 1.0 / (dist.cv * dist.cv);
      second_ = mean / first_;
      break;
    case DurationLaw::Deterministic:
    case DurationLaw::Empirical:
      break;
  }
}

Duration DurationSampler::operator()(kernel::KeyedEngine& engine) const {
  const DurationDist& dist = dist_;
  if (dist.law == DurationLaw::Deterministic) return dist.mean;
  if (dist.law == DurationLaw::Empirical) return dist.values[pick_weighted(dist.weights, engine)];
  if (dist.mean.count() <= 0) return Duration{0};
  switch (dist.law) {
    case DurationLaw::Exponential:
      return to_duration(boost::random::exponential_distribution<double>{first_}(engine));
    case DurationLaw::Lognormal:
      return to_duration(boost::random::lognormal_distribution<double>{first_, second_}(engine));
    case DurationLaw::Gamma:
      return to_duration(boost::random::gamma_distribution<double>{first_, second_}(engine));
    default:
      return dist.mean;
  }
}

Duration sample(const DurationDist& dist, kernel::KeyedEngine& engine) { return DurationSampler{dist}(engine); }

std::uint32_t sample(const CountDist& dist, kernel::KeyedEngine& engine) {
  switch (dist.law) {
    case CountLaw::Fixed:
      return static_cast<std::uint32_t>(std::llround(dist.mean));
    case CountLaw::Poisson:
      if (dist.mean <= 0.0) return 0;
      return static_cast<std::uint32_t>(boost::random::poisson_distribution<int>{dist.mean}(engine));
    case CountLaw::NegativeBinomial: {
      if (dist.mean <= 0.0) return 0;
      // Gamma–Poisson mixture: portable, and valid for any real k > 0 (Boost's
      // negative_binomial_distribution wants an integer number of successes).
      const double k = dist.dispersion;
      const double lambda = boost::random::gamma_distribution<double>{k, dist.mean / k}(engine);
      if (lambda <= 0.0) return 0;
      return static_cast<std::uint32_t>(boost::random::poisson_distribution<int>{lambda}(engine));
    }
    case CountLaw::Table:
      return static_cast<std::uint32_t>(pick_weighted(dist.table, engine));
  }
  return 0;
}

double mean_of(const CountDist& dist) {
  if (dist.law != CountLaw::Table) return dist.mean;
  double m = 0.0;
  for (std::size_t i = 0; i < dist.table.size(); ++i) m += static_cast<double>(i) * dist.table[i];
  return m;
}

std::string_view name_of(DurationLaw law) {
  switch (law) {
    case DurationLaw::Deterministic: return "deterministic";
    case DurationLaw::Exponential: return "exponential";
    case DurationLaw::Lognormal: return "lognormal";
    case DurationLaw::Gamma: return "gamma";
    case DurationLaw::Empirical: return "empirical";
  }
  return "?";
}

std::string_view name_of(CountLaw law) {
  switch (law) {
    case CountLaw::Fixed: return "fixed";
    case CountLaw::Poisson: return "poisson";
    case CountLaw::NegativeBinomial: return "negative_binomial";
    case CountLaw::Table: return "table";
  }
  return "?";
}

}  // namespace tracesim::model
