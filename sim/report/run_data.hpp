// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace tracesim::report::detail {

/// What a run's report draws, from the run folder `dir` (summary.json,
/// daily.csv, scenario.resolved.yaml). Throws scenario::InputError if a file is
/// missing or malformed.
nlohmann::ordered_json run_data(const std::filesystem::path& dir);

}  // namespace tracesim::report::detail
