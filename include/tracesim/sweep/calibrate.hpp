// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "tracesim/model/results.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/kpi.hpp"

namespace tracesim::sweep {

struct CalibrationOptions {
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::uint64_t event_budget = UINT64_MAX;
  bool check_only = false;  // evaluate the targets at the scenario's values, no search
  std::vector<std::string> holdout;  // target names reported but not fitted, whatever their `fit`
};

/// One target's outcome at the fitted (or given) parameters.
struct TargetOutcome {
  scenario::CalibrationTarget target;
  double mean = 0;
  double ci_low = 0;   // 95 %
  double ci_high = 0;
  double residual = 0;  // (mean - value) / (tolerance in absolute terms)
  double relative_error = 0;  // (mean - value) / |value|
  bool within = false;        // |residual| <= 1: the mean is within the target's tolerance
};

struct CalibrationResult {
  std::vector<double> values;                // fitted parameter values, in declaration order
  std::vector<std::string> value_texts;      // as written into the scenario (durations with units)
  std::vector<TargetOutcome> targets;
  double objective = 0;                      // sum of squared residuals of the fitted targets
  int evaluations = 0;
  /// Candidates simulated: a candidate whose values are written the same as one
  /// already simulated is not run again (its replications would be the same), and
  /// BOBYQA's first candidates are simulated together before it asks for them.
  int candidates_run = 0;
  int evaluations_to_tolerance = 0;          // first evaluation with every fitted target within tolerance; 0: none
  bool interrupted = false;                  // stopped early: the values are the best point so far
  std::string calibrated_yaml;               // the scenario with the fitted values
};

/// Searches the calibration parameters of `document`, resolved with `overrides`
/// (NLopt's BOBYQA on the box of their bounds scaled to the unit box, common
/// random numbers across candidates, each candidate's replications on every
/// thread, the 2n + 1 candidates of BOBYQA's first model as one batch), to minimise the sum of squared, tolerance-scaled residuals of the
/// "fit" targets; then reports every target, held-out ones included. Each
/// candidate is the document resolved with its values added as overrides of
/// origin "calibration parameter", so a value that breaks a rule is reported like
/// one in the file. Throws scenario::ScenarioError for an ill-posed setup (more
/// free parameters than fitted targets, unless check_only; unknown KPI, a period on a KPI without a
/// daily form, no calibration section, a --holdout name that is no target).
/// When `stop` is requested during the search, returns the best point so far
/// with `interrupted` set (throws Interrupted only before any evaluation).
CalibrationResult calibrate(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                            const CalibrationOptions& options, std::stop_token stop,
                            const std::function<void(int, const std::vector<std::string>&, double)>& progress);

}  // namespace tracesim::sweep
