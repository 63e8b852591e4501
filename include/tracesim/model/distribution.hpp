// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/time.hpp"

namespace tracesim::model {

using kernel::Duration;

/// Shapes a duration can take. Means and coefficients of variation are what
/// planners know; the sampler converts them to each law's own parameters.
enum class DurationLaw : std::uint8_t { Deterministic, Exponential, Lognormal, Gamma, Empirical };

/// A distribution of durations. Deterministic uses `mean` only; Exponential
/// uses `mean`; Lognormal and Gamma use `mean` and `cv` (> 0); Empirical draws
/// one of `values` with probability proportional to `weights`.
struct DurationDist {
  DurationLaw law = DurationLaw::Deterministic;
  Duration mean{0};
  double cv = 0.0;
  std::vector<Duration> values;
  std::vector<double> weights;
};

/// Laws for counts (contacts per index case).
enum class CountLaw : std::uint8_t { Fixed, Poisson, NegativeBinomial, Table };

/// A distribution of non-negative counts. Fixed and Poisson use `mean`;
/// NegativeBinomial uses `mean` and `dispersion` (k > 0: variance = m + m²/k);
/// Table gives P(count = i) as `table[i]` (summing to 1).
struct CountDist {
  CountLaw law = CountLaw::Poisson;
  double mean = 0.0;
  double dispersion = 1.0;
  std::vector<double> table;
};

/// A deterministic duration.
inline DurationDist fixed(Duration d) {
  DurationDist dist;
  dist.mean = d;
  return dist;
}

/// An exponential duration with mean `mean`.
inline DurationDist exponential(Duration mean) {
  DurationDist dist;
  dist.law = DurationLaw::Exponential;
  dist.mean = mean;
  return dist;
}

/// A Poisson count with mean `mean`.
inline CountDist poisson(double mean) {
  CountDist dist;
  dist.mean = mean;
  return dist;
}

/// Draws one duration, rounded once to whole milliseconds (never negative).
Duration sample(const DurationDist& dist, kernel::KeyedEngine& engine);

/// The same draws as sample(), with the law's parameters (log-normal mu and
/// sigma, gamma shape and scale) worked out once instead of at every draw.
/// Keeps its own copy of `dist`. Default-constructed: always zero.
class DurationSampler {
 public:
  DurationSampler() = default;
  explicit DurationSampler(const DurationDist& dist);
  Duration operator()(kernel::KeyedEngine& engine) const;
  /// Always zero, without a draw: callers may skip it altogether.
  [[nodiscard]] bool is_zero() const noexcept {
    return dist_.law == DurationLaw::Deterministic && dist_.mean.count() == 0;
  }

 private:
  DurationDist dist_;
  double first_ = 0;   // exponential: rate; lognormal: mu; gamma: shape
  double second_ = 0;  // lognormal: sigma; gamma: scale
};

/// Draws one count.
std::uint32_t sample(const CountDist& dist, kernel::KeyedEngine& engine);

/// Expected value, for reporting and for checks.
double mean_of(const CountDist& dist);

/// Names used in scenario files and messages.
std::string_view name_of(DurationLaw law);
std::string_view name_of(CountLaw law);

}  // namespace tracesim::model
