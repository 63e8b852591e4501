// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace tracesim::report::detail {

/// What a sweep's report draws, from the sweep folder `dir` (sweep.json,
/// points.csv). Throws scenario::InputError if a file is missing or malformed.
nlohmann::ordered_json sweep_data(const std::filesystem::path& dir);

}  // namespace tracesim::report::detail
