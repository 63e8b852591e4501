// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tracesim/analytic/erlang.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/staff.hpp"

// The machine-readable answers of the search commands: what `--json` prints and
// what staff.json / calibration.json hold (docs/outputs.md). `complete` is false
// while a search runs or after it was interrupted: the file then holds the
// evidence so far and the best result so far.
namespace tracesim::cli {

/// One candidate of a calibration: its parameter values (as written) and objective.
struct CalibrationStep {
  int evaluation = 0;
  std::vector<std::string> values;
  double objective = 0;
};

nlohmann::ordered_json staff_json(const scenario::Scenario& sc, const std::string& file,
                                  const sweep::StaffSearch& search, const std::vector<sweep::LevelResult>& tried,
                                  const sweep::StaffAnswer* answer);

nlohmann::ordered_json calibration_json(const scenario::Scenario& sc, const std::string& file,
                                        const sweep::CalibrationOptions& options,
                                        const std::vector<CalibrationStep>& path,
                                        const sweep::CalibrationResult* result);

/// tracesim erlang --json: the input (times in seconds, rates per hour) and the figures.
nlohmann::ordered_json erlang_json(const analytic::ErlangInput& in, const analytic::ErlangResult& r,
                                   bool least_agents);

/// tracesim check --json: what a valid scenario holds.
nlohmann::ordered_json check_json(const std::string& file, const scenario::Scenario& sc);

}  // namespace tracesim::cli
