// SPDX-License-Identifier: Apache-2.0
#include "tracesim/scenario/units.hpp"

#include <array>
#include <cstdio>

namespace tracesim::scenario {

std::optional<kernel::Duration> parse_duration(std::string_view text) {
  struct Unit {
    std::string_view suffix;
    std::int64_t ms;
  };
  // Order matters: "ms" before "m", and components must come in this order.
  static constexpr std::array<Unit, 5> kUnits{{{"d", 86'400'000},
                                              {"h", 3'600'000},
                                              {"ms", 1},
                                              {"m", 60'000},
                                              {"s", 1000}}};
  static constexpr std::array<int, 5> kRank{0, 1, 4, 2, 3};  // d < h < m < s < ms
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  int last_rank = -1;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    std::int64_t value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > 1'000'000'000) return std::nullopt;
      ++i;
    }
    bool matched = false;
    for (std::size_t u = 0; u < kUnits.size(); ++u) {
      const auto& unit = kUnits[u];
      if (text.substr(i, unit.suffix.size()) != unit.suffix) continue;
      // "m" must not swallow the "m" of "ms".
      if (unit.suffix == "m" && text.substr(i, 2) == "ms") continue;
      if (kRank[u] <= last_rank) return std::nullopt;
      last_rank = kRank[u];
      total += value * unit.ms;
      i += unit.suffix.size();
      matched = true;
      break;
    }
    if (!matched) return std::nullopt;
  }
  return kernel::Duration{total};
}

std::string format_duration(kernel::Duration d) {
  std::int64_t ms = d.count();
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out = "-";
    ms = -ms;
  }
  const std::array<std::pair<std::int64_t, const char*>, 5> parts{
      {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}, {1, "ms"}}};
  for (const auto& [size, suffix] : parts) {
    if (ms >= size) {
      out += std::to_string(ms / size) + suffix;
      ms %= size;
    }
  }
  return out;
}

std::optional<kernel::Duration> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int h = (text[0] - '0') * 10 + (text[1] - '0');
  const int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return kernel::Duration{(h * 60 + m) * 60'000LL};
}

std::string format_clock(kernel::Duration offset) {
  const std::int64_t minutes = offset.count() / 60'000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60));
  return buf;
}

}  // namespace tracesim::scenario
