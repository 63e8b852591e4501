// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

// Text helpers shared by the sweep module's parsers; not installed.
namespace tracesim::sweep::detail {

/// `s` without leading and trailing spaces and tabs.
inline std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace tracesim::sweep::detail
