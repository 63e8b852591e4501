// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

namespace tracesim::kernel {

/// Simulated durations: integer milliseconds, so ordering and equality are exact.
using Duration = std::chrono::duration<std::int64_t, std::milli>;

/// Tag clock for simulated time. Deliberately has no now(): the only source of
/// "now" is Simulator::now().
struct SimClock {
  using rep = Duration::rep;
  using period = Duration::period;
  using duration = Duration;
  using time_point = std::chrono::time_point<SimClock>;
  static constexpr bool is_steady = true;
};

/// A point in simulated time, counted from the start of the run (t = 0).
using SimTime = SimClock::time_point;

inline constexpr Duration kMillisecond{1};
inline constexpr Duration kSecond{1000};
inline constexpr Duration kMinute{60 * 1000};
inline constexpr Duration kHour{60 * 60 * 1000};
inline constexpr Duration kDay{24 * 60 * 60 * 1000};

/// Simulated time from a count of milliseconds since the start of the run.
constexpr SimTime at_ms(std::int64_t ms) noexcept { return SimTime{Duration{ms}}; }

/// Milliseconds since the start of the run.
constexpr std::int64_t ms_of(SimTime t) noexcept { return t.time_since_epoch().count(); }

/// Hours as a double, for reporting only (never for ordering).
constexpr double hours_of(Duration d) noexcept {
  return static_cast<double>(d.count()) / static_cast<double>(kHour.count());
}

}  // namespace tracesim::kernel
