// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cmath>
#include <cstdint>

namespace tracesim::model::detail {

/// std::llround(x) (halves away from zero), without the library call on the hot
/// path. Exact for |x| < 2^53: the truncation and x - truncation are both exact
/// there; larger values take std::llround.
inline std::int64_t round_half_away(double x) noexcept {
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (!(x < kExact && x > -kExact)) return std::llround(x);
  auto i = static_cast<std::int64_t>(x);
  const double frac = x - static_cast<double>(i);
  if (frac >= 0.5) ++i;
  if (frac <= -0.5) --i;
  return i;
}

/// round_half_away(ms / efficiency), with no division at the usual efficiency of 1
/// (ms / 1.0 is ms exactly): the division's latency sat on the path of every call's
/// handling time, with nothing else for the processor to do meanwhile.
inline std::int64_t round_over_efficiency(double ms, double efficiency) noexcept {
  return round_half_away(efficiency == 1.0 ? ms : ms / efficiency);
}

}  // namespace tracesim::model::detail
