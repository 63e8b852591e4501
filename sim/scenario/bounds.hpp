// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tracesim/kernel/time.hpp"

// Bounds that stop absurd inputs before they cost memory or time; the reader
// and the cross-key rules share them.
namespace tracesim::scenario::detail {

inline constexpr int kMaxDays = 3660;                            // ten years, start to end inclusive
inline constexpr double kMaxPerDay = 1e7;                        // index cases (or calls) per day
inline constexpr double kMaxFte = 100000;
inline constexpr int kMaxAgentsPerShift = 100000;
inline constexpr double kMaxStaffingLevel = 10;               // weekday profile and holiday level
inline constexpr double kMaxIndexCases = 2e8;                    // over the whole calendar
inline constexpr double kMaxPeople = 5e8;                        // index cases and contacts, expected
inline constexpr double kMaxInboundCalls = 5e8;                  // independent inbound calls, expected
inline constexpr kernel::Duration kMaxDuration = 365 * kernel::kDay;  // any duration key

}  // namespace tracesim::scenario::detail
