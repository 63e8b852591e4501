// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tracesim/kernel/time.hpp"

namespace tracesim::scenario {

/// Parses a duration with mandatory units: "90s", "7m30s", "12h", "14d",
/// "1h30m", "250ms", "0s". Components in decreasing order (d, h, m, s, ms),
/// each at most once, non-negative integers. std::nullopt if malformed.
std::optional<kernel::Duration> parse_duration(std::string_view text);

/// Canonical text of a duration, as parse_duration reads it ("1h30m", "0s").
std::string format_duration(kernel::Duration d);

/// Parses a clock time "HH:MM" (00:00 to 24:00) as an offset from midnight.
std::optional<kernel::Duration> parse_clock(std::string_view text);

/// "HH:MM".
std::string format_clock(kernel::Duration offset);

}  // namespace tracesim::scenario
